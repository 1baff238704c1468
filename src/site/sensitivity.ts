import { isMoneyUnit, type Dataset, type Unit } from "../data/index.ts";
import type { BreakEvenPoint, BreakEvenReport } from "../sensitivity/break-even.ts";
import type { Grid } from "../sensitivity/grid.ts";
import { knobIds, SHORTFALL_SHIFT, SHORTFALL_SHIFT_LABEL } from "../sensitivity/knob.ts";
import type { Tornado, TornadoRow } from "../sensitivity/tornado.ts";
import { formatPence } from "../explain/format-tree.ts";
import type { SensitivityView } from "../state/sensitivity-view.ts";
import { formatEndText } from "./unit-text.ts";
import { signedMillions } from "../engine/format-millions.ts";
import { lineWords } from "./line-words.ts";

/*
 * The Sensitivity page's choices, names and rows: tornado bars and tables, grid cells, break-even
 * rows and their exports. The view they follow, read from and written to the address, is
 * src/state/sensitivity-view.ts.
 */

/** How many tornado bars are drawn; the rest are in the data table. */
export const TORNADO_TOP = 15;

export interface Choice {
  readonly value: string;
  readonly label: string;
}

/** Whose money a tornado or grid can follow: the nation, MoJ spend, each CRC, each owner. */
export function outputChoices(dataset: Dataset): Choice[] {
  return [
    { value: "national", label: "All CRCs (national)" },
    { value: "moj", label: "MoJ spend (all CRCs' income)" },
    ...dataset.crcs.map((c) => ({ value: `crc:${c.id}`, label: `CRC: ${c.name}` })),
    ...dataset.owners.map((o) => ({ value: `owner:${o.id}`, label: `Owner: ${o.name}` })),
  ];
}

/** The grid's axis choices with their labels (the national row's label, as the knob uses). */
export function knobChoices(dataset: Dataset): Choice[] {
  return knobIds(dataset).map((id) => {
    if (id === SHORTFALL_SHIFT) return { value: id, label: SHORTFALL_SHIFT_LABEL };
    const row =
      dataset.parameters.find((p) => p.id === id && p.crc === null) ??
      dataset.parameters.find((p) => p.id === id)!;
    return { value: id, label: `${row.label} (${id})` };
  });
}

/** CRC and owner names by id, for `outputName`. */
export interface OutputNames {
  readonly crcs: ReadonlyMap<string, string>;
  readonly owners: ReadonlyMap<string, string>;
}

/**
 * An output as a name a reader says (issue #16): "Wales CRC profit, whole contract", "Sodexo
 * Justice Services (with Nacro) CRCs' costs, 2017-18", "national profit" for all 21, "MoJ
 * spend". The engine's `describeOutput` ("profit, crc wales, contract life") stays the
 * machine label in exports and the CLI.
 */
export function outputName(
  view: Pick<SensitivityView, "output" | "line" | "period">,
  names: OutputNames,
): string {
  const line = lineWords(view.line).inText;
  const [kind, id = ""] = view.output.split(":");
  const who =
    view.output === "moj"
      ? "MoJ spend"
      : kind === "crc"
        ? `${names.crcs.get(id) ?? id} CRC ${line}`
        : kind === "owner"
          ? `${names.owners.get(id) ?? id} CRCs' ${line}`
          : `National ${line} (all ${names.crcs.size} CRCs)`;
  const when = view.period === "contract" ? "whole contract" : view.period;
  return `${who}, ${when}`;
}

/** A tornado end ("7023571 to 64382735 (by CRC)") in its unit ("£7,023,571 to …"). */
export function swingEndText(text: string, unit: Unit): string {
  return formatEndText(text, unit);
}

/** A lever or axis value as the data writes it (shares as given, not as per cents). */
export function formatValue(value: number | null, unit: Unit): string {
  if (value === null) return "varies by year";
  const text = Number(value.toPrecision(10)).toString();
  return isMoneyUnit(unit)
    ? `£${Number(text).toLocaleString("en-GB", { maximumFractionDigits: 2 })}`
    : text;
}

