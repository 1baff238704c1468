import { format } from "d3";

const poundsFormat = format(",.0f");
const millionsFormat = format(",.1f");

/** Whole pounds from integer pence, e.g. 98000000 → "£980,000". */
export function formatPounds(pence: number): string {
  const sign = pence < 0 ? "−" : "";
  return `${sign}£${poundsFormat(Math.abs(pence) / 100)}`;
}

/** Millions of pounds from integer pence, e.g. 1400000000 → "£14.0m". */
export function formatMillions(pence: number): string {
  const sign = pence < 0 ? "−" : "";
  return `${sign}£${millionsFormat(Math.abs(pence) / 1e8)}m`;
}

/** £m on a chart's axis scale (a number of millions) for its tips, e.g. -13.7 → "−£13.70m". */
export function tipMillions(millions: number, digits = 2): string {
  const sign = millions < 0 ? "−" : "";
  return `${sign}£${Math.abs(millions).toFixed(digits)}m`;
}
