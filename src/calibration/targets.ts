import type { Issue } from "../issues/issue.ts";
import type { Dataset } from "../data/index.ts";
import { readTable } from "../data/read-table.ts";
import { checkSourceRef, DOTTED_ID, rowChecker, uniqueIds } from "../data/row-checker.ts";
import { PRESETS } from "../scenario/presets.ts";
import { MEASURES, type MeasureId } from "./measures.ts";

/**
 * The published figures the model must reproduce (data/targets.csv; issue #20). Each says what
 * it covers — scope, period, basis (a maximum projection is not a payment) — the scenario it
 * is measured on, and a tolerance with its reason. Calibration reads targets from this file only.
 */
export const TARGET_COLUMNS = [
  "id",
  "value",
  "unit",
  "scope",
  "period",
  "basis",
  "definition",
  "scenario",
  "measure",
  "tolerance_kind",
  "tolerance",
  "tolerance_reason",
  "role",
  "fits",
  "published",
  "source_id",
  "locator",
] as const;

export const TARGET_UNITS = ["GBP", "count"] as const;
export const TOLERANCE_KINDS = ["relative", "absolute", "between", "at_least", "at_most"] as const;
/** `fitted`: parameters named in `fits` are fitted to it; `check`: the model is tested on it. */
export const TARGET_ROLES = ["fitted", "check"] as const;

export type ToleranceKind = (typeof TOLERANCE_KINDS)[number];

/** What a model value must satisfy, in the target's unit (pence for money). */
export type Tolerance =
  | { readonly kind: "relative"; readonly share: number }
  | { readonly kind: "absolute"; readonly amount: number }
  | { readonly kind: "between"; readonly low: number; readonly high: number }
  | { readonly kind: "at_least" }
  | { readonly kind: "at_most" };

export interface Target {
  readonly id: string;
  /** The published value: pence for GBP, a plain number for counts. */
  readonly value: number;
  readonly unit: (typeof TARGET_UNITS)[number];
  /** CRC indices the measure covers (all 21 for national). */
  readonly scope: string;
  readonly crcs: readonly number[];
  readonly period: string;
  readonly basis: string;
  readonly definition: string;
  /** A preset id, or "a - b": the measure's difference between two presets. */
  readonly scenario: string;
  readonly scenarios: readonly [string] | readonly [string, string];
  readonly measure: MeasureId;
  readonly tolerance: Tolerance;
  readonly toleranceReason: string;
  readonly role: (typeof TARGET_ROLES)[number];
  readonly fits: readonly string[];
  readonly published: string;
  readonly sourceId: string;
  readonly locator: string;
}

/** The file name issues carry (`formatIssue` puts it under data/). */
export const TARGETS_FILE = "targets.csv";

const POUNDS = /^-?\d+(\.\d{1,2})?$/;
const COUNT = /^-?\d+$/;

/**
 * Parse and check data/targets.csv against the dataset (source ids, CRCs and owners, parameter
 * ids) and the presets. Every problem is an issue naming the line, the column and what was
 * expected; no target is returned from a bad row.
 */
export function parseTargets(
  text: string,
  dataset: Dataset,
): { targets: Target[]; issues: Issue[] } {
  const file = TARGETS_FILE;
  const table = readTable(file, text, TARGET_COLUMNS);
  const issues = [...table.issues];
  const targets: Target[] = [];
  const sourceIds = new Set(dataset.sources.map((s) => s.id));
  const parameterIds = new Set(dataset.parameters.map((p) => p.id));
  const isNew = uniqueIds(file, "id", issues);
  for (const row of table.rows) {
    const check = rowChecker(file, row, issues);
    const id = check.matches("id", DOTTED_ID, "a dotted camelCase id");
    const unit = check.oneOf("unit", TARGET_UNITS);
    const pattern = unit === "count" ? COUNT : POUNDS;
    const toUnit = (text: string) =>
      unit === "GBP" ? Math.round(Number(text) * 100) : Number(text);
    const valueText = check.matches("value", pattern, "a plain number (pounds or a count)");
    const crcs = scopeCrcs(check.cell("scope"), dataset);
    if (crcs === null) {
      check.issue(
        "scope",
        "expected national, or crc:<id> / owner:<id> entries separated by '; ' (ids from crcs.csv and owners.csv)",
      );
    }
    const scenario = check.required("scenario", "a preset id or 'a - b'");
    const scenarios = scenario?.split(" - ").map((s) => s.trim());
    const badPreset = scenarios?.find((s) => !PRESETS.has(s));
    if (scenarios !== undefined && scenarios.length > 2)
      check.issue("scenario", "expected a preset id or two, 'a - b'");
    else if (badPreset !== undefined)
      check.known("scenario", badPreset, PRESETS.keys(), ", or 'a - b'");
    const measure = check.oneOf("measure", Object.keys(MEASURES) as MeasureId[]);
    const kind = check.oneOf("tolerance_kind", TOLERANCE_KINDS);
    const tolerance = kind === null ? null : parseTolerance(kind, check.cell("tolerance"), toUnit);
    if (kind !== null && tolerance === null) {
      check.issue("tolerance", toleranceExpected(kind));
    }
    const toleranceReason = check.required("tolerance_reason", "the reason for the tolerance");
    const role = check.oneOf("role", TARGET_ROLES);
    const fits = check
      .cell("fits")
      .split(";")
      .map((s) => s.trim())
      .filter((s) => s !== "");
    if (role === "fitted" && fits.length === 0) {
      check.issue("fits", "required: a fitted target names the parameters fitted to it");
    }
    if (role === "check" && fits.length > 0) {
      check.issue("fits", "must be blank for a check (no parameter is fitted to it)");
    }
    for (const p of fits) {
      if (!parameterIds.has(p))
        check.issue("fits", `unknown parameter "${p}" (not in parameters.csv)`);
    }
    const definition = check.required("definition", "what exactly the figure measures");
    const period = check.required("period", "the period the figure covers");
    const basis = check.required("basis", "the figure's basis (payment, maximum, forecast …)");
    const published = check.required("published", "the publication date");
    const sourceId = checkSourceRef(check, "source_id", sourceIds, "for every target");
    if (
      id === null ||
      unit === null ||
      valueText === null ||
      crcs === null ||
      scenarios === undefined ||
      badPreset !== undefined ||
      scenarios.length > 2 ||
      measure === null ||
      tolerance === null ||
      toleranceReason === null ||
      role === null ||
      definition === null ||
      period === null ||
      basis === null ||
      published === null ||
      sourceId === ""
    ) {
      continue;
    }
    if (!isNew(id, id, row.line)) continue;
    targets.push({
      id,
      value: toUnit(valueText),
      unit,
      scope: check.cell("scope"),
      crcs,
      period,
      basis,
      definition,
      scenario: scenario!,
      scenarios: scenarios as [string] | [string, string],
      measure,
      tolerance,
      toleranceReason,
      role,
      fits,
      published,
      sourceId,
      locator: check.cell("locator"),
    });
  }
  return { targets, issues };
}

