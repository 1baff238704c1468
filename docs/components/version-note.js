// The note a page shows when its address was made with another model version (issue #18): the
// words come from src/site/version-note.ts (pure, unit-tested); this file only draws them. Text is
// rendered as text (htl escapes), so a hostile `_mv` value is shown, never run.
import { html } from "htl";
import { MODEL_VERSION, linkVersionFromSearch, versionNote } from "./bundled/site.js";

/**
 * The note for `search` (the address the page was opened with: read it before the page rewrites
 * the address), `scenario` (the link's scenario, or null when it could not be used), `versions`
 * (data/model-versions.json) and `root` (the site root, ending in "/").
 */
export function noteFor({ search, scenario, versions, root, subject }) {
  return versionNote({
    linkVersion: linkVersionFromSearch(search),
    currentVersion: MODEL_VERSION,
    scenario,
    versions,
    root,
    subject,
  });
}

/** At the top of a page: the note and its link, or nothing (a hidden marker) when none is due. */
export function versionNoteBlock(options) {
  const note = noteFor(options);
  if (note === null) return html`<div data-testid="version-note-none" hidden></div>`;
  return html`<div
    class="version-note"
    role="status"
    data-testid="version-note"
    data-kind=${note.kind}
    data-link-version=${note.linkVersion}
  >
    ${note.text} <a href=${note.href} data-testid="version-note-link">${note.linkText}</a>
  </div>`;
}

/** Under an embedded chart: one line, its link opening the site outside the frame. */
export function versionNoteLine(options) {
  const note = noteFor(options);
  if (note === null) return html`<div data-testid="version-note-none" hidden></div>`;
  return html`<div
    class="version-note-line"
    role="status"
    data-testid="version-note"
    data-kind=${note.kind}
    data-link-version=${note.linkVersion}
  >
    ${note.short}
    <a href=${note.href} target="_blank" rel="noopener" data-testid="version-note-link"
      >${note.kind === "recorded" ? "What changed" : note.linkText} ↗</a
    >
  </div>`;
}
