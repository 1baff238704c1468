import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { csvParse } from "d3";
import { join } from "node:path";
import Decimal from "decimal.js";
import { beforeAll, describe, expect, it } from "vitest";
import type { Dataset, Parameter } from "./dataset.ts";
import { formatIssue } from "../issues/issue.ts";
import { loadDataset } from "./load-from-disk.ts";
import { figure, paramRowsByCrc } from "./lookup.ts";

// Integrity of the shipped data/: provenance, owners, and exact reconciliation of every derived
// per-CRC value with the national figure it was split from.

let ds: Dataset;
beforeAll(async () => {
  const result = await loadDataset("data");
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join("\n"));
  ds = result.value;
});

const CRC_IDS = [
  "northumbria",
  "south-yorkshire",
  "cumbria-lancashire",
  "essex",
  "bench",
  "norfolk-suffolk",
  "cheshire-gm",
  "hampshire-iow",
  "hlny",
  "merseyside",
  "west-yorkshire",
  "bgsw",
  "ddc",
  "wales",
  "swm",
  "dlnr",
  "london",
  "thames-valley",
  "kss",
  "wwm",
  "dtv",
];

const PER_CRC_IDS = [
  "size.annualPrice",
  "size.baselineWav",
  "size.caseload2014",
  "staff.fteJune2014",
  "volume.shortfall.2015-16",
  "volume.shortfall.2016-17",
  "volume.shortfall.2017-18",
];

function total(rows: readonly Parameter[]): Decimal {
  return rows.reduce((s, p) => s.plus(p.text.default), new Decimal(0));
}

function sumOf(id: string, crcs: readonly string[]): Decimal {
  return total(paramRowsByCrc(ds, id).filter((p) => crcs.includes(p.crc!)));
}

function crcsOf(owner: string): string[] {
  return ds.crcs.filter((c) => c.ownerId === owner).map((c) => c.id);
}

describe("provenance", () => {
  it("every figure resolves to a source in sources.csv", () => {
    const ids = new Set(ds.sources.map((s) => s.id));
    expect(ds.figures.filter((f) => !ids.has(f.sourceId)).map((f) => f.id)).toEqual([]);
  });

  it("every parameter resolves to a source or carries a reason", () => {
    const ids = new Set(ds.sources.map((s) => s.id));
    const unexplained = ds.parameters.filter(
      (p) => !(ids.has(p.sourceId) || (p.status === "assumed" && p.reason !== "")),
    );
    expect(unexplained.map((p) => p.id)).toEqual([]);
  });

  it("every derived or assumed parameter says why, and every derived one cites a source", () => {
    const bad = ds.parameters.filter(
      (p) => (p.status !== "sourced" && p.reason === "") || (p.status === "derived" && !p.sourceId),
    );
    expect(bad.map((p) => `${p.id} ${p.crc ?? ""}`)).toEqual([]);
  });

  it("every stored source file exists in ../shared/sources", () => {
    const missing = ds.sources
      .filter((s) => s.sourceFile !== "")
      .filter((s) => !existsSync(join("..", "shared", "sources", s.sourceFile)));
    expect(missing.map((s) => s.sourceFile)).toEqual([]);
  });

  it("every source is cited by at least one owner, CRC, figure, parameter or target", async () => {
    const targets = csvParse(await readFile("data/targets.csv", "utf8"));
    const cited = new Set([
      ...ds.owners.map((o) => o.sourceId),
      ...ds.crcs.map((c) => c.sourceId),
      ...ds.figures.map((f) => f.sourceId),
      ...ds.parameters.map((p) => p.sourceId),
      ...targets.map((t) => t.source_id),
    ]);
    expect(ds.sources.filter((s) => !cited.has(s.id)).map((s) => s.id)).toEqual([]);
  });
});

