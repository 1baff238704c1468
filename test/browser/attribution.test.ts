import { readdirSync } from "node:fs";
import * as aq from "arquero";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Attribution } from "../../src/explain/attribute-delta.ts";
import { waterfallSteps } from "../../src/site/attribution-view.ts";
import { attributionInNode } from "./attribution-in-node.ts";
import { download, exportButton, pngSize } from "./downloads.ts";
import {
  DIST,
  NO_PROBLEMS,
  siteForFile,
  seriousViolations,
  settled,
  watchedPage,
} from "./harness.ts";
import { dataset, summaryFor } from "./project-in-node.ts";

// Fair shares of a change (issue #17): a Compare change cell opens the waterfall from the
// baseline to the scenario, and every share is the engine's in Node, to the penny.

const site = siteForFile();

const preset = (id: string) => ({ schemaVersion: 1, extends: id });
const PROFIT = { crc: "ALL", line: "profit", period: "total" };
const AS_LET = "contract-as-let";
const VARIATION = "the-2017-variation";

async function openChange(page: Page, search: string) {
  await page.goto(`${site.url}/compare?${search}`);
  await settled(page);
  const change = page.locator(
    `td[data-metric="crc_profit"][data-scenario="${VARIATION}"][data-kind="delta"]`,
  );
  await expect.poll(() => change.count()).toBe(1);
  await change.getByRole("button").click();
}

/** Each part row's pence, by group, as the panel shows them (read at once: it may redraw). */
function shownParts(page: Page): Promise<Record<string, number>> {
  return page
    .locator('[data-testid="delta-parts"] tbody tr')
    .evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((r) => [
          r.getAttribute("data-param"),
          Number(r.querySelector("[data-pence]")?.getAttribute("data-pence")),
        ]),
      ),
    );
}

const partsOf = (d: Attribution) => Object.fromEntries(d.parts.map((p) => [p.group, p.pence]));

