import { failure, type Result } from "../issues/issue.ts";
import { isNot } from "../issues/describe-value.ts";
import type { Dataset } from "../data/index.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { checkImport, type SavedScenario } from "../state/saved-scenarios.ts";

/**
 * At most this many problems cross back to the page, then a count of the rest: a 2 MB file of
 * unknown keys has tens of thousands, and cloning them all would block the page's main thread
 * for longer than the check itself (issue #15).
 */
export const MAX_IMPORT_ISSUES = 10;

/**
 * Check a saved-scenarios export file (its text, up to 2 MB) against the schema, the presets and
 * the data, in the worker, so the page only sends the text and stores what comes back.
 */
export async function checkImportRequest(
  fileText: unknown,
  dataset: Dataset,
): Promise<Result<SavedScenario[]>> {
  if (typeof fileText !== "string") return failure("", isNot(fileText, "a file sent as text"));
  const checked = await checkImport(fileText, (scenario) => validateScenario(scenario, dataset));
  if (checked.ok) return checked;
  const shown = checked.issues.slice(0, MAX_IMPORT_ISSUES);
  const more = checked.issues.length - shown.length;
  return {
    ok: false,
    issues: more > 0 ? [...shown, { path: "", message: `and ${more} more problems` }] : shown,
  };
}
