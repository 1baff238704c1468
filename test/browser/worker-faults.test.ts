import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { pence, NO_PROBLEMS, siteForFile, settled, watchedPage } from "./harness.ts";
import { PRESETS } from "../../src/scenario/presets.ts";
import { summaryForUrl } from "./project-in-node.ts";

// Worker faults (issue #15): the engine worker killed mid-run, or its answers dropped, on the
// Explorer (a slider), the Uncertainty page (10,000 draws), the Sensitivity page and the
// Overview. Each time the page must say what failed, restart the worker and show the figures of
// the latest input, with no reload, and keep answering inputs afterwards.

/**
 * The engine's timeout in these pages (src/worker/client.ts reads `crcEngineTestHooks`): long
 * enough for every run these pages make on a loaded 2-core machine, short enough to wait for.
 */
const TIMEOUT_MS = 8000;
const WAIT = { timeout: 4 * TIMEOUT_MS };

let injected = 0;
let recovered = 0;
const site = siteForFile({
  teardown() {
    console.log(`worker faults injected: ${injected}, recovered with a message: ${recovered}`);
  },
});

/**
 * Runs in the page before its scripts: sets the engine's timeout, and wraps Worker so that a
 * test can kill every live worker without telling the page (as a crash does) or make it drop
 * every message from its workers (as a lost answer does).
 */
function installFaultHooks(timeoutMs: number): void {
  type Watched = Worker & { dropping: boolean; ended: boolean };
  const w = window as unknown as {
    crcEngineTestHooks: { timeoutMs: number };
    __faults: { inject(kind: "terminate" | "drop"): number };
  };
  w.crcEngineTestHooks = { timeoutMs };
  const live: Watched[] = [];
  const Native = window.Worker;
  class FaultyWorker extends Native {
    dropping = false;
    ended = false;
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      live.push(this as Watched);
    }
    override terminate(): void {
      this.ended = true;
      super.terminate();
    }
    override addEventListener(
      type: string,
      listener: EventListenerOrEventListenerObject,
      options?: boolean | AddEventListenerOptions,
    ): void {
      if (type !== "message" || typeof listener !== "function")
        return super.addEventListener(type, listener, options);
      super.addEventListener(type, (event) => this.dropping || listener(event), options);
    }
  }
  window.Worker = FaultyWorker;
  w.__faults = {
    inject(kind) {
      const targets = live.filter((x) => !x.ended);
      for (const worker of targets) {
        if (kind === "terminate") worker.terminate();
        else worker.dropping = true;
      }
      return targets.length;
    },
  };
}

async function faultyPage(url: string) {
  const { page, problems } = await watchedPage(site);
  await page.addInitScript(installFaultHooks, TIMEOUT_MS);
  await page.goto(url);
  await settled(page);
  return { page, problems };
}

async function inject(page: Page, kind: "terminate" | "drop"): Promise<void> {
  const hit = await page.evaluate(
    (k) => (window as unknown as { __faults: { inject(k: string): number } }).__faults.inject(k),
    kind,
  );
  expect(hit).toBeGreaterThan(0);
  injected++;
}

/** Wait until no run is in flight (the engine notice counts them). */
async function engineQuiet(page: Page): Promise<void> {
  await expect
    .poll(() => page.getByTestId("engine-notice").getAttribute("data-active"), WAIT)
    .toBe("0");
}

/** The notice says what failed and that the page recovered; then it is dismissed. */
async function expectRecovered(page: Page, what: RegExp): Promise<void> {
  const notice = page.getByTestId("engine-notice");
  await expect.poll(() => notice.getAttribute("data-state"), WAIT).toBe("recovered");
  expect(await notice.isVisible()).toBe(true);
  expect(await page.getByTestId("engine-notice-text").textContent()).toMatch(what);
  recovered++;
  await notice.getByRole("button", { name: "Dismiss" }).click();
  expect(await notice.isVisible()).toBe(false);
}

