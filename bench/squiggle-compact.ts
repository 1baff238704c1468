/**
 * The CRC model written in Squiggle (@quri/squiggle-lang 0.10.0, a peer that runs Monte Carlo
 * models in TypeScript), for the benchmark only (issue #6: "the same model written in
 * Squiggle"), as a Squiggle author would write it: the arithmetic once, as Squiggle functions
 * mapped over the 21 CRCs, the 8 financial years, the months and the PbR cohorts (List.map,
 * List.reduce, List.upTo), and the scenario as data generated from the same resolved scenario
 * and sampling plan as the engine's run — a list of draws, one grid per parameter (per CRC, per
 * year), a dict per CRC of its fixed constants, the month → year index — so the constants,
 * ranges and correlations are the engine's. ~16 KB of source, of which the program (`PROGRAM`)
 * is fixed. (Until commit a3a77f0 the bench generated ~365 KB instead, one statement per rounded
 * cell, bench/squiggle-model.ts: the same numbers, but ~10–13 s of every run went on parsing
 * and interpreting the source; bench/squiggle-formulations.ts at that commit times both.)
 *
 * What it computes, per CRC, summed over the 86 months and then over the nation, as sample
 * sets (one sample per draw), with each cell rounded to whole pence as the engine rounds it
 * (`pen`: a constant cell half-even with the engine's tie band, a drawn cell with Squiggle's
 * `round`, ties up: Squiggle has no elementwise half-even, a user function per sample is ~10×
 * slower, and a drawn cell lands on an exact half-penny with probability ~0):
 * - fee for service P × (φ + (1 − φ) × v(s)) / 12 with the tolerance band τ and upside cap;
 * - the 2017 variation's uplift from its start month, P × (φ′ − φ) × (1 − v) × scale / 12, and
 *   its £42m/£22m payments (each CRC's part by largest remainder, `allocatePence`, then scaled,
 *   rounded and spread over the months before the start as variation-payments.ts does: a
 *   deterministic pre-step done in TypeScript, the lever being fixed);
 * - service credits −gross × (1 − waived) × P / ΣP / 12; ICT compensation (each CRC's part by
 *   largest remainder) if its drawn month is within the contract;
 * - PbR: one payment per quarterly cohort from pbr.firstCohort, paid pbr.cashLagMonths (drawn)
 *   after the cohort starts if that is within the contract: (priceB × o(rB) + priceF × o(rF)) ×
 *   caseload / national caseload, with the deduction threshold in o (the price of a year's
 *   cohorts and each CRC's caseload at a cohort's start computed once and reused);
 * - guarantee max(0, g × cost − (fee + variation + credits)) per month (only when the lever is
 *   on: off by default, as in the engine); termination (P × months / 12 in the last month of an
 *   early end, off by default; nothing after the end);
 * - staff cost on the FTE ramp × loaded cost × pay index / 12, redundancy on the ramp, non-staff
 *   cost P / (1 + m) × ((f − σ) + (1 − f)(1 − s)) / 12 with σ clamped to ≤ f each draw;
 * - the shortfall path: the three given years from ONE draw per CRC (a shared uniform through
 *   each year's quantile: `inv(Sym.beta(α, β), u)` per sample for the PERT, Squiggle's exact
 *   beta quantile, where the engine integrates its CDF on a 2,048-step grid, distributions.ts,
 *   within 1e-4), later years + the trend, kept within the 2017-18 row's limits.
 * Every expression keeps the engine's order of operations, so with every distribution at its
 * mode (the "point" shape) it gives the engine's national profit to the penny
 * (test/checks/squiggle-compact.test.ts).
 * Draws: a parameter with correlation 1 is one sample set shared by all CRCs; with 0, one per CRC
 * (CRCs that fall back to the national row share one, as in the engine); whole-number
 * parameters are rounded (Squiggle's round, ties up, as the engine's Math.round).
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
import { STAFF_PATH_LATEST_END_INDEX, STAFF_PATH_START_INDEX } from "../src/engine/staffing.ts";
import { FINANCIAL_YEARS, FY_INDEX_BY_MONTH } from "../src/engine/timeline.ts";
import { VARIATION_PAYMENT_YEARS, variationPaymentId } from "../src/engine/variation-payments.ts";
import { CASELOAD_PATH_END_INDEX, CASELOAD_PATH_START_INDEX } from "../src/engine/workload.ts";
import type { SamplingPlan } from "../src/uncertainty/plan-sampling.ts";

export const SQUIGGLE_COMPACT_COVERS =
  "the whole model, written compactly (functions mapped over CRCs, years, months and cohorts; the " +
  "scenario as lists and dicts): fee for service (learning-curve discount), variation uplift and £42m/£22m payments, service " +
  "credits, ICT, PbR cohorts (drawn cash lag), guarantee and termination (off by default), staff " +
  "cost, redundancy, non-staff cost (staff share clamped, transformation gap), shortfall path (one draw per CRC for " +
  "the given years), cells rounded to pence; not the workload feedback levers (off by default)";

/** The Squiggle name of each parameter grid the program reads, and the engine's id. */
const GRIDS = {
  ffsFixed: "ffs.fixedShare",
  band: "ffs.toleranceBand",
  cap: "ffs.upsideCap",
  margin: "cost.bidMargin",
  costFixed: "cost.fixedShare",
  staffShare: "cost.staffShare",
  gap: "cost.transformationGap",
  achieved: "cost.savingsAchieved",
  discount: "price.learningCurveDiscount",
  growth: "caseload.growth",
  varFixed: "variation.fixedShare",
  guarantee: "guarantee.floorShareOfCost",
  lag: "pbr.cashLagMonths",
  binaryPrice: "pbr.binaryPricePerPoint",
  frequencyPrice: "pbr.frequencyPricePerPoint",
  binaryPts: "pbr.binaryReductionPts",
  frequencyPct: "pbr.frequencyReductionPct",
  threshold: "pbr.deductionThreshold",
  grossCredits: "serviceCredits.grossAnnual",
  waived: "serviceCredits.waivedShare",
  ictMonth: "ict.paymentMonth",
  loaded: "staff.loadedCostPerFte",
  onCost: "staff.onCostRate",
  payAward: "staff.payAward",
  fte14: "staff.fteJune2014",
  fte17: "staff.fteJune2017",
  cutScale: "staff.cutScale",
  cutsEnd: "staff.cutsCompleteBy",
  weeksPerYear: "redundancy.weeksPerYear",
  capWeeks: "redundancy.capWeeks",
  serviceYears: "redundancy.avgServiceYears",
  redundantShare: "redundancy.shareOfReduction",
  fundShare: "redundancy.modernisationFundShare",
  termMonths: "termination.paymentMonths",
  caseload14: "size.caseload2014",
} as const;

