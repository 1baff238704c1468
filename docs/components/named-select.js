// A menu whose options' values are the things they name (a preset's id, a CRC's id, a parameter's
// id, a month "2017-08"), not their positions in the list as Observable Inputs' select writes them
// ("0" for the first): the page's markup, a test or an assistive tool reads what is chosen.
import * as Inputs from "@observablehq/inputs";
import { html } from "htl";

let made = 0;

/**
 * `items` are the choices (text, numbers or objects); `key(item)` is an option's value (text,
 * unique in the menu; default `String`), `format(item)` its words (default `String`). Styled as
 * an Inputs select (its classes, read from one) with a `<label for>`. The element's `value` is the
 * chosen item itself, as an Inputs select's is, so a page's `view()`, `Inputs.form` and the
 * address see what they saw before; setting it to an item (or its key) chooses that item. The
 * <select> sends "input" as the user chooses, which bubbles to the form.
 */
export function namedSelect(
  items,
  { label, key = String, format = String, value, id = `named-select-${++made}` } = {},
) {
  const byKey = new Map(items.map((item) => [String(key(item)), item]));
  if (byKey.size !== items.length)
    throw new Error(`namedSelect ${label}: two options share a value`);
  const keyOf = (item) => (typeof item === "string" && byKey.has(item) ? item : String(key(item)));
  const like = Inputs.select([""], { label: "x" });
  const chosen = value === undefined ? undefined : keyOf(value);
  const select = html`<select id=${id} name="input" class=${like.querySelector("select").className}>
    ${[...byKey].map(
      ([k, item]) => html`<option value=${k} selected=${k === chosen}>${format(item)}</option>`,
    )}
  </select>`;
  const form = html`<form class=${like.className}>
    ${label == null ? "" : html`<label for=${id}>${label}</label>`}${select}
  </form>`;
  form.addEventListener("submit", (event) => event.preventDefault());
  return Object.defineProperty(form, "value", {
    get: () => byKey.get(select.value),
    set: (item) => {
      select.value = item === undefined ? "" : keyOf(item);
    },
  });
}