describe("CRCs and owners", () => {
  it("has the 21 CRCs with the contract's stable ids", () => {
    expect(ds.crcs.map((c) => c.id)).toEqual(CRC_IDS);
  });

  it("every CRC has an owner in owners.csv", () => {
    const owners = new Set(ds.owners.map((o) => o.id));
    expect(ds.crcs.filter((c) => !owners.has(c.ownerId)).map((c) => c.id)).toEqual([]);
  });

  it("owners' CRC counts match the sources: Sodexo 6, Interserve 5, Working Links 3, RRP 2, MTC Novo 2, Seetec 1, People Plus 1, ARCC 1", () => {
    const counts = Object.fromEntries(ds.owners.map((o) => [o.id, crcsOf(o.id).length]));
    expect(counts).toEqual({
      sodexo: 6,
      interserve: 5,
      "working-links": 3,
      rrp: 2,
      "mtc-novo": 2,
      seetec: 1,
      "people-plus": 1,
      arcc: 1,
    });
    for (const o of ds.owners) {
      const sourced = ds.figures.find(
        (f) =>
          f.scope.kind === "owner" && f.scope.id === o.id && f.id.startsWith("owner.crcCount."),
      );
      expect(sourced?.value, o.id).toBe(counts[o.id]);
    }
  });

  it("records Working Links' later ownership by Aurelius", () => {
    expect(ds.owners.find((o) => o.id === "working-links")?.laterChange).toMatch(/Aurelius/);
  });
});

