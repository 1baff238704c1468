import { signedMillions } from "../engine/format-millions.ts";
import type { TargetResult } from "./evaluate.ts";
import { STRUCTURAL_NOTES, type Diagnostic } from "./diagnostics.ts";
import type { FittedValue } from "./fit.ts";
import { describeTolerance, type Target } from "./targets.ts";

/** A target's value in words: money as £m with one decimal, counts as they are. */
export function formatTargetValue(value: number, unit: Target["unit"]): string {
  return unit === "count" ? String(value).replace("-", "−") : signedMillions(value);
}

export function formatResidual(value: number, unit: Target["unit"]): string {
  return (value >= 0 ? "+" : "") + formatTargetValue(value, unit);
}

/** The reason written into data/parameters.csv for a fitted value: targets, method, residuals. */
export function fittedReason(fit: FittedValue, results: readonly TargetResult[]): string {
  const residuals = results
    .filter((r) => fit.targets.includes(r.target.id))
    .map(
      (r) =>
        `${r.target.id} ${formatTargetValue(r.model, r.target.unit)} vs ${formatTargetValue(r.target.value, r.target.unit)} (${r.within ? "within" : "outside"} ${describeTolerance(r.target, (v) => formatTargetValue(v, r.target.unit))})`,
    )
    .join("; ");
  const method =
    fit.method === "linear"
      ? "solved exactly (the targets are linear in it) on the exact engine"
      : "fitted jointly with the other Levenberg–Marquardt parameters (ml-levenberg-marquardt) on the float path, residuals scaled by each target's tolerance, from the middle of its plausible range";
  const bound = fit.atBound
    ? ` At the ${fit.value === String(fit.low) ? "low" : "high"} end of its plausible range ${fit.low}–${fit.high}: the targets would take it further.`
    : ` Plausible range ${fit.low}–${fit.high}.`;
  return `Fitted by npm run calibrate (src/calibration/fit.ts): ${method}, to ${fit.targets.join(", ")} in data/targets.csv. Exact engine at the fitted values: ${residuals}.${bound}`;
}

/** The calibration table as aligned text, with what it would take for each miss. */
export function formatCalibrationReport(
  results: readonly TargetResult[],
  values: readonly FittedValue[] = [],
  diagnostics: readonly Diagnostic[] = [],
): string {
  const header = [
    "target",
    "scenario",
    "model",
    "published",
    "residual",
    "tolerance",
    "role",
    "ok",
  ];
  const body = results.map((r) => [
    r.target.id,
    r.target.scenario,
    formatTargetValue(r.model, r.target.unit),
    formatTargetValue(r.target.value, r.target.unit),
    formatResidual(r.residual, r.target.unit),
    describeTolerance(r.target, (v) => formatTargetValue(v, r.target.unit)),
    r.target.role,
    r.within ? "yes" : "MISS",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  const met = results.filter((r) => r.within).length;
  const fitted = values.map(
    (v) =>
      `- ${v.id} = ${v.value} (${v.method}; targets: ${v.targets.join(", ")})${v.atBound ? ` AT BOUND of ${v.low}–${v.high}` : ""}`,
  );
  const would = diagnostics.map((d) => {
    const unit = results.find((r) => r.target.id === d.target)!.target.unit;
    const reach = `${formatTargetValue(d.reach[0], unit)} to ${formatTargetValue(d.reach[1], unit)}`;
    return d.meetsAt === null
      ? `- ${d.target}: ${d.parameter} alone cannot meet it (over its allowed range the model gives ${reach})`
      : `- ${d.target}: ${d.parameter} = ${+d.meetsAt.toFixed(4)} alone would meet it (the others as fitted)`;
  });
  const structural = results
    .filter((r) => !r.within && STRUCTURAL_NOTES[r.target.id] !== undefined)
    .map((r) => `- ${r.target.id}: ${STRUCTURAL_NOTES[r.target.id]}`);
  return (
    [
      line(header),
      ...body.map(line),
      "",
      `${met} of ${results.length} targets within tolerance.`,
      ...(fitted.length ? ["", "Fitted parameters:", ...fitted] : []),
      ...(would.length ? ["", "What it would take (diagnostics, not fitted):", ...would] : []),
      ...(structural.length ? ["", "Misses no fitted parameter can close:", ...structural] : []),
    ].join("\n") + "\n"
  );
}
