// Undo, Redo and the browser's Back for the Explorer's levers (issue #16). Each settled change (the
// levers still for `settleMs`, not every step of a drag) becomes an entry in the browser's history
// with the scenario's address, so Back and Forward step through the reader's changes without
// leaving the page; Undo and Redo are Back and Forward within those entries. An entry keeps its
// levers' state (a plain, cloneable object) in history.state, so it survives a reload of the page.
// An entry made from another starting scenario reloads the page at its address, which names it.

const KEY = "crcLevers";

/**
 * `read()` gives the levers' state now, `apply(state)` puts the levers at a state, `base` names
 * the starting scenario the states are relative to, `address()` is the address the page shows
 * for the levers now, and `onChange({canUndo, canRedo})` is told after every step.
 */
export function leverHistory({ read, apply, base, address, onChange = () => {}, settleMs = 500 }) {
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  const start = history.state?.[KEY];
  // Reopened on one of its own entries (a reload): keep counting from there.
  let at = start?.base === base ? start.at : 0;
  let last = at;
  let settled = read();
  let settledAddress = null;
  let timer = null;
  let applying = false;

  const entry = (i, state) => ({ ...history.state, [KEY]: { base, at: i, state } });
  const tell = () => onChange({ canUndo: at > 0, canRedo: at < last });

  function settle() {
    clearTimeout(timer);
    timer = null;
    const now = read();
    if (same(now, settled)) return;
    // The address was rewritten in place while the levers moved: give the settled entry its own
    // address back, then add the new one.
    history.replaceState(entry(at, settled), "", settledAddress ?? location.href);
    at += 1;
    last = at;
    settled = now;
    settledAddress = null;
    history.pushState(entry(at, now), "", address());
    tell();
  }

  /** A lever moved: the first move after a settled state notes that state's address. */
  function moved() {
    if (applying) return; // the levers put back by Back, Undo or Redo: not a new change
    if (timer === null) settledAddress = address();
    clearTimeout(timer);
    timer = setTimeout(settle, settleMs);
  }

  function onPop(event) {
    const saved = event.state?.[KEY];
    if (!saved) return;
    if (saved.base !== base) {
      location.reload();
      return;
    }
    clearTimeout(timer);
    timer = null;
    at = saved.at;
    last = Math.max(last, at);
    settled = saved.state;
    applying = true;
    try {
      apply(saved.state);
    } finally {
      applying = false;
    }
    tell();
  }
  addEventListener("popstate", onPop);

  // This page's first entry holds its starting state, so Back to it restores the levers.
  history.replaceState(entry(at, settled), "", location.href);
  tell();

  return {
    moved,
    /** A change that is settled at once (Reset): an entry now. */
    commit: settle,
    undo() {
      if (timer !== null) settle();
      if (at > 0) history.back();
    },
    redo() {
      if (timer === null && at < last) history.forward();
    },
    dispose() {
      clearTimeout(timer);
      removeEventListener("popstate", onPop);
    },
  };
}
