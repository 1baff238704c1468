import { didYouMean } from "../issues/did-you-mean.ts";
import type { WarnedResult } from "../issues/issue.ts";
import { quote } from "../issues/describe-value.ts";
import { isMoneyUnit, param, type Dataset, type Parameter, type Unit } from "../data/index.ts";
import { Money } from "../engine/money.ts";
import {
  effectiveShortfallSource,
  PARAMETER_SPECS,
  SHORTFALL_GIVEN_IDS,
  SHORTFALL_TREND_ID,
} from "../engine/parameter-specs.ts";
import { FY_COUNT, type ProjectionInputs } from "../engine/projection-inputs.ts";
import { FINANCIAL_YEARS } from "../engine/timeline.ts";
import { mergeOverride } from "../scenario/merge-scenario.ts";
import type { MergedScenario, ParameterOverride, ParameterValue } from "../scenario/scenario.ts";
import { toScenarioValue } from "./scenario-value.ts";

/**
 * The shortfall as one number: a shift added to each of the three given years (2015-16, 2016-17,
 * 2017-18) of the chosen CRCs, the trend after 2017-18 held. A shift keeps the scenario's
 * year-to-year profile (volumes fell further each year), where one level for every year would
 * flatten it; 0 is the scenario itself.
 */
export const SHORTFALL_SHIFT = "volume.shortfall.shift";
export const SHORTFALL_SHIFT_LABEL = `Volume shortfall shift (added to ${SHORTFALL_GIVEN_IDS.map((g) => g.slice(-7)).join(", ")})`;

/**
 * One number that sets part of a scenario, for a grid axis or a break-even lever: a parameter
 * set to one value in every year for the chosen CRCs, or the shortfall shift. Values are in the
 * data's unit (pounds for money).
 */
export interface Knob {
  readonly id: string;
  readonly label: string;
  readonly unit: Unit;
  /** The parameter ids it sets. */
  readonly ids: readonly string[];
  /** Every value allowed for the chosen CRCs (the data rows' min–max, and for the shift the
   * whole shortfall path's). */
  readonly allowed: { readonly min: number; readonly max: number };
  /** A default span to explore: the data rows' low–high (the allowed range if that is a point). */
  readonly span: { readonly from: number; readonly to: number };
  /** Whole numbers only (pence are whole in the engine, so money has 2 decimals). */
  readonly decimals: number | undefined;
  /** The scenario's own value, when it has one for every chosen CRC and year (shift: 0). */
  readonly current: number | null;
  /** Engine columns (copies) with the chosen CRCs set to `value`, every year. The caller keeps
   * `value` inside `allowed`. */
  columns(value: number): Map<string, Float64Array>;
  /** The same as scenario overrides merged into the scenario's own (byCrc, or value if
   * national); `value` must be one a scenario can hold (at most 15 significant digits). */
  overrides(value: number): Record<string, ParameterOverride>;
}

/** Numeric parameters a knob can set: read by the engine, not a month (months are dates). */
export function knobIds(dataset: Dataset): string[] {
  const units = new Map(dataset.parameters.map((p) => [p.id, p.unit]));
  return [
    SHORTFALL_SHIFT,
    ...Object.keys(PARAMETER_SPECS).filter(
      (id) => units.has(id) && PARAMETER_SPECS[id]!.used && units.get(id) !== "date_month",
    ),
  ];
}

/**
 * Build the knob `id` for the CRCs at `crcIndices` (all CRCs for a grid, one for a break-even).
 * Unknown ids, months, parameters the engine does not read and national figures asked of one CRC
 * are issues at `path`, each naming what is allowed.
 */
