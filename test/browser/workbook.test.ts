import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { cliRun } from "./cli-in-node.ts";
import { download } from "./downloads.ts";
import { NO_PROBLEMS, siteForFile, settled, watchedPage, type PageProblems } from "./harness.ts";
import { summaryFor } from "./project-in-node.ts";

// "Download workbook" (issue #19): the workbook a page builds equals the CLI's CSV to the penny
// and carries its provenance. A scenario of its own, so names, hashes and numbers are its own.
const SCENARIO = {
  schemaVersion: 1,
  extends: "pbr-high",
  parameters: { "ffs.toleranceBand": 0.02 },
} as const;
const QUERY = "v=1&extends=pbr-high&ffs.toleranceBand=0.02";
const NAME = "Payment by results: high, with 1 changed input";
const VERSION = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;

let page: Page;
let problems: PageProblems;

const site = siteForFile({
  async setup(site) {
    ({ page, problems } = await watchedPage(site));
  },
  teardown() {
    expect(problems).toEqual(NO_PROBLEMS);
  },
});

async function readBack(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's rows as objects keyed by its header row. */
function rowsOf(sheet: ExcelJS.Worksheet): Record<string, unknown>[] {
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as unknown[]).slice(1);
    rows.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null])));
  });
  return rows;
}

function provenance(workbook: ExcelJS.Workbook): Map<string, string> {
  const fields = new Map<string, string>();
  for (const r of rowsOf(workbook.getWorksheet("Provenance")!))
    if (!fields.has(String(r.field))) fields.set(String(r.field), String(r.value));
  return fields;
}

describe("Explorer: Download workbook", () => {
  it("saves a workbook whose lines by year equal the CLI's CSV to the penny, with its provenance", async () => {
    await page.goto(`${site.url}/explorer?${QUERY}`);
    await settled(page);
    const file = await download(page, page.getByTestId("download-workbook"));
    const { hash } = await summaryFor(SCENARIO);
    expect(file.name).toBe(`crc-scenarios-explorer-${hash.slice(0, 12)}.xlsx`);
    const workbook = await readBack(file.bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "Summary",
      "Profit by CRC",
      "Lines by year",
      "Inputs",
      "Provenance",
    ]);
    const cli = await cliRun(SCENARIO, "fy");
    const lines = rowsOf(workbook.getWorksheet("Lines by year")!);
    expect(lines).toHaveLength(cli.length);
    lines.forEach((r, i) => {
      const c = cli[i]!;
      expect([r.crc, r.owner, r.period, r.line, r.amount_pence]).toEqual([
        c.crc,
        c.owner,
        c.period,
        c.line,
        Number(c.amount),
      ]);
    });
    const p = provenance(workbook);
    expect(p.get("scenario")).toBe(NAME);
    expect(p.get("scenario hash")).toBe(hash);
    expect(p.get("model version")).toBe(VERSION);
    expect(p.get("rebuild on the site")).toContain(`/explorer?${QUERY}`);
    expect(Date.now() - Date.parse(p.get("generated")!)).toBeLessThan(120_000);
    expect(await page.getByTestId("download-workbook-status").textContent()).toMatch(/^Saved /);
  });
});

describe("Compare: Download workbook", () => {
  it("saves the scenarios side by side with their changes, every line equal to the CLI's CSV", async () => {
    const base = { schemaVersion: 1, extends: "no-variation" } as const;
    const other = { schemaVersion: 1, extends: "the-2017-variation" } as const;
    await page.goto(`${site.url}/compare?_base=no-variation&_with=the-2017-variation`);
    await settled(page);
    await page.getByTestId("compare").waitFor();
    const file = await download(page, page.getByTestId("download-workbook"));
    const [a, b] = await Promise.all([summaryFor(base), summaryFor(other)]);
    expect(file.name).toBe(`crc-scenarios-comparison-${a.hash.slice(0, 12)}.xlsx`);
    const workbook = await readBack(file.bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "Comparison",
      "Profit by CRC",
      "Inputs",
      "Lines by year",
      "Provenance",
    ]);
    const profit = rowsOf(workbook.getWorksheet("Comparison")!).find(
      (r) => r.metric === "CRCs' profit or loss",
    )!;
    const changeColumn = Object.keys(profit).find((k) => k.endsWith(": change"))!;
    expect(Math.round((profit[changeColumn] as number) * 100)).toBe(
      b.crcProfitPence - a.crcProfitPence,
    );
    const cli = [...(await cliRun(base, "fy")), ...(await cliRun(other, "fy"))];
    const lines = rowsOf(workbook.getWorksheet("Lines by year")!);
    expect(lines).toHaveLength(cli.length);
    lines.forEach((r, i) => {
      expect([r.crc, r.period, r.line, r.amount_pence]).toEqual([
        cli[i]!.crc,
        cli[i]!.period,
        cli[i]!.line,
        Number(cli[i]!.amount),
      ]);
    });
    const p = provenance(workbook);
    expect([p.get("baseline hash"), p.get("scenario 1 hash")]).toEqual([a.hash, b.hash]);
    expect(p.get("rebuild on the site")).toContain(
      "/compare?_base=no-variation&_with=the-2017-variation",
    );
  });
});

describe("CRC and owner pages: Download workbook", () => {
  for (const [path, kind] of [
    ["crcs/wales", "wales"],
    ["owners/sodexo", "sodexo"],
  ] as const) {
    it(`/${path} saves the scenario's workbook, equal to the CLI's CSV, with the page's address`, async () => {
      await page.goto(`${site.url}/${path}?${QUERY}`);
      await settled(page);
      const file = await download(page, page.getByTestId("download-workbook"));
      const { hash } = await summaryFor(SCENARIO);
      expect(file.name).toBe(`crc-scenarios-${kind}-${hash.slice(0, 12)}.xlsx`);
      const workbook = await readBack(file.bytes);
      const cli = await cliRun(SCENARIO, "fy");
      const lines = rowsOf(workbook.getWorksheet("Lines by year")!);
      expect(lines.map((r) => r.amount_pence)).toEqual(cli.map((c) => Number(c.amount)));
      const p = provenance(workbook);
      expect(p.get("scenario hash")).toBe(hash);
      expect(p.get("rebuild on the site")).toContain(`/${path}?${QUERY}`);
    });
  }
});
