import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wrapText } from "./wrap-text.ts";

describe("wrapText", () => {
  it("wraps at word boundaries", () => {
    expect(wrapText("the quick brown fox jumps", 10)).toEqual(["the quick", "brown fox", "jumps"]);
  });
  it("cuts a word longer than a line (a URL) into pieces", () => {
    expect(wrapText("see http://127.0.0.1/x?v=1", 8)).toEqual([
      "see",
      "http://1",
      "27.0.0.1",
      "/x?v=1",
    ]);
  });
  it("gives no lines for blank text", () => {
    expect(wrapText("  \n ", 5)).toEqual([]);
  });
  it("refuses a width below one character", () => {
    expect(() => wrapText("a", 0)).toThrow(/maxChars must be a whole number ≥ 1, got 0/);
  });
  it("keeps every line within the width and every non-space character in order", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 60 }), (text, width) => {
        const lines = wrapText(text, width);
        for (const l of lines) {
          expect(l.length).toBeLessThanOrEqual(width);
          expect(l).toBe(l.trim());
          expect(l).not.toBe("");
        }
        expect(lines.join("").replace(/\s+/g, "")).toBe(text.replace(/\s+/g, ""));
      }),
    );
  });
});
