import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MODEL_VERSION } from "./model-version.ts";

describe("MODEL_VERSION", () => {
  it("is package.json's version", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    expect(MODEL_VERSION).toBe(pkg.version);
    expect(MODEL_VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });
});
