import type { PosteriorReport, Prediction } from "./build-posterior.ts";

const cell = (v: string | number | boolean) => {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/**
 * A posterior report as one tidy CSV: section,subject,vintage,statistic,value. Money in pence
 * (as data/targets.csv's model values), counts as they are; intervals as p5/p50/p95 rows.
 */
export function posteriorCsv(report: PosteriorReport): string {
  const rows: (string | number | boolean)[][] = [
    ["section", "subject", "vintage", "statistic", "value"],
  ];
  rows.push(["posterior", "", "", "prior_draws", report.priorDraws]);
  rows.push(["posterior", "", "", "effective_sample_size", Math.round(report.effectiveSampleSize)]);
  for (const p of report.parameters) {
    for (const [basis, i] of [
      ["prior", p.prior],
      ["posterior", p.posterior],
    ] as const)
      for (const q of ["p5", "p50", "p95"] as const)
        rows.push(["parameter", p.id, "", `${basis}_${q}`, i[q]]);
    rows.push(["parameter", p.id, "", "width_ratio", p.ratio]);
    rows.push(["parameter", p.id, "", "informed_by", p.informedBy.join("; ")]);
  }
  const prediction = (section: string, vintage: string, p: Prediction) => {
    rows.push([section, p.target, vintage, "published", p.published]);
    for (const q of ["p5", "p50", "p95"] as const) {
      rows.push([section, p.target, vintage, `prior_${q}`, p.prior[q]]);
      rows.push([section, p.target, vintage, `posterior_${q}`, p.interval[q]]);
    }
    rows.push([section, p.target, vintage, "covers", p.covers]);
  };
  for (const p of report.predictive) prediction("predictive", "", p);
  for (const v of report.vintages) {
    rows.push(["backtest", "", v.asOf, "effective_sample_size", Math.round(v.effectiveSampleSize)]);
    for (const p of v.predictions ?? []) prediction("backtest", v.asOf, p);
  }
  for (const p of report.leaveOneOut) prediction("leave_one_out", "", p);
  return rows.map((r) => r.map(cell).join(",")).join("\n") + "\n";
}
