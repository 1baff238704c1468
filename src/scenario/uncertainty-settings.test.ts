import { describe, expect, it } from "vitest";
import { parseUncertainty, mergeUncertainty } from "./uncertainty-settings.ts";

describe("parseUncertainty", () => {
  it("accepts a full block", () => {
    const block = {
      draws: 500,
      seed: 0,
      shape: "triangular",
      distributions: {
        "ffs.toleranceBand": { shape: "uniform", low: 0.02, high: 0.08 },
        "cost.bidMargin": "normal",
        "variation.start": { low: "2017-04", high: "2017-12" },
      },
      correlation: { "volume.shortfall": 0.5 },
    };
    expect(parseUncertainty(block, "uncertainty")).toEqual({ settings: block, issues: [] });
  });

  it("names each bad field and the allowed range", () => {
    const { issues } = parseUncertainty(
      {
        draws: 0,
        seed: 2 ** 32,
        shape: "beta",
        distributions: {
          a: "lognormal",
          b: { shape: "pert", low: 1 },
          c: { low: true, high: 2 },
          d: { shap: "pert" },
          e: 3,
        },
        correlation: { x: 1.5, y: "high" },
        sigma: 1,
      },
      "uncertainty",
    );
    expect(issues).toEqual([
      {
        path: "uncertainty.draws",
        message: "0 is not a whole number from 1 to 100000",
      },
      {
        path: "uncertainty.seed",
        message: "4294967296 is not a whole number from 0 to 4294967295",
      },
      {
        path: "uncertainty.shape",
        message: '"beta" is not one of point, uniform, triangular, pert, normal',
      },
      {
        path: "uncertainty.distributions.a",
        message:
          '"lognormal" is not one of point, uniform, triangular, pert, normal (did you mean "normal"?)',
      },
      {
        path: "uncertainty.distributions.b",
        message: 'give both "low" and "high" (the plausible range), or neither (the data\'s range)',
      },
      {
        path: "uncertainty.distributions.c.low",
        message: 'true is not a number or a "YYYY-MM" month in the parameter\'s unit',
      },
      {
        path: "uncertainty.distributions.d.shap",
        message: 'unknown key "shap" (did you mean "shape"?); allowed: shape, low, high',
      },
      {
        path: "uncertainty.distributions.e",
        message:
          "3 is not a shape (point, uniform, triangular, pert, normal) or an object with shape, low, high",
      },
      {
        path: "uncertainty.correlation.x",
        message: "1.5 is not a correlation; it must be a number from 0 to 1",
      },
      {
        path: "uncertainty.correlation.y",
        message: '"high" is not a correlation; it must be a number from 0 to 1',
      },
      {
        path: "uncertainty.sigma",
        message: 'unknown key "sigma"; allowed: draws, seed, shape, distributions, correlation',
      },
    ]);
  });

  it("uses bare paths for run options, and refuses non-whole draws and seeds", () => {
    expect(parseUncertainty({ draws: 2.5, seed: -1 }, "").issues).toEqual([
      {
        path: "draws",
        message: "2.5 is not a whole number from 1 to 100000",
      },
      {
        path: "seed",
        message: "-1 is not a whole number from 0 to 4294967295",
      },
    ]);
    expect(parseUncertainty([], "uncertainty").issues[0]!.path).toBe("uncertainty");
  });
});

describe("mergeUncertainty", () => {
  it("lays the child over the parent: scalars replace, maps merge id by id", () => {
    const merged = mergeUncertainty(
      {
        draws: 100,
        seed: 1,
        distributions: { a: { shape: "pert", low: 1, high: 2 }, b: "uniform" },
        correlation: { a: 0.2, b: 0.3 },
      },
      {
        seed: 9,
        distributions: { a: "triangular", c: "normal" },
        correlation: { b: 1 },
      },
    );
    expect(merged).toEqual({
      draws: 100,
      seed: 9,
      distributions: {
        a: { shape: "triangular", low: 1, high: 2 },
        b: { shape: "uniform" },
        c: { shape: "normal" },
      },
      correlation: { a: 0.2, b: 1 },
    });
  });

  it("replaces a range as a pair, and is the identity with nothing on one side", () => {
    const merged = mergeUncertainty(
      { distributions: { a: { shape: "pert", low: 1, high: 2 } } },
      { distributions: { a: { low: 0, high: 5 } } },
    );
    expect(merged).toEqual({ distributions: { a: { shape: "pert", low: 0, high: 5 } } });
    expect(mergeUncertainty(undefined, { draws: 3 })).toEqual({ draws: 3 });
    expect(mergeUncertainty({ draws: 3 }, undefined)).toEqual({ draws: 3 });
  });
});

describe("parseUncertainty: reserved keys (issue #15)", () => {
  it("refuses __proto__, constructor and prototype as ids, with the path", () => {
    const block = JSON.parse(
      `{"__proto__": 1, "distributions": {"__proto__": "point", "constructor": "uniform"},
        "correlation": {"prototype": 0.5, "__proto__": 0.5}}`,
    ) as unknown;
    const { issues, settings } = parseUncertainty(block, "uncertainty");
    expect(issues.map((i) => i.path)).toEqual([
      "uncertainty.__proto__",
      "uncertainty.distributions.__proto__",
      "uncertainty.distributions.constructor",
      "uncertainty.correlation.prototype",
      "uncertainty.correlation.__proto__",
    ]);
    for (const issue of issues) expect(issue.message).toMatch(/is not allowed as a key/);
    expect(settings.distributions).toEqual({});
    expect(settings.correlation).toEqual({});
  });
});
