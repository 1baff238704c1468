// Exports for any chart figure: SVG, PNG (2×, drawn in the browser from the SVG), CSV, the
// <iframe> code of its embed page, and a citation. Every export carries its provenance (scenario
// and hash, model version, seed and draws when sampled, date, sources, the address that rebuilds
// it). The builders are pure and tested in src/site/ (export-provenance, export-svg, chart-csv,
// embed-snippet); this file only reads the DOM, draws on a canvas and saves files.
// A chart plugs in with `exportable(figure, {chart, rows, context})`; `chart` is an id in
// src/site/chart-catalog.ts. Nothing here makes a request: fonts are the system's.
import { html } from "htl";
import {
  MODEL_VERSION,
  PRESETS,
  captionLines,
  chartCsv,
  chartSources,
  chartSpec,
  citationText,
  embedUrl,
  encodeScenarioQuery,
  exportFileName,
  exportSvgDocument,
  iframeSnippet,
  scenarioName,
  withModelVersion,
} from "./bundled/site.js";

/** PNG pixels per CSS pixel: 2× for print. */
export const PNG_SCALE = 2;

/**
 * What a page knows about its view, for every chart on it. `scenarios`: [{role, name, hash}];
 * `url`: the address that rebuilds the view; `root`: the site's root address (ends in "/");
 * `query`: what an embed page needs ("?v=1&…" or "?_base=…"); `seed`/`draws` for sampled charts,
 * and `basis`, what their draws came from (`basisCaption` of the run: posterior or prior ranges).
 */
export function exportContext({
  dataset,
  scenarios,
  url,
  root,
  query,
  seed = null,
  draws = null,
  basis = null,
}) {
  return { dataset, scenarios, url, root, query, seed, draws, basis };
}

/**
 * The usual context: one scenario, shown on a page whose address holds it. The embed code's query
 * ends with the model version (`_mv`), like every address the site writes for sharing.
 */
export function scenarioContext({ dataset, scenario, hash, url, root }) {
  return exportContext({
    dataset,
    root,
    url,
    query: `?${withModelVersion(encodeScenarioQuery(scenario), MODEL_VERSION)}`,
    scenarios: [{ role: null, name: scenarioName(scenario, PRESETS), hash }],
  });
}

export function chartTitle(spec, who) {
  return who ? `${spec.title}: ${who}` : spec.title;
}

export function provenanceFor(spec, context, { who, generatedAt = new Date() } = {}) {
  return {
    title: chartTitle(spec, who),
    scenarios: context.scenarios,
    modelVersion: MODEL_VERSION,
    seed: context.seed,
    draws: context.draws,
    basis: context.basis ?? null,
    generatedAt,
    sources: chartSources(context.dataset, spec.groups),
    url: context.url,
    sourcesUrl: `${context.root}sources`,
    units: spec.units,
  };
}

const XLINK = "http://www.w3.org/1999/xlink";

/**
 * Make the links inside a chart absolute (against `base`), optionally opening in `target`.
 * Plot writes `xlink:href`, which a plain `a[href]` selector does not match.
 */
export function absoluteLinks(root, base, target) {
  for (const a of root.querySelectorAll("a")) {
    const xlink = a.getAttributeNS(XLINK, "href");
    const href = xlink ?? a.getAttribute("href");
    if (href === null) continue;
    const absolute = new URL(href, base).href;
    if (xlink !== null) a.setAttributeNS(XLINK, "xlink:href", absolute);
    else a.setAttribute("href", absolute);
    if (target) {
      a.setAttribute("target", target);
      a.setAttribute("rel", "noopener");
    }
  }
  return root;
}

/** The chart's own SVG(s), ready to stack in one document (tips removed, links absolute). */
function svgBlock(svg) {
  const box = svg.getBoundingClientRect();
  const width = Number(svg.getAttribute("width")) || box.width;
  const height = Number(svg.getAttribute("height")) || box.height;
  const clone = svg.cloneNode(true);
  for (const tip of clone.querySelectorAll("[aria-label='tip']")) tip.remove();
  absoluteLinks(clone, location.href);
  clone.setAttribute("width", width);
  clone.setAttribute("height", height);
  // Plot's class style sets `height: auto; max-width: 100%`, which would stretch a nested <svg>.
  clone.setAttribute(
    "style",
    `${clone.getAttribute("style") ?? ""};width:${width}px;height:${height}px;max-width:none`,
  );
  return { markup: new XMLSerializer().serializeToString(clone), width, height };
}

/** The chart's SVGs and its swatch legend (Plot draws that as HTML), in document order. */
export function chartParts(figure) {
  const blocks = [];
  const legend = [];
  for (const el of figure.querySelectorAll("svg, [class*='-swatches']")) {
    if (el.closest("details, .chart-tools")) continue;
    if (el.tagName.toLowerCase() === "svg") {
      if (el.parentElement?.closest("svg") || el.closest("[class*='-swatch']")) continue;
      blocks.push(svgBlock(el));
    } else {
      for (const swatch of el.querySelectorAll("[class$='-swatch']")) {
        legend.push({
          color: swatch.querySelector("svg")?.getAttribute("fill") ?? "#000",
          label: swatch.textContent.trim(),
        });
      }
    }
  }
  return { blocks, legend };
}

