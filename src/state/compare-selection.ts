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
  /** Why part of the address was not used; empty when all of it was. */
  readonly problems: readonly string[];
}

/**
 * Read the selection from the address against the ids that exist. A bad or unknown id is
 * reported and dropped (the baseline falls back to `fallbackBase`); more than MAX_COMPARED is
 * cut to the first MAX_COMPARED, with a message.
 */
export function selectionFromSearch(
  search: string,
  known: ReadonlySet<string>,
  fallbackBase: string,
): CompareSelection {
  const params = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  const problems: string[] = [];
  let base = fallbackBase;
  const rawBase = params.get("_base");
  if (rawBase !== null) {
    if (known.has(rawBase)) base = rawBase;
    else problems.push(`_base: "${rawBase}" is not a preset or saved scenario`);
  }
  const chosen: string[] = [];
  const rawWith = params.get("_with");
  if (rawWith !== null && rawWith !== "") {
    for (const part of rawWith.split(",")) {
      let id: string;
      try {
        id = decodeURIComponent(part);
      } catch {
        problems.push(`_with: "${part}" is not a valid id`);
        continue;
      }
      if (!known.has(id)) problems.push(`_with: "${id}" is not a preset or saved scenario`);
      else if (id !== base && !chosen.includes(id)) chosen.push(id);
    }
  }
  if (chosen.length > MAX_COMPARED) {
    problems.push(`_with: at most ${MAX_COMPARED} scenarios; the first ${MAX_COMPARED} are used`);
    chosen.length = MAX_COMPARED;
  }
  return { base, with: chosen, problems };
}

/** The address query for a selection (each id URI-encoded, so commas in names survive). */
export function selectionQuery(base: string, chosen: readonly string[]): string {
  const parts = [`_base=${encodeURIComponent(base)}`];
  if (chosen.length > 0)
    parts.push(`_with=${chosen.map((id) => encodeURIComponent(encodeURIComponent(id))).join(",")}`);
  return `?${parts.join("&")}`;
}
