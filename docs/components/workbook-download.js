// "Download workbook" (issue #19): a button that builds an Excel workbook in the page and saves
// it. The builder (bundled/workbook.js, exceljs inside) is fetched on the first click only.
import * as Inputs from "@observablehq/inputs";
import { html } from "htl";

let builders;
const loadBuilders = () => (builders ??= import("./bundled/workbook.js"));

/**
 * `make(builders)` returns {blob, fileName}, or {error} to show instead. The status line says
 * what is happening (the first workbook takes a moment to load its builder).
 */
export function workbookButton(
  make,
  { label = "Download workbook", testid = "download-workbook" } = {},
) {
  const status = html`<span class="muted" role="status" data-testid="${testid}-status"></span>`;
  const button = Inputs.button(label, {
    reduce: async () => {
      status.textContent = "Building the workbook…";
      try {
        const made = await make(await loadBuilders());
        if (made.error) {
          status.textContent = `No workbook: ${made.error}`;
          return;
        }
        const a = html`<a download=${made.fileName} href=${URL.createObjectURL(made.blob)}></a>`;
        a.click();
        setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
        status.textContent = `Saved ${made.fileName}.`;
      } catch (error) {
        status.textContent = `No workbook: ${error?.message ?? error}`;
      }
    },
  });
  button.querySelector("button")?.setAttribute("data-testid", testid);
  return html`<span class="workbook-download">${button} ${status}</span>`;
}

/** The file name for a scenario's workbook: its hash's first 12 characters keep it unique. */
export function workbookFileName(kind, hash) {
  return `crc-scenarios-${kind}-${hash.slice(0, 12)}.xlsx`;
}
