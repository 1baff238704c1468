/**
 * Keeps at most one run in flight and, when it finishes, runs again with the *latest* input
 * received meanwhile (SDEverywhere's scheduler, STYLE.md). Dragging a slider therefore never
 * queues stale runs: intermediate inputs are dropped, and every caller waiting on a dropped input
 * receives the result of the newer run that replaced it.
 *
 * `run` is also told whether a newer input is waiting (`superseded()`), so a run that has to
 * start again after a worker fault can give way to the newer input instead (supervisor.ts).
 * Every run must settle for the queue to move on: the supervisor makes sure it does.
 */
export function latestWins<I, O>(
  run: (input: I, superseded: () => boolean) => Promise<O>,
): (input: I) => Promise<O> {
  let inFlight = false;
  let pending: { input: I; waiters: Array<(result: Promise<O>) => void> } | undefined;

  function start(input: I, waiters: Array<(result: Promise<O>) => void>): void {
    inFlight = true;
    const result = Promise.resolve().then(() => run(input, () => pending !== undefined));
    for (const resolve of waiters) resolve(result);
    result.then(next, next);
  }

  function next(): void {
    inFlight = false;
    if (pending) {
      const { input, waiters } = pending;
      pending = undefined;
      start(input, waiters);
    }
  }

  return (input: I) =>
    new Promise<O>((resolve) => {
      const settle = (result: Promise<O>) => resolve(result);
      if (!inFlight) {
        start(input, [settle]);
      } else if (pending) {
        pending.input = input;
        pending.waiters.push(settle);
      } else {
        pending = { input, waiters: [settle] };
      }
    });
}
