import { describe, expect, it } from "vitest";
import { formatIssue } from "../issues/issue.ts";
import { MAX_COMPARED, selectionFromSearch, selectionQuery } from "./compare-selection.ts";

describe("URL selection", () => {
  const known = new Set(["contract-as-let", "pbr-low", "pbr-high", "saved:a, b"]);

  it("reads base and the compared ids", () => {
    expect(
      selectionFromSearch("?_base=contract-as-let&_with=pbr-low,pbr-high", known, "pbr-low"),
    ).toEqual({
      ok: true,
      value: { base: "contract-as-let", with: ["pbr-low", "pbr-high"] },
      warnings: [],
    });
  });

  it("round-trips saved names with commas", () => {
    const q = selectionQuery("pbr-low", ["saved:a, b", "pbr-high"]);
    expect(selectionFromSearch(q, known, "x")).toEqual({
      ok: true,
      value: { base: "pbr-low", with: ["saved:a, b", "pbr-high"] },
      warnings: [],
    });
  });

  it("reports and drops bad values, falling back for the baseline", () => {
    const s = selectionFromSearch("?_base=nope&_with=pbr-low,%E0%A4%A,zzz", known, "pbr-high");
    expect(s.value.base).toBe("pbr-high");
    expect(s.value.with).toEqual(["pbr-low"]);
    expect(s.warnings.map(formatIssue)).toEqual([
      '_base: "nope" is not a preset or saved scenario',
      expect.stringMatching(/^_with: ".*%A" is not a valid id$/),
      '_with: "zzz" is not a preset or saved scenario',
    ]);
  });

  it("drops the baseline from the compared list and caps it", () => {
    const many = new Set(Array.from({ length: 9 }, (_, i) => `p${i}`));
    const s = selectionFromSearch(`?_base=p0&_with=${[...many].join(",")}`, many, "p0");
    expect(s.value.with).toHaveLength(MAX_COMPARED);
    expect(s.value.with).not.toContain("p0");
    expect(s.warnings.map((w) => w.path)).toEqual(["_with"]);
  });
});
