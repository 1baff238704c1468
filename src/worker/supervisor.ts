import { failure, type Failure, type Result } from "../issues/issue.ts";

/**
 * Worker faults, owned by the page's side of the boundary (issue #15). A worker can report an
 * error (its module failed to load, an uncaught exception, a message it could not read), crash
 * or be killed without a word, or stop answering; comlink then leaves the call's promise pending
 * for ever, and a latest-wins queue behind it never runs again. Here every call settles: an
 * error, or no answer within `timeoutMs`, restarts the worker (a new one, given the dataset
 * again) and runs the call once more, unless a newer input has replaced it meanwhile; a second
 * fault is answered with a failure value naming what failed. Every step is reported through
 * `onStatus`, so a page can say what happened. No DOM here: workers come from a `WorkerStart`,
 * so the logic is tested with fake workers in Node.
 */

/** One running worker as the supervisor sees it. */
export interface WorkerHandle<A> {
  readonly api: A;
  terminate(): void;
}

/**
 * Start a worker. `onFault` is called (at most once matters) when the worker reports an error it
 * cannot recover from, with words for the reader.
 */
export type WorkerStart<A> = (onFault: (message: string) => void) => WorkerHandle<A>;

/** What a page is told. `what` names the run ("Monte Carlo run", "projection", …). */
export type EngineStatus =
  | { readonly kind: "busy"; readonly what: string; readonly active: number }
  | { readonly kind: "idle" }
  | { readonly kind: "fault"; readonly what: string; readonly message: string }
  | { readonly kind: "recovered"; readonly what: string; readonly message: string }
  | { readonly kind: "failed"; readonly what: string; readonly message: string }
  | { readonly kind: "cancelled"; readonly what: string; readonly message: string };

export interface SupervisorOptions {
  /** No answer within this many milliseconds is a fault. */
  readonly timeoutMs: number;
  readonly onStatus?: (status: EngineStatus) => void;
}

/** Why an attempt stopped before its answer came. */
interface Stop {
  readonly reason: "error" | "timeout" | "restarted" | "cancelled" | "ended";
  readonly message: string;
}

/** One incarnation of a worker: its handle, its init answer, and who listens for its faults. */
interface Incarnation<A> {
  readonly handle: WorkerHandle<A>;
  readonly ready: Promise<Result<unknown>>;
  readonly listeners: Set<(stop: Stop) => void>;
  dead: boolean;
}

/** End an incarnation (once) and tell whoever is waiting on it why. */
function stopIncarnation<A>(incarnation: Incarnation<A>, why: Stop): void {
  if (incarnation.dead) return;
  incarnation.dead = true;
  incarnation.handle.terminate();
  for (const listener of [...incarnation.listeners]) listener(why);
}

/** A worker that can be restarted: the current incarnation, started on first use. */
export interface WorkerSlot<A> {
  /** The live incarnation, started now if there is none (the last one ended). */
  current(): Incarnation<A>;
  /** Whether a live incarnation is running. */
  readonly started: boolean;
  /** End the live incarnation, if any, for good (the page is going away). */
  terminate(): void;
}

