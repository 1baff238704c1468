import type { Issue, Result, Warned } from "../issues/issue.ts";
import type { Scenario } from "../scenario/scenario.ts";
import { decodeScenarioQuery } from "../state/url-state.ts";

export const DEFAULT_SCENARIO: Scenario = { schemaVersion: 1, extends: "the-2017-variation" };

/** A check of a decoded scenario (the worker's or the page's `validateScenario`). */
type Validate = (scenario: Scenario) => Promise<Result<unknown>> | Result<unknown>;

/** Keys that newsletters, campaigns and social sites add to a link: never a scenario's. */
export const TRACKING_KEY = /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid)$/i;

/**
 * The query without tracking keys (issue #16: a link with `?utm_source=…` said "the link's
 * scenario could not be used"); everything else is kept as written.
 */
export function withoutTracking(query: string): string {
  if (!/(^|&)(utm_|fbclid|gclid|dclid|msclkid|mc_)/i.test(query)) return query;
  return query
    .split("&")
    .filter((pair) => !TRACKING_KEY.test(pair.split("=")[0] ?? ""))
    .join("&");
}

/**
 * The scenario a page opens with: the one in the address if it is well formed and valid, else
 * the fallback (the default), with why as warnings — each problem at its path: an address key
 * (`v`, `extends`, a parameter's key) for one that cannot be decoded, `scenario.<path in the
 * document>` for one the validator refuses (`scenario.parameters.ffs.fixedShare.value`), and
 * "address" or "scenario" when it is the whole of one. A malformed or hostile address never
 * breaks the page and never touches saved scenarios.
 */
export async function scenarioFromUrl(
  search: string,
  validate: Validate,
  fallback: Scenario = DEFAULT_SCENARIO,
): Promise<Warned<Scenario>> {
  const query = withoutTracking(search.startsWith("?") ? search.slice(1) : search);
  const scenarioKeys = [...new URLSearchParams(query).keys()].filter((k) => !k.startsWith("_"));
  if (scenarioKeys.length === 0) return { ok: true, value: fallback, warnings: [] };
  const decoded = decodeScenarioQuery(query);
  if (!decoded.ok)
    return { ok: true, value: fallback, warnings: within("address", decoded.issues) };
  const checked = await validate(decoded.value);
  if (!checked.ok)
    return { ok: true, value: fallback, warnings: under("scenario", checked.issues) };
  return { ok: true, value: decoded.value, warnings: [] };
}

/** The issues with `whole` as the path of any that is about the whole document. */
const within = (whole: string, issues: readonly Issue[]): Issue[] =>
  issues.map((i) => (i.path === "" ? { path: whole, message: i.message } : i));

/** The issues of a document at `whole`: each path within it, prefixed (`scenario.parameters.…`). */
const under = (whole: string, issues: readonly Issue[]): Issue[] =>
  issues.map((i) => ({ path: i.path === "" ? whole : `${whole}.${i.path}`, message: i.message }));
