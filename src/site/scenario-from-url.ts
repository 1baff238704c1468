import type { Scenario } from "../scenario/scenario.ts";
import { decodeScenarioQuery } from "../state/url-state.ts";

export const DEFAULT_SCENARIO: Scenario = { schemaVersion: 1, extends: "the-2017-variation" };

export interface ScenarioFromUrl {
  readonly scenario: Scenario;
  /** Why the address was not used, one line per problem; empty when it was (or was empty). */
  readonly problems: readonly string[];
}

type Validate = (
  scenario: Scenario,
) => Promise<
  { ok: true } | { ok: false; issues: ReadonlyArray<{ path: string; message: string }> }
>;

/**
 * The scenario a page opens with: the one in the address if it is well formed and valid, else
 * the default, with the reasons — a malformed or hostile address never breaks the page and never
 * touches saved scenarios.
 */
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

export async function scenarioFromUrl(
  search: string,
  validate: Validate,
  fallback: Scenario = DEFAULT_SCENARIO,
): Promise<ScenarioFromUrl> {
  const query = withoutTracking(search.startsWith("?") ? search.slice(1) : search);
  const scenarioKeys = [...new URLSearchParams(query).keys()].filter((k) => !k.startsWith("_"));
  if (scenarioKeys.length === 0) return { scenario: fallback, problems: [] };
  const decoded = decodeScenarioQuery(query);
  if (!decoded.ok) {
    return {
      scenario: fallback,
      problems: decoded.issues.map((i) => `${i.path || "address"}: ${i.message}`),
    };
  }
  const checked = await validate(decoded.value);
  if (!checked.ok) {
    return {
      scenario: fallback,
      problems: checked.issues.map((i) => `${i.path || "scenario"}: ${i.message}`),
    };
  }
  return { scenario: decoded.value, problems: [] };
}
