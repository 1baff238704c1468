import type { Issue, Result } from "../issues/issue.ts";
import {
  SCHEMA_VERSION,
  type ParameterOverride,
  type ParameterValue,
  type Scenario,
} from "../scenario/scenario.ts";

/**
 * Scenario state in the URL: versioned, compact, and readable enough to diff. One query parameter
 * per override, sorted, e.g.
 *
 *   ?v=1&extends=volumes-as-they-fell&ffs.toleranceBand=0.02
 *     &volume.shortfall.2017-18(crc.london)=0.3&staff.payAward(fy.2019-20)=0.01
 *
 * `v` is the URL format version (today the scenario schema version). Other view state (selected
 * CRC, seed, …) lives beside it under keys starting with "_" and is ignored here. Decoding only
 * checks the URL's own form; the scenario is then validated like any scenario file.
 */
export const URL_VERSION = SCHEMA_VERSION;
/** A hostile URL must not cost much: browsers cap URLs around 2 MB; we accept far less. */
export const MAX_QUERY_LENGTH = 16_000;

const SCOPES = { fy: "byYear", owner: "byOwner", crc: "byCrc" } as const;
type ScopeTag = keyof typeof SCOPES;
const META_KEYS = ["v", "extends", "id", "title"] as const;

function encodeValue(value: ParameterValue): string {
  // String(n) is the shortest text that reads back as the same double, so numbers round-trip exactly.
  return encodeURIComponent(typeof value === "number" ? String(value) : value);
}

function decodeValue(text: string): ParameterValue {
  return /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : text;
}

/** The query string (without "?") for a scenario. Keys are sorted so equal scenarios give equal URLs. */
export function encodeScenarioQuery(scenario: Scenario): string {
  const pairs: Array<[string, string]> = [];
  for (const [id, entry] of Object.entries(scenario.parameters ?? {})) {
    const override: ParameterOverride = typeof entry === "object" ? entry : { value: entry };
    if (override.value !== undefined)
      pairs.push([encodeURIComponent(id), encodeValue(override.value)]);
    for (const [tag, field] of Object.entries(SCOPES) as Array<
      [ScopeTag, (typeof SCOPES)[ScopeTag]]
    >) {
      for (const [key, value] of Object.entries(override[field] ?? {})) {
        pairs.push([
          `${encodeURIComponent(id)}(${tag}.${encodeURIComponent(key)})`,
          encodeValue(value),
        ]);
      }
    }
  }
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const head: string[] = [`v=${URL_VERSION}`];
  if (scenario.extends !== undefined) head.push(`extends=${encodeURIComponent(scenario.extends)}`);
  if (scenario.id !== undefined) head.push(`id=${encodeURIComponent(scenario.id)}`);
  if (scenario.title !== undefined) head.push(`title=${encodeURIComponent(scenario.title)}`);
  return [...head, ...pairs.map(([k, v]) => `${k}=${v}`)].join("&");
}

const KEY = /^([A-Za-z0-9._-]+)(?:\((fy|owner|crc)\.([A-Za-z0-9._-]+)\))?$/;

/** Read a scenario back from a query string ("?…" or "…"). Every problem is reported. */
export function decodeScenarioQuery(search: string): Result<Scenario> {
  const query = search.startsWith("?") ? search.slice(1) : search;
  if (query.length > MAX_QUERY_LENGTH) {
    return {
      ok: false,
      issues: [
        {
          path: "",
          message: `the address is ${query.length} characters long; the maximum is ${MAX_QUERY_LENGTH}`,
        },
      ],
    };
  }
  const params = new URLSearchParams(query);
  const issues: Issue[] = [];
  const version = params.get("v");
  if (version !== String(URL_VERSION)) {
    issues.push({
      path: "v",
      message:
        version === null
          ? `is missing; this address format is version ${URL_VERSION}`
          : `"${version}" is not a supported version; the only version is ${URL_VERSION}`,
    });
  }
  // Maps, then Object.fromEntries: keys such as "__proto__" become plain own properties.
  const overrides = new Map<string, Map<string, unknown>>();
  const seen = new Set<string>();
  const meta: Partial<Record<(typeof META_KEYS)[number], string>> = {};
  for (const [key, raw] of params) {
    if (seen.has(key)) {
      issues.push({ path: key, message: "appears more than once" });
      continue;
    }
    seen.add(key);
    if ((META_KEYS as readonly string[]).includes(key)) {
      meta[key as (typeof META_KEYS)[number]] = raw;
      continue;
    }
    if (key.startsWith("_")) continue; // view state, not scenario
    const match = KEY.exec(key);
    if (!match) {
      issues.push({
        path: key,
        message: "is not a parameter id, nor id(fy.YYYY-YY), id(owner.ID) or id(crc.ID)",
      });
      continue;
    }
    const [, id, tag, scopeKey] = match as unknown as [
      string,
      string,
      ScopeTag | undefined,
      string | undefined,
    ];
    const entry = overrides.get(id) ?? new Map<string, unknown>();
    overrides.set(id, entry);
    const value = decodeValue(raw);
    if (tag === undefined) {
      entry.set("value", value);
    } else {
      const field = SCOPES[tag];
      const scoped = (entry.get(field) as Map<string, ParameterValue> | undefined) ?? new Map();
      scoped.set(scopeKey!, value);
      entry.set(field, scoped);
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const parameters = Object.fromEntries(
    [...overrides].map(([id, entry]) => {
      const fields = [...entry].map(([field, v]) => [
        field,
        v instanceof Map ? Object.fromEntries(v) : v,
      ]);
      const onlyValue = fields.length === 1 && fields[0]![0] === "value";
      return [id, onlyValue ? fields[0]![1] : Object.fromEntries(fields)];
    }),
  ) as Scenario["parameters"];
  const scenario: Scenario = {
    schemaVersion: SCHEMA_VERSION,
    ...(meta.id !== undefined ? { id: meta.id } : {}),
    ...(meta.title !== undefined ? { title: meta.title } : {}),
    ...(meta.extends !== undefined ? { extends: meta.extends } : {}),
    ...(overrides.size > 0 ? { parameters } : {}),
  };
  return { ok: true, value: scenario };
}
