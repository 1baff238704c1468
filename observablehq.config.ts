// Observable Framework configuration. See BUILDING.md (../shared) for why some defaults change.
import { createHash } from "node:crypto";
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
  const main = document.getElementById("observablehq-main");
  if (main && !document.querySelector(".skip-link")) {
    main.tabIndex = -1;
    const skip = Object.assign(document.createElement("a"), {className: "skip-link", href: "#observablehq-main", textContent: "Skip to the page's content"});
    document.body.prepend(skip);
  }
});`;

/**
 * The scenario follows the reader (issue #16): every link to another page of the site carries
 * the scenario in the address (its keys and _mv; not the page's own view keys, "_…"), so the
 * sidebar, the text's links and the charts' bars open the same scenario. The scenario is the
 * one the page last wrote (scenario-state.js keeps it in data-scenario-query) or, on pages that
 * write none, the page's own address. Links that name a scenario of their own, Compare (which
 * reads _base/_with) and the embeds are left as they are. A link is rewritten as it is reached
 * (pointed at, focused, touched, clicked, or its menu opened), so it always carries the scenario
 * of that moment, wherever and whenever it was drawn.
 */
const CARRY_SCENARIO = `
(() => {
  const namesScenario = (search) => [...new URLSearchParams(search).keys()].some((k) => !k.startsWith("_"));
  const scenarioQuery = () => {
    const from = new URLSearchParams(document.documentElement.dataset.scenarioQuery ?? location.search);
    const kept = [...from].filter(([k]) => !k.startsWith("_") || k === "_mv");
    return kept.some(([k]) => !k.startsWith("_")) ? new URLSearchParams(kept).toString() : "";
  };
  const XLINK = "http://www.w3.org/1999/xlink";
  const carry = (a) => {
    // Plot's links (chart bars) are SVG <a> with xlink:href.
    const original = a.dataset.carryFrom ?? a.getAttribute("href") ?? a.getAttributeNS(XLINK, "href");
    if (!original || original.startsWith("#") || a.hasAttribute("download")) return;
    let url;
    try { url = new URL(original, location.href); } catch { return; }
    if (url.origin !== location.origin || namesScenario(url.search)) return;
    const path = url.pathname;
    if (path.endsWith("/compare") || path.includes("/embed/") || /[.][A-Za-z0-9]+$/.test(path)) return;
    const query = scenarioQuery();
    if (!query) return;
    a.dataset.carryFrom = original;
    url.search = url.search ? url.search + "&" + query : "?" + query;
    const href = url.pathname + url.search + url.hash;
    if (a.hasAttributeNS(XLINK, "href")) a.setAttributeNS(XLINK, "xlink:href", href);
    else a.setAttribute("href", href);
  };
  for (const type of ["mouseover", "focusin", "touchstart", "click", "auxclick", "contextmenu"])
    addEventListener(type, (e) => { const a = e.target.closest?.("a"); if (a) carry(a); }, {capture: true, passive: true});
})();`;

/**
 * Content-Security-Policy for every page (issue #15): cheap insurance for a site that renders
 * text from addresses, files and browser storage (always as text, through htl). As a <meta>, so
 * it travels with the static files whatever serves them (frame-ancestors and report-uri cannot
 * be set this way; a server may add them as headers). It must come first in the head, before
 * any script it governs.
 * - Everything is served from the site itself ('self'): no CDN, no font service, and no page
 *   may send data anywhere else (connect-src), which is the guarantee that matters most here.
 * - script-src: Framework 1.13.4 writes each page's code as an inline module script, different
 *   on every page and every build, and our head adds one (ACCESSIBLE_CHROME). After
 *   `observable build`, scripts/csp-hashes.mjs (npm's postbuild) replaces 'unsafe-inline' here
 *   by the sha256 of each page's own inline scripts, so the built site runs only those; only
 *   `npm run dev` (preview, whose inline scripts change as you edit) keeps 'unsafe-inline'.
 * - 'unsafe-eval': Arquero (the tidy tables behind every chart, src/site) compiles its table
 *   expressions and sort comparators with `Function`, from our own functions' source and column
 *   names, never from a reader's text; without it no chart draws.
 * - script-src-attr: htl (Observable Inputs' templates) writes each `oninput=${fn}` as the
 *   placeholder attribute "::N" and swaps it for the function once the element exists; the
 *   browser checks the placeholder as an inline handler. Only those exact texts are allowed
 *   ('unsafe-hashes' with their sha256), and "::N" is not valid JavaScript: no handler a page
 *   could be given runs.
 * - style-src keeps 'unsafe-inline': Observable Plot writes a <style> into every chart and
 *   Observable Inputs writes style="" attributes; both are Framework's own libraries, and styles
 *   cannot run code or send data under connect-src and img-src.
 * - img-src allows data: and blob: for the chart exports (an SVG drawn into a canvas, a PNG).
 */
const HTL_PLACEHOLDERS = Array.from(
  { length: 64 },
  (_, i) => `'sha256-${createHash("sha256").update(`::${i}`).digest("base64")}'`,
);
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval' 'unsafe-inline'",
  `script-src-attr 'unsafe-hashes' ${HTL_PLACEHOLDERS.join(" ")}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

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
  head: `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">\n<link rel="icon" href="data:,">\n<script>${ACCESSIBLE_CHROME}${CARRY_SCENARIO}</script>`,
  footer: "crc-scenarios — a transparent reconstruction of the CRC contracts, 2015–2022.",
  search: false,
};
