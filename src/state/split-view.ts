import type { Issue, Warned } from "../issues/issue.ts";
import { oneOf } from "../issues/readers.ts";

/**
 * How the Compare page splits a change (issue #17), kept in the address as `_split`: fair
 * shares (Shapley values) by parameter or by group, or one at a time. The words for each are
 * src/site/attribution-view.ts's SPLIT_LABELS.
 */
export const SPLIT_KEY = "_split";
export const SPLITS = ["parameter", "group", "one-at-a-time"] as const;
export type Split = (typeof SPLITS)[number];
export const DEFAULT_SPLIT: Split = "parameter";

/**
 * The split in an address; an unknown value is a warning at `_split` (worded by the
 * src/issues readers, as every other refusal) and the default is used.
 */
export function splitFromSearch(search: string): Warned<Split> {
  const params = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  const raw = params.get(SPLIT_KEY);
  const warnings: Issue[] = [];
  const value =
    raw === null ? DEFAULT_SPLIT : (oneOf(raw, SPLITS, SPLIT_KEY, warnings) ?? DEFAULT_SPLIT);
  return { ok: true, value, warnings };
}

/** `&_split=…` for the address, empty for the default (links stay as they were before it). */
export function splitQuery(split: Split): string {
  return split === DEFAULT_SPLIT ? "" : `&${SPLIT_KEY}=${split}`;
}
