import { BODY_FROM, INDEX_CELLS, PERT, sampleCell, type CellSampler } from "./distributions.ts";
import type { Slot } from "./plan-sampling.ts";

/**
 * A plan's slots laid out for the draw loop (issue #6): one typed array per field and every
 * PERT quantile table copied into one Float32Array, so evaluating a slot is a few reads from
 * arrays walked in order and one read from a table found by offset, not a chain of objects
 * (slot → sampler → table → quantiles → its buffer) scattered over the heap, each a possible
 * cache miss. A profile put a third of the sampler's time on that chain. Built once per run.
 */
export interface SlotTable {
  readonly count: number;
  /** Slot s's uniform index, parameter index and whether its draws are rounded to whole. */
  readonly uniform: Int32Array;
  readonly parameter: Int32Array;
  readonly whole: Uint8Array;
  /**
   * A PERT slot's low and span and its quantile table's offset in `quantiles`; −1 for any other
   * shape, which `slotValue` leaves to `sampleCell`.
   */
  readonly low: Float64Array;
  readonly span: Float64Array;
  readonly tableAt: Int32Array;
  /** Every distinct PERT table's `quantiles`, one after another. */
  readonly quantiles: Float32Array;
  /** Slot s's target runs are `runs[runFrom[s] … runFrom[s + 1])`, [start, end) pairs. */
  readonly runs: Int32Array;
  readonly runFrom: Int32Array;
  /** The compiled samplers, for the shapes and tails the table does not cover. */
  readonly samplers: readonly CellSampler[];
}

export function slotTable(slots: readonly Slot[]): SlotTable {
  const count = slots.length;
  const offsets = new Map<Float32Array, number>();
  const tableAt = new Int32Array(count).fill(-1);
  slots.forEach((slot, s) => {
    const table = slot.sampler.kind === PERT ? slot.sampler.table : null;
    if (table === null) return;
    let at = offsets.get(table.quantiles);
    if (at === undefined) {
      at = offsets.size * (INDEX_CELLS + 1);
      offsets.set(table.quantiles, at);
    }
    tableAt[s] = at;
  });
  const quantiles = new Float32Array(offsets.size * (INDEX_CELLS + 1));
  for (const [q, at] of offsets) quantiles.set(q, at);
  const runFrom = new Int32Array(count + 1);
  slots.forEach((slot, s) => (runFrom[s + 1] = runFrom[s]! + slot.runs.length));
  const runs = new Int32Array(runFrom[count]!);
  slots.forEach((slot, s) => runs.set(slot.runs, runFrom[s]!));
  return new Slots(
    count,
    Int32Array.from(slots, (s) => s.uniform),
    Int32Array.from(slots, (s) => s.parameter),
    Uint8Array.from(slots, (s) => (s.whole ? 1 : 0)),
    Float64Array.from(slots, (s) => s.sampler.low),
    Float64Array.from(slots, (s) => s.sampler.span),
    tableAt,
    quantiles,
    runs,
    runFrom,
    slots.map((s) => s.sampler),
  );
}

/**
 * A `SlotTable` as a class, not an object literal: each run's table is built by the same
 * transitions with the same field types, so the sampler's optimised code for one run's table
 * holds for the next (a literal's second instance generalises its fields; bench/NOTES.md).
 */
class Slots implements SlotTable {
  constructor(
    readonly count: number,
    readonly uniform: Int32Array,
    readonly parameter: Int32Array,
    readonly whole: Uint8Array,
    readonly low: Float64Array,
    readonly span: Float64Array,
    readonly tableAt: Int32Array,
    readonly quantiles: Float32Array,
    readonly runs: Int32Array,
    readonly runFrom: Int32Array,
    readonly samplers: readonly CellSampler[],
  ) {}
}

/**
 * Slot s's value at probability u: `sampleCell(sampler, u)` (rounded if whole), with the body of
 * a PERT table read from `quantiles` by the same arithmetic as `tableQuantile`, so the value is
 * the same to the bit.
 */
export function slotValue(t: SlotTable, s: number, u: number): number {
  const at = t.tableAt[s]!;
  let x: number;
  const cell = u * INDEX_CELLS;
  const j = Math.floor(cell);
  if (at >= 0 && j >= BODY_FROM && j < INDEX_CELLS - BODY_FROM) {
    const q = t.quantiles;
    const k = at + j;
    x = t.low[s]! + t.span[s]! * (q[k]! + (cell - j) * (q[k + 1]! - q[k]!));
  } else {
    x = sampleCell(t.samplers[s]!, u);
  }
  return t.whole[s] === 1 ? Math.round(x) : x;
}