describe("per-CRC parameters", () => {
  it.each(PER_CRC_IDS)("%s has exactly one row for each of the 21 CRCs", (id) => {
    expect(paramRowsByCrc(ds, id).map((p) => p.crc)).toEqual(CRC_IDS);
  });

  it("annual prices sum exactly to the national ~£450m a year, to the penny", () => {
    const pence = paramRowsByCrc(ds, "size.annualPrice").reduce((s, p) => s + p.defaultPence!, 0);
    expect(pence).toBe(figure(ds, "contract.annualValueNational").valuePence);
    expect(pence).toBe(45_000_000_000);
  });

  it("DTV's annual price is the published £14m", () => {
    const dtv = paramRowsByCrc(ds, "size.annualPrice").find((p) => p.crc === "dtv")!;
    expect(dtv.text.default).toBe(figure(ds, "price.dtvAnnual").valueText);
    expect(dtv.status).toBe("sourced");
  });

  it("Purple Futures' five CRCs sum to £600m over seven years (£600m / 7, to the pound)", () => {
    const annual = sumOf("size.annualPrice", crcsOf("interserve"));
    const sevenYears = new Decimal(figure(ds, "price.interserveSevenYears").valueText);
    expect(annual.toString()).toBe(sevenYears.dividedBy(7).toDecimalPlaces(0).toString());
    expect(annual.times(7).minus(sevenYears).abs().lte(7)).toBe(true);
  });

  it("Working Links' three CRCs stay under the 'up to £924m' ceiling over ten years", () => {
    const annual = sumOf("size.annualPrice", crcsOf("working-links"));
    expect(annual.times(10).lte(figure(ds, "price.workingLinksUpTo").valueText)).toBe(true);
  });

  it("FTE at June 2014 sums exactly to the published 8,331", () => {
    expect(total(paramRowsByCrc(ds, "staff.fteJune2014")).toString()).toBe(
      figure(ds, "staff.fteJune2014National").valueText,
    );
  });

  it("Sodexo's six CRCs keep their published Q3 2014-15 FTE", () => {
    const rows = paramRowsByCrc(ds, "staff.fteJune2014").filter((p) =>
      crcsOf("sodexo").includes(p.crc!),
    );
    const published = ds.figures.filter((f) => f.id.startsWith("staff.fteQ3."));
    expect(rows.map((p) => [p.crc, p.defaultValue])).toEqual(
      rows.map((p) => [
        p.crc,
        published.find((f) => f.scope.kind === "crc" && f.scope.id === p.crc)!.value,
      ]),
    );
  });

  it("the fifteen non-Sodexo CRCs' June 2014 FTE follow price: price per FTE is uniform (within one FTE)", () => {
    const others = CRC_IDS.filter((id) => !crcsOf("sodexo").includes(id));
    expect(others).toHaveLength(15);
    const fteTotal = sumOf("staff.fteJune2014", others);
    const priceTotal = sumOf("size.annualPrice", others);
    expect(fteTotal.plus(sumOf("staff.fteJune2014", crcsOf("sodexo"))).toString()).toBe(
      figure(ds, "staff.fteJune2014National").valueText,
    );
    for (const crc of others) {
      const exact = sumOf("size.annualPrice", [crc]).times(fteTotal).dividedBy(priceTotal);
      expect(sumOf("staff.fteJune2014", [crc]).minus(exact).abs().lt(1), crc).toBe(true);
    }
  });

  it("non-Sodexo June 2017 FTE follow their stated rules from the June 2014 FTE", () => {
    const fte14 = (crc: string) => sumOf("staff.fteJune2014", [crc]);
    const fte17 = (crc: string) => sumOf("staff.fteJune2017", [crc]);
    const cutBy = (owner: string, figureId: string) => {
      const crcs = crcsOf(owner);
      const cut = sumOf("staff.fteJune2014", crcs).minus(sumOf("staff.fteJune2017", crcs));
      expect(cut.toString(), owner).toBe(figure(ds, figureId).valueText);
      for (const crc of crcs) {
        const share = fte14(crc)
          .times(figure(ds, figureId).valueText)
          .dividedBy(sumOf("staff.fteJune2014", crcs));
        expect(fte14(crc).minus(fte17(crc)).minus(share).abs().lt(1), crc).toBe(true);
      }
    };
    cutBy("interserve", "staff.interserveCutSinceFeb2015");
    cutBy("rrp", "staff.rrpPostsRedundant2016");
    for (const crc of crcsOf("working-links")) {
      expect(fte17(crc).toString(), crc).toBe(fte14(crc).dividedBy(2).toString());
    }
    for (const crc of ["wwm", "london", "thames-valley", "kss", "dtv"]) {
      expect(fte17(crc).toString(), crc).toBe(
        fte14(crc).times("0.9").toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toString(),
      );
    }
  });

  it("June 2017 FTE is the published count for Sodexo's six (other CRCs' rows are estimates)", () => {
    const rows = paramRowsByCrc(ds, "staff.fteJune2017");
    for (const crc of crcsOf("sodexo")) {
      const p = rows.find((x) => x.crc === crc);
      const f = ds.figures.find(
        (x) =>
          x.id.startsWith("staff.fteJune2017.") && x.scope.kind === "crc" && x.scope.id === crc,
      )!;
      expect(p?.defaultValue, crc).toBe(f.value);
      expect(p?.status, crc).toBe("sourced");
    }
    const others = rows.filter((p) => !crcsOf("sodexo").includes(p.crc!));
    expect(others.filter((p) => p.status === "sourced").map((p) => p.crc)).toEqual([]);
  });

  it("baseline WAV sums exactly to its 100,000-unit convention", () => {
    expect(total(paramRowsByCrc(ds, "size.baselineWav")).toNumber()).toBe(100_000);
  });

  it("caseloads keep Sodexo at 18% of the national caseload (within one person per CRC)", () => {
    const all = total(paramRowsByCrc(ds, "size.caseload2014"));
    const sodexo = sumOf("size.caseload2014", crcsOf("sodexo"));
    const share = new Decimal(figure(ds, "caseload.sodexoShare").valueText);
    expect(sodexo.minus(all.times(share)).abs().lte(6)).toBe(true);
  });

  it("caseloads keep Interserve's five at 40,000 scaled back by the +20% growth (within 5)", () => {
    const growth = new Decimal(figure(ds, "caseload.growth").valueText).plus(1);
    const expected = new Decimal(figure(ds, "caseload.interserve").valueText).dividedBy(growth);
    expect(sumOf("size.caseload2014", crcsOf("interserve")).minus(expected).abs().lte(5)).toBe(
      true,
    );
  });

  it("caseloads keep DTV at the published 3,700 scaled back by the +20% growth (within 1)", () => {
    const growth = new Decimal(figure(ds, "caseload.growth").valueText).plus(1);
    const expected = new Decimal(figure(ds, "caseload.dtv").valueText).dividedBy(growth);
    expect(sumOf("size.caseload2014", ["dtv"]).minus(expected).abs().lte(1)).toBe(true);
  });

  it("shortfalls span exactly the published national ranges: 6-36% (2015-16), 16-48% (2017-18)", () => {
    for (const [year, lo, hi] of [
      ["2015-16", "0.06", "0.36"],
      ["2017-18", "0.16", "0.48"],
    ] as const) {
      const values = paramRowsByCrc(ds, `volume.shortfall.${year}`).map(
        (p) => new Decimal(p.text.default),
      );
      expect(Decimal.min(...values).toString(), year).toBe(
        figure(ds, `volume.shortfallMin.${year}`).valueText,
      );
      expect(Decimal.max(...values).toString(), year).toBe(
        figure(ds, `volume.shortfallMax.${year}`).valueText,
      );
      expect([lo, hi]).toEqual([
        figure(ds, `volume.shortfallMin.${year}`).valueText,
        figure(ds, `volume.shortfallMax.${year}`).valueText,
      ]);
    }
  });

  it("every CRC's volume falls further from 2015-16 to 2017-18, via 2016-17", () => {
    for (const crc of CRC_IDS) {
      const [a, b, c] = ["2015-16", "2016-17", "2017-18"].map(
        (y) =>
          paramRowsByCrc(ds, `volume.shortfall.${y}`).find((p) => p.crc === crc)!
            .defaultValue as number,
      );
      expect(a! < b! && b! < c!, crc).toBe(true);
    }
  });

  it("the workload norm is the national start caseload per 2014 FTE", () => {
    const norm = ds.parameters.find((p) => p.id === "workload.caseloadPerFteNorm")!;
    const expected = total(paramRowsByCrc(ds, "size.caseload2014"))
      .dividedBy(figure(ds, "staff.fteJune2014National").valueText)
      .toDecimalPlaces(2);
    expect(norm.text.default).toBe(expected.toString());
  });
});

