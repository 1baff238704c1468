// Okabe–Ito: a colour-blind-safe qualitative palette (Okabe & Ito, 2008).
export const OKABE_ITO = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#56B4E9",
  "#D55E00",
  "#F0E442",
  "#000000",
];
export const LOSS = "#D55E00";
export const PROFIT = "#0072B2";

// Each line's label: one record with the site's other wordings (src/site/line-words.ts).
export { LINE_LABELS } from "./bundled/site.js";
