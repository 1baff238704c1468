/**
 * How the Compare page splits a change (issue #17), kept in the address as `_split`: fair
 * shares (Shapley values) by parameter or by group, or one at a time. The words for each are
 * src/site/attribution-view.ts's SPLIT_LABELS.
 */
export const SPLIT_KEY = "_split";
export const SPLITS = ["parameter", "group", "one-at-a-time"] as const;
export type Split = (typeof SPLITS)[number];
export const DEFAULT_SPLIT: Split = "parameter";

/** The split in an address; an unknown value is named and the default used. */
export function splitFromSearch(search: string): { split: Split; problems: string[] } {
  const params = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  const raw = params.get(SPLIT_KEY);
  if (raw === null) return { split: DEFAULT_SPLIT, problems: [] };
  if ((SPLITS as readonly string[]).includes(raw)) return { split: raw as Split, problems: [] };
  return {
    split: DEFAULT_SPLIT,
    problems: [
      `${SPLIT_KEY}: ${JSON.stringify(raw.slice(0, 40))} is not one of ${SPLITS.join(", ")}`,
    ],
  };
}

/** `&_split=…` for the address, empty for the default (links stay as they were before it). */
export function splitQuery(split: Split): string {
  return split === DEFAULT_SPLIT ? "" : `&${SPLIT_KEY}=${split}`;
}
