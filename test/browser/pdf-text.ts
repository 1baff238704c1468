import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** One page of a PDF: its size in points and its text, in reading order, lines kept. */
export interface PdfPage {
  width: number;
  height: number;
  text: string;
}

/**
 * The text of a PDF, page by page, with pdfjs-dist (Mozilla's PDF reader, run in Node: no
 * browser, no network, no font files needed for text extraction).
 */
export async function pdfText(bytes: ArrayLike<number>): Promise<PdfPage[]> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const { width, height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const text = content.items
        .map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : ""))
        .join("");
      pages.push({ width, height, text });
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/**
 * Text with every run of whitespace removed: table cells and captions wrap differently. The
 * word joiner that holds a sign to its amount on the page (U+2060) is not in a PDF's text.
 */
export const squeeze = (text: string) => text.replace(/[\s\u2060]+/g, "");
