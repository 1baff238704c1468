import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readProvenance } from "../workbook/provenance-sheet.ts";
import { COMPARISON_SHEETS } from "../workbook/comparison-workbook.ts";
import { MONTE_CARLO_SHEETS } from "../workbook/monte-carlo-workbook.ts";
import { SCENARIO_SHEETS } from "../workbook/scenario-workbook.ts";
import { main } from "./main.ts";

async function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), "crc-xlsx-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
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

describe("crc-scenarios run --format xlsx (issue #19)", () => {
  it("writes a workbook whose every line by year equals run --by fy's CSV to the penny", async () => {
    const file = join(dir, "variation.xlsx");
    const written = await run(["run", "the-2017-variation", "--format", "xlsx", "--out", file]);
    expect([written.code, written.stdout, written.stderr]).toEqual([0, "", ""]);
    const workbook = await readBack(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([...SCENARIO_SHEETS]);

    const csv = (await run(["run", "the-2017-variation", "--by", "fy"])).stdout
      .trimEnd()
      .split("\n");
    const lines = workbook.getWorksheet("Lines by year")!;
    const rows = rowsOf(lines);
    expect(rows).toHaveLength(csv.length - 1);
    rows.forEach((r, i) => {
      const [crc, owner, period, line, amount] = csv[i + 1]!.split(",");
      expect([r.crc, r.owner, r.period, r.line]).toEqual([crc, owner, period, line]);
      expect(r.amount_pence).toBe(Number(amount));
      if (r["amount (£)"] !== null)
        expect(Math.round((r["amount (£)"] as number) * 100)).toBe(Number(amount));
    });
    // Money is £-formatted, the exact pence column hidden, the header row frozen.
    expect(lines.getColumn(5).numFmt).toMatch(/£/);
    expect(lines.getColumn(7).hidden).toBe(true);
    expect(lines.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });

    const summary = JSON.parse((await run(["summary", "the-2017-variation"])).stdout);
    const headline = rowsOf(workbook.getWorksheet("Summary")!);
    expect(headline[0]!.amount_pence).toBe(summary.mojSpendPence);
    expect(headline[1]!.amount_pence).toBe(summary.crcProfitPence);
    expect(headline[2]!.count).toBe(summary.lossMakingCrcs);

    const profit = rowsOf(workbook.getWorksheet("Profit by CRC")!);
    const wales = profit.find((r) => r.crc === "wales")!;
    const walesTotal = summary.crcs.find((c: { crc: string }) => c.crc === "wales").profitPence;
    expect(Math.round((wales["contract total"] as number) * 100)).toBe(walesTotal);
  });

  it("carries the provenance: scenario, hash, model version, date, address, sources", async () => {
    const file = join(dir, "own.json");
    await import("node:fs/promises").then((fs) =>
      fs.writeFile(
        file,
        JSON.stringify({
          schemaVersion: 1,
          extends: "no-variation",
          parameters: { "ffs.toleranceBand": 0.02 },
        }),
      ),
    );
    const out = join(dir, "own.xlsx");
    expect((await run(["run", file, "--format", "xlsx", "--out", out])).code).toBe(0);
    const workbook = await readBack(out);
    const p = readProvenance(workbook);
    const hash = (await run(["validate", file])).stdout.match(/hash (\w+)/)![1];
    expect(p.get("scenario")).toBe("No-variation counterfactual, with 1 changed input");
    expect(p.get("scenario hash")).toBe(hash);
    expect(p.get("model version")).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Date.now() - Date.parse(p.get("generated")!)).toBeLessThan(60_000);
    expect(p.get("rebuild on the site")).toBe(
      `/explorer?v=1&extends=no-variation&ffs.toleranceBand=0.02&_mv=${p.get("model version")}`,
    );
    expect(p.get("rebuild from the command line")).toContain(`run ${file} --format xlsx`);
    expect(p.get("nao-hc676-2017-12-19")).toMatch(/National Audit Office/);
    const inputs = rowsOf(workbook.getWorksheet("Inputs")!);
    const band = inputs.find((r) => r.parameter === "ffs.toleranceBand")!;
    expect([band.value, band["set by"], band.status]).toEqual([
      "0.02",
      "scenario",
      "set by the scenario",
    ]);
    expect(inputs.some((r) => r["set by"] === "data" && r.source !== "" && r.reason !== "")).toBe(
      true,
    );
  });

  it("refuses xlsx without --out or by another period", async () => {
    const { code, stderr } = await run([
      "run",
      "no-variation",
      "--format",
      "xlsx",
      "--by",
      "month",
    ]);
    expect(code).toBe(2);
    expect(stderr.trimEnd().split("\n")).toEqual([
      "crc-scenarios run: --format xlsx needs --out FILE.xlsx",
      'crc-scenarios run: --by: "month" is not fy (a workbook\'s sheets are by financial year)',
    ]);
  });
});

