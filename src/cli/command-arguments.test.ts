import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Issue } from "../issues/issue.ts";
import { choiceOption, numberOption, parseArguments, wholeOption } from "./command-arguments.ts";

const options = {
  draws: { type: "string" },
  out: { type: "string" },
  format: { type: "string" },
} as const;
const messages = (args: string[]) => {
  const parsed = parseArguments(args, options);
  return parsed.ok ? [] : parsed.issues.map((i) => i.message);
};

/** Issue #15, item 12: the CLI's argument parser names every problem, never throws. */
describe("parseArguments", () => {
  it("takes values after the option or with =, and positionals", () => {
    expect(parseArguments(["a", "--draws", "5", "--out=x.csv", "b"], options)).toEqual({
      ok: true,
      value: { values: { draws: "5", out: "x.csv" }, positionals: ["a", "b"] },
    });
  });

  it("takes a negative number as a separate word as the value (the range check names it)", () => {
    expect(parseArguments(["--draws", "-1"], options)).toEqual({
      ok: true,
      value: { values: { draws: "-1" }, positionals: [] },
    });
    const issues: Issue[] = [];
    expect(wholeOption("draws", "-1", 1, 100_000, issues)).toBeUndefined();
    expect(issues).toEqual([
      { path: "--draws", message: '"-1" is not a whole number from 1 to 100000' },
    ]);
  });

  it("refuses an option given twice, naming it", () => {
    expect(messages(["--format", "csv", "--format", "json"])).toEqual([
      "--format is given 2 times; give it once",
    ]);
  });

  it("says --out needs a file name when it has none, or an option where its value should be", () => {
    expect(messages(["--out", ""])).toEqual(["--out needs a file name"]);
    expect(messages(["--out"])).toEqual(["--out needs a file name"]);
    expect(messages(["--out", "--format", "csv"])).toEqual([
      '--out needs a file name, got "--format", which looks like an option; to give a value that starts with a dash, write --out=--format',
    ]);
    expect(messages(["--out=--odd.csv"])).toEqual([]);
  });

  it("names an unknown option, its name cut, with the options there are", () => {
    expect(messages(["--bogus"])).toEqual([
      "unknown option --bogus; options: --draws, --out, --format",
    ]);
    const [long] = messages([`--${"x".repeat(200_000)}`]);
    expect(long!.length).toBeLessThan(200);
    expect(parseArguments(["-x"], {}).ok).toBe(false);
  });

  it("never throws, and accepts only known options, each once, with a value (law)", () => {
    const word = fc.oneof(
      fc.string(),
      fc.constantFrom("--draws", "--out", "--format", "--", "-", "-1", "--draws=-2", "--out="),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), (args) => {
        const parsed = parseArguments(args, options);
        if (!parsed.ok) {
          expect(parsed.issues.length).toBeGreaterThan(0);
          return;
        }
        for (const [name, value] of Object.entries(parsed.value.values)) {
          expect(Object.keys(options)).toContain(name);
          expect(value).not.toBe("");
          // (after a lone "--" every word is a positional)
          const end = args.indexOf("--");
          const before = end < 0 ? args : args.slice(0, end);
          const given = before.filter((a) => a === `--${name}` || a.startsWith(`--${name}=`));
          expect(given.length).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("numberOption", () => {
  it("reads plain decimals only: no hex, exponent, spaces or infinities", () => {
    for (const raw of ["0x10", "1e3", " 5", "5 ", "Infinity", "", "+1", "1_000", "0b1"]) {
      const issues: Issue[] = [];
      expect([raw, numberOption("price", raw, 0, 1e10, issues)]).toEqual([raw, undefined]);
      expect(issues).toEqual([
        {
          path: "--price",
          message: `${JSON.stringify(raw)} is not a plain decimal number from 0 to 10000000000`,
        },
      ]);
    }
    const issues: Issue[] = [];
    expect(numberOption("price", "16", 0, 1e10, issues)).toBe(16);
    expect(numberOption("price", "-0.5", -1, 1, issues)).toBe(-0.5);
    expect(numberOption("price", ".25", 0, 1, issues)).toBe(0.25);
    expect(numberOption("price", undefined, 0, 1, issues)).toBeUndefined();
    expect(issues).toEqual([]);
    expect(numberOption("price", "2", 0, 1, issues)).toBeUndefined();
    expect(issues).toEqual([
      { path: "--price", message: '"2" is not a plain decimal number from 0 to 1' },
    ]);
  });
});

describe("choiceOption", () => {
  it("is the default when not given, the value when allowed, else an issue at the flag worded by oneOf", () => {
    const issues: Issue[] = [];
    expect(choiceOption("format", undefined, ["csv", "json"], "csv", issues)).toBe("csv");
    expect(choiceOption("format", "json", ["csv", "json"], "csv", issues)).toBe("json");
    expect(choiceOption("basis", "posterier", ["posterior", "prior"], undefined, issues)).toBe(
      undefined,
    );
    expect(issues).toEqual([
      {
        path: "--basis",
        message: '"posterier" is not one of posterior, prior (did you mean "posterior"?)',
      },
    ]);
  });
});
