import type { Locator, Page } from "playwright-core";
import { readFile } from "node:fs/promises";

/** Click a download button and return the file the browser saved (name and bytes). */
export async function download(
  page: Page,
  button: Locator,
): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const path = await file.path();
  if (path === null)
    throw new Error(`download ${file.suggestedFilename()} failed: ${await file.failure()}`);
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

const PNG_SIGNATURE = "89504e470d0a1a0a";

/** A PNG's pixel size from its IHDR chunk (the first chunk, right after the signature). */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  if (bytes.toString("hex", 0, 8) !== PNG_SIGNATURE) throw new Error("not a PNG: bad signature");
  if (bytes.toString("latin1", 12, 16) !== "IHDR") throw new Error("not a PNG: no IHDR first");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A chart's toolbar button on the page (docs/components/chart-export.js). */
export function exportButton(page: Page, chart: string, kind: string): Locator {
  return page.locator(`.chart-tools[data-chart="${chart}"] button[data-export="${kind}"]`).first();
}
