import type { UncertaintySettings } from "./uncertainty-settings.ts";

/**
 * The scenario format (JSON, versioned). A scenario names a preset to extend and overrides any
 * parameter of data/parameters.csv, globally or by financial year, owner or CRC:
 *
 * ```json
 * {
 *   "schemaVersion": 1,
 *   "id": "my-scenario",
 *   "title": "Deeper cuts in London",
 *   "extends": "volumes-as-they-fell",
 *   "parameters": {
 *     "ffs.toleranceBand": 0.02,
 *     "volume.shortfall.2017-18": { "byOwner": { "sodexo": 0.4 }, "byCrc": { "london": 0.3 } },
 *     "staff.payAward": { "byYear": { "2019-20": 0.01 } }
 *   }
 * }
 * ```
 *
 * Values are in the parameter's data/parameters.csv unit: money in pounds (at most 2 decimals),
 * months as "YYYY-MM". For one CRC and year the most specific override wins:
 * byCrc > byOwner > byYear > value > the CRC's own data row > the national data row.
 * When a scenario extends another, a child's plain value replaces the parent's whole entry for
 * that parameter, while a child's object merges into it key by key.
 */
export const SCHEMA_VERSION = 1;

export type ParameterValue = number | string;

export interface ParameterOverride {
  readonly value?: ParameterValue;
  readonly byYear?: Readonly<Record<string, ParameterValue>>;
  readonly byOwner?: Readonly<Record<string, ParameterValue>>;
  readonly byCrc?: Readonly<Record<string, ParameterValue>>;
}

export interface Scenario {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly id?: string;
  readonly title?: string;
  readonly description?: string;
  /** Id of a preset in models/ to start from. */
  readonly extends?: string;
  readonly parameters?: Readonly<Record<string, ParameterValue | ParameterOverride>>;
  /** Optional Monte Carlo settings (src/scenario/uncertainty-settings.ts); not in the hash. */
  readonly uncertainty?: UncertaintySettings;
}

/** A scenario with its `extends` chain applied: every override in object form. */
export interface MergedScenario {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly id?: string;
  readonly title?: string;
  readonly description?: string;
  /** The presets it was built on, nearest first. */
  readonly lineage: readonly string[];
  readonly parameters: Readonly<Record<string, ParameterOverride>>;
  /** The `uncertainty` blocks of the chain, merged (nearest wins, id by id). */
  readonly uncertainty?: UncertaintySettings;
}

export const SCENARIO_KEYS = [
  "schemaVersion",
  "id",
  "title",
  "description",
  "extends",
  "parameters",
  "uncertainty",
] as const;
export const OVERRIDE_KEYS = ["value", "byYear", "byOwner", "byCrc"] as const;