export function makeKnob(
  id: string,
  inputs: ProjectionInputs,
  merged: MergedScenario,
  dataset: Dataset,
  crcIndices: readonly number[],
  path: string,
): WarnedResult<Knob> {
  const fail = (message: string): WarnedResult<Knob> => ({
    ok: false,
    issues: [{ path, message }],
  });
  const allIds = knobIds(dataset);
  if (typeof id !== "string" || id === "")
    return fail(`a parameter id is required: ${SHORTFALL_SHIFT} or an id of data/parameters.csv`);
  if (id === SHORTFALL_SHIFT) return { ok: true, value: shiftKnob(), warnings: [] };
  const spec = PARAMETER_SPECS[id];
  if (spec === undefined || !dataset.parameters.some((p) => p.id === id))
    return fail(
      `unknown parameter ${quote(id)}${didYouMean(id, allIds)}; use ${SHORTFALL_SHIFT} or a parameter id of data/parameters.csv`,
    );
  if (!spec.used) return fail(`${id} has no effect: the engine does not read it`);
  if (dataset.parameters.find((p) => p.id === id)!.unit === "date_month")
    return fail(`${id} is a month; only numeric parameters can be varied here`);
  if (spec.scope === "national" && crcIndices.length !== inputs.crcs.length)
    return fail(`${id} is a national figure; it cannot be set for one CRC`);
  return { ok: true, value: parameterKnob(id, spec.scope === "national"), warnings: [] };

  function rowsOf(pid: string): Parameter[] {
    return crcIndices.map((c) => param(dataset, pid, inputs.crcs[c]!.id));
  }

  function parameterKnob(pid: string, national: boolean): Knob {
    const rows = rowsOf(pid);
    const unit = rows[0]!.unit;
    const min = Math.max(...rows.map((r) => Number(r.text.min)));
    const max = Math.min(...rows.map((r) => Number(r.text.max)));
    const low = Math.min(...rows.map((r) => Number(r.text.low)));
    const high = Math.max(...rows.map((r) => Number(r.text.high)));
    const base = inputs.values.get(pid)!;
    const cells = crcIndices.flatMap((c) =>
      Array.from({ length: FY_COUNT }, (_, y) => base[c * FY_COUNT + y]!),
    );
    const current = cells.every((v) => v === cells[0])
      ? (toScenarioValue(cells[0]!, rows[0]!) as number)
      : null;
    // As checkOverrideValue converts a scenario value (pounds to pence), without its checks:
    // a solver also asks for values between scenario-writable ones.
    const engineValue = (value: number) =>
      isMoneyUnit(unit) ? new Money(value).times(100).toNumber() : value;
    return {
      id: pid,
      label: (dataset.parameters.find((p) => p.id === pid && p.crc === null) ?? rows[0]!).label,
      unit,
      ids: [pid],
      allowed: { min, max },
      span:
        low < high ? { from: Math.max(min, low), to: Math.min(max, high) } : { from: min, to: max },
      decimals:
        unit === "months" || unit === "people" || unit === "count" ? 0 : moneyDecimals(unit),
      current,
      columns(value) {
        const column = Float64Array.from(base);
        const v = engineValue(value);
        crcIndices.forEach((c) => {
          for (let y = 0; y < FY_COUNT; y++) column[c * FY_COUNT + y] = v;
        });
        return new Map([[pid, column]]);
      },
      overrides(value) {
        if (national) return { [pid]: { value } };
        const byCrc: Record<string, ParameterValue> = {};
        for (const c of crcIndices) byCrc[inputs.crcs[c]!.id] = value;
        return { [pid]: mergeOverride(merged.parameters[pid], { byCrc }) };
      },
    };
  }

  function shiftKnob(): Knob {
    // For each chosen CRC: the shifts that keep every given year inside its row's range, and
    // every later year (2017-18 + trend × years) inside the 2017-18 row's (check-resolved-inputs.ts).
    let min = new Money(-Infinity);
    let max = new Money(Infinity);
    let spanLow = new Money(0);
    let spanHigh = new Money(0);
    const given = (pid: string, c: number) => new Money(inputs.values.get(pid)![c * FY_COUNT]!);
    for (const c of crcIndices) {
      for (const pid of SHORTFALL_GIVEN_IDS) {
        const row = param(dataset, pid, inputs.crcs[c]!.id);
        const s = given(pid, c);
        min = Money.max(min, new Money(row.text.min).minus(s));
        max = Money.min(max, new Money(row.text.max).minus(s));
        spanLow = spanLow.plus(new Money(row.text.low).minus(s));
        spanHigh = spanHigh.plus(new Money(row.text.high).minus(s));
      }
      const latest = SHORTFALL_GIVEN_IDS[SHORTFALL_GIVEN_IDS.length - 1]!;
      const row = param(dataset, latest, inputs.crcs[c]!.id);
      const trend = new Money(inputs.values.get(SHORTFALL_TREND_ID)![c * FY_COUNT]!);
      for (const fy of FINANCIAL_YEARS) {
        const years = effectiveShortfallSource(fy).trendYears;
        if (years === 0) continue;
        const s = given(latest, c).plus(trend.times(years));
        min = Money.max(min, new Money(row.text.min).minus(s));
        max = Money.min(max, new Money(row.text.max).minus(s));
      }
    }
    // The default span: the data's average low-to-high spread around the scenario's values, to
    // the nearest 0.01 outwards, inside what is allowed.
    const cells = crcIndices.length * SHORTFALL_GIVEN_IDS.length;
    const from = spanLow.dividedBy(cells).toDecimalPlaces(2, Money.ROUND_FLOOR);
    const to = spanHigh.dividedBy(cells).toDecimalPlaces(2, Money.ROUND_CEIL);
    return {
      id: SHORTFALL_SHIFT,
      label: SHORTFALL_SHIFT_LABEL,
      unit: "share",
      ids: SHORTFALL_GIVEN_IDS,
      allowed: { min: min.toNumber(), max: max.toNumber() },
      span: { from: Money.max(min, from).toNumber(), to: Money.min(max, to).toNumber() },
      decimals: undefined,
      current: 0,
      columns(value) {
        const out = new Map<string, Float64Array>();
        for (const pid of SHORTFALL_GIVEN_IDS) {
          const column = Float64Array.from(inputs.values.get(pid)!);
          for (const c of crcIndices) {
            const v = given(pid, c).plus(value).toNumber();
            for (let y = 0; y < FY_COUNT; y++) column[c * FY_COUNT + y] = v;
          }
          out.set(pid, column);
        }
        return out;
      },
      overrides(value) {
        const out: Record<string, ParameterOverride> = {};
        for (const pid of SHORTFALL_GIVEN_IDS) {
          const byCrc: Record<string, ParameterValue> = {};
          for (const c of crcIndices)
            byCrc[inputs.crcs[c]!.id] = given(pid, c).plus(value).toNumber();
          out[pid] = mergeOverride(merged.parameters[pid], { byCrc });
        }
        return out;
      },
    };
  }
}

function moneyDecimals(unit: Unit): number | undefined {
  return isMoneyUnit(unit) ? 2 : undefined;
}
