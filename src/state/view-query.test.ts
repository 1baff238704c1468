import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { viewQuery } from "./view-query.ts";

describe("viewQuery", () => {
  it("appends the view keys with a _ prefix, encoded, leaving out empty values", () => {
    expect(
      viewQuery("v=1&extends=pbr-high", {
        draws: "200",
        output: "crc:london",
        line: undefined,
        note: "",
        rho: 0.5,
      }),
    ).toBe("v=1&extends=pbr-high&_draws=200&_output=crc%3Alondon&_rho=0.5");
    expect(viewQuery("?v=1", {})).toBe("v=1");
    expect(viewQuery("", { seed: "1" })).toBe("_seed=1");
  });

  it("reads back to the same values through URLSearchParams", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), fc.string({ minLength: 1 })),
        (view) => {
          const params = new URLSearchParams(viewQuery("v=1", view));
          expect(params.get("v")).toBe("1");
          for (const [k, v] of Object.entries(view)) expect(params.get(`_${k}`)).toBe(v);
        },
      ),
    );
  });
});
