// Accessibility of the markup the site gets from Observable Plot and Observable Inputs, fixed where
// it is made (checked by axe-core in the browser tests: test/browser/harness.ts).
import * as Plot from "@observablehq/plot";
import * as Inputs from "@observablehq/inputs";

/** Something a keyboard or a screen reader can act on. */
const INTERACTIVE = "a, button, input, select, textarea, [role='button'], [tabindex]";

/**
 * Observable Plot's `Plot.plot`, with the chart named for assistive technology:
 * - a chart nothing in which can be clicked is one image (`role="img"`), named by its
 *   `ariaLabel`; its data table beside it (charts.js `withTable`) is its text alternative;
 * - Plot labels each mark's <g> with the mark's type ("bar", "rule", "tip"…), which ARIA does not
 *   allow on an element with no role. A mark whose elements can be clicked (bars as buttons or
 *   links) becomes a named group, so each of its buttons and links is reachable; any other mark
 *   is drawing only and is hidden from assistive technology. The labels stay: code and tests find
 *   marks by them.
 */
export function plot(options) {
  return accessiblePlot(Plot.plot(options));
}

/** The same fixes, on a chart Plot has already drawn (an <svg>, or Plot's <figure> with a legend). */
function accessiblePlot(node) {
  const svgs = node.matches("svg") ? [node] : [...node.querySelectorAll("svg[aria-label]")];
  for (const svg of svgs) {
    const interactive = svg.querySelector(INTERACTIVE) !== null;
    if (!interactive && svg.hasAttribute("aria-label")) svg.setAttribute("role", "img");
    for (const g of svg.querySelectorAll("g[aria-label]:not([role]):not([aria-hidden])")) {
      if (g.querySelector(INTERACTIVE)) g.setAttribute("role", "group");
      else if (!interactive || !/axis/.test(g.getAttribute("aria-label")))
        g.setAttribute("aria-hidden", "true");
    }
  }
  return node;
}

/**
 * Observable Inputs' table, to read rather than to choose rows from: no row checkboxes (they
 * select nothing here, and Inputs gives them no label), and, as the table scrolls when it has more
 * rows than it shows, it takes the keyboard focus (so its rows can be scrolled by keyboard) and is
 * named by `label`.
 */
export function dataTable(rows, options = {}, label) {
  const table = Inputs.table(rows, { select: false, ...options });
  table.tabIndex = 0;
  table.setAttribute("aria-label", label);
  return table;
}

/**
 * Observable Inputs' range pairs a number box (labelled) with a slider (not labelled): give each
 * slider in `root` the label of its number box. Returns `root`.
 */
export function labelSliders(root) {
  for (const slider of root.querySelectorAll("input[type='range']:not([aria-label])")) {
    const box = slider.parentElement?.querySelector("input[type='number']");
    // By its `for`, not `box.labels`: an input not yet in the document has no labels.
    const label = box?.id
      ? root.querySelector(`label[for="${CSS.escape(box.id)}"]`)?.textContent?.trim()
      : null;
    if (label) slider.setAttribute("aria-label", label);
  }
  return root;
}