export function chartSvg(figure, provenance) {
  const { blocks, legend } = chartParts(figure);
  return exportSvgDocument({
    title: provenance.title,
    blocks,
    legend,
    // The title is drawn above the chart; the caption under it starts with the scenario.
    caption: captionLines(provenance).slice(1),
  });
}

/** Rasterize an SVG document at `scale`× through a canvas (no request: a data: URL). */
export async function svgToPng({ svg, width, height }, scale = PNG_SCALE) {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  // Not canvas.toBlob: Chrome encodes that in idle time, which took 1–7 s on a busy page (and a
  // download that late may be refused as not started by the user). toDataURL encodes now.
  const url = canvas.toDataURL("image/png");
  if (!url.startsWith("data:image/png;base64,"))
    throw new Error("the browser could not encode a PNG");
  const binary = atob(url.slice(url.indexOf(",") + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: "image/png" });
}

function save(blob, name) {
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false; // no permission (e.g. inside another site's iframe): the text is shown instead
  }
}

/** The <iframe> code for a chart in this context, or null when the chart has no embed page. */
export function embedSnippet(spec, context, who) {
  if (spec.embed === null || !context.root || context.query === undefined) return null;
  return iframeSnippet({
    src: embedUrl(context.root, spec.id, context.query),
    title: chartTitle(spec, who),
    height: spec.embed.height,
  });
}

/**
 * Add the export toolbar to a chart figure (charts.js `withTable` output, or any element
 * holding the chart's SVGs). `rows` are the rows the chart draws; `chart` its catalog id.
 * `rows` and `context` may be functions, read when a button is pressed: a live chart
 * (live-chart.js) keeps its toolbar while its plot and rows follow the scenario.
 */
export function exportable(figure, { chart, rows, context, who } = {}) {
  const live = typeof context === "function";
  if (!live && !context) return figure;
  const contextNow = live ? context : () => context;
  const rowsNow = typeof rows === "function" ? rows : () => rows;
  const spec = chartSpec(chart);
  const snippetNow = () => embedSnippet(spec, contextNow(), who);
  const embeds = live ? spec.embed !== null : snippetNow() !== null;
  const status = html`<output class="chart-tools-status" data-testid="export-status"></output>`;
  const panel = html`<div class="chart-tools-panel" hidden></div>`;
  const show = (label, text) => {
    const area = html`<textarea readonly rows="3" aria-label=${label}></textarea>`;
    area.value = text;
    panel.replaceChildren(html`<label>${label}</label>`, area);
    panel.hidden = false;
    return area;
  };
  const run = (action) => async () => {
    status.value = "";
    try {
      await action();
    } catch (error) {
      status.value = `Export failed: ${error.message}`;
    }
  };
  const provenance = () => provenanceFor(spec, contextNow(), { who });
  const file = (p, ext) => exportFileName(spec.id, p, ext);

  const svgButton = button("SVG", "svg", "Download the chart as SVG, with its caption");
  svgButton.onclick = run(() => {
    const p = provenance();
    save(new Blob([chartSvg(figure, p).svg], { type: "image/svg+xml" }), file(p, "svg"));
  });
  const pngButton = button("PNG", "png", `Download the chart as PNG at ${PNG_SCALE}× for print`);
  pngButton.onclick = run(async () => {
    const p = provenance();
    save(await svgToPng(chartSvg(figure, p)), file(p, "png"));
  });
  const csvButton = button("CSV", "csv", "Download the chart's data as CSV");
  csvButton.onclick = run(() => {
    const p = provenance();
    save(new Blob([chartCsv(spec.csv(rowsNow()), p)], { type: "text/csv" }), file(p, "csv"));
  });
  const citeButton = button("Copy citation", "cite", "Copy a citation of this view");
  citeButton.onclick = run(async () => {
    const text = citationText(provenance());
    const area = show("Citation", text);
    area.dataset.testid = "citation";
    if (await copyText(text)) status.value = "Citation copied.";
    else {
      area.select();
      status.value = "Select the citation and copy it.";
    }
  });
  const tools = [svgButton, pngButton, csvButton];
  if (embeds) {
    const embedButton = button("Embed", "embed", "Show the code to embed this chart in a web page");
    embedButton.onclick = run(async () => {
      const snippet = snippetNow();
      if (snippet === null) throw new Error("this view has no embed page");
      const area = show("Embed code (paste into a web page)", snippet);
      area.dataset.testid = "embed-snippet";
      if (await copyText(snippet)) status.value = "Embed code copied.";
    });
    tools.push(embedButton);
  }
  tools.push(citeButton);
  const toolbar = html`<div
    class="chart-tools"
    role="group"
    aria-label="Export this chart"
    data-chart=${spec.id}
  >
    ${tools}${status}${panel}
  </div>`;
  figure.insertBefore(toolbar, figure.querySelector(":scope > details"));
  return figure;
}

function button(label, kind, title) {
  return html`<button type="button" data-export=${kind} title=${title}>${label}</button>`;
}

/** The caption under a chart on its embed page (the same lines its exports carry, minus the title). */
export function embedCaption(spec, context, who) {
  const lines = captionLines(provenanceFor(spec, context, { who })).slice(1);
  return html`<div class="embed-caption" data-testid="embed-caption">
    ${lines.map((l) => html`<div>${l}</div>`)}
  </div>`;
}