/** One end of one tornado bar, in £m, for the chart (the `TORNADO_TOP` largest swings). */
export interface TornadoBar {
  readonly parameter: string;
  readonly label: string;
  readonly end: "low" | "high";
  /** The parameter's value at this end, as the data writes it. */
  readonly input: string;
  readonly basePence: number;
  readonly outputPence: number;
  readonly status: string;
  readonly source: string;
  readonly note: string;
}

export function tornadoBars(tornado: Tornado, top = TORNADO_TOP): TornadoBar[] {
  return tornado.rows.slice(0, top).flatMap((row) =>
    (["low", "high"] as const).map((end) => ({
      parameter: row.parameter,
      label: row.label,
      end,
      input: swingEndText(end === "low" ? row.lowValue : row.highValue, row.unit),
      basePence: tornado.basePence,
      outputPence: end === "low" ? row.outputAtLowPence : row.outputAtHighPence,
      status: row.status,
      source: row.source || "(assumption: see Sources & assumptions)",
      note: row.note,
    })),
  );
}

/** Every tornado row as a table row (the chart draws the top ones). */
export function tornadoTable(tornado: Tornado): Record<string, string | number>[] {
  return tornado.rows.map((row: TornadoRow, i) => ({
    rank: i + 1,
    parameter: row.label,
    id: row.parameter,
    low: swingEndText(row.lowValue, row.unit),
    high: swingEndText(row.highValue, row.unit),
    "output at low": signedMillions(row.outputAtLowPence),
    "output at high": signedMillions(row.outputAtHighPence),
    "swing (high − low)": signedMillions(row.swingPence),
    status: row.status,
    source: row.source,
    "all CRCs at once": row.perCrc ? "yes" : "",
    note: row.note,
  }));
}

/** A tornado row with its rank and the base output, for the CSV export (every row, in pence). */
export interface TornadoExportRow extends TornadoRow {
  readonly rank: number;
  readonly basePence: number;
}

export function tornadoExportRows(tornado: Tornado): TornadoExportRow[] {
  return tornado.rows.map((row, i) => ({ ...row, rank: i + 1, basePence: tornado.basePence }));
}

/** A grid point with its axes' parameter ids, for the CSV export. */
export interface GridExportRow {
  readonly xParameter: string;
  readonly x: number;
  readonly yParameter: string;
  readonly y: number;
  readonly valuePence: number;
}

export function gridExportRows(grid: Grid): GridExportRow[] {
  return grid.rows.map((r) => ({
    xParameter: grid.x.id,
    x: r.x,
    yParameter: grid.y.id,
    y: r.y,
    valuePence: r.valuePence,
  }));
}

/** One heatmap cell with its edges: halfway to each neighbouring value (half a step at ends). */
export interface GridCell {
  readonly x: number;
  readonly y: number;
  readonly x1: number;
  readonly x2: number;
  readonly y1: number;
  readonly y2: number;
  readonly valuePence: number;
}

function edges(values: readonly number[]): [number, number][] {
  return values.map((v, i) => {
    const before = i > 0 ? (values[i - 1]! + v) / 2 : v - (values[1]! - v) / 2;
    const after = i + 1 < values.length ? (v + values[i + 1]!) / 2 : v + (v - values[i - 1]!) / 2;
    return [before, after];
  });
}

/**
 * The grid as rectangles on continuous axes: a heatmap whose axes read in the parameters' own
 * units, where the scenario's own point can be marked even when it falls between grid values.
 */
export function gridCells(grid: Grid): GridCell[] {
  const xEdges = edges(grid.x.values);
  const yEdges = edges(grid.y.values);
  const xe = new Map(grid.x.values.map((v, i) => [v, xEdges[i]!]));
  const ye = new Map(grid.y.values.map((v, i) => [v, yEdges[i]!]));
  return grid.rows.map((r) => {
    const [x1, x2] = xe.get(r.x)!;
    const [y1, y2] = ye.get(r.y)!;
    return { x: r.x, y: r.y, x1, x2, y1, y2, valuePence: r.valuePence };
  });
}

/** The grid's tidy rows for its data table. */
export function gridTable(
  grid: Grid,
  outputName = grid.outputLabel,
): Record<string, string | number>[] {
  return grid.rows.map((r) => ({
    [grid.x.id]: r.x,
    [grid.y.id]: r.y,
    [outputName]: signedMillions(r.valuePence),
    pence: r.valuePence,
  }));
}

