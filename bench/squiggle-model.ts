/**
 * The CRC model written in Squiggle (@quri/squiggle-lang 0.10.0, a peer that runs Monte Carlo
 * models in TypeScript), for the benchmark only (issue #6: "the same model written in
 * Squiggle"). The source is generated from the same resolved scenario and sampling plan as the
 * engine's run, so the constants, ranges and correlations are the engine's.
 *
 * What it computes, per CRC (21), summed over the 86 months and then over the nation, as sample
 * sets (one sample per draw), with each cell rounded to whole pence as the engine rounds it:
 * - fee for service P × (φ + (1 − φ) × v(s)) / 12 with the tolerance band τ and upside cap;
 * - the 2017 variation's uplift from its start month, P × (φ′ − φ) × (1 − v) × scale / 12, and
 *   its £42m/£22m payments (each CRC's part by largest remainder, `allocatePence`, then scaled,
 *   rounded and spread over the months before the start as variation-payments.ts does: a
 *   deterministic pre-step done in TypeScript, the lever being fixed);
 * - service credits −gross × (1 − waived) × P / ΣP / 12; ICT compensation (each CRC's part by
 *   largest remainder) if its drawn month is within the contract;
 * - PbR: one payment per quarterly cohort from pbr.firstCohort, paid pbr.cashLagMonths (drawn)
 *   after the cohort starts if that is within the contract: (priceB × o(rB) + priceF × o(rF)) ×
 *   caseload / national caseload, with the deduction threshold in o;
 * - guarantee max(0, g × cost − (fee + variation + credits)) per month (written out only when
 *   the lever is on: off by default, as in the engine); termination (P × months / 12 in the last
 *   month of an early end, off by default; nothing after the end);
 * - staff cost on the FTE ramp × loaded cost × pay index / 12, redundancy on the ramp, non-staff
 *   cost P / (1 + m) × ((f − σ) + (1 − f)(1 − s)) / 12 with σ clamped to ≤ f each draw;
 * - the shortfall path: the three given years from ONE draw per CRC (a shared uniform through
 *   each year's PERT quantile, tabulated from the engine's PERT CDF at 129 points), later years
 *   + the trend, kept within the 2017-18 row's limits.
 * Draws: a parameter with correlation 1 is one sample set shared by all CRCs; with 0, one per CRC
 * (CRCs that fall back to the national row share one, as in the engine); whole-number
 * parameters are rounded (Squiggle's round, ties up, as the engine's Math.round).
 * Rounding: a constant cell is rounded half-even to whole pence with the engine's tie band;
 * a cell that is a sample set is rounded with Squiggle's `round` (ties up: Squiggle has no
 * elementwise half-even, and a user function per sample is ~10× slower; a drawn cell lands on
 * an exact half-penny with probability ~0).
 * Not covered (the generator throws rather than give a different model): the workload
 * feedback levers when on, correlations strictly between 0 and 1, the normal shape, and drawn
 * levers or bid prices (termination.endDate, variation.start/scale, size.annualPrice,
 * pbr.firstCohort).
 */
import { allocatePence } from "../src/engine/allocate-pence.ts";
import { MONTH_COUNT } from "../src/engine/ledger.ts";
import { effectiveShortfallSource, SHORTFALL_ID } from "../src/engine/parameter-specs.ts";
import { FY_COUNT } from "../src/engine/projection-inputs.ts";
import { roundCellHalfEven } from "../src/engine/round-half-even.ts";
import { STAFF_PATH_END_INDEX, STAFF_PATH_START_INDEX } from "../src/engine/staffing.ts";
import { FINANCIAL_YEARS, FY_INDEX_BY_MONTH } from "../src/engine/timeline.ts";
import { VARIATION_PAYMENT_YEARS, variationPaymentId } from "../src/engine/variation-payments.ts";
import { CASELOAD_PATH_END_INDEX, CASELOAD_PATH_START_INDEX } from "../src/engine/workload.ts";
import { cellSampler, invertCdfTable } from "../src/uncertainty/distributions.ts";
import type { SamplingPlan } from "../src/uncertainty/plan-sampling.ts";

