import { param, type Dataset, type Parameter, type Unit } from "../data/index.ts";
import { REQUIRED_PARAMETER_IDS, SHORTFALL_GIVEN_IDS } from "../engine/parameter-specs.ts";
import { FY_COUNT, type ProjectionInputs } from "../engine/projection-inputs.ts";
import { isWholeNumber, parameterRanges } from "../scenario/parameter-ranges.ts";
import { LEVER_IDS, SHORTFALL_GROUP, SPLIT_IDS } from "../uncertainty/index.ts";
import { formatScenarioValue, snapDecimal } from "./scenario-value.ts";

/** One tornado bar's parameter: the columns it sets at its low and high ends. */
export interface Swing {
  /** A parameter id, or "volume.shortfall" for the three given years swung together. */
  readonly parameter: string;
  /** The parameter ids it sets. */
  readonly ids: readonly string[];
  readonly label: string;
  /** Status of the data rows behind it (sourced, derived, assumed; "/"-joined if mixed). */
  readonly status: string;
  /** Source ids of those rows ("; "-joined if several). */
  readonly source: string;
  readonly unit: Unit;
  /** Whether its values differ by CRC: then every CRC is swung at once, each in its own range. */
  readonly perCrc: boolean;
  /** Engine-unit columns (`[crc × FY_COUNT + fy]`) for each id at the low and high ends. */
  readonly low: ReadonlyMap<string, Float64Array>;
  readonly high: ReadonlyMap<string, Float64Array>;
  /** The ends as a reader would write them: "0.7", or "0.06 to 0.16 (by CRC and year)". */
  readonly lowText: string;
  readonly highText: string;
}

/**
 * The parameters a tornado swings, and their ends: the same uncertain parameters and ranges the
 * Monte Carlo samples (src/uncertainty: levers such as variation.scale are choices, not
 * uncertainties, and are left out, as are each CRC's part of a sourced national total such as
 * the £450m a year of bid prices (`SPLIT_IDS`: swinging every part at once would move the
 * sourced total, which the Monte Carlo does not sample; issue #16); ranges are each row's
 * low–high spread around the scenario's value, cut to min–max). The three given years of the volume shortfall move together, as one
 * uncertain path. Parameters whose range is a single point (e.g. a sourced figure) are skipped.
 * Float64 round-off in the ranges is snapped back to the decimal it stands for, so each end is
 * a value a scenario file could hold and the exact engine can re-run.
 */
export function planSwings(inputs: ProjectionInputs, dataset: Dataset): Swing[] {
  const candidates = REQUIRED_PARAMETER_IDS.filter(
    (id) => inputs.values.has(id) && !LEVER_IDS.includes(id) && !SPLIT_IDS.includes(id),
  );
  const groups = new Map<string, string[]>();
  for (const id of candidates) {
    const group = SHORTFALL_GIVEN_IDS.includes(id) ? SHORTFALL_GROUP : id;
    groups.set(group, [...(groups.get(group) ?? []), id]);
  }
  const swings: Swing[] = [];
  for (const [parameter, ids] of groups) {
    const low = new Map<string, Float64Array>();
    const high = new Map<string, Float64Array>();
    let moves = false;
    for (const id of ids) {
      const ranges = parameterRanges(id, inputs, dataset);
      if (ranges === undefined) continue;
      const whole = isWholeNumber(id, dataset);
      const end = (x: number) => (whole ? Math.round(x) : snapDecimal(x));
      low.set(
        id,
        Float64Array.from(ranges, (r) => end(r.low)),
      );
      high.set(
        id,
        Float64Array.from(ranges, (r) => end(r.high)),
      );
      if (ranges.some((r) => r.high > r.low)) moves = true;
    }
    if (!moves || low.size !== ids.length) continue;
    const rows = dataset.parameters.filter((p) => ids.includes(p.id));
    const first = rows[0]!;
    const distinct = (f: (p: Parameter) => string) => [...new Set(rows.map(f))];
    swings.push({
      parameter,
      ids,
      label:
        parameter === SHORTFALL_GROUP
          ? `Volume shortfall ${SHORTFALL_GIVEN_IDS.map((id) => id.slice(-7)).join(", ")} (together)`
          : (rows.find((p) => p.crc === null) ?? first).label,
      status: distinct((p) => p.status).join("/"),
      source: distinct((p) => p.sourceId).join("; "),
      unit: first.unit,
      perCrc: rows.some((p) => p.crc !== null) || varies(low, inputs, "crc"),
      low,
      high,
      lowText: describeEnds(low, inputs, dataset),
      highText: describeEnds(high, inputs, dataset),
    });
  }
  return swings;
}

/** Whether the columns' values differ across CRCs ("crc") or across years within a CRC ("year"). */
function varies(
  columns: ReadonlyMap<string, Float64Array>,
  inputs: ProjectionInputs,
  along: "crc" | "year",
): boolean {
  for (const column of columns.values()) {
    for (let c = 0; c < inputs.crcs.length; c++) {
      for (let y = 0; y < FY_COUNT; y++) {
        const v = column[c * FY_COUNT + y];
        if (along === "crc" && v !== column[y]) return true;
        if (along === "year" && v !== column[c * FY_COUNT]) return true;
      }
    }
  }
  return false;
}

function describeEnds(
  columns: ReadonlyMap<string, Float64Array>,
  inputs: ProjectionInputs,
  dataset: Dataset,
): string {
  let min = Infinity;
  let max = -Infinity;
  let row: Parameter | undefined;
  for (const [id, column] of columns) {
    row ??= param(dataset, id, inputs.crcs[0]!.id);
    for (const v of column) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  }
  if (row === undefined) return "";
  const text = (v: number) => formatScenarioValue(v, row);
  if (min === max && columns.size === 1) return text(min);
  const byCrc = varies(columns, inputs, "crc");
  const byYear = varies(columns, inputs, "year") || columns.size > 1;
  const along = [byCrc ? "CRC" : "", byYear ? "year" : ""].filter(Boolean).join(" and ");
  return min === max ? text(min) : `${text(min)} to ${text(max)} (by ${along})`;
}
