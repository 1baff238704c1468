// A chart slot for pages whose charts are redrawn on every slider move (issue #5: input → chart
// ≤ 50 ms, no long tasks). Two savings over Framework's `resize`:
// - the slot remembers its width across the cell re-runs that replace it, so a redraw happens in
//   the same task as the new result (no wait for a ResizeObserver frame); a width change (window
//   resized, sidebar toggled) still redraws it;
// - a chart the reader cannot see is not drawn on each move: it is drawn when it scrolls into
//   view or when the page is next idle, so what it shows is never stale for long.
// A slot is identified by a key that outlives the element.
import { html } from "htl";

/** Slot key → on screen at its last sighting; width and height of its last drawing. */
const onScreen = new Map();
const lastWidth = new Map();
const lastHeight = new Map();

const visibility =
  typeof IntersectionObserver === "function"
    ? new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            const slot = entry.target;
            // A slot replaced by a cell re-run reports "not intersecting" as it leaves: that says
            // nothing about its successor, so stop watching it and move on.
            if (!slot.isConnected) {
              slot.release();
              continue;
            }
            onScreen.set(slot.dataset.slot, entry.isIntersecting);
            if (entry.isIntersecting) slot.draw();
          }
        },
        { rootMargin: "100px 0px" },
      )
    : null;

const idle =
  typeof requestIdleCallback === "function"
    ? (f) => requestIdleCallback(f, { timeout: 1000 })
    : (f) => setTimeout(f, 200);

/**
 * A slot holding `render(width)`'s element, `width` being the slot's width in CSS pixels. Drawn
 * at once if the slot was on screen at its last sighting (or has never been seen); otherwise a
 * placeholder of the last drawing's height until it scrolls into view or the page is idle.
 */
export function lazyChart(key, render) {
  const slot = html`<div class="lazy-chart" data-slot=${key}></div>`;
  let wanted = false;
  let drawnWidth = null;
  const drawAt = (width) => {
    drawnWidth = width;
    slot.style.minHeight = "";
    slot.replaceChildren(render(width));
  };
  const sizer = new ResizeObserver(([entry]) => {
    if (!slot.isConnected) return slot.release();
    const width = Math.floor(entry.contentRect.width);
    if (!width) return;
    lastWidth.set(key, width);
    // The height of a drawing, for the next placeholder: read here, after layout, rather than
    // by asking for offsetHeight, which would force a layout of the whole page on every move.
    if (drawnWidth !== null && entry.contentRect.height > 0)
      lastHeight.set(key, entry.contentRect.height);
    if (wanted && width !== drawnWidth) drawAt(width);
  });
  slot.release = () => {
    sizer.disconnect();
    visibility?.unobserve(slot);
  };
  slot.draw = () => {
    if (wanted) return;
    wanted = true;
    // The remembered width draws now; a new slot waits for its first measurement.
    const width = lastWidth.get(key);
    if (width) drawAt(width);
  };
  sizer.observe(slot);
  visibility?.observe(slot);
  if (!visibility || onScreen.get(key) !== false) {
    slot.draw();
    return slot;
  }
  slot.style.minHeight = `${lastHeight.get(key) ?? 300}px`;
  idle(() => {
    if (slot.isConnected) slot.draw();
  });
  return slot;
}
