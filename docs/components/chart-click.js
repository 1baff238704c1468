// Bars that open something when clicked — or focused and Enter/Space pressed: each bar of a
// Plot bar mark becomes a button for the datum it draws. Used by "Explain this number"
// (issue #8) to open the explanation of a bar.
//
// Why a mark `render` wrapper: the bar mark draws one <rect> per index entry, in index order
// (Plot's AbstractBar.render: `.selectAll().data(index).enter().append("rect")`), so rect k
// draws data[index[k]]. Reading the chart's pointer `value` on click instead loses every other
// click, because Plot's pointer toggles a sticky tip (and clears the value) on pointerdown.

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
        const datum = data[index[k]];
        bar.setAttribute("tabindex", "0");
        bar.setAttribute("role", "button");
        bar.setAttribute("aria-label", label(datum));
        bar.classList.add("clickable-bar");
        bar.addEventListener("click", () => onClick(datum));
        bar.addEventListener("keydown", (event) => {
          if (event.key !== "Enter" && event.key !== " ") return;
          event.preventDefault();
          onClick(datum);
        });
      });
      return g;
    },
  };
}