describe("Compare: a change split into fair shares, with its waterfall (issue #17)", () => {
  it("opens from a change cell: the waterfall and the shares equal Node's, with no interaction row", async () => {
    const { page, problems } = await watchedPage(site);
    await openChange(page, `_base=${AS_LET}&_with=${VARIATION}`);
    const d = await attributionInNode(preset(AS_LET), preset(VARIATION), PROFIT);
    const panel = page.getByTestId("delta-panel");
    await expect
      .poll(() => panel.getByTestId("delta-amount").getAttribute("data-pence"), {
        timeout: 30_000,
      })
      .toBe(String(d.deltaPence));
    expect(await panel.getByTestId("delta-a").getAttribute("data-pence")).toBe(
      String(d.amountAPence),
    );
    expect(await shownParts(page)).toEqual(partsOf(d));
    expect(await panel.locator('tr[data-param="interaction"]').count()).toBe(0);
    expect(await panel.getByTestId("delta-method").textContent()).toContain(
      "exact: all 32 combinations of the 5 parameters",
    );
    // The waterfall: a bar for the baseline, each share and the scenario.
    const bars = panel.locator('[data-testid="delta-waterfall"] svg [aria-label="bar"] rect');
    await expect.poll(() => bars.count()).toBe(d.parts.length + 2);
    await expect.poll(() => page.url()).toContain(`_explain=ALL.profit.total&_vs=${VARIATION}`);
    expect(page.url()).not.toContain("_split");

    // Its CSV is Node's waterfall, with the provenance every export has.
    const csv = (await download(page, exportButton(page, "delta-waterfall", "csv"))).bytes;
    const text = csv.toString("utf8");
    const rows = aq.fromCSV(text, { comment: "#", autoType: false }).objects() as Array<
      Record<string, string>
    >;
    const steps = waterfallSteps(d, "The contract as let", "The 2017 variation");
    expect(rows.map((r) => [r.kind, r.group ?? "", r.change_pence, r.end_pence])).toEqual(
      steps.map((s) => [s.kind, s.group, String(s.changePence), String(s.endPence)]),
    );
    const hashA = (await summaryFor(preset(AS_LET))).hash;
    expect(text).toMatch(new RegExp(`^# baseline: .*\\(hash ${hashA}\\)$`, "m"));
    expect(text).toMatch(/^# model version: /m);
    expect(text).toContain("_explain=ALL.profit.total");
    const svg = (await download(page, exportButton(page, "delta-waterfall", "svg"))).bytes;
    expect(svg.toString("utf8")).toContain("What accounts for a change");
    const png = (await download(page, exportButton(page, "delta-waterfall", "png"))).bytes;
    expect(pngSize(png).width).toBeGreaterThanOrEqual(2 * 400);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual(NO_PROBLEMS);
  });

  it("splits by group or one at a time (order-dependent), kept in the address", async () => {
    const { page, problems } = await watchedPage(site);
    await openChange(page, `_base=${AS_LET}&_with=${VARIATION}`);
    const split = page.getByTestId("delta-split");
    await expect.poll(() => split.count(), { timeout: 30_000 }).toBe(1);
    await split.selectOption("group");
    const byGroup = await attributionInNode(preset(AS_LET), preset(VARIATION), PROFIT, {
      level: "group",
    });
    await expect.poll(() => shownParts(page), { timeout: 30_000 }).toEqual(partsOf(byGroup));
    await expect.poll(() => page.url()).toContain("_split=group");
    await page.getByTestId("delta-split").selectOption("one-at-a-time");
    await expect
      .poll(() => page.locator('tr[data-param="interaction"]').count(), { timeout: 30_000 })
      .toBe(1);
    expect(await page.getByTestId("delta-panel").textContent()).toContain("Order-dependent");
    await expect.poll(() => page.url()).toContain("_split=one-at-a-time");
    // A link reopens the split it was made with.
    await page.goto(
      `${site.url}/compare?_base=${AS_LET}&_with=${VARIATION}&_explain=ALL.profit.total&_vs=${VARIATION}&_split=group`,
    );
    await settled(page);
    await expect.poll(() => shownParts(page), { timeout: 30_000 }).toEqual(partsOf(byGroup));
    expect(problems).toEqual(NO_PROBLEMS);
  });

  it("sampled orders: the worker in Chromium draws the same orders and shares as Node", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/compare`);
    await settled(page);
    const built = (dir: string, stem: string) =>
      `/${dir}/${readdirSync(`${DIST}/${dir}`).find((f) => f.startsWith(`${stem}.`) && !f.endsWith(".map"))!}`;
    const urls = {
      client: built("_import/components/bundled", "client"),
      worker: built("_import/components/bundled", "engine.worker"),
      dataset: built("_file/data", "dataset"),
    };
    const request = {
      a: preset(AS_LET),
      b: preset("early-termination"),
      figure: { crc: "wales", line: "income_total", period: "total" },
      maxExactGroups: 2,
      samples: 24,
      seed: 2026,
    };
    // As text: vitest would rewrite a dynamic import() inside a function it compiles.
    const answer = (await page.evaluate(`(async () => {
      const { createEngine } = await import(${JSON.stringify(urls.client)});
      const data = await (await fetch(${JSON.stringify(urls.dataset)})).json();
      const engine = createEngine(new URL(${JSON.stringify(urls.worker)}, location.href), data);
      try {
        return await engine.attributeDelta(${JSON.stringify(request)});
      } finally {
        engine.terminate();
      }
    })()`)) as { ok: boolean; value: { attribution: Attribution } };
    const node = await attributionInNode(request.a, request.b, request.figure, {
      maxExactGroups: 2,
      permutations: 24,
      seed: 2026,
    });
    expect(node.exact).toBe(false);
    expect(node.parts.length).toBeGreaterThan(2);
    expect(answer.ok && answer.value.attribution).toEqual(node);
    expect(problems).toEqual(NO_PROBLEMS);
  });

  it("inputs whose mix breaks a rule are one part that says why; one at a time does not fail either", async () => {
    // A cuts every CRC to 0.3 × its 2014 staff at scale 1, B to 0.5 × at scale 1.5: A's FTE with
    // B's scale falls below 0 FTE, where the engine's workload index (feedback on) cannot divide.
    const ds = await dataset();
    const side = (cutScale: number, share: number) => ({
      schemaVersion: 1,
      parameters: {
        "staff.cutScale": cutScale,
        "staff.fteJune2017": {
          byCrc: Object.fromEntries(
            ds.parameters
              .filter((p) => p.id === "staff.fteJune2014" && p.crc !== null)
              .map((p) => [p.crc, Math.round(Number(p.values.default) * share * 1000) / 1000]),
          ),
        },
        "workload.feedback.serviceCreditsPer10Pct": 0.1,
      },
    });
    const [a, b] = [side(1, 0.3), side(1.5, 0.5)];
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/compare`);
    await settled(page);
    await page.evaluate(
      (entries) => localStorage.setItem("crc-scenarios:saved:v1", JSON.stringify(entries)),
      [
        { name: "Deep cut", scenario: a, savedAt: "2026-01-01T00:00:00Z" },
        { name: "Wide cut", scenario: b, savedAt: "2026-01-01T00:00:00Z" },
      ],
    );
    await page.goto(`${site.url}/compare?_base=saved%3ADeep%20cut&_with=saved%253AWide%2520cut`);
    await settled(page);
    const change = page.locator(
      'td[data-metric="crc_profit"][data-scenario="saved:Wide cut"][data-kind="delta"]',
    );
    await expect.poll(() => change.count()).toBe(1);
    await change.getByRole("button").click();
    const d = await attributionInNode(a, b, PROFIT);
    const joined = "staff.cutScale + staff.fteJune2017";
    expect(partsOf(d)).toEqual({ [joined]: d.deltaPence });
    await expect.poll(() => shownParts(page), { timeout: 30_000 }).toEqual(partsOf(d));
    const why = page.getByTestId("delta-panel").getByTestId("kept-together");
    expect(await why.textContent()).toMatch(
      /^taking staff\.cutScale from Saved: Wide cut and staff\.fteJune2017 from Saved: Deep cut breaks a rule \(for [a-z-]+: staffing would fall to -/,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId("delta-split").selectOption("one-at-a-time");
    await expect
      .poll(() => shownParts(page), { timeout: 30_000 })
      .toEqual({ [joined]: d.deltaPence, interaction: 0 });
    expect(await why.textContent()).toContain("so they are switched together");
    expect(problems).toEqual(NO_PROBLEMS);
  });
});
