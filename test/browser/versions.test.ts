import { readFileSync, readdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  changeMillions,
  keepSignWithAmount,
  pageMillions as formatMillions,
} from "../../src/engine/format-millions.ts";
import { MODEL_VERSION } from "../../src/site/model-version.ts";
import { compareSemver } from "../../src/site/model-versions.ts";
import { compareVersions } from "../../src/versions/compare.ts";
import type { VersionRecord } from "../../src/versions/record.ts";
import { exportButton } from "./downloads.ts";
import { NO_PROBLEMS, siteForFile, settled, watchedPage } from "./harness.ts";
import { summaryFor } from "./project-in-node.ts";

// Model versions (issue #18): the /versions page, the note on a link made with another version,
// and `_mv=<MODEL_VERSION>` on every address the site writes for sharing. Expected figures come
// from the record files (data/model-versions/) and from the engine in Node, never from the page.

const RECORDS: VersionRecord[] = readdirSync("data/model-versions")
  .filter((f) => f.endsWith(".json"))
  .map((f) => JSON.parse(readFileSync(`data/model-versions/${f}`, "utf8")) as VersionRecord)
  .sort((a, b) => compareSemver(a.version, b.version));
const record = (version: string) => RECORDS.find((r) => r.version === version)!;
const OLD = record("0.1.0");
/** The version recorded after 0.1.0: the other end of the first comparison. */
const NEXT = RECORDS[RECORDS.indexOf(OLD) + 1]!;
const ANCHOR = `from-${OLD.version}-to-${NEXT.version}`;
const PRESET = "the-2017-variation";
const PRESET_QUERY = `v=1&extends=${PRESET}`;
const MV = `_mv=${MODEL_VERSION}`;

const site = siteForFile();

/** The sentence the note must say for a preset: the record's figures then, the engine's now. */
async function expectedPresetNote(preset: string): Promise<string> {
  const then = OLD.presets[preset]!;
  const now = await summaryFor({ schemaVersion: 1, extends: preset });
  return (
    `This link was made with model version ${OLD.version}; this page shows version ${MODEL_VERSION}. ` +
    `Then: CRCs' profit ${formatMillions(then.crcProfitPence)}, ${then.lossMakingCrcs} of 21 losing; ` +
    `now: ${formatMillions(now.crcProfitPence)}, ${now.lossMakingCrcs} of 21.`
  );
}

const noteText = async (page: Page) =>
  (await page.getByTestId("version-note").textContent())!.replace(/\s+/g, " ").trim();

/** The note's link, resolved against the page. */
async function noteHref(page: Page): Promise<string> {
  const href = await page.getByTestId("version-note-link").getAttribute("href");
  return new URL(href!, page.url()).href;
}

