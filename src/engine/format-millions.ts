/**
 * Money in £m with one decimal, as every page, report and CLI table shows it: one definition
 * (pence in, text out), so a figure reads the same on the Overview, in the calibration report
 * and in a comparison of model versions.
 */
const PENCE_PER_MILLION = 100_000_000;

/** £m with one decimal, e.g. 296660000000 → "£2,966.6m"; the sign is the caller's to say. */
export function millions(pence: number): string {
  const m = Math.abs(pence) / PENCE_PER_MILLION;
  return `£${m.toLocaleString("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 })}m`;
}

/** The same with a minus for a negative amount: "£348.5m", "−£148.6m". */
export function signedMillions(pence: number): string {
  return `${pence < 0 ? "−" : ""}${millions(pence)}`;
}
