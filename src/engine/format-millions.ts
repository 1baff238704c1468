/**
 * Money in £m with one decimal, as every page, report and CLI table shows it: one definition
 * (pence in, text out), so a figure reads the same on the Overview, in the calibration report
 * and in a comparison of model versions.
 */

/** Pence in £1m (100 pence × £1,000,000): pence / PENCE_PER_MILLION is £m, a chart's scale. */
export const PENCE_PER_MILLION = 100_000_000;

/** U+2060 WORD JOINER: invisible, and no line break on either side of it. */
export const WORD_JOINER = "\u2060";

/** £m with one decimal, e.g. 296660000000 → "£2,966.6m"; the sign is the caller's to say. */
export function millions(pence: number): string {
  const m = Math.abs(pence) / PENCE_PER_MILLION;
  return `£${m.toLocaleString("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 })}m`;
}

/** The same with a minus for a negative amount: "£348.5m", "−£148.6m". */
export function signedMillions(pence: number): string {
  return `${pence < 0 ? "−" : ""}${millions(pence)}`;
}

/** A change: "+£342.0m", "−£3.6m", "£0.0m" (no sign for no change). */
export function changeMillions(pence: number): string {
  return `${pence > 0 ? "+" : ""}${signedMillions(pence)}`;
}

/**
 * Text for a page: a sign before a pound sign ("−£3.6m", "+£11.8m") held to its amount with a
 * word joiner (a hyphen is a range's dash, "£22k-£28k", and stays as it is), so a narrow column never ends a line with "−" (issue #16). Files, CSVs and the
 * terminal keep the plain text.
 */
export function keepSignWithAmount(text: string): string {
  return text.replace(/([−+])(?=£)/g, `$1${WORD_JOINER}`);
}

/** `signedMillions` for a page: "−£148.6m" that never breaks after its minus sign. */
export function pageMillions(pence: number): string {
  return keepSignWithAmount(signedMillions(pence));
}

/** £m on a chart's scale (a number of millions) for its tips, e.g. -13.7 → "−£13.70m". */
export function tipMillions(millionsValue: number, digits = 2): string {
  const sign = millionsValue < 0 ? "−" : "";
  return `${sign}£${Math.abs(millionsValue).toFixed(digits)}m`;
}
