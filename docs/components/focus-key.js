// Where the focus goes back to when the element that had it is drawn afresh (issue #16): a chart
// redrawn at a new width, or after an explanation closes, replaces its bars and labels outright.
// Each element that can open something, or that the focus can rest on in a redrawn chart, says
// what it stands for in a data attribute ("bar 2017-18", "year income_total 2017-18", "figure
// ALL.profit.total", "bar ./crcs/wales"), and the focus goes back to the element with the same
// key. Not to one with the same accessible name: names are for people and need not be unique (a
// name twin elsewhere on the page took the focus), and a link's name may be its content's.

export const FOCUS_KEY = "data-focus-key";

/** Gives `el` its key (what it stands for); returns it. */
export function withFocusKey(el, key) {
  el.setAttribute(FOCUS_KEY, key);
  return el;
}

/** The key of `el` itself, or null. */
export const focusKeyOf = (el) => el?.getAttribute?.(FOCUS_KEY) ?? null;

/** The first element under `root` with the key `key` that `skip` does not refuse, or null. */
export function keyedElement(root, key, skip = () => false) {
  for (const el of root.querySelectorAll(`[${FOCUS_KEY}="${CSS.escape(key)}"]`))
    if (!skip(el)) return el;
  return null;
}

/** A key made of a datum's identifying fields (a CRC, a line, a year), after `kind`. */
export const datumKey = (kind, d) =>
  [kind, d?.crc, d?.line, d?.fy].filter((v) => v !== undefined && v !== null).join(" ");

const XLINK = "http://www.w3.org/1999/xlink";

/**
 * Keys each SVG link under `g` (a Plot mark's or axis's links) by where it goes, after `kind`
 * ("bar ./crcs/wales", "name ./crcs/wales"): a bar and the name beside it go to the same page
 * but are two places for the focus. Returns `g`, for a mark's `render`.
 */
export function keyLinks(g, kind) {
  for (const a of g.querySelectorAll("a")) {
    const href = a.getAttributeNS(XLINK, "href") ?? a.getAttribute("href");
    if (href) withFocusKey(a, `${kind} ${href}`);
  }
  return g;
}