export const SQUIGGLE_COVERS =
  "the whole model: fee for service, variation uplift and £42m/£22m payments, service credits, ICT, " +
  "PbR cohorts (drawn cash lag), guarantee and termination (off by default), staff cost, redundancy, " +
  "non-staff cost (staff share clamped), shortfall path (one draw per CRC for the given years), " +
  "cells rounded to pence; not the workload feedback levers (off by default)";

const num = (x: number) => {
  if (Number.isInteger(x)) return `${x}`;
  const s = x.toPrecision(17);
  return Number(x.toPrecision(15)) === x ? x.toPrecision(15).replace(/\.?0+$/, "") : s;
};
const wrap = (x: number) => (x < 0 ? `(${num(x)})` : num(x));

/** Quantile table points for a shared-uniform PERT cell. */
const TABLE_POINTS = 128;

/** Squiggle source for the plan's scenario; its result is {mean, p5, p50, p95} of national profit (pence). */
export function squiggleModel(plan: SamplingPlan): string {
  const base = plan.base;
  const n = base.crcs.length;
  const column = (id: string) => {
    const c = base.values.get(id);
    if (c === undefined) throw new Error(`projection inputs lack ${id}`);
    return c;
  };
  const out: string[] = [];

  // 1. Draws: one Squiggle variable per slot; slots sharing a uniform share one draw.
  const cellName = new Map<string, string>(); // `${id}|${k}` → variable
  const byUniform = new Map<number, number[]>();
  plan.slots.forEach((slot, s) => {
    byUniform.set(slot.uniform, [...(byUniform.get(slot.uniform) ?? []), s]);
  });
  for (const p of plan.parameters) {
    if (p.correlation > 0 && p.correlation < 1)
      throw new Error(`Squiggle model: correlation ${p.correlation} of ${p.id} is not written`);
    if (p.shape === "normal") throw new Error(`Squiggle model: the normal shape is not written`);
  }
  for (const [uniform, slots] of byUniform) {
    const shared = slots.length > 1;
    if (shared) out.push(`u${uniform} = uniform(0, 1)`);
    for (const s of slots) {
      const slot = plan.slots[s]!;
      const p = plan.parameters[slot.parameter]!;
      const r = p.ranges[slot.targets[0]!]!;
      let expr: string;
      if (shared) {
        if (p.shape === "uniform") expr = `${num(r.low)} + ${num(r.high - r.low)} * u${uniform}`;
        else {
          const sampler = cellSampler(p.shape, r);
          const q = Array.from({ length: TABLE_POINTS + 1 }, (_, j) => {
            const u = Math.min(1 - 1e-12, Math.max(1e-12, j / TABLE_POINTS));
            if (p.shape === "triangular") {
              const m = sampler.a;
              return u < m ? Math.sqrt(u * m) : 1 - Math.sqrt((1 - u) * (1 - m));
            }
            return invertCdfTable(sampler.table!, u);
          });
          out.push(`q${s} = [${q.map(num).join(", ")}]`);
          expr = `${num(r.low)} + ${num(r.high - r.low)} * SampleSet.map(u${uniform}, {|p| qt(q${s}, p)})`;
        }
      } else if (p.shape === "uniform") expr = `uniform(${num(r.low)}, ${num(r.high)})`;
      else if (p.shape === "triangular")
        expr = `triangular(${num(r.low)}, ${num(r.mode)}, ${num(r.high)})`;
      else expr = `pert(${num(r.low)}, ${num(r.mode)}, ${num(r.high)})`;
      out.push(`d${s} = ${slot.whole ? `SampleSet.map(${expr}, round)` : expr}`);
      for (const k of slot.targets) cellName.set(`${p.id}|${k}`, `d${s}`);
    }
  }
  const sampledIds = new Set(plan.parameters.map((p) => p.id));
  /** A cell's value: its draw's variable, or the scenario's constant. */
  const E = (id: string, c = 0, y = 0) =>
    cellName.get(`${id}|${c * FY_COUNT + y}`) ?? wrap(column(id)[c * FY_COUNT + y]!);
  const fixed = (id: string, c = 0, y = 0) => {
    if (sampledIds.has(id)) throw new Error(`Squiggle model: drawn ${id} is not written`);
    return column(id)[c * FY_COUNT + y]!;
  };
  for (const id of ["workload.feedback.pbrPtsPer10Pct", "workload.feedback.serviceCreditsPer10Pct"])
    if (sampledIds.has(id) || column(id).some((x) => x !== 0))
      throw new Error(`Squiggle model: the workload feedback (${id}) is not written`);

  // 2. Shortfall path and staff share, as sampler.ts derives them.
  const sources = FINANCIAL_YEARS.map(effectiveShortfallSource);
  const shortfall = (c: number, y: number) => {
    if (!plan.derivesShortfall) return E(SHORTFALL_ID, c, y);
    const { given, trendYears } = sources[y]!;
    const g = E(given, c, y);
    const s = trendYears === 0 ? g : `(${g} + ${E("volume.shortfallTrend", c, y)} * ${trendYears})`;
    const { min, max } = plan.shortfallLimits[c]!;
    return Number.isFinite(min) && Number.isFinite(max)
      ? `min(${wrap(max)}, max(${wrap(min)}, ${s}))`
      : s;
  };
  const staffShare = (c: number, y: number) =>
    plan.clampsStaffShare
      ? `min(${E("cost.staffShare", c, y)}, ${E("cost.fixedShare", c, y)})`
      : E("cost.staffShare", c, y);

  // 3. National pieces: price total, one-off allocations, PbR cohorts and their caseloads.
  const price = Array.from({ length: n }, (_, c) => fixed("size.annualPrice", c));
  const priceSum = price.reduce((a, b) => a + b, 0);
  const ict = allocatePence(fixed("ict.compensationTotal"), price);
  const varParts = VARIATION_PAYMENT_YEARS.map((fy) => ({
    y: FINANCIAL_YEARS.indexOf(fy),
    parts: allocatePence(fixed(variationPaymentId(fy)), price),
  }));
  const first = fixed("pbr.firstCohort");
  const lagId = "pbr.cashLagMonths";
  const lagLow = sampledIds.has(lagId)
    ? plan.parameters.find((p) => p.id === lagId)!.ranges[0]!.low
    : column(lagId)[0]!;
  const cohorts: number[] = [];
  for (let start = first; start + lagLow < MONTH_COUNT; start += 3) cohorts.push(start);
  const caseloadSpan = CASELOAD_PATH_END_INDEX - CASELOAD_PATH_START_INDEX;
  const caseload = (c: number, m: number) => {
    const k = Math.min(caseloadSpan, Math.max(0, m - CASELOAD_PATH_START_INDEX));
    return `${E("size.caseload2014", c)} * (1 + (${E("caseload.growth", c)} * ${k}) / ${caseloadSpan})`;
  };
  cohorts.forEach((start, j) => {
    out.push(
      `ct${j} = ${Array.from({ length: n }, (_, c) => `(${caseload(c, start)})`).join(" + ")}`,
    );
  });
  const FY_FIRST = FINANCIAL_YEARS.map((_, y) => FY_INDEX_BY_MONTH.indexOf(y));
  const FY_LAST = FINANCIAL_YEARS.map((_, y) => FY_INDEX_BY_MONTH.lastIndexOf(y));
  const span = STAFF_PATH_END_INDEX - STAFF_PATH_START_INDEX;

  // 4. One block per CRC: its contract profit in pence.
  const crcs: string[] = [];
  for (let c = 0; c < n; c++) {
    const b: string[] = [];
    const P = price[c]!;
    const end = fixed("termination.endDate", c);
    const varStart = fixed("variation.start", c);
    const scale = fixed("variation.scale", c);
    const startYear = FY_INDEX_BY_MONTH[Math.min(varStart, MONTH_COUNT - 1)]!;
    const months = Array.from({ length: end + 1 }, (_, m) => m);
    const count = (y: number, from = 0, to = end) =>
      months.filter((m) => m >= from && m <= to && FY_INDEX_BY_MONTH[m] === y).length;
    const guaranteeOn =
      sampledIds.has("guarantee.floorShareOfCost") ||
      FINANCIAL_YEARS.some((_, y) => column("guarantee.floorShareOfCost")[c * FY_COUNT + y] !== 0);
    const income: string[] = [];
    const cost: string[] = [];
    b.push(`margin = ${E("cost.bidMargin", c)}`, `loaded = ${E("staff.loadedCostPerFte", c)}`);
    for (let y = 0; y < FY_COUNT; y++) {
      const s = shortfall(c, y);
      b.push(
        `s${y} = ${s}`,
        `v${y} = 1 - max(s${y} - ${E("ffs.toleranceBand", c, y)}, 0) + min(max(-s${y} - ${E("ffs.toleranceBand", c, y)}, 0), ${E("ffs.upsideCap", c, y)})`,
        `ffs${y} = pen(${P} * (${E("ffs.fixedShare", c, y)} + (1 - ${E("ffs.fixedShare", c, y)}) * v${y}) / 12)`,
        `ns${y} = pen(${P} * (${E("cost.fixedShare", c, y)} - ${staffShare(c, y)} + (1 - ${E("cost.fixedShare", c, y)}) * (1 - s${y})) / ((1 + margin) * 12))`,
        `sc${y} = pen(-${E("serviceCredits.grossAnnual", 0, y)} * (1 - ${E("serviceCredits.waivedShare", c, y)}) * ${P} / (${priceSum} * 12))`,
        `pay${y} = ${y === 0 ? "1" : `pay${y - 1} * (1 + ${E("staff.payAward", c, y)})`}`,
      );
      const upl = y >= startYear && varStart <= end;
      b.push(
        `upl${y} = ${upl ? `pen(${P} * (${E("variation.fixedShare", c, y)} - ${E("ffs.fixedShare", c, y)}) * (1 - v${y}) * ${wrap(scale)} / 12)` : "0"}`,
      );
      const ny = count(y);
      if (ny > 0) {
        income.push(`${ny} * (ffs${y} + sc${y})`);
        cost.push(`${ny} * ns${y}`);
      }
      const nv = count(y, varStart);
      if (upl && nv > 0) income.push(`${nv} * upl${y}`);
    }
    // The variation's payments (variation-payments.ts, as project-float.ts spreads them).
    const varMonth = new Array<number>(MONTH_COUNT).fill(0);
    for (const { y, parts } of varParts) {
      const from = FY_FIRST[y]!;
      const to = Math.min(FY_LAST[y]!, varStart - 1);
      const k = to - from + 1;
      if (k <= 0) continue;
      const scaled = roundCellHalfEven(scale * parts[c]!);
      const sign = scaled < 0 ? -1 : 1;
      const each = Math.floor(Math.abs(scaled) / k);
      let left = Math.abs(scaled) - each * k;
      for (let m = from; m <= to; m++, left--) varMonth[m] = sign * (each + (left > 0 ? 1 : 0));
    }
    const varPaid = varMonth.slice(0, end + 1).reduce((a, x) => a + x, 0);
    if (varPaid !== 0) income.push(wrap(varPaid));
    income.push(`${ict[c]} * min(max(${end} - ${E("ict.paymentMonth")} + 1, 0), 1)`);
    // PbR cohorts: paid if start + lag is within the contract (and not after the end).
    const lastPaid = Math.min(MONTH_COUNT - 1, end);
    cohorts.forEach((start, j) => {
      const y = FY_INDEX_BY_MONTH[start]!;
      const d = E("pbr.deductionThreshold", c, y);
      const pay = `${E("pbr.binaryPricePerPoint")} * o(${E("pbr.binaryReductionPts", c, y)}, ${d}) + ${E("pbr.frequencyPricePerPoint")} * o(${E("pbr.frequencyReductionPct", c, y)}, ${d})`;
      const cell = `pen((${pay}) * (${caseload(c, start)}) / ct${j})`;
      income.push(`${cell} * min(max(${lastPaid - start} - ${E(lagId)} + 1, 0), 1)`);
    });
    if (end < MONTH_COUNT - 1) income.push(`pen(${P} * ${E("termination.paymentMonths", c)} / 12)`);
    // Staff on the ramp (each month), then flat per year; redundancy per year on the ramp.
    b.push(
      `fte14 = ${E("staff.fteJune2014", c)}`,
      `change = (${E("staff.fteJune2017", c)} - fte14) * ${E("staff.cutScale", c)}`,
      `weeks = min(${E("redundancy.weeksPerYear", c)} * ${E("redundancy.avgServiceYears", c)}, ${E("redundancy.capWeeks", c)})`,
      `red = (max((fte14 - ${E("staff.fteJune2017", c)}) * ${E("staff.cutScale", c)}, 0) / ${span}) * ${E("redundancy.shareOfReduction", c)} * loaded * weeks * (1 - ${E("redundancy.modernisationFundShare", c)}) / ((1 + ${E("staff.onCostRate", c)}) * 52)`,
    );
    const staffOf: string[] = [];
    for (let m = 0; m <= end; m++) {
      const y = FY_INDEX_BY_MONTH[m]!;
      if (m <= STAFF_PATH_END_INDEX) {
        const k = Math.min(span, Math.max(0, m - STAFF_PATH_START_INDEX));
        b.push(`st${m} = pen((fte14 + (change * ${k}) / ${span}) * loaded * pay${y} / 12)`);
        staffOf.push(`st${m}`);
        cost.push(`st${m}`);
      } else staffOf.push(`stY${y}`);
    }
    for (let y = 0; y < FY_COUNT; y++) {
      const k = count(y, STAFF_PATH_END_INDEX + 1);
      if (k === 0) continue;
      b.push(`stY${y} = pen((fte14 + (change * ${span}) / ${span}) * loaded * pay${y} / 12)`);
      cost.push(`${k} * stY${y}`);
    }
    const redOf = new Array<string>(end + 1).fill("0");
    for (let y = 0; y < FY_COUNT; y++) {
      const to = Math.min(STAFF_PATH_END_INDEX, end);
      const k = count(y, STAFF_PATH_START_INDEX + 1, to);
      if (k === 0) continue;
      b.push(`rd${y} = pen(red * pay${y})`);
      cost.push(`${k} * rd${y}`);
      for (let m = STAFF_PATH_START_INDEX + 1; m <= to; m++)
        if (FY_INDEX_BY_MONTH[m] === y) redOf[m] = `rd${y}`;
    }
    if (guaranteeOn)
      for (let m = 0; m <= end; m++) {
        const y = FY_INDEX_BY_MONTH[m]!;
        const variation = `${wrap(varMonth[m]!)}${m >= varStart ? ` + upl${y}` : ""}`;
        income.push(
          `pen(max(${E("guarantee.floorShareOfCost", c, y)} * (${staffOf[m]} + ${redOf[m]} + ns${y}) - (ffs${y} + ${variation} + sc${y}), 0))`,
        );
      }
    b.push(`income = ${income.join(" +\n    ")}`, `cost = ${cost.join(" + ")}`, `income - cost`);
    crcs.push(`crc${c} = {\n  ${b.join("\n  ")}\n}`);
  }
  const national = `national = ${Array.from({ length: n }, (_, c) => `crc${c}`).join(" + ")}`;
  const result =
    plan.parameters.length === 0
      ? `{mean: national, p5: national, p50: national, p95: national}`
      : `{mean: mean(national), p5: quantile(national, 0.05), p50: quantile(national, 0.5), p95: quantile(national, 0.95)}`;
  return `
pert(lo, mo, hi) = lo + (hi - lo) * beta(1 + 4 * (mo - lo) / (hi - lo), 1 + 4 * (hi - mo) / (hi - lo))
qt(q, p) = {
  x = p * ${TABLE_POINTS}
  j = min(floor(x), ${TABLE_POINTS - 1})
  q[j] + (x - j) * (q[j + 1] - q[j])
}
o(r, d) = max(r, 0) + min(r + d, 0)
halfEven(x) = {
  fl = floor(x)
  tie = fl + 0.5
  if abs(x - tie) <= max(1e-7, abs(x) * 1e-12) then (if fl - 2 * floor(fl / 2) == 0 then fl else fl + 1) else round(x)
}
pen(x) = if typeOf(x) == "Number" then halfEven(x) else SampleSet.map(x, round)
${out.join("\n")}
${crcs.join("\n")}
${national}
${result}
`;
}
