import type { Dataset } from "../data/index.ts";
import { param } from "../data/index.ts";
import { modelValue, presetLedgers, type Overrides, type TargetResult } from "./evaluate.ts";
import { FREE_PARAMETERS } from "./fit.ts";
import { meets, type Target } from "./targets.ts";

/**
 * "What it would take" for a target the fitted model misses: each joint free parameter moved
 * alone across its whole allowed range (min–max, 41 points on the float path), the others held
 * at their fitted values. It says which value, if any, would meet the target, and how close
 * the range gets otherwise. Diagnostics only: nothing is written back.
 */
export interface Diagnostic {
  readonly target: string;
  readonly parameter: string;
  /** The value nearest the fitted one that meets the target, or null. */
  readonly meetsAt: number | null;
  /** The model's range over the parameter's allowed range. */
  readonly reach: readonly [number, number];
}

export function diagnose(
  dataset: Dataset,
  missed: readonly TargetResult[],
  fitted: Overrides,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const joint = FREE_PARAMETERS.filter((p) => p.method === "joint");
  for (const { target } of missed) {
    for (const p of joint) {
      const row = param(dataset, p.id);
      const [min, max] = [Number(row.text.min), Number(row.text.max)];
      const values: { x: number; y: number }[] = [];
      for (let k = 0; k <= 40; k++) {
        const x = min + ((max - min) * k) / 40;
        const y = tryValue(dataset, target, { ...fitted, [p.id]: x });
        if (y !== null) values.push({ x, y });
      }
      if (values.length === 0) continue;
      const ys = values.map((v) => v.y);
      const hits = values.filter((v) => meets(target, v.y));
      const at = fitted[p.id]!;
      hits.sort((a, b) => Math.abs(a.x - at) - Math.abs(b.x - at));
      out.push({
        target: target.id,
        parameter: p.id,
        meetsAt: hits[0]?.x ?? null,
        reach: [Math.min(...ys), Math.max(...ys)],
      });
    }
  }
  return out;
}

/**
 * Why a target is missed when no fitted parameter can move it: the structure it would take.
 * Every target missed must have a note here or a diagnostic that meets it (a test checks).
 */
export const STRUCTURAL_NOTES: Readonly<Record<string, string>> = {};

/** The model's value with these overrides, or null when they are not a valid scenario. */
function tryValue(dataset: Dataset, target: Target, overrides: Overrides): number | null {
  try {
    return modelValue(target, presetLedgers(dataset, overrides, "float"));
  } catch {
    return null;
  }
}
