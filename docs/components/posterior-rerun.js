// The Calibration page's back-test in the browser (issue #14, item 4): pick a month and targets
// to switch off, run the posterior's prior simulation in the engine workers (both cores, parts of
// 2,000 draws, never blocking the page) with a progress bar and a Cancel button, and weigh the
// draws on the page by the same code as `npm run calibrate -- --posterior` (src/site/posterior-
// rerun.ts). The settings are in the address; a link with them runs the same back-test on open.
import { html } from "htl";

export function backtestPanel({ engine, site, dataset, targetsCsv, search, onView }) {
  const prepared = site.backtestSetup(dataset, targetsCsv);
  if (!prepared.ok)
    return html`<p class="note" role="alert">
      ${prepared.issues.map(site.formatIssue).join("; ")}
    </p>`;
  const setup = prepared.value;
  const ids = setup.targets.map((t) => t.id);
  const read = site.backtestViewFromSearch(search, ids);
  let view = read.value;
  let controller = null;

  const month = html`<input
    type="month"
    id="bt-asof"
    min="2014-01"
    max="2018-03"
    value=${view.asOf}
    required
  />`;
  const draws = html`<select id="bt-draws">
    ${site.BACKTEST_DRAW_CHOICES.map((n) => html`<option value=${n} selected=${n === view.draws}>${n.toLocaleString("en-GB")}</option>`)}
  </select>`;
  if (!site.BACKTEST_DRAW_CHOICES.includes(view.draws))
    draws.append(
      html`<option value=${view.draws} selected>${view.draws.toLocaleString("en-GB")}</option>`,
    );
  const boxes = setup.targets.map(
    (t) =>
      html`<label class="bt-target"
        ><input
          type="checkbox"
          name="bt-without"
          value=${t.id}
          checked=${view.without.includes(t.id)}
        />
        <code>${t.id}</code> <span class="muted">(${t.published})</span></label
      >`,
  );
  const run = html`<button type="button" data-testid="backtest-run">Run the back-test</button>`;
  const cancel = html`<button type="button" data-testid="backtest-cancel" disabled>Cancel</button>`;
  const progress = html`<progress
    data-testid="backtest-progress"
    max=${view.draws}
    value="0"
    aria-label="Draws made"
  ></progress>`;
  const status = html`<p data-testid="backtest-status" role="status" aria-live="polite">
    ${read.warnings.length ? read.warnings.map(site.formatIssue).join("; ") : "Choose a month and press Run."}
  </p>`;
  const result = html`<div data-testid="backtest-result"></div>`;

  const current = () => ({
    asOf: /^20\d\d-(0[1-9]|1[0-2])$/.test(month.value) ? month.value : view.asOf,
    without: boxes
      .map((b) => b.querySelector("input"))
      .filter((i) => i.checked)
      .map((i) => i.value),
    draws: Number(draws.value),
    seed: view.seed,
  });

  async function start() {
    controller?.abort();
    view = current();
    onView?.(site.backtestQuery(view));
    const mine = (controller = new AbortController());
    progress.max = view.draws;
    progress.value = 0;
    run.disabled = true;
    cancel.disabled = false;
    result.replaceChildren();
    status.textContent = `Drawing ${view.draws.toLocaleString("en-GB")} prior draws in the engine workers…`;
    const t0 = performance.now();
    const out = await engine.posterior(
      {
        targetsCsv,
        seed: view.seed,
        draws: view.draws,
        targetCount: setup.sim.targets.length,
        parameterCount: setup.sim.parameterIds.length,
      },
      {
        signal: mine.signal,
        onProgress: (done) => {
          if (controller === mine) progress.value = done;
        },
      },
    );
    if (controller !== mine) return; // a newer run took over
    run.disabled = false;
    cancel.disabled = true;
    if (!out.ok) {
      status.textContent = out.cancelled
        ? "Cancelled: nothing was weighed. Press Run to start again."
        : `The back-test could not run: ${out.issues.map((i) => i.message).join("; ")}`;
      return;
    }
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    const { vintage, rows } = site.backtestFromDraws(setup.sim, out.value, view);
    const ess = Math.round(vintage.effectiveSampleSize).toLocaleString("en-GB");
    if (vintage.predictions === null) {
      status.textContent = `Effective sample size ${ess}: too few to summarise (the minimum is 200). Run with more draws.`;
      return;
    }
    status.textContent = `Done in ${seconds} s: ${view.draws.toLocaleString("en-GB")} prior draws (seed ${view.seed}) weighed by the ${vintage.targets.length} targets published by ${view.asOf}${view.without.length ? `, less ${view.without.length} switched off` : ""}; effective sample size ${ess}.`;
    result.replaceChildren(
      html`<div
        class="table-scroll"
        tabindex="0"
        role="region"
        aria-label="Back-test in the browser"
      >
        <table class="calibration" data-testid="backtest-table">
          <thead>
            <tr>
              <th>Target published later (or switched off)</th>
              <th>Published</th>
              <th>Model 5–95% (median)</th>
              <th>Covered?</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (r) =>
                html`<tr class=${r.covered === "yes" ? "within" : "gap"} data-target=${r.target}>
                  <td><code>${r.target}</code></td>
                  <td>${r.published}</td>
                  <td>${r.model}</td>
                  <td>${r.covered === "yes" ? "✓ covered" : "✗ not covered"}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`,
    );
  }

  run.onclick = start;
  cancel.onclick = () => {
    controller?.abort();
    status.textContent = "Cancelling: the parts in flight finish first…";
    cancel.disabled = true;
  };
  const panel = html`<form
    class="backtest"
    data-testid="backtest-panel"
    onsubmit=${(e) => e.preventDefault()}
  >
    <p>
      <label for="bt-asof">Figures public by the end of</label> ${month}
      <label for="bt-draws">with</label> ${draws} prior draws
    </p>
    <details>
      <summary>Switch targets off (they are predicted instead)</summary>
      <div class="bt-targets">${boxes}</div>
    </details>
    <p>${run} ${cancel} ${progress}</p>
    ${status} ${result}
  </form>`;
  // A link with settings runs them; one with a bad setting shows the problem and waits.
  if (read.given && read.warnings.length === 0) queueMicrotask(start);
  return panel;
}
