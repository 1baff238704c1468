/**
 * The CRC model written in Squiggle (@quri/squiggle-lang 0.10.0, a peer that runs Monte Carlo
 * models in TypeScript), for the benchmark only. The source is generated from the same resolved
 * scenario and sampling plan as the engine's run, so the constants and ranges are the engine's.
 *
 * What it covers, per CRC and month (21 × 86), as sample sets:
 * - fee for service: P × (φ + (1 − φ) × v(s)) / 12, v with the tolerance band τ and the upside
 *   cap (τ and cap drawn, PERT);
 * - the 2017 variation's uplift from its start month: P × (φ′ − φ) × (1 − v) × scale / 12
 *   (φ′ drawn);
 * - staff cost: FTE on its ramp (June 2017 FTE drawn per CRC where its row has a spread) ×
 *   loaded cost (drawn) × pay index (award drawn) / 12;
 * - non-staff cost: P / (1 + margin) × ((f − σ) + (1 − f)(1 − s)) / 12 (margin, f, σ drawn);
 * - the shortfall by year: each given year drawn per CRC (PERT), later years + the trend (drawn);
 * - profit per CRC and month = the two income lines − the two cost lines, summed to the nation.
 * Not covered: PbR, service credits, ICT compensation, the variation's £42m/£22m payments,
 * redundancy, the guarantee, termination, rounding to whole pence, the staff-share clamp; the
 * three given shortfall years are independent draws (the engine draws one per CRC for all
 * three), and national figures are drawn once for all CRCs as in the engine.
 */
import { FY_COUNT } from "../src/engine/projection-inputs.ts";
import { MONTH_COUNT } from "../src/engine/ledger.ts";
import { SHORTFALL_GIVEN_IDS } from "../src/engine/parameter-specs.ts";
import { FY_INDEX_BY_MONTH } from "../src/engine/timeline.ts";
import type { SamplingPlan } from "../src/uncertainty/plan-sampling.ts";

export const SQUIGGLE_COVERS =
  "fee for service (tolerance band, upside cap), variation uplift, staff cost (FTE ramp, loaded cost, pay index), " +
  "non-staff cost, shortfall path (given years + trend), profit per CRC and month summed to the nation; " +
  "not PbR, service credits, ICT, the £42m/£22m payments, redundancy, guarantee, termination, penny rounding";

const num = (x: number) => (Number.isInteger(x) ? `${x}` : x.toPrecision(15).replace(/\.?0+$/, ""));

/** Squiggle source for the plan's scenario; its result is {mean, p5, p50, p95} of national profit (pence). */
export function squiggleModel(plan: SamplingPlan): string {
  const base = plan.base;
  const value = (id: string, c = 0, y = 0) => base.values.get(id)![c * FY_COUNT + y]!;
  /** A drawn value (PERT on the plan's range) or the scenario's constant. */
  const drawn = (id: string, c = 0, y = 0) => {
    const p = plan.parameters.find((q) => q.id === id);
    const r = p?.ranges[c * FY_COUNT + y];
    if (r === undefined || !(r.high > r.low)) return num(value(id, c, y));
    return `pert(${num(r.low)}, ${num(r.mode)}, ${num(r.high)})`;
  };
  const start = value("variation.start");
  const scale = value("variation.scale");
  const crcCalls = base.crcs.map((_, c) => {
    const given = SHORTFALL_GIVEN_IDS.map((id) => drawn(id, c));
    return `crc(${num(value("size.annualPrice", c))}, ${num(value("staff.fteJune2014", c))}, ${drawn("staff.fteJune2017", c)}, ${given.join(", ")})`;
  });
  return `
pert(lo, mo, hi) = lo + (hi - lo) * beta(1 + 4 * (mo - lo) / (hi - lo), 1 + 4 * (hi - mo) / (hi - lo))
tau = ${drawn("ffs.toleranceBand")}
cap = ${drawn("ffs.upsideCap")}
phi = ${num(value("ffs.fixedShare"))}
phi2 = ${drawn("variation.fixedShare")}
margin = ${drawn("cost.bidMargin")}
fixed = ${drawn("cost.fixedShare")}
staffShare = ${drawn("cost.staffShare")}
loaded = ${drawn("staff.loadedCostPerFte")}
award = ${drawn("staff.payAward")}
trend = ${drawn("volume.shortfallTrend")}
cut = ${num(value("staff.cutScale"))}
fyOf = [${FY_INDEX_BY_MONTH.join(", ")}]
payY = List.map(List.upTo(0, ${FY_COUNT - 1}), {|y| (1 + award) ^ y})
vol(s) = 1 - max(s - tau, 0) + min(max(-s - tau, 0), cap)
crc(price, fte14, fte17, s1, s2, s3) = {
  sY = [s1, s1, s2, s3, ${Array.from({ length: FY_COUNT - 4 }, (_, k) => `s3 + ${k + 1} * trend`).join(", ")}]
  vY = List.map(sY, vol)
  ffsY = List.map(vY, {|v| price * (phi + (1 - phi) * v) / 12})
  uplY = List.map(vY, {|v| price * (phi2 - phi) * (1 - v) * ${num(scale)} / 12})
  nsY = List.map(sY, {|s| price / (1 + margin) * ((fixed - staffShare) + (1 - fixed) * (1 - s)) / 12})
  change = (fte17 - fte14) * cut
  months = List.upTo(0, ${MONTH_COUNT - 1})
  cells = List.map(months, {|m|
    y = fyOf[m]
    fte = fte14 + change * min(m, 28) / 28
    staff = fte * loaded * payY[y] / 12
    income = if m >= ${start} then ffsY[y] + uplY[y] else ffsY[y]
    income - staff - nsY[y]
  })
  List.reduce(cells, 0, {|a, b| a + b})
}
national = ${crcCalls.join(" +\n  ")}
{mean: mean(national), p5: quantile(national, 0.05), p50: quantile(national, 0.5), p95: quantile(national, 0.95)}
`;
}