describe("crc-scenarios run A B … --format xlsx: a comparison workbook (issue #19)", () => {
  it("puts the scenarios side by side with their changes, every line equal to the batch CSV to the penny", async () => {
    const file = join(dir, "compare.xlsx");
    const args = ["no-variation", "the-2017-variation", "pbr-high"];
    const written = await run(["run", ...args, "--format", "xlsx", "--out", file]);
    expect([written.code, written.stderr]).toEqual([0, ""]);
    const workbook = await readBack(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([...COMPARISON_SHEETS]);

    const csv = (await run(["run", ...args, "--by", "fy"])).stdout.trimEnd().split("\n");
    const rows = rowsOf(workbook.getWorksheet("Lines by year")!);
    expect(rows).toHaveLength(csv.length - 1);
    rows.forEach((r, i) => {
      const cells = csv[i + 1]!.split(",");
      expect([r.hash, r.crc, r.owner, r.period, r.line]).toEqual(cells.slice(1, 6));
      expect(r.amount_pence).toBe(Number(cells[6]));
    });

    const [base, variation] = await Promise.all(
      ["no-variation", "the-2017-variation"].map(async (id) =>
        JSON.parse((await run(["summary", id])).stdout),
      ),
    );
    const comparison = rowsOf(workbook.getWorksheet("Comparison")!);
    const profit = comparison.find((r) => r.metric === "CRCs' profit or loss")!;
    const change = profit["The 2017 variation: change"] as number;
    expect(Math.round(change * 100)).toBe(variation.crcProfitPence - base.crcProfitPence);
    const p = readProvenance(workbook);
    expect(p.get("baseline hash")).toBe(base.hash);
    expect(p.get("scenario 1 hash")).toBe(variation.hash);
    expect(p.get("rebuild on the site")).toMatch(
      /^\/compare\?_base=no-variation&_with=the-2017-variation,pbr-high&_mv=/,
    );
  });

  it("names a bad scenario by position and source and writes no workbook", async () => {
    const bad = join(dir, "bad.json");
    await import("node:fs/promises").then((fs) => fs.writeFile(bad, "{"));
    const file = join(dir, "none.xlsx");
    const { code, stderr } = await run([
      "run",
      "no-variation",
      bad,
      "--format",
      "xlsx",
      "--out",
      file,
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`^crc-scenarios run: scenario 2 \\(${bad}\\): `));
    await expect(readFile(file)).rejects.toThrow(/ENOENT/);
  });
});

describe("crc-scenarios mc --format xlsx (issue #19)", () => {
  it("holds mc --format csv's rows exactly, and the seed and draws in its provenance", async () => {
    const file = join(dir, "mc.xlsx");
    const args = ["mc", "the-2017-variation", "--draws", "40", "--seed", "9"];
    const written = await run([...args, "--format", "xlsx", "--out", file]);
    expect([written.code, written.stderr]).toEqual([0, ""]);
    const workbook = await readBack(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([...MONTE_CARLO_SHEETS]);
    const csv = (await run([...args, "--format", "csv"])).stdout.trimEnd().split("\n");
    const rows = rowsOf(workbook.getWorksheet("Monte Carlo")!);
    expect(rows).toHaveLength(csv.length - 1);
    rows.forEach((r, i) => {
      const cells = csv[i + 1]!.split(",");
      expect([r.crc, r.owner, r.period, r.line, r.statistic]).toEqual(cells.slice(0, 5));
      expect(r.value).toBe(Number(cells[5]));
    });
    const p = readProvenance(workbook);
    expect([p.get("seed"), p.get("draws")]).toEqual(["9", "40"]);
    expect(p.get("rebuild on the site")).toMatch(
      /^\/uncertainty\?v=1&extends=the-2017-variation&_seed=9&_draws=40&/,
    );
  });

  it("needs --out for a workbook, and takes --out only for one", async () => {
    const a = await run(["mc", "pbr-low", "--format", "xlsx"]);
    expect([a.code, a.stderr]).toEqual([
      2,
      "crc-scenarios mc: --format xlsx needs --out FILE.xlsx\n",
    ]);
    const b = await run(["mc", "pbr-low", "--out", join(dir, "x.csv")]);
    expect([b.code, b.stderr]).toEqual([
      2,
      "crc-scenarios mc: --out is for --format xlsx; text is printed\n",
    ]);
  });
});
