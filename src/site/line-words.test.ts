import { describe, expect, it } from "vitest";
import { LINES } from "../engine/lines.ts";
import { LINE_LABELS, LINE_WORDS, lineWords } from "./line-words.ts";

describe("LINE_WORDS (issue #13 item 5)", () => {
  it("names every ledger line in each position, one wording per line", () => {
    expect(Object.keys(LINE_WORDS).sort()).toEqual([...LINES].sort());
    for (const line of LINES) {
      const w = LINE_WORDS[line];
      expect(w.label.toLowerCase()).toBe(w.inText.toLowerCase().replace(" in post", ""));
    }
    expect(LINE_WORDS.termination).toEqual({
      label: "Termination payment",
      inText: "termination payment",
      inTable: "Income: termination payment",
    });
    expect(LINE_WORDS.staff_cost.inTable).toBe("Costs: staff");
    expect(LINE_LABELS.profit).toBe("Profit or loss");
  });

  it("gives a name that is not a line back as it is", () => {
    expect(lineWords("nope")).toEqual({ label: "nope", inText: "nope", inTable: "nope" });
    expect(lineWords("toString").label).toBe("toString");
  });
});
