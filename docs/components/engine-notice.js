// What the engine worker is doing, when a reader should know (issue #15): a fault noticed (an
// error, a crash, no answer in time), the restart and re-run that follow, a run that failed
// twice, and — for a run that takes a while — a way to cancel it. Fixed to the corner of the
// window, so it is seen wherever the reader has scrolled. Text only (htl escapes it).
import { html } from "htl";

/** A run in flight longer than this offers "Cancel"; shorter runs (a slider move) show nothing. */
const CANCEL_AFTER_MS = 1500;

const HEADINGS = {
  fault: "Engine fault:",
  recovered: "Recovered:",
  failed: "Engine failed:",
  cancelled: "Cancelled:",
  busy: "Working:",
};

/** The notice for `engine` (src/worker/client.ts): display it once, beside the engine. */
export function engineNotice(engine) {
  const heading = html`<strong></strong>`;
  const text = html`<span data-testid="engine-notice-text"></span>`;
  const cancel = html`<button type="button">Cancel</button>`;
  const dismiss = html`<button type="button">Dismiss</button>`;
  const root = html`<div
    class="engine-notice"
    role="status"
    data-testid="engine-notice"
    data-state=""
    data-active="0"
    hidden
  >
    ${heading} ${text} ${cancel} ${dismiss}
  </div>`;
  let busyTimer;
  const show = (state, words) => {
    root.dataset.state = state;
    heading.textContent = HEADINGS[state];
    text.textContent = words;
    cancel.hidden = state !== "busy";
    dismiss.hidden = state === "busy" || state === "fault";
    root.hidden = false;
  };
  const hide = () => {
    root.hidden = true;
    root.dataset.state = "";
  };
  cancel.onclick = () => engine.cancel();
  dismiss.onclick = hide;
  engine.onStatus((status) => {
    // Runs in flight, for whoever must know the engine is quiet (the fault tests inject then).
    if (status.kind === "busy") root.dataset.active = String(status.active);
    else if (status.kind === "idle") root.dataset.active = "0";
    // A fault and what followed it stay up until dismissed; "working" never hides them.
    const telling = ["fault", "recovered", "failed", "cancelled"].includes(root.dataset.state);
    if (status.kind === "busy") {
      clearTimeout(busyTimer);
      if (!telling)
        busyTimer = setTimeout(
          () => show("busy", `a ${status.what} is taking a while.`),
          CANCEL_AFTER_MS,
        );
    } else if (status.kind === "idle") {
      clearTimeout(busyTimer);
      if (root.dataset.state === "busy") hide();
    } else {
      clearTimeout(busyTimer);
      const next =
        status.kind === "recovered"
          ? `${status.message}; the figures shown are from the repeated run.`
          : `${status.message}.`;
      show(status.kind, next);
    }
  });
  return root;
}
