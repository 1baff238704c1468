// Tables of parameters and published figures (the Sources page, a CRC's data) and the list of
// sources, drawn as plain HTML tables that wrap: Status and Source first, then what the value
// is, its value and the reason, so nothing needs sideways scrolling at 704 px (issue #16). Each
// source links to its entry on the Sources page; each entry has its citation and, where
// data/sources.csv records one, its address.
import { html } from "htl";
import { readerReason, sourceAnchor } from "./bundled/site.js";

/** `sourcesHref`: the Sources page relative to the page showing the table ("./sources"). */
export function provenanceTable(
  rows,
  { caption, sourcesHref = "./sources", showCrc = true, limit = Infinity } = {},
) {
  const shown = rows.slice(0, limit);
  const table = html`<table class="provenance-table" data-testid="provenance-table">
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        <th scope="col">Status</th>
        <th scope="col">Source</th>
        <th scope="col">What it is</th>
        <th scope="col">Value</th>
        <th scope="col">Reason / use</th>
      </tr>
    </thead>
    <tbody>
      ${shown.map(
        (r) =>
          html`<tr>
            <td><span class="status status-${r.status}">${r.status}</span></td>
            <td>
              ${r.sourceId ? html`<a href=${`${sourcesHref}#${sourceAnchor(r.sourceId)}`}>${r.source}</a>` : html`<span class="muted">none: see the reason</span>`}${r.locator ? html`<div class="muted">${r.locator}</div>` : ""}
            </td>
            <td>
              ${r.label}
              <div class="muted">
                <code>${r.id}</code>${showCrc && r.crc && r.crc !== "all" ? ` · ${r.crc}` : ""}
              </div>
            </td>
            <td>${r.value}${r.unit ? html` <span class="muted">${r.unit}</span>` : ""}</td>
            <td>${readerReason(r.reason)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
  return html`<div class="provenance-wrap">${table}</div>`;
}

/** The sources, each with its anchor, citation, date and link (or its primary text's name). */
export function sourceList(entries) {
  return html`<ol class="source-list" data-testid="source-list">
    ${entries.map(
      (s) =>
        html`<li id=${s.anchor} data-source=${s.id}>
          <p class="source-citation">${s.citation}</p>
          <p class="muted">${s.title}${s.date ? ` (${s.date})` : ""} · <code>${s.id}</code></p>
          <p>
            ${
              s.url
                ? html`<a href=${s.url} rel="noopener">${s.url}</a>`
                : s.file
                  ? html`Primary text: <code>${s.file}</code>, held in the project's shared sources
                      (not published with this site); no web address is recorded.`
                  : html`No web address is recorded in <code>data/sources.csv</code>; find it by the
                      citation.`
            }
          </p>
          ${s.note ? html`<p class="muted">${s.note}</p>` : ""}
        </li>`,
    )}
  </ol>`;
}