describe("the Model versions page", () => {
  it("lists every version with its date and reason, and each comparison with its buckets, sign flips and largest changes", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/versions`);
    await settled(page);
    expect(
      await page
        .locator("#observablehq-sidebar")
        .getByRole("link", { name: "Model versions" })
        .count(),
    ).toBe(1);

    const table = page.getByTestId("versions-table");
    for (const v of ["0.1.0", "0.2.0"]) expect(RECORDS.map((r) => r.version)).toContain(v);
    for (const r of RECORDS) {
      const row = table.locator(`tr[data-version="${r.version}"]`);
      expect(await row.getByTestId("version-reason").textContent()).toBe(r.reason);
      expect(await row.locator("time").getAttribute("datetime")).toBe(r.date);
    }
    expect(await table.locator(`tr[data-version="${MODEL_VERSION}"]`).textContent()).toContain(
      "(this site)",
    );

    // The comparison, against compareVersions on the record files.
    const cmp = compareVersions(OLD, NEXT);
    const section = page.locator(`section[id="${ANCHOR}"]`);
    expect(await section.locator("h3").textContent()).toBe(
      `From ${OLD.version} to ${NEXT.version}`,
    );
    expect(await section.getByTestId("comparison-reason").textContent()).toBe(NEXT.reason);
    for (const [bucket, n] of Object.entries(cmp.buckets))
      expect(await section.locator(`tr[data-bucket="${bucket}"] td`).textContent()).toBe(String(n));
    expect(await section.getByTestId("counts-changed").textContent()).toContain(
      `${cmp.countsChanged} of the ${cmp.counts}`,
    );
    expect(await section.getByTestId("sign-flip-count").textContent()).toMatch(
      new RegExp(`^${cmp.signFlips.length} outputs? changed sign`),
    );
    expect(
      await section
        .getByTestId("sign-flips")
        .locator("tbody tr")
        .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-output"))),
    ).toEqual(cmp.signFlips.map((c) => c.output));
    const largest = [...cmp.changes]
      .filter((c) => c.unit === "pence" && c.change !== 0)
      .sort((x, y) => Math.abs(y.change) - Math.abs(x.change))
      .slice(0, 15);
    const rows = section.getByTestId("largest-changes").locator("tbody tr");
    expect(await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute("data-output")))).toEqual(
      largest.map((c) => c.output),
    );
    expect(await rows.first().locator("td").allTextContents()).toEqual([
      formatMillions(largest[0]!.then),
      formatMillions(largest[0]!.now),
      keepSignWithAmount(changeMillions(largest[0]!.change)),
    ]);
    // Each preset's headline then → now.
    const presetRow = section.locator(`tr[data-preset="${PRESET}"] td`);
    const [then, now] = [OLD.presets[PRESET]!, NEXT.presets[PRESET]!];
    expect(await presetRow.allTextContents()).toEqual([
      `${formatMillions(then.mojSpendPence)} → ${formatMillions(now.mojSpendPence)}`,
      `${formatMillions(then.crcProfitPence)} → ${formatMillions(now.crcProfitPence)}`,
      `${then.lossMakingCrcs} → ${now.lossMakingCrcs}`,
    ]);
    // The prose a reader needs: what the buckets mean, and what is kept.
    const body = (await page.locator("#observablehq-main").textContent())!.replace(/\s+/g, " ");
    expect(body).toContain("exactly the same, to the penny");
    expect(body).toContain("fixed set of 30 check scenarios");
    expect(body).toContain("Not every scenario is kept");
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it("a link to a comparison opens the page at it", async () => {
    const { page, problems } = await watchedPage(site);
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.goto(`${site.url}/versions#${ANCHOR}`);
    await settled(page);
    await expect
      .poll(() =>
        page.locator(`section[id="${ANCHOR}"]`).evaluate((s) => s.getBoundingClientRect().top),
      )
      .toBeLessThan(100);
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });
});

