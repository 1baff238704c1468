import type { FitResult } from "./fit.ts";
import { replaceParameterFields } from "./parameters-csv.ts";
import { fittedReason } from "./report.ts";

/**
 * data/parameters.csv with each fitted value written into its global row: the default, status
 * `fitted` and a reason naming the targets, the method and the residuals. Every other line is
 * kept byte for byte. Pure, so `npm run calibrate -- --check` and the calibration test compare
 * the file with exactly what a fresh fit would write.
 */
export function withFittedValues(text: string, fit: FitResult): string {
  let out = text;
  for (const value of fit.values) {
    out = replaceParameterFields(out, value.id, {
      default: value.value,
      status: "fitted",
      reason: fittedReason(value, fit.results),
    });
  }
  return out;
}
