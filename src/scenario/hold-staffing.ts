/**
 * Staffing held above 0 FTE, for the Monte Carlo's draws (sampler.ts) and the tornado's swung
 * ends (src/sensitivity/hold-in-range.ts), the way the staff share is held at the fixed share.
 *
 * A scenario's staffing stays above 0 FTE (the workload index divides by it; validation refuses
 * anything else), but a draw around it need not: the data row's spread below the default, moved
 * to a low value the scenario set (e.g. 139.7 FTE in June 2017 for London, whose row spreads
 * 156.2 FTE below its default), reaches the row's minimum of 0. Such a draw is held at
 * `FTE_FLOOR` FTE (or the scenario's own lowest FTE, if that is lower), rather than refusing a
 * valid scenario for a range it never set (issue #15).
 */

import { lowestFte as lowestFteOnPath } from "../engine/constraints.ts";

/** The least FTE a held draw keeps (or the scenario's own lowest, if lower). */
export const FTE_FLOOR = 1;

export interface Staffing {
  /** FTE in June 2014 (the path's start). */
  readonly fte14: number;
  /** FTE in June 2017 (the reported cuts). */
  readonly fte17: number;
  /** The cut scale: the path ends at fte14 + scale × (fte17 − fte14). */
  readonly scale: number;
}

/** The lowest FTE of the straight-line path (at one of its ends). */
export function lowestFte(s: Staffing): number {
  return lowestFteOnPath(s.fte14, s.fte17, s.scale);
}

/** The floor a held CRC keeps: `FTE_FLOOR`, or the scenario's lowest FTE if that is lower. */
export function staffingFloor(scenario: Staffing): number {
  return Math.min(FTE_FLOOR, lowestFte(scenario));
}

/**
 * Staffing held above 0 FTE: unchanged if its lowest FTE is above 0; else moved, using only the
 * values that may move (`movable`: the sampled or swung ones), so the lowest FTE is `floor`:
 * FTE in 2014 raised to the floor if it is not above 0; then FTE in 2017 raised (within
 * `fte17Max`) or, failing that, the cut scale lowered, so the path ends at the floor. Returns
 * undefined if the movable values cannot hold it (the caller keeps the scenario's).
 */
export function holdStaffing(
  s: Staffing,
  floor: number,
  movable: { readonly fte14: boolean; readonly fte17: boolean; readonly scale: boolean },
  fte17Max = Infinity,
): Staffing | undefined {
  if (lowestFte(s) > 0) return s;
  return moveToFloor(
    s,
    floor,
    movable,
    fte17Max,
    (fte14) => !(fte14 > 0),
    (out) => lowestFte(out) > 0,
  );
}

/**
 * Staffing held at or above `floor` FTE at its lowest: the workload cap's hold (constraints.ts
 * `WORKLOAD_INDEX_MAX`, `workloadFteFloor`), for the Monte Carlo's draws and the tornado's swung
 * ends. Unchanged if its lowest FTE is at least `floor`; else moved as `holdStaffing` moves it
 * (FTE in 2014 raised to the floor if below it, then FTE in 2017 raised or the cut scale
 * lowered), aiming a hair above the floor so rounding never leaves it just below. Returns
 * undefined if the movable values cannot hold it.
 */
export function holdStaffingAtLeast(
  s: Staffing,
  floor: number,
  movable: { readonly fte14: boolean; readonly fte17: boolean; readonly scale: boolean },
  fte17Max = Infinity,
): Staffing | undefined {
  if (lowestFte(s) >= floor) return s;
  const aim = floor * (1 + 1e-12);
  return moveToFloor(
    s,
    aim,
    movable,
    fte17Max,
    (fte14) => !(fte14 >= floor),
    (out) => lowestFte(out) >= floor,
  );
}

/** The moves of both holds: the start raised if `startBelow`, then the end raised to `floor`. */
function moveToFloor(
  s: Staffing,
  floor: number,
  movable: { readonly fte14: boolean; readonly fte17: boolean; readonly scale: boolean },
  fte17Max: number,
  startBelow: (fte14: number) => boolean,
  held: (s: Staffing) => boolean,
): Staffing | undefined {
  const { fte17, scale } = s;
  let fte14 = s.fte14;
  if (startBelow(fte14)) {
    if (!movable.fte14) return undefined;
    fte14 = floor;
    if (held({ fte14, fte17, scale })) return { fte14, fte17, scale };
  }
  // The start is held and the path's end is not: so scale > 0 and fte17 < fte14.
  if (movable.fte17) {
    const raised = fte14 + (floor - fte14) / scale;
    if (raised <= fte17Max) {
      const out = { fte14, fte17: Math.max(fte17, raised), scale };
      if (held(out)) return out;
    }
  }
  if (movable.scale && fte17 < fte14) {
    const out = { fte14, fte17, scale: Math.min(scale, (fte14 - floor) / (fte14 - fte17)) };
    if (held(out)) return out;
  }
  return undefined;
}