describe("worker faults", () => {
  it("Explorer: a slider move after the worker is killed or its answers dropped shows the right figures, with a message", async () => {
    const { page, problems } = await faultyPage(`${site.url}/explorer`);
    expect(await page.getByTestId("engine-notice").isVisible()).toBe(false);
    const slider = page.locator('[data-lever="ffs.toleranceBand"] input[type="range"]');
    for (const kind of ["terminate", "drop", "terminate"] as const) {
      await inject(page, kind);
      await slider.focus();
      await slider.press("ArrowRight");
      const band = await slider.inputValue();
      await expectRecovered(page, /did not answer a projection within 8 s; it was restarted/);
      await expect.poll(() => page.url(), WAIT).toContain(`ffs.toleranceBand=${band}`);
      const expected = await summaryForUrl(page.url());
      await expect.poll(() => pence(page, "national-profit")).toBe(String(expected.crcProfitPence));
    }
    // And the next move is answered at once, with no message.
    await slider.press("ArrowRight");
    const band = await slider.inputValue();
    await expect.poll(() => page.url()).toContain(`ffs.toleranceBand=${band}`);
    const expected = await summaryForUrl(page.url());
    await expect.poll(() => pence(page, "national-profit")).toBe(String(expected.crcProfitPence));
    expect(await page.getByTestId("engine-notice").isVisible()).toBe(false);
    expect(problems).toEqual(NO_PROBLEMS);
  }, 200_000);

  it("Uncertainty: a 10,000-draw run whose workers are killed or silenced mid-run is run again, with a message", async () => {
    const { page, problems } = await faultyPage(
      `${site.url}/uncertainty?v=1&extends=the-2017-variation&_draws=10000&_seed=1`,
    );
    const headline = page.getByTestId("mc-headline");
    await expect.poll(() => headline.getAttribute("data-seed"), WAIT).toBe("1");
    const seed = page.getByTestId("mc-settings").getByLabel("Seed");
    for (const [kind, next] of [
      ["terminate", "2"],
      ["drop", "3"],
    ] as const) {
      await seed.fill(next);
      await seed.dispatchEvent("input");
      await page.waitForTimeout(100); // the run is under way
      await inject(page, kind);
      await expectRecovered(page, /did not answer a Monte Carlo run within 8 s; it was restarted/);
      await expect.poll(() => headline.getAttribute("data-seed"), WAIT).toBe(next);
      expect(await headline.getAttribute("data-draws")).toBe("10000");
    }
    await seed.fill("4");
    await seed.dispatchEvent("input");
    await expect.poll(() => headline.getAttribute("data-seed"), WAIT).toBe("4");
    expect(problems).toEqual(NO_PROBLEMS);
  }, 200_000);

  it("Sensitivity: a change of output after the worker is killed or silenced re-runs the tornado, grid and break-evens, with a message", async () => {
    const { page, problems } = await faultyPage(
      `${site.url}/sensitivity?v=1&extends=no-variation&_steps=5`,
    );
    await page.getByTestId("break-even-table").waitFor(WAIT);
    const picker = page.getByTestId("output-picker");
    const tornado = page.getByTestId("tornado-headline");
    const rounds = [
      ["terminate", "CRC: London", "crc london"],
      ["drop", "CRC: Wales", "crc wales"],
    ] as const;
    for (const [kind, option, who] of rounds) {
      await engineQuiet(page);
      await inject(page, kind);
      await picker.getByLabel("Whose money").selectOption({ label: option });
      await expectRecovered(
        page,
        /did not answer a (tornado|sensitivity grid) within 8 s; it was restarted/,
      );
      await expect.poll(() => tornado.getAttribute("data-output"), WAIT).toContain(who);
      await expect
        .poll(() => page.getByTestId("grid").getAttribute("data-output"), WAIT)
        .toContain(who);
    }
    // The break-even search, on its own: a new lever after the worker is killed. Killed once the
    // engine is quiet: a run still in flight (a repeated tornado) would be the one reported.
    await engineQuiet(page);
    await inject(page, "terminate");
    await page.getByTestId("lever-picker").getByLabel("Lever").selectOption({ index: 1 });
    await expectRecovered(page, /did not answer a break-even search within 8 s; it was restarted/);
    await expect
      .poll(() => page.getByTestId("break-even-summary").getAttribute("data-lever"), WAIT)
      .toBe("fixedShare");
    expect(problems).toEqual(NO_PROBLEMS);
  }, 200_000);

  it("Overview: another scenario chosen after the worker is killed or silenced is shown, with a message", async () => {
    const { page, problems } = await faultyPage(`${site.url}/`);
    const choose = page.getByLabel("Scenario");
    for (const [kind, preset] of [
      ["terminate", "no-variation"],
      ["drop", "pbr-high"],
    ] as const) {
      await inject(page, kind);
      await choose.selectOption({ label: `Preset: ${PRESETS.get(preset)!.title}` });
      await expectRecovered(page, /did not answer a projection within 8 s; it was restarted/);
      await expect.poll(() => page.url(), WAIT).toContain(`extends=${preset}`);
    }
    expect(problems).toEqual(NO_PROBLEMS);
  }, 200_000);

  it("recovered from every injected fault with a message", () => {
    expect(injected).toBe(10);
    expect(recovered).toBe(injected);
  });
});
