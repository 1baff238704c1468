import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import {
  NO_PROBLEMS,
  builtPages,
  openAllDetails,
  siteForFile,
  search,
  seriousViolations,
  settled,
  watchedPage,
} from "./harness.ts";
import { PRESETS } from "../../src/scenario/presets.ts";

// Every menu on every page writes each option's value as the thing it names (a preset's id, a
// CRC's id, a parameter's id, a month "2017-08", a number of draws), not its position in the menu
// ("0", "1", …) as Observable Inputs' select does (docs/components/named-select.js). What the
// menus choose reaches the address as before: the address holds the same names.

const site = siteForFile();

interface Menu {
  label: string;
  values: string[];
  texts: string[];
  chosen: string;
}

/** Every <select> in the page's content, with its label's words and its options. */
async function menus(page: Page): Promise<Menu[]> {
  return page.locator("#observablehq-main select").evaluateAll((selects) =>
    (selects as HTMLSelectElement[]).map((s) => ({
      label: (s.labels?.[0]?.textContent ?? s.getAttribute("aria-label") ?? s.id).trim(),
      values: [...s.options].map((o) => o.value),
      texts: [...s.options].map((o) => (o.textContent ?? "").trim()),
      chosen: s.value,
    })),
  );
}

const SAVED = {
  name: "Mine",
  scenario: { schemaVersion: 1, extends: "pbr-high", title: "Mine" },
  savedAt: "2026-01-01T00:00:00Z",
};

/** The built pages with menus worth reading: one CRC page and one owner page stand for theirs. */
function pagesToRead(): string[] {
  const all = builtPages();
  const first = (prefix: string) => all.find((p) => p.startsWith(prefix));
  return all.filter(
    (p) =>
      !(p.startsWith("/crcs/") || p.startsWith("/owners/")) ||
      p === first("/crcs/") ||
      p === first("/owners/"),
  );
}

describe("menu option values", () => {
  it("on every page, every menu's options are valued by name, not by position", async () => {
    const { page, problems } = await watchedPage(site);
    // A saved scenario, so the scenario menus list one.
    await page.goto(`${site.url}/sources`);
    await page.evaluate(
      (entry) => localStorage.setItem("crc-scenarios:saved:v1", JSON.stringify([entry])),
      SAVED,
    );
    const seen = new Map<string, Menu[]>();
    for (const path of pagesToRead()) {
      await page.goto(`${site.url}${path}`);
      await settled(page);
      await openAllDetails(page);
      const found = await menus(page);
      seen.set(path, found);
      for (const m of found) {
        const where = `${path} ${m.label}`;
        expect(m.values.length, where).toBeGreaterThan(0);
        expect(new Set(m.values).size, where).toBe(m.values.length);
        expect(
          m.values.every((v) => v !== ""),
          where,
        ).toBe(true);
        // Positions: "0", "1", … in order (a one-option menu of "0" counts, too).
        expect(
          m.values.every((v, i) => v === String(i)),
          `${where}: ${m.values.join(",")}`,
        ).toBe(false);
      }
    }
    const menuOf = (path: string, label: string) => {
      const m = seen.get(path)?.find((x) => x.label === label);
      expect(m, `${path} ${label}`).toBeDefined();
      return m!;
    };
    const presetIds = [...PRESETS.keys()];
    for (const [path, label] of [
      ["/", "Scenario"],
      ["/explorer", "Start from"],
      ["/sensitivity", "Scenario"],
      ["/uncertainty", "Scenario"],
      [pagesToRead().find((p) => p.startsWith("/crcs/"))!, "Scenario"],
      [pagesToRead().find((p) => p.startsWith("/owners/"))!, "Scenario"],
    ] as const) {
      const m = menuOf(path, label);
      expect(m.values, path).toEqual([...presetIds, "saved:Mine"]);
      expect(m.chosen, path).toBe("the-2017-variation");
    }
    expect(menuOf("/compare", "Baseline").values).toEqual([...presetIds, "saved:Mine"]);
    const crcs = menuOf("/explorer", "CRC");
    expect(crcs.values).toContain("wales");
    expect(crcs.values.every((v) => /^[a-z][a-z0-9-]*$/.test(v))).toBe(true);
    expect(menuOf("/explorer", "Year").values.every((v) => v.startsWith("volume.shortfall."))).toBe(
      true,
    );
    expect(menuOf("/sensitivity", "Lever").values).toEqual([
      "shortfall",
      "fixedShare",
      "variationScale",
    ]);
    expect(menuOf("/sensitivity", "Up").values).toContain("cost.staffShare");
    expect(menuOf("/sensitivity", "Period").values).toContain("contract");
    expect(menuOf("/uncertainty", "Draws").values).toContain("10000");
    expect(menuOf("/sources", "Status").values).toContain("assumed");
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it("a menu's choice reaches the address as the name its option holds, and back", async () => {
    const { page, problems } = await watchedPage(site);
    await page.goto(`${site.url}/sensitivity`);
    await settled(page);
    await page.getByLabel("Scenario", { exact: true }).selectOption("no-variation");
    await expect.poll(() => search(page).get("extends")).toBe("no-variation");
    const picks: Array<[string, string, string]> = [
      ["Lever", "fixedShare", "_lever"],
      ["Period", "2016-17", "_period"],
      ["Up", "cost.staffShare", "_gy"],
    ];
    for (const [label, value, key] of picks) {
      await page.getByLabel(label, { exact: true }).selectOption(value);
      await expect.poll(() => search(page).get(key), { message: label }).toBe(value);
    }
    await settled(page);
    await page.goto(page.url());
    await settled(page);
    for (const [label, value] of picks)
      expect(await page.getByLabel(label, { exact: true }).inputValue(), label).toBe(value);
    expect(await page.getByLabel("Scenario", { exact: true }).inputValue()).toBe("no-variation");
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual(NO_PROBLEMS);
    await page.close();
  });
});
