import {
  describeValue,
  isNot,
  isRecord,
  joinPath,
  quote,
  reservedKeyIssue,
} from "../issues/describe-value.ts";
import { didYouMean, HINT_CELLS, type HintBudget } from "../issues/did-you-mean.ts";
import type { Issue } from "../issues/issue.ts";
import { knownKeys, objectValue, textValue } from "../issues/readers.ts";
import {
  OVERRIDE_KEYS,
  SCENARIO_KEYS,
  SCHEMA_VERSION,
  type ParameterOverride,
  type ParameterValue,
  type Scenario,
} from "./scenario.ts";
import { parseUncertainty } from "./uncertainty-settings.ts";

/** Ids: lower-case letters, digits and dashes (they name files in models/ and appear in URLs). */
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** What `parameters` and an override's value are, as a refusal names them. */
const PARAMETERS_WHAT = "an object of parameter id → value";
const NUMBER_OR_MONTH = "a number or a month";

export interface ParsedScenario {
  /** The well-formed parts (entries with problems are left out). */
  readonly scenario: Scenario;
  readonly issues: readonly Issue[];
}

function isParameterValue(value: unknown): value is ParameterValue {
  return (typeof value === "number" && Number.isFinite(value)) || typeof value === "string";
}

/**
 * Check a scenario document's shape: known keys only (a typo must not be silently ignored), the
 * schema version, and the form of each override. Ranges and ids of parameters, CRCs and owners
 * are checked against the data by `resolveScenario`.
 */
export function parseScenario(doc: unknown): ParsedScenario {
  const issues: Issue[] = [];
  // One budget of "did you mean" work for the whole document (did-you-mean.ts `closest`).
  const hints: HintBudget = { cells: HINT_CELLS };
  if (!isRecord(doc)) {
    objectValue(doc, "", issues, "a scenario (a JSON object)");
    return { scenario: { schemaVersion: SCHEMA_VERSION }, issues };
  }
  knownKeys(doc, SCENARIO_KEYS, "", issues, hints);
  if (doc.schemaVersion !== SCHEMA_VERSION) {
    issues.push({
      path: "schemaVersion",
      message:
        doc.schemaVersion === undefined
          ? `is required and must be ${SCHEMA_VERSION}`
          : `${describeValue(doc.schemaVersion)} is not a supported version; the only version is ${SCHEMA_VERSION}`,
    });
  }
  const scenario: { -readonly [K in keyof Scenario]: Scenario[K] } = {
    schemaVersion: SCHEMA_VERSION,
  };
  for (const key of ["id", "extends"] as const) {
    const value = doc[key];
    if (value === undefined) continue;
    if (typeof value !== "string" || !ID.test(value)) {
      issues.push({
        path: key,
        message: `${describeValue(value)} is not an id: use lower-case letters, digits and dashes (at most 64)`,
      });
    } else scenario[key] = value;
  }
  for (const key of ["title", "description"] as const) {
    const value = doc[key];
    if (value === undefined) continue;
    const text = textValue(value, key, issues);
    if (text !== undefined) scenario[key] = text;
  }
  if (doc.parameters !== undefined) {
    const entries = objectValue(doc.parameters, "parameters", issues, PARAMETERS_WHAT);
    if (entries !== undefined) {
      const parameters: Record<string, ParameterValue | ParameterOverride> = {};
      for (const [id, entry] of Object.entries(entries)) {
        const path = joinPath("parameters", id);
        const reserved = reservedKeyIssue(path, id);
        if (reserved !== undefined) {
          issues.push(reserved);
          continue;
        }
        const parsed = parseOverride(path, entry, issues, hints);
        if (parsed !== undefined) parameters[id] = parsed;
      }
      scenario.parameters = parameters;
    }
  }
  if (doc.uncertainty !== undefined) {
    const parsed = parseUncertainty(doc.uncertainty, "uncertainty");
    issues.push(...parsed.issues);
    scenario.uncertainty = parsed.settings;
  }
  return { scenario, issues };
}

function parseOverride(
  path: string,
  entry: unknown,
  issues: Issue[],
  hints: HintBudget,
): ParameterValue | ParameterOverride | undefined {
  if (isParameterValue(entry)) return entry;
  if (!isRecord(entry)) {
    issues.push({
      path,
      message: isNot(
        entry,
        `a number, a "YYYY-MM" month or an object with ${OVERRIDE_KEYS.join(", ")}`,
      ),
    });
    return undefined;
  }
  const override: { -readonly [K in keyof ParameterOverride]: ParameterOverride[K] } = {};
  let ok = true;
  for (const [key, value] of Object.entries(entry)) {
    if (key === "value") {
      if (isParameterValue(value)) override.value = value;
      else {
        issues.push({
          path: `${path}.value`,
          message: isNot(value, NUMBER_OR_MONTH),
        });
        ok = false;
      }
    } else if (key === "byYear" || key === "byOwner" || key === "byCrc") {
      if (!isRecord(value)) {
        objectValue(value, `${path}.${key}`, issues);
        ok = false;
        continue;
      }
      const map: Record<string, ParameterValue> = {};
      for (const [k, v] of Object.entries(value)) {
        const at = joinPath(`${path}.${key}`, k);
        const reserved = reservedKeyIssue(at, k);
        if (reserved !== undefined) {
          issues.push(reserved);
          ok = false;
        } else if (isParameterValue(v)) map[k] = v;
        else {
          issues.push({
            path: at,
            message: isNot(v, NUMBER_OR_MONTH),
          });
          ok = false;
        }
      }
      override[key] = map;
    } else {
      const at = joinPath(path, key);
      issues.push(
        reservedKeyIssue(at, key) ?? {
          path: at,
          message: `unknown key ${quote(key)}${didYouMean(key, OVERRIDE_KEYS, hints)}; allowed: ${OVERRIDE_KEYS.join(", ")}`,
        },
      );
      ok = false;
    }
  }
  return ok ? override : undefined;
}
