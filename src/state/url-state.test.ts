import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Scenario } from "../scenario/scenario.ts";
import { MAX_QUERY_LENGTH, decodeScenarioQuery, encodeScenarioQuery } from "./url-state.ts";

const example: Scenario = {
  schemaVersion: 1,
  title: "Deeper cuts in London & Kent",
  extends: "volumes-as-they-fell",
  parameters: {
    "ffs.toleranceBand": 0.02,
    "volume.shortfall.2017-18": { value: 0.3, byOwner: { sodexo: 0.4 }, byCrc: { london: 0.35 } },
    "staff.payAward": { byYear: { "2019-20": 0.01 } },
    "termination.endDate": "2020-12",
  },
};

describe("URL state", () => {
  it("writes one readable, sorted parameter per override", () => {
    expect(encodeScenarioQuery(example)).toBe(
      "v=1&extends=volumes-as-they-fell&title=Deeper%20cuts%20in%20London%20%26%20Kent" +
        "&ffs.toleranceBand=0.02&staff.payAward(fy.2019-20)=0.01&termination.endDate=2020-12" +
        "&volume.shortfall.2017-18=0.3&volume.shortfall.2017-18(crc.london)=0.35" +
        "&volume.shortfall.2017-18(owner.sodexo)=0.4",
    );
  });

  it("round-trips a scenario exactly", () => {
    expect(decodeScenarioQuery("?" + encodeScenarioQuery(example))).toEqual({
      ok: true,
      value: example,
    });
  });

  it("round-trips any numbers exactly (law: decode ∘ encode = id)", () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
        fc.constantFrom("london", "wales", "dtv"),
        (x, crc) => {
          const scenario: Scenario = {
            schemaVersion: 1,
            parameters: { "a.b": { value: x, byCrc: { [crc]: -x } } },
          };
          const decoded = decodeScenarioQuery(encodeScenarioQuery(scenario));
          expect(decoded).toEqual({
            ok: true,
            value: {
              schemaVersion: 1,
              parameters: {
                "a.b": { value: x === 0 ? 0 : x, byCrc: { [crc]: -x === 0 ? 0 : -x } },
              },
            },
          });
        },
      ),
    );
  });

  it("ignores view state under keys starting with _", () => {
    expect(decodeScenarioQuery("v=1&_crc=london&_seed=7")).toEqual({
      ok: true,
      value: { schemaVersion: 1 },
    });
  });

  it("reports a missing or unknown version", () => {
    expect(decodeScenarioQuery("extends=x")).toEqual({
      ok: false,
      issues: [{ path: "v", message: "is missing; this address format is version 1" }],
    });
    expect(decodeScenarioQuery("v=9")).toMatchObject({ ok: false, issues: [{ path: "v" }] });
  });

  it("reports malformed keys and repeated keys, every one", () => {
    const result = decodeScenarioQuery("v=1&a(b)=1&x=1&x=2&<script>=1");
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: "a(b)",
          message: "is not a parameter id, nor id(fy.YYYY-YY), id(owner.ID) or id(crc.ID)",
        },
        { path: "x", message: "appears more than once" },
        {
          path: "<script>",
          message: "is not a parameter id, nor id(fy.YYYY-YY), id(owner.ID) or id(crc.ID)",
        },
      ],
    });
  });

  it("keeps __proto__ as a plain key (no prototype pollution)", () => {
    const result = decodeScenarioQuery("v=1&constructor=1&x(crc.__proto__)=2");
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    if (!result.ok) return;
    const parameters = result.value.parameters as Record<string, { byCrc: object }>;
    expect(Object.keys(parameters)).toEqual(["constructor", "x"]);
    expect(Object.getOwnPropertyNames(parameters.x!.byCrc)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(parameters.x!.byCrc)).toBe(Object.prototype);
  });

  it("refuses an overlong address", () => {
    const result = decodeScenarioQuery("v=1&" + "a".repeat(MAX_QUERY_LENGTH));
    expect(result).toMatchObject({ ok: false, issues: [{ path: "" }] });
  });
});