/** One CRC's break-even, flattened for a sortable table. */
export interface BreakEvenRow {
  readonly crc: string;
  readonly name: string;
  readonly owner: string;
  readonly current: number | null;
  readonly currentProfitPence: number;
  readonly allowed: { readonly min: number; readonly max: number };
  /** The break-even value, or null: none within the allowed range. */
  readonly breakEven: number | null;
  readonly exactProfitPence: number | null;
  /** Found: the bracket either side; none: the range's ends. */
  readonly lower: BreakEvenPoint;
  readonly upper: BreakEvenPoint;
  readonly checked: boolean;
  readonly message: string;
}

export function breakEvenRows(
  report: BreakEvenReport,
  crcNames: ReadonlyMap<string, string>,
  ownerNames: ReadonlyMap<string, string>,
): BreakEvenRow[] {
  return report.results.map((r) => ({
    crc: r.crc,
    name: crcNames.get(r.crc) ?? r.crc,
    owner: ownerNames.get(r.owner) ?? r.owner,
    current: r.current,
    currentProfitPence: r.currentProfitPence,
    allowed: r.allowed,
    breakEven: r.value,
    exactProfitPence: r.exactProfitPence,
    lower: (r.status === "found" ? r.below : r.atMin)!,
    upper: (r.status === "found" ? r.above : r.atMax)!,
    checked: r.checked,
    message: r.message,
  }));
}

type Cell = string | number | boolean | null;

interface BreakEvenColumn {
  readonly column: string;
  /** What the table holds (and sorts by): numbers stay numbers. */
  readonly value: (row: BreakEvenRow) => Cell;
  readonly format: (value: Exclude<Cell, null>) => string;
}

/** The break-even table's columns, for the page's sortable table and for checking it. */
export function breakEvenColumns(unit: Unit): BreakEvenColumn[] {
  const point = (p: BreakEvenPoint) =>
    `${formatPence(p.exactProfitPence)} at ${formatValue(p.value, unit)}`;
  const text = (v: Exclude<Cell, null>) => String(v);
  const value = (v: Exclude<Cell, null>) => formatValue(v as number, unit);
  return [
    { column: "CRC", value: (r) => r.name, format: text },
    {
      column: "result",
      value: (r) => (r.breakEven === null ? "none within range" : "break-even"),
      format: text,
    },
    { column: "break-even at", value: (r) => r.breakEven, format: value },
    {
      column: "exact profit there",
      value: (r) => r.exactProfitPence,
      format: (v) => formatPence(v as number),
    },
    { column: "just below / at min", value: (r) => point(r.lower), format: text },
    { column: "just above / at max", value: (r) => point(r.upper), format: text },
    {
      column: "checked",
      value: (r) => r.checked,
      format: (v) => (v ? "✓ exact engine" : "NOT confirmed"),
    },
    {
      column: "now",
      value: (r) => r.current ?? "varies by year",
      format: (v) => (typeof v === "number" ? value(v) : text(v)),
    },
    {
      column: "profit now",
      value: (r) => r.currentProfitPence,
      format: (v) => signedMillions(v as number),
    },
    { column: "owner", value: (r) => r.owner, format: text },
  ];
}

/** The table: one object per CRC keyed by column, and a format per column. */
export function breakEvenTable(
  rows: readonly BreakEvenRow[],
  unit: Unit,
): { rows: Record<string, Cell>[]; format: Record<string, (v: Exclude<Cell, null>) => string> } {
  const columns = breakEvenColumns(unit);
  return {
    rows: rows.map((r) => Object.fromEntries(columns.map((c) => [c.column, c.value(r)]))),
    format: Object.fromEntries(columns.map((c) => [c.column, c.format])),
  };
}

/** The text each column shows for one CRC (an empty cell for no value). */
export function breakEvenCells(row: BreakEvenRow, unit: Unit): Record<string, string> {
  return Object.fromEntries(
    breakEvenColumns(unit).map((c) => {
      const v = c.value(row);
      return [c.column, v === null ? "" : c.format(v)];
    }),
  );
}

/** Exact pounds and pence (the explanation panel's format, shared). */
export { formatPence };
