// Observable Framework configuration. See BUILDING.md (../shared) for why some defaults change.
import { readFileSync } from "node:fs";
import { EMBED_CHART_IDS } from "./src/site/chart-catalog.ts";

/** The ids in the first column of a data/*.csv file (ids never contain commas or quotes). */
function idsOf(file: string): string[] {
  const [, ...lines] = readFileSync(file, "utf8").split(/\r?\n/);
  return lines.filter((l) => l.trim() !== "").map((l) => l.slice(0, l.indexOf(",")));
}
/**
 * Accessibility of Framework's own page markup (render.js in @observablehq/framework 1.13.4),
 * which no option changes; checked by axe-core in the browser tests (test/browser/harness.ts):
 * - the page's language: Framework writes <html> with no lang (WCAG 3.1.1);
 * - the sidebar toggle (a checkbox) is named by its title alone: give it a name of its own;
 * - the sidebar's "close" <label> sits inside the page list (<ol>), where only list items may be;
 *   it is an empty mouse target that repeats the toggle, so it is hidden from assistive technology.
 */
const ACCESSIBLE_CHROME = `
document.documentElement.lang = "en-GB";
addEventListener("DOMContentLoaded", () => {
  document.getElementById("observablehq-sidebar-toggle")?.setAttribute("aria-label", "Show or hide the sidebar");
  document.getElementById("observablehq-sidebar-close")?.setAttribute("aria-hidden", "true");
});`;

export default {
  title: "CRC scenarios",
  root: "docs",
  output: "dist",
  // The default head loads a web font from a public font service; the site must make no
  // external request (locked-down government networks), so no global stylesheet from outside.
  globalStylesheets: [],
  style: "style.css",
  pages: [
    { name: "Overview", path: "/" },
    { name: "Explorer", path: "/explorer" },
    { name: "Compare", path: "/compare" },
    { name: "Uncertainty", path: "/uncertainty" },
    { name: "Sensitivity", path: "/sensitivity" },
    { name: "CRCs", path: "/crcs/" },
    { name: "Owners", path: "/owners/" },
    { name: "Methodology", path: "/methodology" },
    { name: "Calibration", path: "/calibration" },
    { name: "Model versions", path: "/versions" },
    { name: "Sources & assumptions", path: "/sources" },
    { name: "Glossary", path: "/glossary" },
  ],
  // One page per CRC and per owner (docs/crcs/[crc].md, docs/owners/[owner].md), and a
  // chrome-less page per embeddable chart (docs/embed/[chart].md; not in the sidebar).
  dynamicPaths: [
    ...EMBED_CHART_IDS.map((id) => `/embed/${id}`),
    ...idsOf("data/crcs.csv").map((id) => `/crcs/${id}`),
    ...idsOf("data/owners.csv").map((id) => `/owners/${id}`),
  ],
  head: `<link rel="icon" href="data:,">\n<script>${ACCESSIBLE_CHROME}</script>`,
  footer: "crc-scenarios — a transparent reconstruction of the CRC contracts, 2015–2022.",
  search: false,
};
