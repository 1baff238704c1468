import { feeForServiceLine, type FeeForServiceLine } from "../engine/fee-for-service-line.ts";
import type { FeeForServiceInputs } from "../engine/fee-for-service.ts";
import { failure, type WorkerIssue, type WorkerResult } from "./result.ts";

/**
 * The engine's API as the worker exposes it: plain data in, plain data out, never a throw.
 * Everything here must be structured-cloneable (no decimal.js values: STYLE.md, BUILDING.md).
 */
export interface EngineApi {
  feeForServiceLine(request: unknown): Promise<WorkerResult<FeeForServiceLine>>;
}

interface NumberField {
  readonly key: keyof FeeForServiceInputs;
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
}

const FEE_FOR_SERVICE_FIELDS: readonly NumberField[] = [
  { key: "annualPricePence", min: 0, max: 1e13, integer: true },
  { key: "shortfallShare", min: -1, max: 1 },
  { key: "fixedShare", min: 0, max: 1 },
  { key: "toleranceBand", min: 0, max: 1 },
];

function validateFeeForServiceRequest(request: unknown): WorkerResult<FeeForServiceInputs> {
  if (typeof request !== "object" || request === null || Array.isArray(request)) {
    return failure("", `request must be an object, got ${describe(request)}`);
  }
  const record = request as Record<string, unknown>;
  const issues: WorkerIssue[] = [];
  const known = new Set<string>(FEE_FOR_SERVICE_FIELDS.map((f) => f.key));
  for (const key of Object.keys(record)) {
    if (!known.has(key)) issues.push({ path: key, message: `unknown field "${key}"` });
  }
  for (const { key, min, max, integer } of FEE_FOR_SERVICE_FIELDS) {
    const value = record[key];
    if (typeof value !== "number" || !Number.isFinite(value)) {
      issues.push({ path: key, message: `${key} must be a finite number, got ${describe(value)}` });
    } else if (value < min || value > max) {
      issues.push({
        path: key,
        message: `${key}: ${value} is outside the allowed range ${min} to ${max}`,
      });
    } else if (integer && !Number.isInteger(value)) {
      issues.push({ path: key, message: `${key}: ${value} must be a whole number of pence` });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: record as unknown as FeeForServiceInputs };
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "object") return Array.isArray(value) ? "an array" : "an object";
  return String(value);
}

/** Run `compute` and turn an unexpected exception (a bug) into an error value, not a throw. */
function guarded<T>(compute: () => WorkerResult<T>): WorkerResult<T> {
  try {
    return compute();
  } catch (error) {
    return failure("", `internal error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export const engineApi: EngineApi = {
  async feeForServiceLine(request) {
    return guarded(() => {
      const checked = validateFeeForServiceRequest(request);
      return checked.ok ? { ok: true, value: feeForServiceLine(checked.value) } : checked;
    });
  },
};
