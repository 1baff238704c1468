/**
 * What crosses the worker boundary. Comlink loses error classes and a thrown error would surface
 * in the page as an opaque rejection, so expected failures travel as values (STYLE.md).
 */
export interface WorkerIssue {
  /** Dotted path of the offending field in the request, "" for the request itself. */
  readonly path: string;
  readonly message: string;
}

export interface WorkerFailure {
  readonly ok: false;
  readonly issues: readonly WorkerIssue[];
}

export type WorkerResult<T> = { readonly ok: true; readonly value: T } | WorkerFailure;

export function failure(path: string, message: string): WorkerFailure {
  return { ok: false, issues: [{ path, message }] };
}
