import type { Dataset } from "../data/index.ts";
import { figure } from "../data/index.ts";
import { PRESETS } from "./presets.ts";
import { projectScenario } from "./project-scenario.ts";
import { REMAINING_LIFE_FROM, total } from "./calibration.ts";
import { crcProfits } from "./summarize.ts";

/**
 * "What it would take": for the targets the model does not meet, the single parameter value
 * that would meet it, found by bisection on the engine. Diagnostics only; nothing is written
 * back, because fitting these would hide the gap rather than explain it.
 */
export interface Diagnostic {
  readonly target: string;
  readonly parameter: string;
  /** The value that meets the target, or null when none inside the parameter's range does. */
  readonly value: number | null;
  readonly note: string;
}

function projectOrNull(preset: string, dataset: Dataset, parameters: Record<string, number>) {
  const result = projectScenario(
    { schemaVersion: 1, extends: preset, parameters },
    dataset,
    PRESETS,
  );
  return result.ok ? result.value.ledger : null;
}

/**
 * Root of a monotonic f on [lo, hi] by bisection (`steps` halvings). f returns null where the
 * parameter value is not a valid scenario; the search first narrows [lo, hi] to the valid part
 * (assumed to be one interval containing lo). Returns the root, or null with the value of f at
 * the far end of the valid range when the target lies beyond it.
 */
export function bisect(
  f: (x: number) => number | null,
  lo: number,
  hi: number,
  steps = 30,
): { root: number | null; atEnd: { x: number; fx: number } | null } {
  let flo = f(lo);
  if (flo === null) return { root: null, atEnd: null };
  let fhi = f(hi);
  if (fhi === null) {
    let ok = lo;
    let bad = hi;
    for (let i = 0; i < steps; i++) {
      const mid = (ok + bad) / 2;
      if (f(mid) === null) bad = mid;
      else ok = mid;
    }
    hi = ok;
    fhi = f(hi)!;
  }
  if (Math.sign(flo) === Math.sign(fhi)) return { root: null, atEnd: { x: hi, fx: fhi } };
  for (let i = 0; i < steps; i++) {
    const mid = (lo + hi) / 2;
    const fm = f(mid)!;
    if (Math.sign(fm) === Math.sign(flo)) {
      lo = mid;
      flo = fm;
    } else hi = mid;
  }
  return { root: (lo + hi) / 2, atEnd: null };
}

export function calibrationDiagnostics(dataset: Dataset): Diagnostic[] {
  const valueTarget = figure(dataset, "contract.valueAfterVolumeFall").valuePence!;
  const trend = bisect(
    (x) => {
      const ledger = projectOrNull("volumes-as-they-fell", dataset, {
        "volume.shortfallTrend": Math.round(x * 1e6) / 1e6,
      });
      return ledger && total(ledger, "income_total") - valueTarget;
    },
    0,
    0.2,
  );
  const lossTarget = figure(dataset, "losses.forecastBeforeVariation").valuePence!;
  const margin = bisect(
    (x) => {
      const ledger = projectOrNull("no-variation", dataset, {
        "cost.bidMargin": Math.round(x * 1e6) / 1e6,
      });
      return (
        ledger && -crcProfits(ledger, REMAINING_LIFE_FROM).reduce((a, b) => a + b, 0) - lossTarget
      );
    },
    0.3,
    -0.2,
  );
  const pounds = (pence: number) => `£${(pence / 1e8).toFixed(0)}m`;
  return [
    {
      target: "contract.valueAfterVolumeFall",
      parameter: "volume.shortfallTrend",
      value: trend.root,
      note:
        trend.root !== null
          ? `it would take each CRC's shortfall rising ${(trend.root * 100).toFixed(1)} points a year after 2017-18 (volume.shortfallTrend)`
          : `even the steepest valid shortfall trend (${((trend.atEnd?.x ?? 0) * 100).toFixed(1)} points a year, until some CRC reaches a 90% shortfall) leaves MoJ spend ${pounds(trend.atEnd?.fx ?? 0)} above £2.1bn`,
    },
    {
      target: "losses.forecastBeforeVariation",
      parameter: "cost.bidMargin",
      value: margin.root,
      note:
        margin.root !== null
          ? `it would take a bid margin of ${(margin.root * 100).toFixed(1)}%, i.e. prices below cost (cost.bidMargin)`
          : `even a bid margin of ${((margin.atEnd?.x ?? 0) * 100).toFixed(0)}% (prices a fifth below cost) gives losses ${pounds(-(margin.atEnd?.fx ?? 0))} short of £443m`,
    },
  ];
}