export function workerSlot<A>(
  start: WorkerStart<A>,
  init: (api: A) => Promise<Result<unknown>>,
): WorkerSlot<A> {
  let live: Incarnation<A> | undefined;
  let ended = false;
  return {
    get started() {
      return live !== undefined && !live.dead;
    },
    current() {
      if (live && !live.dead) return live;
      // Once the page has ended the engine, a late call starts no worker: it answers this.
      if (ended)
        return {
          handle: { api: undefined as unknown as A, terminate() {} },
          ready: Promise.resolve(failure("", "the engine was ended by the page")),
          listeners: new Set(),
          dead: true,
        };
      const listeners = new Set<(stop: Stop) => void>();
      // The fault callback needs the incarnation, which needs the handle start returns.
      const self: { incarnation?: Incarnation<A> } = {};
      const handle = start((message) => {
        if (self.incarnation) stopIncarnation(self.incarnation, { reason: "error", message });
      });
      // An init that throws (comlink could not clone the dataset, say) is a failure value.
      const ready = Promise.resolve()
        .then(() => init(handle.api))
        .catch((error: unknown) => failure("", `the engine could not start: ${errorText(error)}`));
      const incarnation: Incarnation<A> = { handle, ready, listeners, dead: false };
      self.incarnation = incarnation;
      live = incarnation;
      return incarnation;
    },
    terminate() {
      ended = true;
      if (live) stopIncarnation(live, { reason: "ended", message: "the page ended the engine" });
    },
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What a guarded call may use: the API of each worker it needs, each ready with its data. */
export interface Use<A> {
  /** The API of `slot`, once its worker has its data (a failed init ends the call as a value). */
  (slot: WorkerSlot<A>): Promise<A>;
}

/** Thrown inside an attempt when a worker's init failed: turned back into a value below. */
class InitFailed {
  constructor(readonly result: Failure) {}
}

export interface Supervisor<A> {
  /**
   * Run `call` under supervision. `superseded` says whether a newer input has replaced this
   * one (then a fault is not followed by a re-run of this stale input: the newer one runs).
   */
  run<T>(
    what: string,
    call: (use: Use<A>) => Promise<Result<T>>,
    superseded?: () => boolean,
  ): Promise<Result<T>>;
  /** Stop every run in flight (their workers are restarted); each answers "cancelled". */
  cancel(): void;
  /** How long a run may take before it counts as a fault, in milliseconds. */
  readonly timeoutMs: number;
}

/** The words for a fault, naming the run and the time allowed. */
function faultMessage(what: string, stop: Stop, timeoutMs: number): string {
  if (stop.reason === "timeout")
    return `the engine worker did not answer a ${what} within ${seconds(timeoutMs)}`;
  return `the engine worker failed during a ${what}: ${stop.message}`;
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

export function supervise<A>(options: SupervisorOptions): Supervisor<A> {
  const { timeoutMs } = options;
  const report = (status: EngineStatus) => options.onStatus?.(status);
  const active = new Set<(stop: Stop) => void>();
  let recovering: { what: string; message: string } | undefined;

  /** One try: resolves with the answer, or with why it stopped first. */
  async function attempt<T>(
    call: (use: Use<A>) => Promise<Result<T>>,
  ): Promise<{ answer: Result<T> } | { stop: Stop; touched: Incarnation<A>[] }> {
    let abort!: (stop: Stop) => void;
    const stopped = new Promise<Stop>((resolve) => (abort = resolve));
    const touched: Incarnation<A>[] = [];
    const timer = setTimeout(() => abort({ reason: "timeout", message: "" }), timeoutMs);
    active.add(abort);
    const use: Use<A> = async (slot) => {
      const incarnation = slot.current();
      if (!touched.includes(incarnation)) {
        touched.push(incarnation);
        incarnation.listeners.add(abort);
      }
      const ready = await incarnation.ready;
      if (!ready.ok) throw new InitFailed(ready);
      return incarnation.handle.api;
    };
    try {
      const answer = Promise.resolve()
        .then(() => call(use))
        .then(
          (value) => ({ answer: value }),
          (error: unknown) => ({
            // A rejected call is not a dead worker: comlink could not clone the request, or the
            // worker threw past its own guard (a bug). Answered as a value; the worker is kept.
            answer:
              error instanceof InitFailed
                ? (error.result as Result<T>)
                : failure("", `internal error in the engine worker: ${errorText(error)}`),
          }),
        );
      const outcome = await Promise.race([answer, stopped.then((stop) => ({ stop, touched }))]);
      return outcome;
    } finally {
      clearTimeout(timer);
      active.delete(abort);
      for (const incarnation of touched) incarnation.listeners.delete(abort);
    }
  }

  let running = 0;
  const busy = (what: string, delta: number) => {
    running += delta;
    report(running > 0 ? { kind: "busy", what, active: running } : { kind: "idle" });
  };

  return {
    timeoutMs,
    cancel() {
      for (const abort of [...active]) abort({ reason: "cancelled", message: "" });
    },
    async run(what, call, superseded = () => false) {
      busy(what, +1);
      try {
        // One re-run after a fault of this call's own; a restart caused by another call's
        // fault does not use it up, but three tries in all is the most.
        let ownFaults = 0;
        for (let tries = 1; ; tries++) {
          const outcome = await attempt(call);
          if ("answer" in outcome) {
            if (recovering && outcome.answer.ok) {
              report({ kind: "recovered", ...recovering });
              recovering = undefined;
            }
            return outcome.answer;
          }
          const { stop } = outcome;
          // Whatever stopped the attempt, the workers it used cannot be trusted with its answer:
          // end them (a new one starts on the next use). Others' runs on them stop as "restarted".
          for (const incarnation of outcome.touched)
            stopIncarnation(incarnation, {
              reason: "restarted",
              message: "it was restarted after a fault in another run",
            });
          if (stop.reason === "cancelled") {
            const message = `the ${what} was cancelled; change an input to run it again`;
            report({ kind: "cancelled", what, message });
            return failure("", message);
          }
          if (stop.reason === "ended") return failure("", "the engine was ended by the page");
          const message = faultMessage(what, stop, timeoutMs);
          if (stop.reason !== "restarted") ownFaults++;
          if (ownFaults > 1 || tries >= 3) {
            const final = `${message}, again after a restart; not tried again until an input changes`;
            recovering = undefined;
            report({ kind: "failed", what, message: final });
            return failure("", final);
          }
          if (stop.reason !== "restarted") {
            recovering = { what, message: `${message}; it was restarted and the run repeated` };
            report({ kind: "fault", what, message: `${message}; restarting it` });
          }
          if (superseded()) return failure("", `${message}; a newer input is running instead`);
        }
      } finally {
        busy(what, -1);
      }
    },
  };
}
