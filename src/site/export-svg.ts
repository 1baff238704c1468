import { wrapText } from "./wrap-text.ts";

/**
 * One self-describing SVG document for a chart: its title, its colour legend (Plot draws
 * swatch legends as HTML, which an SVG file cannot carry, so they are redrawn here), the chart's
 * own SVG(s) stacked, and the caption (provenance) as text under a rule. Pure: the page
 * serializes its chart SVGs and measures nothing; text widths are estimated from font size,
 * generously, so lines are wrapped before they could overflow. System fonts only: the file
 * must render offline and make no request.
 */
export interface SvgBlock {
  /** A serialized <svg> element (XMLSerializer output). */
  readonly markup: string;
  readonly width: number;
  readonly height: number;
}

export interface LegendSwatch {
  readonly color: string;
  readonly label: string;
}

export interface ExportSvgInput {
  readonly title: string;
  readonly blocks: readonly SvgBlock[];
  readonly legend: readonly LegendSwatch[];
  /** Logical caption lines (export-provenance.ts `captionLines`, less the title); wrapped here. */
  readonly caption: readonly string[];
}

export interface ExportSvg {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

export const FONT_FAMILY =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const PAD = 16;
const MIN_CONTENT_WIDTH = 320;
// Average glyph widths as a share of the font size, on the wide side for system sans fonts.
const TITLE = { size: 15, lineHeight: 20, charWidth: 15 * 0.6 };
const LEGEND = { size: 12, rowHeight: 20, swatch: 12, gap: 16, charWidth: 12 * 0.58 };
const CAPTION = { size: 11, lineHeight: 15, charWidth: 11 * 0.56 };

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function text(x: number, y: number, size: number, content: string, extra = ""): string {
  return `<text x="${x}" y="${y}" font-size="${size}"${extra}>${escapeXml(content)}</text>`;
}

/** Swatches laid out left to right, wrapping to new rows; y is each row's top. */
export function layoutLegend(
  legend: readonly LegendSwatch[],
  contentWidth: number,
): Array<LegendSwatch & { x: number; row: number }> {
  const placed: Array<LegendSwatch & { x: number; row: number }> = [];
  let x = 0;
  let row = 0;
  for (const item of legend) {
    const w = LEGEND.swatch + 6 + Math.ceil(item.label.length * LEGEND.charWidth);
    if (x > 0 && x + w > contentWidth) {
      row += 1;
      x = 0;
    }
    placed.push({ ...item, x, row });
    x += w + LEGEND.gap;
  }
  return placed;
}

export function exportSvgDocument(input: ExportSvgInput): ExportSvg {
  for (const b of input.blocks) {
    if (!(b.width > 0 && b.height > 0))
      throw new Error(`exportSvgDocument: a chart block has no size (${b.width}×${b.height})`);
  }
  const contentWidth = Math.ceil(Math.max(MIN_CONTENT_WIDTH, ...input.blocks.map((b) => b.width)));
  const width = contentWidth + 2 * PAD;
  const parts: string[] = [];
  let y = PAD;

  for (const line of wrapText(input.title, Math.floor(contentWidth / TITLE.charWidth))) {
    y += TITLE.lineHeight;
    parts.push(text(PAD, y - 5, TITLE.size, line, ' font-weight="600"'));
  }
  y += 6;

  if (input.legend.length > 0) {
    const placed = layoutLegend(input.legend, contentWidth);
    for (const s of placed) {
      const top = y + s.row * LEGEND.rowHeight;
      parts.push(
        `<rect x="${PAD + s.x}" y="${top + 3}" width="${LEGEND.swatch}" height="${LEGEND.swatch}" fill="${escapeXml(s.color)}"/>`,
        text(PAD + s.x + LEGEND.swatch + 6, top + 13, LEGEND.size, s.label),
      );
    }
    y += (Math.max(...placed.map((s) => s.row)) + 1) * LEGEND.rowHeight + 6;
  }

  for (const b of input.blocks) {
    parts.push(`<g transform="translate(${PAD},${y})">${b.markup}</g>`);
    y += Math.ceil(b.height) + 8;
  }

  y += 4;
  parts.push(
    `<line x1="${PAD}" x2="${PAD + contentWidth}" y1="${y}" y2="${y}" stroke="#999" stroke-width="0.5"/>`,
  );
  y += 4;
  const maxChars = Math.floor(contentWidth / CAPTION.charWidth);
  const captionText: string[] = [];
  for (const logical of input.caption) {
    for (const line of wrapText(logical, maxChars)) {
      y += CAPTION.lineHeight;
      captionText.push(text(PAD, y - 4, CAPTION.size, line, ' fill="#333"'));
    }
  }
  parts.push(`<g class="export-caption">${captionText.join("")}</g>`);
  const height = Math.ceil(y + PAD);

  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ` +
    `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="${escapeXml(FONT_FAMILY)}" style="color:#000;background:#fff">` +
    `<title>${escapeXml(input.title)}</title>` +
    `<desc>${escapeXml(input.caption.join("\n"))}</desc>` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    parts.join("") +
    `</svg>`;
  return { svg, width, height };
}
