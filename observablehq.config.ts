// Observable Framework configuration. See BUILDING.md (../shared) for why some defaults change.
import { readFileSync } from "node:fs";
import { EMBED_CHART_IDS } from "./src/site/chart-catalog.ts";

/** The ids in the first column of a data/*.csv file (ids never contain commas or quotes). */
function idsOf(file: string): string[] {
  const [, ...lines] = readFileSync(file, "utf8").split(/\r?\n/);
  return lines.filter((l) => l.trim() !== "").map((l) => l.slice(0, l.indexOf(",")));
}
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
  head: '<link rel="icon" href="data:,">',
  footer: "crc-scenarios — a transparent reconstruction of the CRC contracts, 2015–2022.",
  search: false,
};
