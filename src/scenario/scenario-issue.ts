/**
 * One problem with a scenario: where (a dotted path into the scenario document, e.g.
 * `parameters.volume.shortfall.2017-18.byCrc.london`) and what, with the bad value and what is
 * allowed. Expected failures are values, never throws (STYLE.md).
 */
export interface ScenarioIssue {
  readonly path: string;
  readonly message: string;
}

export type ScenarioResult<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly ScenarioIssue[] }
  | { readonly ok: false; readonly issues: readonly ScenarioIssue[] };

/** A value as it should be quoted in a message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return String(value);
}

/** "path: message", the one-line form used by the CLI and the site. */
export function formatScenarioIssue(issue: ScenarioIssue): string {
  return issue.path === "" ? issue.message : `${issue.path}: ${issue.message}`;
}

/**
 * The closest of `candidates` to `word`, for "did you mean" hints: within an edit distance of
 * 3, or a third of the word's length for long ids.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}

export function didYouMean(word: string, candidates: Iterable<string>): string {
  const hint = closest(word, candidates);
  return hint === undefined ? "" : ` (did you mean "${hint}"?)`;
}
