// Bars that open something when clicked — or focused and Enter/Space pressed: each bar of a
// Plot bar mark becomes a button for the datum it draws. Used by "Explain this number"
// (issue #8) to open the explanation of a bar; the year axis's labels open the same.
//
// Why a mark `render` wrapper: the bar mark draws one <rect> per index entry, in index order
// (Plot's AbstractBar.render: `.selectAll().data(index).enter().append("rect")`), so rect k
// draws data[index[k]]. Reading the chart's pointer `value` on click instead loses every other
// click, because Plot's pointer toggles a sticky tip (and clears the value) on pointerdown.
import { datumKey, withFocusKey } from "./focus-key.js";

/**
 * Plot mark options (spread into a bar mark's options) that make each bar a button calling
 * `onClick(datum)`; `label(datum)` names it for screen readers. No options when `onClick` is
 * not given, so the chart is unchanged.
 */
export function clickableBars(data, onClick, label = () => "Explain this bar") {
  if (typeof onClick !== "function") return {};
  return {
    render(index, scales, values, dimensions, context, next) {
      const g = next(index, scales, values, dimensions, context);
      g.querySelectorAll(":scope > rect, :scope > path").forEach((bar, k) => {
        asButton(bar, data[index[k]], onClick, label);
        withFocusKey(bar, datumKey("bar", data[index[k]]));
        bar.classList.add("clickable-bar");
      });
      return g;
    },
  };
}

/**
 * Plot axis mark options (spread into Plot.axisX's) that make each tick label a button calling
 * `onClick(datumOf(text))`, as its bars do: a year whose bar is near zero is too thin to click,
 * so its label opens the same thing ("2017-18: " and the bar's name). Labels `datumOf` does not
 * know (undefined) stay text.
 */
export function clickableTickLabels(datumOf, onClick, label) {
  if (typeof onClick !== "function") return {};
  return {
    render(index, scales, values, dimensions, context, next) {
      const g = next(index, scales, values, dimensions, context);
      for (const text of g.querySelectorAll("text")) {
        const datum = datumOf(text.textContent);
        // Named as the bar is, after the label's own words: a name of its own, so the focus
        // goes back to this label, not the bar, when the explanation closes (explain-panel.js).
        if (datum === undefined) continue;
        asButton(text, datum, onClick, (d) => `${text.textContent}: ${label(d)}`);
        withFocusKey(text, datumKey("year", datum));
      }
      return g;
    },
  };
}

/** An SVG element as a button for `datum`: focusable, named, opened by a click, Enter or Space. */
function asButton(el, datum, onClick, label) {
  el.setAttribute("tabindex", "0");
  el.setAttribute("role", "button");
  el.setAttribute("aria-label", label(datum));
  el.addEventListener("click", () => onClick(datum));
  el.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    onClick(datum);
  });
}
