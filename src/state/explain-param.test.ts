import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MONEY_LINES } from "../engine/lines.ts";
import { periodMap, PERIODS } from "../engine/periods.ts";
import { formatIssue } from "../issues/issue.ts";
import { decodeScenarioQuery, encodeScenarioQuery } from "./url-state.ts";
import {
  EXPLAIN_KEY,
  encodeExplainParam,
  explainDeltaFromSearch,
  explainFromSearch,
} from "./explain-param.ts";

const CRCS = [
  { id: "wales", ownerId: "working-links" },
  { id: "cumbria-lancashire", ownerId: "sodexo" },
  { id: "london", ownerId: "mtc-novo" },
];
const search = (value: string) =>
  `?v=1&extends=pbr-high&${EXPLAIN_KEY}=${encodeURIComponent(value)}`;

describe("_explain in the address", () => {
  it("round-trips every figure of every CRC, owner and the nation, beside the scenario", () => {
    const who = [...CRCS.map((c) => c.id), "sodexo", "ALL"];
    fc.assert(
      fc.property(
        fc.constantFrom(...who),
        fc.constantFrom(...MONEY_LINES),
        fc.constantFrom(...PERIODS).chain((by) => fc.constantFrom(...periodMap(by).labels)),
        (crc, line, period) => {
          const ref = { crc, line, period };
          expect(explainFromSearch(search(encodeExplainParam(ref)), CRCS)).toEqual({
            ok: true,
            value: ref,
          });
        },
      ),
    );
    // The scenario decoder ignores it (a view key).
    const scenario = { schemaVersion: 1 as const, extends: "pbr-high" };
    expect(decodeScenarioQuery(search("wales.profit.total"))).toEqual({
      ok: true,
      value: scenario,
    });
    expect(encodeScenarioQuery(scenario)).toBe("v=1&extends=pbr-high");
  });

  it("is absent when the address has none", () => {
    const none = { ok: true, value: undefined };
    expect(explainFromSearch("?v=1&extends=pbr-high", CRCS)).toEqual(none);
    expect(explainFromSearch("", CRCS)).toEqual(none);
  });

  it("names the form for a malformed value", () => {
    for (const bad of ["wales", "wales.profit", "a.b.c.d", "wales..total", ""]) {
      expect(explainFromSearch(search(bad), CRCS)).toEqual({
        ok: false,
        issues: [
          {
            path: "_explain",
            message: expect.stringMatching(/ is not <crc \| owner \| ALL>\.<line>\.<period>/),
          },
        ],
      });
    }
    expect(explainFromSearch(`${search("ALL.profit.total")}&_explain=x`, CRCS)).toEqual({
      ok: false,
      issues: [{ path: "_explain", message: "appears 2 times" }],
    });
    expect(explainFromSearch(search("x".repeat(500)), CRCS)).toEqual({
      ok: false,
      issues: [{ path: "_explain", message: "is 500 characters long; a figure is at most 200" }],
    });
  });

  it("names the allowed values for an unknown CRC, line or period", () => {
    const result = explainFromSearch(search("walse.proft.2030-31"), CRCS);
    if (result.ok) throw new Error("expected issues");
    const shown = result.issues.map(formatIssue);
    expect(shown).toHaveLength(3);
    expect(shown[0]).toMatch(
      /^_explain\.crc: unknown CRC "walse" \(did you mean "wales"\?\); CRCs: wales/,
    );
    expect(shown[1]).toMatch(/^_explain\.line: unknown line "proft".*did you mean "profit"/);
    expect(shown[2]).toMatch(/^_explain\.period: unknown period "2030-31"; periods: months/);
  });
});

describe("_explain and _vs on the Compare page", () => {
  const known = new Set(["pbr-high", "no-variation"]);
  it("reads the figure and the compared scenario", () => {
    expect(
      explainDeltaFromSearch(
        "?_base=no-variation&_explain=ALL.profit.total&_vs=pbr-high",
        CRCS,
        known,
      ),
    ).toEqual({
      ok: true,
      value: { ref: { crc: "ALL", line: "profit", period: "total" }, vs: "pbr-high" },
    });
    expect(explainDeltaFromSearch("?_base=no-variation", CRCS, known)).toEqual({
      ok: true,
      value: undefined,
    });
  });

  it("names what is missing or unknown", () => {
    expect(explainDeltaFromSearch("?_vs=pbr-high", CRCS, known)).toEqual({
      ok: false,
      issues: [{ path: "_vs", message: "needs _explain (the figure to explain)" }],
    });
    expect(explainDeltaFromSearch("?_explain=ALL.profit.total", CRCS, known)).toEqual({
      ok: false,
      issues: [{ path: "_vs", message: "is missing (the scenario compared with the baseline)" }],
    });
    const both = explainDeltaFromSearch("?_explain=ALL.profit.never&_vs=atlantis", CRCS, known);
    expect(both.ok || both.issues.map(formatIssue)).toEqual([
      expect.stringMatching(/^_explain\.period: unknown period "never"/),
      '_vs: "atlantis" is not a preset or saved scenario',
    ]);
  });
});
