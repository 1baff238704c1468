// Draw a chart now if its slot is on screen, otherwise when it scrolls into view or the page is
// idle. While a slider is dragged every chart is redrawn on each move; the charts a reader cannot
// see need not cost the main thread on that move (issue #5: input → chart ≤ 50 ms, no long
// tasks). A slot is identified by a key that outlives the cell re-runs which replace its element.
import { html } from "htl";

/** Slot key → was it on screen when last seen; height of its last drawing (keeps layout steady). */
const onScreen = new Map();
const lastHeight = new Map();

const observer =
  typeof IntersectionObserver === "function"
    ? new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            const slot = entry.target;
            // A slot replaced by a cell re-run reports "not intersecting" as it leaves: that
            // says nothing about its successor, so stop watching it and move on.
            if (!slot.isConnected) {
              observer.unobserve(slot);
              continue;
            }
            onScreen.set(slot.dataset.slot, entry.isIntersecting);
            if (entry.isIntersecting) slot.draw?.();
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
 * A slot holding `render()`'s element. Drawn at once the first time and whenever the slot was on
 * screen at its last sighting; otherwise a placeholder of the last drawing's height, drawn on
 * scrolling into view or when the page is next idle (so a print or a data table is never stale
 * for long). `render` is called at most once per slot element.
 */
export function lazyChart(key, render) {
  const slot = html`<div class="lazy-chart" data-slot=${key}></div>`;
  let drawn = false;
  slot.draw = () => {
    if (drawn) return;
    drawn = true;
    slot.style.minHeight = "";
    slot.replaceChildren(render());
    // Remember the height once laid out, for the next placeholder.
    requestAnimationFrame(() => {
      if (slot.isConnected && slot.offsetHeight > 0) lastHeight.set(key, slot.offsetHeight);
    });
  };
  // Watched while it is in the page: the reader may scroll it away before the next move.
  observer?.observe(slot);
  if (!observer || onScreen.get(key) !== false) {
    slot.draw();
    return slot;
  }
  slot.style.minHeight = `${lastHeight.get(key) ?? 300}px`;
  idle(() => {
    if (slot.isConnected) slot.draw();
  });
  return slot;
}
