import type { Dataset } from "../data/index.ts";
import type { MergedScenario } from "../scenario/scenario.ts";
import { LEVER_GROUPS, leverSpecs } from "./levers.ts";

/**
 * A scenario's inputs as a table (the printed page's "inputs" list): every Explorer lever with
 * the value in force under the scenario and whether the scenario or the data set it, then every
 * other value the scenario sets (by year, owner or CRC, or a parameter without a lever).
 */
export interface InputRow {
  /** Unique within a table: the parameter id, with its scope for scoped values. */
  readonly key: string;
  readonly group: string;
  readonly label: string;
  readonly value: string;
  readonly unit: string;
  readonly setBy: "scenario" | "data";
  /** The data row's status (sourced / derived / assumed); "" for scenario-only rows. */
  readonly status: string;
}

const SCOPES = [
  ["byYear", "year"],
  ["byOwner", "owner"],
  ["byCrc", "CRC"],
] as const;

export function scenarioInputRows(dataset: Dataset, merged: MergedScenario): InputRow[] {
  const titles = new Map(LEVER_GROUPS.map((g) => [g.id, g.title]));
  const rows: InputRow[] = leverSpecs(dataset, merged).map((spec) => {
    const own = merged.parameters[spec.id]?.value;
    const perCrc = spec.optional && !spec.enabled;
    return {
      key: spec.id,
      group: titles.get(spec.group) ?? spec.group,
      label: spec.label,
      value: perCrc ? "each CRC's own value (data)" : String(spec.value),
      unit: spec.unit,
      setBy: own !== undefined ? "scenario" : "data",
      status: spec.status,
    };
  });
  const levers = new Set(rows.map((r) => r.key));
  const labelOf = (id: string) => dataset.parameters.find((p) => p.id === id);
  const names = new Map<string, string>([
    ...dataset.crcs.map((c): [string, string] => [c.id, c.name]),
    ...dataset.owners.map((o): [string, string] => [o.id, o.name]),
  ]);
  const ids = Object.keys(merged.parameters).sort();
  for (const id of ids) {
    const override = merged.parameters[id]!;
    const row = labelOf(id);
    const base = {
      group: "Other values set by the scenario",
      label: row?.label || id,
      unit: row?.unit ?? "",
      setBy: "scenario" as const,
      status: "",
    };
    if (override.value !== undefined && !levers.has(id))
      rows.push({ ...base, key: id, value: String(override.value) });
    for (const [field, word] of SCOPES) {
      for (const [scope, value] of Object.entries(override[field] ?? {}).sort(([a], [b]) =>
        a < b ? -1 : a > b ? 1 : 0,
      )) {
        rows.push({
          ...base,
          key: `${id} (${word} ${scope})`,
          label: `${base.label}, ${names.get(scope) ?? scope}`,
          value: String(value),
        });
      }
    }
  }
  return rows;
}

/** Several scenarios' inputs side by side (the printed Compare page): one row per input. */
export interface InputComparisonRow {
  readonly key: string;
  readonly group: string;
  readonly label: string;
  readonly unit: string;
  /** One value per scenario, in the order given; NOT_SET where a scoped value is not set. */
  readonly values: readonly string[];
  /** True when the scenarios do not all have the same value. */
  readonly differs: boolean;
}

/** A scoped value one scenario sets and another does not (the other uses its national value). */
export const NOT_SET = "not set";

export function inputsComparison(
  dataset: Dataset,
  scenarios: readonly MergedScenario[],
): InputComparisonRow[] {
  const tables = scenarios.map(
    (m) => new Map(scenarioInputRows(dataset, m).map((r) => [r.key, r])),
  );
  const order: InputRow[] = [];
  const seen = new Set<string>();
  for (const t of tables)
    for (const r of t.values())
      if (!seen.has(r.key)) {
        seen.add(r.key);
        order.push(r);
      }
  return order.map((r) => {
    const values = tables.map((t) => t.get(r.key)?.value ?? NOT_SET);
    return {
      key: r.key,
      group: r.group,
      label: r.label,
      unit: r.unit,
      values,
      differs: new Set(values).size > 1,
    };
  });
}
