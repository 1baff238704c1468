import type { PosteriorSample } from "./posterior-sample.ts";
import type { Unit } from "./units.ts";

export const SOURCE_KINDS = [
  "official_report",
  "committee_report",
  "parliament",
  "inspectorate",
  "union_evidence",
  "company",
  "press",
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const OWNER_KINDS = ["private", "partnership", "not_for_profit"] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

export const FIGURE_QUALIFIERS = ["exact", "about", "at_least", "at_most"] as const;
export type FigureQualifier = (typeof FIGURE_QUALIFIERS)[number];

/** anchor: a derivation starts from it; calibration: a preset must reproduce it;
 * check: a test or page compares the model with it; context: shown, not used. */
export const FIGURE_USES = ["anchor", "calibration", "check", "context"] as const;
export type FigureUse = (typeof FIGURE_USES)[number];

export const PARAMETER_STATUSES = ["sourced", "derived", "assumed", "fitted"] as const;
export type ParameterStatus = (typeof PARAMETER_STATUSES)[number];

export const PARAMETER_GROUPS = [
  "contract",
  "volumes",
  "variation",
  "pbr",
  "staffing",
  "costs",
  "other",
] as const;
export type ParameterGroup = (typeof PARAMETER_GROUPS)[number];

/** `row` in every record is its line in the file (header = line 1). */
export interface Source {
  id: string;
  kind: SourceKind;
  title: string;
  publisher: string;
  date: string;
  url: string;
  sourceFile: string;
  citation: string;
  note: string;
  row: number;
}

export interface Owner {
  id: string;
  name: string;
  kind: OwnerKind;
  members: string;
  crcCount: number;
  laterChange: string;
  sourceId: string;
  locator: string;
  row: number;
}

export interface Crc {
  id: string;
  name: string;
  ownerId: string;
  areas: string[];
  regions: string[];
  sourceId: string;
  locator: string;
  row: number;
}

export type FigureScope =
  { kind: "national" } | { kind: "owner"; id: string } | { kind: "crc"; id: string };

export interface Figure {
  id: string;
  /** number, or "YYYY-MM" for unit date_month */
  value: number | string;
  /** the exact decimal text from the file (build decimal.js values from this, not `value`) */
  valueText: string;
  /** integer pence for money units, else null */
  valuePence: number | null;
  unit: Unit;
  qualifier: FigureQualifier;
  scope: FigureScope;
  period: string;
  meaning: string;
  sourceId: string;
  locator: string;
  use: FigureUse;
  row: number;
}

/** The five numeric columns of a parameter, parsed. */
export interface ParameterValues<T> {
  default: T;
  min: T;
  max: T;
  low: T;
  high: T;
}

export interface Parameter {
  id: string;
  /** the CRC this row is for, or null for the global row */
  crc: string | null;
  unit: Unit;
  /** number, or "YYYY-MM" for unit date_month */
  defaultValue: number | string;
  /** all five values as numbers (or months) */
  values: ParameterValues<number | string>;
  /** all five values as the exact decimal text of the file */
  text: ParameterValues<string>;
  /** for money units: all five in integer pence (safe integers); else null */
  pence: ParameterValues<number> | null;
  /** shorthand for pence.default (money units only) */
  defaultPence: number | null;
  status: ParameterStatus;
  sourceId: string;
  locator: string;
  reason: string;
  label: string;
  group: ParameterGroup;
  row: number;
}

export interface Dataset {
  sources: Source[];
  owners: Owner[];
  crcs: Crc[];
  figures: Figure[];
  parameters: Parameter[];
  /**
   * The posterior the Monte Carlo draws from by default (data/posterior.json; issue #14).
   * Absent, the Monte Carlo draws from the prior ranges only.
   */
  posterior?: PosteriorSample;
}