describe("sourced parameters equal their published figures", () => {
  it.each([
    ["contract.start", "contract.start"],
    ["termination.endDate", "contract.scheduledEnd"],
    ["ffs.fixedShare", "cost.fixedShareAsLet"],
    ["cost.fixedShare", "cost.fixedShareActual"],
    ["caseload.growth", "caseload.growth"],
    ["variation.start", "variation.start"],
    ["variation.paymentBefore.2016-17", "variation.paidAbove.2016-17"],
    ["variation.paymentBefore.2017-18", "variation.paidAbove.2017-18"],
    ["pbr.firstCohort", "pbr.firstCohort"],
    ["serviceCredits.waivedShare", "serviceCredits.waivedShare"],
    ["ict.compensationTotal", "ict.compensationTotal"],
    ["ict.crcCount", "ict.compensationCrcCount"],
  ])("%s = figure %s", (paramId, figureId) => {
    const p = ds.parameters.find((x) => x.id === paramId && x.crc === null)!;
    const f = figure(ds, figureId);
    expect(p.text.default).toBe(f.valueText);
    expect(p.unit).toBe(f.unit);
    expect(p.status).toBe("sourced");
  });

  it("the PbR cash lag is the gap from the first cohort to the first results", () => {
    const months = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7));
    const lag =
      months(figure(ds, "pbr.firstResults").valueText) -
      months(figure(ds, "pbr.firstCohort").valueText);
    expect(ds.parameters.find((p) => p.id === "pbr.cashLagMonths")!.defaultValue).toBe(lag);
  });
});
