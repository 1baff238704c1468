import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { fixtureInputs } from "../../test/fixtures/fixture-inputs.ts";
import { MONTH_COUNT } from "./ledger.ts";
import { MONEY_LINES } from "./lines.ts";
import { projectExact } from "./project-exact.ts";
import { ALL, rollUp } from "./roll-up.ts";
import { toCsv } from "./tidy-csv.ts";
import { CONTRACT_MONTHS } from "./timeline.ts";

const ledger = projectExact(
  fixtureInputs({
    "variation.scale": 1,
    "volume.shortfall.2016-17": 0.25,
    "volume.shortfall.2017-18": 0.35,
    "staff.fteJune2017": [80, 150, 40],
    "pbr.binaryReductionPts": 1,
    "ict.compensationTotal": 23_100_000,
  }),
);

/** Every CRC × month × money line as tidy rows, the input an Arquero roll-up starts from. */
function monthlyCells() {
  const rows: {
    crc: string;
    owner: string;
    month: string;
    fy: string;
    line: string;
    pence: number;
  }[] = [];
  ledger.crcs.forEach((crc, c) => {
    CONTRACT_MONTHS.forEach((m, i) => {
      for (const line of MONEY_LINES) {
        const pence = ledger.money[line][c * MONTH_COUNT + i]!;
        rows.push({ crc: crc.id, owner: crc.ownerId, month: m.id, fy: m.fy, line, pence });
      }
    });
  });
  return rows;
}

describe("rollUp", () => {
  it("sums owners and the nation by financial year exactly as an Arquero group-by does", () => {
    const cells = aq.from(monthlyCells());
    const byOwner = cells
      .groupby("owner", "fy", "line")
      .rollup({ pence: aq.op.sum("pence") })
      .objects() as { owner: string; fy: string; line: string; pence: number }[];
    const nation = cells
      .groupby("fy", "line")
      .rollup({ pence: aq.op.sum("pence") })
      .objects() as { fy: string; line: string; pence: number }[];
    const ours = rollUp(ledger, "fy");
    for (const r of byOwner) {
      const row = ours.find(
        (o) => o.crc === ALL && o.owner === r.owner && o.period === r.fy && o.line === r.line,
      );
      expect(row?.amount).toBe(r.pence);
    }
    for (const r of nation) {
      const row = ours.find(
        (o) => o.crc === ALL && o.owner === ALL && o.period === r.fy && o.line === r.line,
      );
      expect(row?.amount).toBe(r.pence);
    }
  });

  it("gives the same contract total whether summed by month, quarter or year", () => {
    const total = (by: "month" | "quarter" | "fy" | "total") => {
      const sums = new Map<string, number>();
      for (const r of rollUp(ledger, by)) {
        if (r.line === "fte" || r.line === "workload_index") continue;
        const key = `${r.crc}|${r.owner}|${r.line}`;
        sums.set(key, (sums.get(key) ?? 0) + r.amount);
      }
      return sums;
    };
    const reference = total("total");
    for (const by of ["month", "quarter", "fy"] as const) expect(total(by)).toEqual(reference);
  });

  it("labels periods by month id, quarter and financial year", () => {
    const periods = (by: "month" | "quarter" | "fy" | "total") => [
      ...new Set(rollUp(ledger, by).map((r) => r.period)),
    ];
    expect(periods("month")).toHaveLength(86);
    expect(periods("quarter")[0]).toBe("2014-15 Q4");
    expect(periods("quarter")).toHaveLength(29);
    expect(periods("fy")).toEqual([
      "2014-15",
      "2015-16",
      "2016-17",
      "2017-18",
      "2018-19",
      "2019-20",
      "2020-21",
      "2021-22",
    ]);
    expect(periods("total")).toEqual(["total"]);
  });

  it("averages FTE over the period's months and reads the workload index against the norm", () => {
    const rows = rollUp(ledger, "fy");
    const fte = rows.find((r) => r.crc === "alpha" && r.period === "2014-15" && r.line === "fte");
    // Feb 100, Mar 100 − 20/28
    expect(fte?.amount).toBeCloseTo((100 + (100 - 20 / 28)) / 2, 10);
    const w = rows.find(
      (r) => r.crc === "alpha" && r.period === "2014-15" && r.line === "workload_index",
    );
    // 2,000 people on ~99.6 FTE against a norm of 20 per FTE ≈ 100.4%
    expect(w?.amount).toBeCloseTo((100 * 4000) / (200 - 20 / 28) / 20, 10);
  });

  it("writes tidy CSV with money in pence, FTE to 2 decimals, workload in per cent to 1", () => {
    const csv = toCsv(rollUp(ledger, "total"));
    const lines = csv.split("\n");
    expect(lines[0]).toBe("crc,owner,period,line,amount_pence");
    expect(lines).toContain("alpha,north,total,termination,0");
    expect(lines).toContain("alpha,north,total,ict_compensation,6600000");
    expect(lines.find((l) => l.startsWith("ALL,ALL,total,fte,"))).toMatch(
      /^ALL,ALL,total,fte,\d+\.\d\d$/,
    );
    expect(lines.find((l) => l.startsWith("ALL,ALL,total,workload_index,"))).toMatch(/,\d+\.\d$/);
  });
});