/**
 * The model, once. `profit(c)` is CRC c's contract profit in pence; every per-year, per-month
 * and per-cohort quantity is a list built by mapping one function.
 */
const PROGRAM = `
// Pence: a constant cell half-even with the engine's tie band, a drawn cell by Squiggle's round.
halfEven(x) = {
  fl = floor(x)
  tie = fl + 0.5
  if abs(x - tie) <= max(1e-7, abs(x) * 1e-12) then (if fl - 2 * floor(fl / 2) == 0 then fl else fl + 1) else round(x)
}
pen(x) = if typeOf(x) == "Number" then halfEven(x) else SampleSet.map(x, round)
total(xs) = List.reduce(xs, 0, {|a, b| a + b})
clamp(lo, hi, x) = min(hi, max(lo, x))
o(r, d) = max(r, 0) + min(r + d, 0)
years = List.upTo(0, ${FY_COUNT - 1})

// Draws.
pert(lo, mo, hi) = lo + (hi - lo) * beta(1 + 4 * (mo - lo) / (hi - lo), 1 + 4 * (hi - mo) / (hi - lo))
whole(x) = SampleSet.map(x, round)
// A draw through a shared uniform u, by the shape's quantile (the engine's, distributions.ts).
through(u, shape, lo, mo, hi) = {
  r = (mo - lo) / (hi - lo)
  b = Sym.beta(1 + 4 * r, 1 + 4 * (1 - r))
  q = if shape == "pert" then {|p| inv(b, p)} else {|p| if p < r then Math.sqrt(p * r) else 1 - Math.sqrt((1 - p) * (1 - r))}
  if shape == "uniform" then lo + (hi - lo) * u else lo + (hi - lo) * SampleSet.map(u, q)
}
${"${DATA}"}
// Months of financial year y within [from, to] (to ≤ the CRC's last month).
months(y, from, to) = max(0, min(to, fyLast[y]) - max(from, fyFirst[y]) + 1)
caseloadSpan = caseloadEnd - caseloadStart
caseloads = List.map(List.upTo(0, crcCount - 1), {|c| List.map(cohorts, {|start| g[c].caseload14[0] * (1 + (g[c].growth[0] * clamp(0, caseloadSpan, start - caseloadStart)) / caseloadSpan)})})
cohortTotals = List.map(List.upTo(0, List.length(cohorts) - 1), {|j| total(List.map(caseloads, {|cl| cl[j]}))})
national = g[0]

profit(c) = {
  k = crcs[c]
  x = g[c]
  price = k.price
  end = k.end
  margin = x.margin[0]
  loaded = x.loaded[0]
  n(y) = months(y, 0, end)
  s = List.map(years, {|y| {
    given = x.shortfall[y]
    sy = if trendYears[y] == 0 then given else given + x.trend[y] * trendYears[y]
    if k.limited then clamp(k.low, k.high, sy) else sy
  }})
  v = List.map(years, {|y| 1 - max(s[y] - x.band[y], 0) + min(max(-s[y] - x.band[y], 0), x.cap[y])})
  lc = List.reduce(List.upTo(1, ${FY_COUNT - 1}), [1], {|acc, y| List.append(acc, if y >= 2 then acc[y - 1] * (1 - x.discount[0]) else 1)})
  ffs = List.map(years, {|y| pen(price * lc[y] * (x.ffsFixed[y] + (1 - x.ffsFixed[y]) * v[y]) / 12)})
  staffShare = List.map(years, {|y| if clampsStaffShare then min(x.staffShare[y], x.costFixed[y]) else x.staffShare[y]})
  ns = List.map(years, {|y| pen(price * (x.costFixed[y] - staffShare[y] + (1 - x.costFixed[y]) * (1 - s[y]) + x.gap[0] * (1 - x.achieved[0] * min(y / 2, 1))) / ((1 + margin) * 12))})
  sc = List.map(years, {|y| pen(-national.grossCredits[y] * (1 - x.waived[y]) * price / (priceSum * 12))})
  pay = List.reduce(List.upTo(1, ${FY_COUNT - 1}), [1], {|acc, y| List.append(acc, acc[y - 1] * (1 + x.payAward[y]))})
  startYear = fyOf[min(k.varStart, lastMonth)]
  upl = List.map(years, {|y| if y >= startYear && k.varStart <= end then pen(price * lc[y] * (x.varFixed[y] - x.ffsFixed[y]) * (1 - v[y]) * k.scale / 12) else 0})

  // PbR: the price of a cohort of year y, then each cohort's payment if paid within the contract.
  rate = List.map(years, {|y| national.binaryPrice[0] * o(x.binaryPts[y], x.threshold[y]) + national.frequencyPrice[0] * o(x.frequencyPct[y], x.threshold[y])})
  lastPaid = min(lastMonth, end)
  pbr = List.map(List.upTo(0, List.length(cohorts) - 1), {|j| {
    start = cohorts[j]
    pen(rate[fyOf[start]] * caseloads[c][j] / cohortTotals[j]) * min(max(lastPaid - start - national.lag[0] + 1, 0), 1)
  }})

  // Staff on the FTE ramp month by month to the latest end (Jun 2017), FTE clamped after the
  // CRC's own end (a drawn month), then flat per year; redundancy per year while FTE falls.
  fte14 = x.fte14[0]
  change = (x.fte17[0] - fte14) * x.cutScale[0]
  staffEnd = x.cutsEnd[0]
  staffSpan = staffEnd - staffStart
  weeks = min(x.weeksPerYear[0] * x.serviceYears[0], x.capWeeks[0])
  red = (max((fte14 - x.fte17[0]) * x.cutScale[0], 0) / staffSpan) * x.redundantShare[0] * loaded * weeks * (1 - x.fundShare[0]) / ((1 + x.onCost[0]) * 52)
  rampEnd = min(staffLatestEnd, end)
  ramp = List.map(List.upTo(0, rampEnd), {|m| pen((fte14 + (change * clamp(0, staffSpan, m - staffStart)) / staffSpan) * loaded * pay[fyOf[m]] / 12)})
  flatMonths = List.map(years, {|y| months(y, staffLatestEnd + 1, end)})
  flat = List.map(years, {|y| if flatMonths[y] > 0 then pen((fte14 + (change * staffSpan) / staffSpan) * loaded * pay[y] / 12) else 0})
  redMonths = List.map(years, {|y| months(y, staffStart + 1, min(staffEnd, end))})
  rd = List.map(years, {|y| pen(red * pay[y])})

  // The guarantee tops each month's income up to a share of its cost (only when on).
  guarantee = if k.guarantee then List.map(List.upTo(0, end), {|m| {
    y = fyOf[m]
    staff = if m <= staffLatestEnd then ramp[m] else flat[y]
    redundancy = if m > staffStart then rd[y] * clamp(0, 1, staffEnd - m + 1) else 0
    variation = k.varMonths[m] + (if m >= k.varStart then upl[y] else 0)
    max(pen(x.guarantee[y] * (staff + redundancy + ns[y])) - (ffs[y] + variation + sc[y]), 0)
  }}) else []

  income = total(List.map(years, {|y| n(y) * (ffs[y] + sc[y]) + months(y, k.varStart, end) * upl[y]})) +
    k.varPaid + k.ict * min(max(end - national.ictMonth[0] + 1, 0), 1) + total(pbr) +
    (if end < lastMonth then pen(price * x.termMonths[0] / 12) else 0) + total(guarantee)
  cost = total(List.map(years, {|y| n(y) * ns[y] + flatMonths[y] * flat[y] + redMonths[y] * rd[y]})) + total(ramp)
  income - cost
}
nationalProfit = total(List.map(List.upTo(0, crcCount - 1), profit))
`;

