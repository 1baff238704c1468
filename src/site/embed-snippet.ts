import { escapeXml } from "./export-svg.ts";

/**
 * Addresses and the `<iframe>` code for a chart's embed page (docs/embed/[chart].md). The embed
 * page reads the same query as the full page, so the snippet carries the scenario (or the
 * comparison) exactly as the address bar does.
 */
function withQuery(base: string, query: string): string {
  const q = query.startsWith("?") ? query.slice(1) : query;
  return q === "" ? base : `${base}?${q}`;
}

/** `root` is the site's root address, ending in "/" (e.g. "https://host/crc/"). */
export function embedUrl(root: string, chartId: string, query: string): string {
  if (!root.endsWith("/")) throw new Error(`embedUrl: the site root must end in "/", got ${root}`);
  return withQuery(`${root}embed/${encodeURIComponent(chartId)}`, query);
}

/** The full page an embed opens ("Open in the explorer"), with the same query. */
export function openUrl(root: string, path: string, query: string): string {
  if (!root.endsWith("/")) throw new Error(`openUrl: the site root must end in "/", got ${root}`);
  return withQuery(`${root}${path}`, query);
}

/**
 * The HTML to paste into a page. Attribute values are escaped (a scenario title is user text);
 * width 100% so the embed follows the host's column; a fixed height that fits the chart.
 */
export function iframeSnippet({
  src,
  title,
  height,
}: {
  src: string;
  title: string;
  height: number;
}): string {
  if (!(Number.isInteger(height) && height >= 100 && height <= 4000))
    throw new Error(
      `iframeSnippet: height must be a whole number of pixels from 100 to 4000, got ${height}`,
    );
  if (!/^https?:\/\//.test(src))
    throw new Error(`iframeSnippet: src must be an http(s) address, got ${src}`);
  return (
    `<iframe src="${escapeXml(src)}" title="${escapeXml(title)}" width="100%" height="${height}" ` +
    `style="border:0;max-width:100%" loading="lazy"></iframe>`
  );
}