function scopeCrcs(scope: string, dataset: Dataset): number[] | null {
  if (scope === "national") return dataset.crcs.map((_, i) => i);
  const out = new Set<number>();
  for (const part of scope.split(";").map((s) => s.trim())) {
    const [kind, id] = part.split(":");
    const matches = dataset.crcs
      .map((c, i) => ({ c, i }))
      .filter(({ c }) =>
        kind === "crc" ? c.id === id : kind === "owner" ? c.ownerId === id : false,
      );
    if (matches.length === 0) return null;
    for (const { i } of matches) out.add(i);
  }
  return [...out].sort((a, b) => a - b);
}

function parseTolerance(
  kind: ToleranceKind,
  text: string,
  toUnit: (text: string) => number,
): Tolerance | null {
  const number = /^\d+(\.\d+)?$/;
  switch (kind) {
    case "relative":
      return number.test(text) && Number(text) > 0 && Number(text) < 1
        ? { kind, share: Number(text) }
        : null;
    case "absolute":
      return number.test(text) && Number(text) >= 0 ? { kind, amount: toUnit(text) } : null;
    case "between": {
      const [low, high] = text.split("..");
      if (low === undefined || high === undefined || !number.test(low) || !number.test(high))
        return null;
      const range = { kind, low: toUnit(low), high: toUnit(high) };
      return range.low <= range.high ? range : null;
    }
    case "at_least":
    case "at_most":
      return text === "" ? { kind } : null;
  }
}

function toleranceExpected(kind: ToleranceKind): string {
  switch (kind) {
    case "relative":
      return "expected a share between 0 and 1 (0.1 = ±10%)";
    case "absolute":
      return "expected a non-negative amount in the target's unit (pounds or a count)";
    case "between":
      return "expected low..high in the target's unit, low ≤ high";
    case "at_least":
    case "at_most":
      return "must be blank: the published value is the bound";
  }
}

/** Whether a model value meets the target, and the residual (model − published). */
export function meets(target: Target, model: number): boolean {
  const t = target.tolerance;
  switch (t.kind) {
    case "relative":
      return Math.abs(model - target.value) <= Math.abs(target.value) * t.share;
    case "absolute":
      return Math.abs(model - target.value) <= t.amount;
    case "between":
      return model >= t.low && model <= t.high;
    case "at_least":
      return model >= target.value;
    case "at_most":
      return model <= target.value;
  }
}

/** The width a residual is measured against in a fit: the tolerance, in the target's unit. */
export function toleranceWidth(target: Target): number {
  const t = target.tolerance;
  switch (t.kind) {
    case "relative":
      return Math.abs(target.value) * t.share;
    case "absolute":
      return Math.max(t.amount, 1);
    case "between":
      return Math.max((t.high - t.low) / 2, 1);
    case "at_least":
    case "at_most":
      return Math.max(Math.abs(target.value) * 0.1, 1);
  }
}

/** The tolerance in words, for tables. */
export function describeTolerance(target: Target, format: (value: number) => string): string {
  const t = target.tolerance;
  switch (t.kind) {
    case "relative":
      return `±${+(t.share * 100).toFixed(2)}%`;
    case "absolute":
      return `±${format(t.amount)}`;
    case "between":
      return `${format(t.low)} to ${format(t.high)}`;
    case "at_least":
      return "model ≥ published";
    case "at_most":
      return "model ≤ published";
  }
}