const num = (x: number) => {
  if (Number.isInteger(x)) return `${x}`;
  const s = x.toPrecision(17);
  return Number(x.toPrecision(15)) === x ? x.toPrecision(15).replace(/\.?0+$/, "") : s;
};
const list = (xs: readonly (string | number)[]) =>
  `[${xs.map((x) => (typeof x === "number" ? num(x) : x)).join(", ")}]`;

/** Squiggle source for the plan's scenario; its result is {mean, p5, p50, p95} of national profit (pence). */
export function squiggleCompactModel(plan: SamplingPlan): string {
  const base = plan.base;
  const n = base.crcs.length;
  const column = (id: string) => {
    const c = base.values.get(id);
    if (c === undefined) throw new Error(`projection inputs lack ${id}`);
    return c;
  };
  for (const p of plan.parameters) {
    if (p.correlation > 0 && p.correlation < 1)
      throw new Error(`Squiggle model: correlation ${p.correlation} of ${p.id} is not written`);
    if (p.shape === "normal") throw new Error(`Squiggle model: the normal shape is not written`);
  }
  const sampledIds = new Set(plan.parameters.map((p) => p.id));
  const fixed = (id: string, c = 0, y = 0) => {
    if (sampledIds.has(id)) throw new Error(`Squiggle model: drawn ${id} is not written`);
    return column(id)[c * FY_COUNT + y]!;
  };
  for (const id of ["workload.feedback.pbrPtsPer10Pct", "workload.feedback.serviceCreditsPer10Pct"])
    if (sampledIds.has(id) || column(id).some((x) => x !== 0))
      throw new Error(`Squiggle model: the workload feedback (${id}) is not written`);

  // 1. Draws: one list entry per slot; slots sharing a uniform read one `u` through their quantiles.
  const uniformIndex = new Map<number, number>();
  const shared = new Set<number>();
  const seen = new Set<number>();
  for (const slot of plan.slots) {
    if (seen.has(slot.uniform)) shared.add(slot.uniform);
    seen.add(slot.uniform);
  }
  for (const u of shared) uniformIndex.set(u, uniformIndex.size);
  const draw = new Map<string, string>(); // `${id}|${k}` → draws[i]
  const draws = plan.slots.map((slot, s) => {
    const p = plan.parameters[slot.parameter]!;
    const r = p.ranges[slot.targets[0]!]!;
    const args = `${num(r.low)}, ${num(r.mode)}, ${num(r.high)}`;
    const u = uniformIndex.get(slot.uniform);
    let expr: string;
    if (slot.sampler.kind === 0) expr = num(r.mode);
    else if (u !== undefined) expr = `through(u[${u}], "${p.shape}", ${args})`;
    else if (p.shape === "uniform") expr = `uniform(${num(r.low)}, ${num(r.high)})`;
    // Squiggle's triangular refuses a mode at an end: then its quantile on a uniform of its own.
    else if (p.shape === "triangular" && !(r.low < r.mode && r.mode < r.high))
      expr = `through(uniform(0, 1), "triangular", ${args})`;
    else expr = `${p.shape}(${args})`;
    if (slot.whole) expr = `whole(${expr})`;
    for (const k of slot.targets) draw.set(`${p.id}|${k}`, `d[${s}]`);
    return expr;
  });
  /** A cell: its draw, or the scenario's constant. */
  const cell = (id: string, c: number, y: number): string | number =>
    draw.get(`${id}|${c * FY_COUNT + y}`) ?? column(id)[c * FY_COUNT + y]!;

  // 2. One grid per parameter, written as compactly as its cells allow.
  const sources = FINANCIAL_YEARS.map(effectiveShortfallSource);
  const cellOf: Record<string, (c: number, y: number) => string | number> = {};
  for (const [name, id] of Object.entries(GRIDS)) cellOf[name] = (c, y) => cell(id, c, y);
  cellOf.shortfall = (c, y) => cell(plan.derivesShortfall ? sources[y]!.given : SHORTFALL_ID, c, y);
  cellOf.trend = (c, y) => (plan.derivesShortfall ? cell("volume.shortfallTrend", c, y) : 0);
  const grid = (at: (c: number, y: number) => string | number) => {
    const rows = Array.from({ length: n }, (_, c) =>
      Array.from({ length: FY_COUNT }, (_, y) => {
        const x = at(c, y);
        return typeof x === "number" ? num(x) : x;
      }),
    );
    const flatYears = rows.every((row) => row.every((x) => x === row[0]));
    if (flatYears && rows.every((row) => row[0] === rows[0]![0])) return `all(${rows[0]![0]})`;
    if (flatYears) return `each(${list(rows.map((row) => row[0]!))})`;
    return list(rows.map((row) => list(row)));
  };
  const gridLines = Object.entries(cellOf).map(([name, at]) => `  ${name}: ${grid(at)},`);

  // 3. Each CRC's fixed constants, the variation's payments spread as variation-payments.ts does.
  const price = Array.from({ length: n }, (_, c) => fixed("size.annualPrice", c));
  const ict = allocatePence(fixed("ict.compensationTotal"), price);
  const FY_FIRST = FINANCIAL_YEARS.map((_, y) => FY_INDEX_BY_MONTH.indexOf(y));
  const FY_LAST = FINANCIAL_YEARS.map((_, y) => FY_INDEX_BY_MONTH.lastIndexOf(y));
  const varParts = VARIATION_PAYMENT_YEARS.map((fy) => ({
    y: FINANCIAL_YEARS.indexOf(fy),
    parts: allocatePence(fixed(variationPaymentId(fy)), price),
  }));
  const crcs = Array.from({ length: n }, (_, c) => {
    const end = fixed("termination.endDate", c);
    const varStart = fixed("variation.start", c);
    const scale = fixed("variation.scale", c);
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
    const guarantee =
      sampledIds.has("guarantee.floorShareOfCost") ||
      FINANCIAL_YEARS.some((_, y) => column("guarantee.floorShareOfCost")[c * FY_COUNT + y] !== 0);
    const { min, max } = plan.shortfallLimits[c]!;
    const limited = plan.derivesShortfall && Number.isFinite(min) && Number.isFinite(max);
    return (
      `  {price: ${num(price[c]!)}, end: ${end}, varStart: ${varStart}, scale: ${num(scale)}, ` +
      `varPaid: ${varPaid}, ict: ${ict[c]}, limited: ${limited}, low: ${limited ? num(min) : 0}, ` +
      `high: ${limited ? num(max) : 0}, guarantee: ${guarantee}, ` +
      `varMonths: ${guarantee ? list(varMonth) : "[]"}},`
    );
  });

  // 4. PbR cohorts: quarterly from pbr.firstCohort while the earliest possible payment is in the contract.
  const first = fixed("pbr.firstCohort");
  const lagId = "pbr.cashLagMonths";
  const lagLow = sampledIds.has(lagId)
    ? plan.parameters.find((p) => p.id === lagId)!.ranges[0]!.low
    : column(lagId)[0]!;
  const cohorts: number[] = [];
  for (let start = first; start + lagLow < MONTH_COUNT; start += 3) cohorts.push(start);

  const data = `
// The scenario (generated from the sampling plan).
crcCount = ${n}
lastMonth = ${MONTH_COUNT - 1}
fyOf = ${list(FY_INDEX_BY_MONTH)}
fyFirst = ${list(FY_FIRST)}
fyLast = ${list(FY_LAST)}
staffStart = ${STAFF_PATH_START_INDEX}
staffLatestEnd = ${STAFF_PATH_LATEST_END_INDEX}
caseloadStart = ${CASELOAD_PATH_START_INDEX}
caseloadEnd = ${CASELOAD_PATH_END_INDEX}
trendYears = ${list(sources.map((s) => (plan.derivesShortfall ? s.trendYears : 0)))}
clampsStaffShare = ${plan.clampsStaffShare}
priceSum = ${num(price.reduce((a, b) => a + b, 0))}
cohorts = ${list(cohorts)}
u = ${uniformIndex.size === 0 ? "[]" : `List.map(List.upTo(1, ${uniformIndex.size}), {|i| uniform(0, 1)})`}
d = ${list(draws)}
all(x) = List.make(${n}, List.make(${FY_COUNT}, x))
each(xs) = List.map(xs, {|x| List.make(${FY_COUNT}, x)})
grids = {
${gridLines.join("\n")}
}
g = List.map(List.upTo(0, ${n - 1}), {|c| Dict.map(grids, {|grid| grid[c]})})
crcs = [
${crcs.join("\n")}
]
`;
  const result =
    plan.parameters.length === 0
      ? `{mean: nationalProfit, p5: nationalProfit, p50: nationalProfit, p95: nationalProfit}`
      : `{mean: mean(nationalProfit), p5: quantile(nationalProfit, 0.05), p50: quantile(nationalProfit, 0.5), p95: quantile(nationalProfit, 0.95)}`;
  return PROGRAM.replace("${DATA}", () => data) + result + "\n";
}
