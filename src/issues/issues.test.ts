import type { Issue } from "./issue.ts";
import {
  LISTED_CHOICES_FIRST,
  LISTED_CHOICES_MAX,
  listChoices,
  listValue,
  monthText,
  numberText,
  objectValue,
  oneOf,
  textMatching,
  textValue,
  wholeNumber,
  wholeText,
} from "./readers.ts";
import { boundedEditDistance, closest, createHinter, hintDistance } from "./did-you-mean.ts";
import { clip, describeValue, indexPath, isNot, joinPath } from "./describe-value.ts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { testDataset } from "../../test/fixtures/test-dataset.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";

/** The full edit distance (Levenshtein), as the hints used to compute it. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current.push(
        Math.min(
          previous[j]! + 1,
          current[j - 1]! + 1,
          previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
        ),
      );
    previous = current;
  }
  return previous[b.length]!;
}

describe("boundedEditDistance", () => {
  it("is the edit distance up to its limit, and limit + 1 beyond (law)", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 12 }),
        fc.string({ maxLength: 12 }),
        fc.integer({ min: 0, max: 8 }),
        (a, b, limit) => {
          expect(boundedEditDistance(a, b, limit)).toBe(Math.min(editDistance(a, b), limit + 1));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("closest and its budget (issue #15, item 8)", () => {
  it("suggests as before: the nearest candidate within a third of the word", () => {
    expect(closest("ffs.tolerance", ["ffs.toleranceBand", "ffs.fixedShare"])).toBe(
      "ffs.toleranceBand",
    );
    expect(closest("londn", ["london", "wales"])).toBe("london");
    expect(closest("zzzzzz", ["london", "wales"])).toBeUndefined();
  });

  it("gives no hint for a key under 3 characters, nor one that changes half of what was typed", () => {
    // one letter is an edit or two from every short key: a hint would be a guess
    expect(closest("x", ["y", "fy", "id"])).toBeUndefined();
    expect(closest("fz", ["fy", "id"])).toBeUndefined();
    expect(createHinter(["by", "fy"])("b")).toBe("");
    // 3 characters: one edit; then two (a swapped pair), or a third of a long id
    expect(closest("fyy", ["fy"])).toBe("fy");
    expect(closest("fxx", ["fy"])).toBeUndefined();
    expect(closest("pret", ["pert"])).toBe("pert");
    expect(closest("beta", ["pert"])).toBeUndefined();
    expect(closest("fromat", ["format"])).toBe("format");
    expect(closest("frmta", ["format"])).toBeUndefined();
    expect([0, 1, 2, 3, 4, 5, 8, 9, 40].map(hintDistance)).toEqual([0, 0, 0, 1, 2, 2, 2, 3, 13]);
  });

  it("answers a 300,000-character word at once, with no hint", () => {
    const t = performance.now();
    expect(closest("a".repeat(300_000), ["a".repeat(30)])).toBeUndefined();
    expect(performance.now() - t).toBeLessThan(50);
  });

  it("stops hinting once a document's budget is spent", () => {
    const hint = createHinter(["parameters", "schemaVersion"], { cells: 100 });
    expect(hint("paramters")).toBe(' (did you mean "parameters"?)');
    expect(hint("paramters")).toBe("");
  });

  it("validates a hostile file in well under a second: 20,000 unknown keys, or one huge key", async () => {
    const dataset = await testDataset();
    const keys = Array.from({ length: 20_000 }, (_, i) => `x${i.toString(36)}.parmeter${i % 97}`);
    const docs = [
      { schemaVersion: 1, parameters: Object.fromEntries(keys.map((k) => [k, 1])) },
      { schemaVersion: 1, ...Object.fromEntries(keys.map((k) => [k, 1])) },
      {
        schemaVersion: 1,
        parameters: { "ffs.fixedShare": { byCrc: Object.fromEntries(keys.map((k) => [k, 0.2])) } },
      },
      {
        schemaVersion: 1,
        uncertainty: { distributions: Object.fromEntries(keys.map((k) => [k, "point"])) },
      },
      { schemaVersion: 1, parameters: { ["p".repeat(300_000)]: 1 } },
    ];
    for (const doc of docs) {
      const t = performance.now();
      const result = validateScenario(doc, dataset);
      expect(result.ok).toBe(false);
      expect(performance.now() - t).toBeLessThan(800);
    }
  });
});

describe("echoed user text", () => {
  it("is cut to 80 characters with its length, in values, keys and paths", () => {
    expect(clip("short")).toBe("short");
    expect(clip("x".repeat(100))).toBe(`${"x".repeat(80)}…(100 characters)`);
    expect(describeValue("y".repeat(1000))).toBe(`"${"y".repeat(80)}"…(1000 characters)`);
    expect(joinPath("parameters", "z".repeat(90))).toBe(
      `parameters.${"z".repeat(80)}…(90 characters)`,
    );
  });

  it("is worded one way: the value first, and a list item as [i] in a path", () => {
    expect(isNot([], "text")).toBe("a list is not text");
    expect(isNot("x".repeat(81), "a month")).toBe(
      `"${"x".repeat(80)}"…(81 characters) is not a month`,
    );
    expect(joinPath(indexPath("scenarios", 1), "name")).toBe("scenarios[1].name");
  });
});

describe("the text readers (an address's or a command line's values)", () => {
  it("read plain digits, decimals and months, quoting a refused value as written", () => {
    const issues: Issue[] = [];
    expect(wholeText("12", 1, 100, "_draws", issues)).toBe(12);
    expect(wholeText("1e3", 1, 100, "_draws", issues)).toBeUndefined();
    expect(numberText("0.5", 0, 1, "_rho", issues)).toBe(0.5);
    expect(numberText("0x1", 0, 1, "_rho", issues)).toBeUndefined();
    expect(monthText("2016-09", "_asof", issues)).toBe("2016-09");
    expect(monthText("2016-13", "_asof", issues)).toBeUndefined();
    expect(issues).toEqual([
      { path: "_draws", message: '"1e3" is not a whole number from 1 to 100' },
      { path: "_rho", message: '"0x1" is not a number from 0 to 1' },
      { path: "_asof", message: '"2016-13" is not a month YYYY-MM (e.g. 2016-09)' },
    ]);
  });
});

describe("the readers of a document's values (a file a script wrote)", () => {
  it("read whole numbers, text of a form, objects and lists, naming a refused value", () => {
    const issues: Issue[] = [];
    expect(wholeNumber(-12, "a", issues)).toBe(-12);
    expect(wholeNumber(0.5, "a.b", issues, "a whole number of pence")).toBeUndefined();
    expect(wholeNumber(2 ** 53, "a", issues)).toBeUndefined();
    expect(textMatching("0.2.0", /^\d+\.\d+\.\d+$/, "a version", "v", issues)).toBe("0.2.0");
    expect(textMatching(3, /^\d+$/, "digits", "v", issues)).toBeUndefined();
    expect(objectValue({ x: 1 }, "o", issues)).toEqual({ x: 1 });
    expect(objectValue([], "o", issues)).toBeUndefined();
    expect(listValue([1], "l", issues)).toEqual([1]);
    expect(listValue(null, "l", issues, "a list of figures")).toBeUndefined();
    expect(textValue("t", "t", issues)).toBe("t");
    expect(textValue(3, "t", issues)).toBeUndefined();
    expect(issues).toEqual([
      { path: "a.b", message: "0.5 is not a whole number of pence" },
      { path: "a", message: "9007199254740992 is not a whole number" },
      { path: "v", message: "3 is not digits" },
      { path: "o", message: "a list is not an object" },
      { path: "l", message: "null is not a list of figures" },
      { path: "t", message: "3 is not text" },
    ]);
  });
});

describe("oneOf's list of choices", () => {
  const ids = Array.from({ length: 46 }, (_, i) => `param.number${i}`);

  it("names every choice of a short list, and the first few of a long one with a count of the rest", () => {
    const issues: Issue[] = [];
    expect(oneOf("x", ["a", "b"], "k", issues)).toBeUndefined();
    expect(oneOf("nope", ids, "_gx", issues)).toBeUndefined();
    expect(issues).toEqual([
      { path: "k", message: '"x" is not one of a, b' },
      {
        path: "_gx",
        message: `"nope" is not one of ${ids.slice(0, 10).join(", ")}, … and 36 more`,
      },
    ]);
    const whole = ids.slice(0, LISTED_CHOICES_MAX);
    expect(listChoices(whole)).toBe(whole.join(", "));
    expect(listChoices(ids.slice(0, LISTED_CHOICES_MAX + 1))).toBe(
      `${ids.slice(0, LISTED_CHOICES_FIRST).join(", ")}, … and ${LISTED_CHOICES_MAX + 1 - LISTED_CHOICES_FIRST} more`,
    );
  });

  it("hints the closest choice even when it is not among those listed", () => {
    const issues: Issue[] = [];
    oneOf("param.numbr40", ids, "_gy", issues);
    expect(issues[0]!.message).toBe(
      `"param.numbr40" is not one of ${ids.slice(0, 10).join(", ")}, … and 36 more (did you mean "param.number40"?)`,
    );
  });

  it("is the same message for the same list and value, whatever came before (law)", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 60 }), fc.string(), (allowed, value) => {
        const first: Issue[] = [];
        const second: Issue[] = [];
        oneOf(value, allowed, "p", first);
        oneOf(value, allowed, "p", second);
        expect(second).toEqual(first);
        if (first.length > 0)
          expect(first[0]!.message.length).toBeLessThan(
            300 + allowed.slice(0, LISTED_CHOICES_MAX).join(", ").length,
          );
      }),
    );
  });
});
