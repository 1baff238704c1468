/**
 * One problem with an input: where (a dotted path into the document or request, e.g.
 * `parameters.volume.shortfall.2017-18.byCrc.london`; "" for the whole of it) and what, with the
 * bad value and what is allowed. Expected failures are values, never throws (STYLE.md): comlink
 * loses error classes, and a thrown error would reach a page as an opaque rejection. The one
 * type for scenarios, worker requests, addresses and figure references (issue #13).
 */
export interface Issue {
  readonly path: string;
  readonly message: string;
}

export interface Failure {
  readonly ok: false;
  readonly issues: readonly Issue[];
}

export interface Success<T> {
  readonly ok: true;
  readonly value: T;
}

/** The value, or every problem found with its path. */
export type Result<T> = Success<T> | Failure;

/**
 * The value with warnings (legal but suspicious, or a fallback taken, each saying what to do or
 * why: returned with the result, never logged where nobody sees them).
 */
export type Warned<T> = Success<T> & { readonly warnings: readonly Issue[] };

/** The value with warnings, or every problem found. */
export type WarnedResult<T> = Warned<T> | Failure;

/** A failure of one issue. */
export function failure(path: string, message: string): Failure {
  return { ok: false, issues: [{ path, message }] };
}

/** "path: message", the one-line form used by the CLI and the site. */
export function formatIssue(issue: Issue): string {
  return issue.path === "" ? issue.message : `${issue.path}: ${issue.message}`;
}
