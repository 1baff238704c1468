/**
 * A page's address query: the scenario's query (`encodeScenarioQuery`) followed by the page's
 * view keys, each with a "_" prefix so they never clash with scenario keys. One definition for
 * the address bar (`writeUrl`, docs/components/scenario-state.js) and the embed pages' "Open in …"
 * links, so both write the same text for the same state. Empty values are left out (the page's
 * default applies).
 */
export function viewQuery(scenarioQuery: string, view: Readonly<Record<string, unknown>>): string {
  const base = scenarioQuery.startsWith("?") ? scenarioQuery.slice(1) : scenarioQuery;
  const extra = Object.entries(view)
    .filter(([, v]) => v !== undefined && v !== null && v !== "")
    .map(([k, v]) => `_${k}=${encodeURIComponent(String(v))}`);
  return [base, ...extra].filter((part) => part !== "").join("&");
}
