import { quote } from "../issues/describe-value.ts";
import type { Issue, Warned } from "../issues/issue.ts";

/*
 * The Compare page's selection in the address (`_base`, `_with`): which scenarios it compares.
 * Read here with the other address readers (issue #13 item 5); the page's tables are
 * src/site/compare.ts.
 */

/** How many scenarios can be compared with the baseline at once (the page, the package API). */
export const MAX_COMPARED = 6;

/** What the address says to compare: `_base=<id>&_with=<id>,<id>` (ids URI-encoded). */
export interface CompareSelection {
  readonly base: string;
  readonly with: readonly string[];
}

/**
 * Read the selection from the address against the ids that exist. A bad or unknown id is
 * a warning at its key (`_base`, `_with`) and dropped (the baseline falls back to
 * `fallbackBase`); more than MAX_COMPARED is cut to the first MAX_COMPARED, with a warning.
 */
export function selectionFromSearch(
  search: string,
  known: ReadonlySet<string>,
  fallbackBase: string,
): Warned<CompareSelection> {
  const params = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  const warnings: Issue[] = [];
  const warn = (path: string, message: string) => warnings.push({ path, message });
  let base = fallbackBase;
  const rawBase = params.get("_base");
  if (rawBase !== null) {
    if (known.has(rawBase)) base = rawBase;
    else warn("_base", `${quote(rawBase)} is not a preset or saved scenario`);
  }
  const chosen: string[] = [];
  const rawWith = params.get("_with");
  if (rawWith !== null && rawWith !== "") {
    for (const part of rawWith.split(",")) {
      let id: string;
      try {
        id = decodeURIComponent(part);
      } catch {
        warn("_with", `${quote(part)} is not a valid id`);
        continue;
      }
      if (!known.has(id)) warn("_with", `${quote(id)} is not a preset or saved scenario`);
      else if (id !== base && !chosen.includes(id)) chosen.push(id);
    }
  }
  if (chosen.length > MAX_COMPARED) {
    warn("_with", `at most ${MAX_COMPARED} scenarios; the first ${MAX_COMPARED} are used`);
    chosen.length = MAX_COMPARED;
  }
  return { ok: true, value: { base, with: chosen }, warnings };
}

/** The address query for a selection (each id URI-encoded, so commas in names survive). */
export function selectionQuery(base: string, chosen: readonly string[]): string {
  const parts = [`_base=${encodeURIComponent(base)}`];
  if (chosen.length > 0)
    parts.push(`_with=${chosen.map((id) => encodeURIComponent(encodeURIComponent(id))).join(",")}`);
  return `?${parts.join("&")}`;
}