describe("a link made with another model version", () => {
  it("the Overview says so, with the preset's headline then and now, and links to the comparison", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/?${PRESET_QUERY}&_mv=${OLD.version}`);
    await settled(page);
    const note = page.getByTestId("version-note");
    expect(await note.getAttribute("role")).toBe("status");
    expect(await noteText(page)).toBe(
      `${await expectedPresetNote(PRESET)} What changed from ${OLD.version} to ${MODEL_VERSION}` +
        // With versions between them, the link reads the comparisons in turn from the older.
        (NEXT.version === MODEL_VERSION ? "" : ", one version at a time"),
    );
    expect(await noteHref(page)).toBe(`${site.url}/versions#${ANCHOR}`);
    // The page shows the current version's figures, which the note's "now" matches.
    const now = await summaryFor({ schemaVersion: 1, extends: PRESET });
    expect(await page.getByTestId("national-profit").getAttribute("data-pence")).toBe(
      String(now.crcProfitPence),
    );
    // Its own address now says what it shows (the current version); the note stays.
    await expect.poll(() => page.url()).toBe(`${site.url}/?${PRESET_QUERY}&${MV}`);
    expect(await page.getByTestId("version-note").count()).toBe(1);
    // Following the link lands on the comparison (carrying the scenario, as every link: issue #16).
    await page.getByTestId("version-note-link").click();
    await page.waitForURL(
      (url) =>
        url.pathname === "/versions" &&
        url.hash === `#${ANCHOR}` &&
        url.search.includes(PRESET_QUERY),
    );
    await settled(page);
    expect(await page.locator(`section[id="${ANCHOR}"]`).count()).toBe(1);
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it("every page that opens a scenario from the address shows the note at its top", async () => {
    const scenarioPages = [
      "/explorer",
      "/crcs/london",
      "/owners/sodexo",
      "/uncertainty?_draws=100",
      "/sensitivity",
    ];
    for (const path of scenarioPages) {
      const { page, problems } = await watchedPage(site);
      const sep = path.includes("?") ? "&" : "?";
      await page.goto(`${site.url}${path}${sep}${PRESET_QUERY}&_mv=${OLD.version}`);
      await settled(page);
      expect(await noteText(page), path).toContain(await expectedPresetNote(PRESET));
      expect(await noteHref(page), path).toBe(`${site.url}/versions#${ANCHOR}`);
      // At the top: before the scenario picker and any chart.
      const above = await page.evaluate(() => {
        const note = document.querySelector('[data-testid="version-note"]')!;
        const first = document.querySelector("#observablehq-main :is(select, figure, svg)")!;
        return Boolean(note.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING);
      });
      expect(above, path).toBe(true);
      expect(problems, path).toEqual(NO_PROBLEMS);
      await page.close();
    }
    // Compare has no scenario in its address: the note gives its baseline's figures.
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/compare?_base=${PRESET}&_with=pbr-high&_mv=${OLD.version}`);
    await settled(page);
    const expected = (await expectedPresetNote(PRESET)).replace(
      " Then:",
      " The baseline, “The 2017 variation”, then:",
    );
    expect(await noteText(page)).toContain(expected);
    expect(await noteHref(page)).toBe(`${site.url}/versions#${ANCHOR}`);
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it("a scenario with changed inputs: past figures are kept for presets only, and the link still goes to the comparison", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/?${PRESET_QUERY}&ffs.toleranceBand=0.02&_mv=${OLD.version}`);
    await settled(page);
    const text = await noteText(page);
    expect(text).toContain(`This link was made with model version ${OLD.version}`);
    expect(text).toContain("kept for the presets only");
    expect(text).not.toContain("Then:");
    expect(await noteHref(page)).toBe(`${site.url}/versions#${ANCHOR}`);
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it("an unknown or malformed _mv gets a clear note naming it and the recorded versions", async () => {
    const known = RECORDS.map((r) => r.version).join(", ");
    for (const [raw, says] of [
      ["9.9.9", "model version 9.9.9, newer than this site's"],
      ["0.0.1", "model version 0.0.1, of which this site has no record"],
      ["%3Cb%3Enope", "This link's model version “<b>nope” is not a version number"],
    ] as const) {
      const { page, problems } = await watchedPage(site);
      await page.goto(`${site.url}/?${PRESET_QUERY}&_mv=${raw}`);
      await settled(page);
      const text = await noteText(page);
      expect(text, raw).toContain(says);
      expect(text, raw).toContain(
        `(recorded versions: ${known}); this page shows version ${MODEL_VERSION}.`,
      );
      expect(await page.locator('[data-testid="version-note"] b').count(), raw).toBe(0);
      expect(await noteHref(page)).toBe(`${site.url}/versions`);
      // The scenario itself still opens.
      expect(await page.getByTestId("problems").first().isHidden()).toBe(true);
      expect(problems, raw).toEqual(NO_PROBLEMS);
      await page.close();
    }
  });

  it("an embedded chart gets a one-line note under the chart", async () => {
    const { page, problems } = await watchedPage(site);
    await page.setViewportSize({ width: 900, height: 900 });
    await page.goto(`${site.url}/embed/national-profit?${PRESET_QUERY}&_mv=${OLD.version}`);
    await settled(page);
    const note = page.getByTestId("version-note");
    expect(await noteText(page)).toBe(
      `Link made with model version ${OLD.version}; this chart shows ${MODEL_VERSION}. What changed ↗`,
    );
    const link = page.getByTestId("version-note-link");
    expect(await noteHref(page)).toBe(`${site.url}/versions#${ANCHOR}`);
    expect(await link.getAttribute("target")).toBe("_blank");
    const box = (await note.boundingBox())!;
    const lineHeight = await note.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    expect(box.height).toBeLessThan(lineHeight * 1.5); // one line
    const chart = (await page.locator('[data-testid="embed"] svg').first().boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(chart.y + chart.height); // under the chart
    // Its way back to the full page carries the version it shows.
    expect(await page.getByTestId("embed-open").getAttribute("href")).toBe(
      `${site.url}/explorer?${PRESET_QUERY}&${MV}`,
    );
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it("a link made with this version, or with no version, shows no note", async () => {
    for (const path of [
      `/?${PRESET_QUERY}&${MV}`,
      `/?${PRESET_QUERY}`,
      `/compare?_base=${PRESET}&${MV}`,
      `/embed/national-profit?${PRESET_QUERY}&${MV}`,
    ]) {
      const { page, problems } = await watchedPage(site);
      await page.goto(site.url + path);
      await settled(page);
      expect(await page.getByTestId("version-note-none").count(), path).toBe(1);
      expect(await page.getByTestId("version-note").count(), path).toBe(0);
      expect(problems, path).toEqual(NO_PROBLEMS);
      await page.close();
    }
  });
});

describe("addresses written for sharing carry the model version", () => {
  const once = (url: string) => {
    const params = new URL(url).searchParams;
    expect(params.getAll("_mv")).toEqual([MODEL_VERSION]);
  };

  it("the address bar, the embed code and the explanation link on the scenario pages", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/explorer?${PRESET_QUERY}`);
    await settled(page);
    await expect.poll(() => page.url()).toBe(`${site.url}/explorer?${PRESET_QUERY}&${MV}`);
    // Moving a lever keeps it, once, at the end.
    const slider = page.locator('[data-lever="ffs.toleranceBand"] input[type="range"]');
    await slider.focus();
    await slider.press("ArrowRight");
    const band = await slider.inputValue();
    await expect.poll(() => page.url()).toContain(`ffs.toleranceBand=${band}&${MV}`);
    once(page.url());
    // The embed code.
    await exportButton(page, "national-profit", "embed").click();
    const snippet = await page.getByTestId("embed-snippet").inputValue();
    const src = /src="([^"]+)"/.exec(snippet)![1]!.replace(/&amp;/g, "&");
    expect(src).toBe(
      `${site.url}/embed/national-profit?${PRESET_QUERY}&ffs.toleranceBand=${band}&${MV}`,
    );
    // The citation names the address that rebuilds the view.
    await exportButton(page, "national-profit", "cite").click();
    expect(await page.getByTestId("citation").inputValue()).toContain(`&${MV}`);
    // "Explain this number": its link.
    await page.getByTestId("national-profit").click();
    const link = await page.getByTestId("explain-link").getAttribute("href");
    expect(link).toContain(`_explain=ALL.profit.total&${MV}`);
    once(link!);
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it("Compare's address and embed code, and a link from an old version rewritten to this one", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/compare?_base=${PRESET}&_with=pbr-high&_mv=${OLD.version}`);
    await settled(page);
    await expect
      .poll(() => page.url())
      .toBe(`${site.url}/compare?_base=${PRESET}&_with=pbr-high&${MV}`);
    await exportButton(page, "comparison", "embed").click();
    const snippet = await page.getByTestId("embed-snippet").inputValue();
    expect(snippet).toContain(
      `src="${site.url}/embed/comparison?_base=${PRESET}&amp;_with=pbr-high&amp;${MV}"`,
    );
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it("the Uncertainty and Sensitivity addresses, and the embed pages' links back", async () => {
    for (const path of [
      `/uncertainty?${PRESET_QUERY}&_draws=100`,
      `/sensitivity?${PRESET_QUERY}`,
    ]) {
      const { page, problems } = await watchedPage(site);
      await page.goto(site.url + path);
      await settled(page);
      await expect.poll(() => page.url()).toMatch(new RegExp(`&${MV.replace(/\./g, "\\.")}$`));
      once(page.url());
      expect(problems, path).toEqual(NO_PROBLEMS);
      await page.close();
    }
    for (const [chart, open] of [
      ["comparison", "compare"],
      ["fan", "uncertainty"],
      ["tornado", "sensitivity"],
    ]) {
      const { page, problems } = await watchedPage(site);
      const query =
        chart === "comparison" ? `_base=${PRESET}&_with=pbr-high` : `${PRESET_QUERY}&_draws=100`;
      await page.goto(`${site.url}/embed/${chart}?${query}&_mv=${OLD.version}`);
      await settled(page);
      const href = (await page.getByTestId("embed-open").getAttribute("href"))!;
      expect(href, chart).toContain(`${site.url}/${open}?`);
      expect(href, chart).toMatch(new RegExp(`&${MV.replace(/\./g, "\\.")}$`));
      once(href);
      expect(await page.getByTestId("version-note").count(), chart).toBe(1);
      expect(problems, chart).toEqual(NO_PROBLEMS);
      await page.close();
    }
  });
});
