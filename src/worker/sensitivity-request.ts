import type { Result } from "../issues/issue.ts";
import { isRecord } from "../issues/describe-value.ts";
import { findBreakEven, type BreakEvenReport } from "../sensitivity/break-even.ts";
import { runGrid, type Grid, type GridAxisRequest } from "../sensitivity/grid.ts";
import { parseOutputSpec, type OutputText } from "../sensitivity/output-spec.ts";
import { runTornado, type Tornado } from "../sensitivity/tornado.ts";
import { answer, checkFields, type EngineState, resolveIn } from "./request-fields.ts";

/** A tornado: the scenario and the output followed, in its text form (`OutputText`). */
export interface TornadoRequest extends OutputText {
  readonly scenario: unknown;
}

/** A two-way grid: the scenario, its two axes, and the output in its text form. */
export interface GridRequestText extends OutputText {
  readonly scenario: unknown;
  readonly x: GridAxisRequest;
  readonly y: GridAxisRequest;
  readonly steps?: number;
}

/** A break-even search: the lever ("shortfall", "fixedShare", "variationScale") and a CRC. */
export interface BreakEvenRequestText {
  readonly scenario: unknown;
  readonly lever?: string;
  readonly crc?: string;
}

const OUTPUT_KEYS = ["output", "line", "period"];

/** One-at-a-time swings low → high of the uncertain parameters. */
export function tornado({ dataset }: EngineState, request: unknown): Result<Tornado> {
  const checked = checkFields(request, ["scenario", ...OUTPUT_KEYS]);
  if (!checked.ok) return checked;
  const resolved = resolveIn(checked.value.scenario, dataset);
  if (!resolved.ok) return resolved;
  const output = parseOutputSpec(checked.value as OutputText, resolved.value.inputs.crcs);
  if (!output.ok) return answer(output);
  return answer(runTornado(resolved.value, dataset, output.value));
}

const AXIS = "must be an axis {id, from?, to?, steps?}";

/** An output over a grid of two knobs. */
export function grid({ dataset }: EngineState, request: unknown): Result<Grid> {
  const checked = checkFields(request, ["scenario", "x", "y", "steps", ...OUTPUT_KEYS]);
  if (!checked.ok) return checked;
  const { x, y, steps } = checked.value as unknown as GridRequestText;
  if (!isRecord(x) || !isRecord(y))
    return {
      ok: false,
      issues: [
        ...(isRecord(x) ? [] : [{ path: "x", message: AXIS }]),
        ...(isRecord(y) ? [] : [{ path: "y", message: AXIS }]),
      ],
    };
  const resolved = resolveIn(checked.value.scenario, dataset);
  if (!resolved.ok) return resolved;
  const output = parseOutputSpec(checked.value as OutputText, resolved.value.inputs.crcs);
  if (!output.ok) return answer(output);
  return answer(
    runGrid(resolved.value, dataset, {
      x,
      y,
      ...(steps !== undefined ? { steps } : {}),
      output: output.value,
    }),
  );
}

/** Per CRC, the lever value at which contract profit is zero, checked by the exact engine. */
export function breakEven({ dataset }: EngineState, request: unknown): Result<BreakEvenReport> {
  const checked = checkFields(request, ["scenario", "lever", "crc"]);
  if (!checked.ok) return checked;
  const resolved = resolveIn(checked.value.scenario, dataset);
  if (!resolved.ok) return resolved;
  const { lever, crc } = checked.value as unknown as BreakEvenRequestText;
  return answer(
    findBreakEven(resolved.value, dataset, {
      ...(lever !== undefined ? { lever } : {}),
      ...(crc !== undefined ? { crc } : {}),
    }),
  );
}
