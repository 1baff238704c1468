import { quote } from "./describe-value.ts";

/**
 * The closest of `candidates` to `word`, for "did you mean" hints: within the edit distance
 * `hintDistance` allows for the word's length (none for a word under 3 characters, where any
 * candidate is a few edits away and the hint would be a guess). The work is bounded whatever the input (a
 * hostile file can hold 20,000 unknown keys, or one of 300,000 characters): a word much longer
 * than every candidate gets no hint, a candidate whose length differs by more than the distance
 * allowed is skipped unread, the distance is worked out only in a band of that width, stopping
 * as soon as it cannot beat the best so far, and a shared `budget` of table cells (see
 * `createHinter`) ends the hints of one document once spent.
 */
export function closest(
  word: string,
  candidates: Iterable<string>,
  budget: HintBudget = { cells: HINT_CELLS },
): string | undefined {
  const allowed = hintDistance(word.length);
  if (allowed === 0 || word.length > HINT_WORD_MAX || budget.cells <= 0) return undefined;
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - word.length) >= bestDistance) continue;
    budget.cells -= word.length * (2 * bestDistance - 1);
    if (budget.cells < 0) return undefined;
    const d = boundedEditDistance(lower, candidate.toLowerCase(), bestDistance - 1);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * The most edits a hint may be from a word of `length` characters: 0 (no hint) under 3
 * characters ("x" is one edit from every one-letter key and two from "fy"); 1 at 3; then 2 (a
 * swapped pair of letters, "pret" for "pert", is 2 edits), or a third of the word for long ids.
 * So a hint never changes more than half of what was typed.
 */
export function hintDistance(length: number): number {
  if (length < HINT_WORD_MIN) return 0;
  if (length === HINT_WORD_MIN) return 1;
  return Math.max(2, Math.floor(length / 3));
}

/** Words shorter than this get no hint. */
const HINT_WORD_MIN = 3;

/** What is left of the work allowed for hints, in cells of the distance table. */
export interface HintBudget {
  cells: number;
}

/** Words longer than this get no hint (the longest parameter id has 40 characters). */
const HINT_WORD_MAX = 200;
/**
 * Table cells for the hints of one document (a few milliseconds): enough for hundreds of typos,
 * while 20,000 unknown keys get their first hints and then none.
 */
export const HINT_CELLS = 2_000_000;

/**
 * "Did you mean" for many words against the same candidates, sharing one budget of work
 * (`closest`): for the loops over a document's keys.
 */
export function createHinter(
  candidates: Iterable<string>,
  budget: HintBudget = { cells: HINT_CELLS },
): (word: string) => string {
  const list = [...candidates];
  return (word) => didYouMean(word, list, budget);
}

/** Two rows of the distance table, reused by every call (grown as needed). */
let rows = { previous: new Int32Array(64), current: new Int32Array(64) };

/**
 * The edit distance between a and b if it is at most `limit`, else `limit + 1`: the dynamic
 * programme only in the diagonal band |i − j| ≤ limit (cells outside it exceed the limit), and
 * stopped once a whole row exceeds it. O(length × limit), no allocation.
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  const over = limit + 1;
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > limit) return over;
  if (rows.previous.length <= n)
    rows = { previous: new Int32Array(2 * n + 2), current: new Int32Array(2 * n + 2) };
  let { previous, current } = rows;
  const firstTo = Math.min(n, limit);
  for (let j = 0; j <= firstTo; j++) previous[j] = j;
  let previousTo = firstTo;
  for (let i = 1; i <= m; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(n, i + limit);
    // The cell left of the band: column 0 (i deletions) or outside the band.
    const left = from === 1 ? (i <= limit ? i : over) : over;
    current[from - 1] = left;
    let rowMin = left;
    const ai = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const up = j <= previousTo ? previous[j]! : over;
      const diagonal = previous[j - 1]! + (ai === b.charCodeAt(j - 1) ? 0 : 1);
      let d = current[j - 1]! + 1;
      if (up + 1 < d) d = up + 1;
      if (diagonal < d) d = diagonal;
      if (d > over) d = over;
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return over;
    previousTo = to;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return n <= previousTo ? Math.min(previous[n]!, over) : over;
}

/** ` (did you mean "x"?)` after a word not among `candidates`, or "" when none is close. */
export function didYouMean(
  word: string,
  candidates: Iterable<string>,
  budget?: HintBudget,
): string {
  const hint = closest(word, candidates, budget);
  return hint === undefined ? "" : ` (did you mean ${quote(hint)}?)`;
}
