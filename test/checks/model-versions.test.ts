import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { testDataset } from "../fixtures/test-dataset.ts";
import { compareVersions, formatComparison } from "../../src/versions/compare.ts";
import { loadVersionRecords, parseVersionRecord } from "../../src/versions/load-records.ts";
import { recordFigures } from "../../src/versions/record.ts";
import { formatIssue } from "../../src/issues/issue.ts";

const { version } = JSON.parse(await readFile("package.json", "utf8")) as { version: string };
const records = await loadVersionRecords();
const current = records.find((r) => r.version === version);
const changelog = await readFile("CHANGELOG.md", "utf8");

async function goldenHashes(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const file of (await readdir("test/golden")).filter((f) => f.endsWith(".csv")).sort()) {
    const text = await readFile(`test/golden/${file}`, "utf8");
    out[file.replace(/\.csv$/, "")] = createHash("sha256").update(text).digest("hex");
  }
  return out;
}

const HOW =
  "a golden changed: bump package.json's version, add a CHANGELOG.md heading '## <version> — <reason>' saying why, and run npx tsx scripts/record-model-version.ts";

describe("model versions (issue #18)", () => {
  it("records the current version, with the goldens it was made with (goldens changed ⇒ version bumped)", async () => {
    expect(current, `no data/model-versions/${version}.json: ${HOW}`).toBeDefined();
    expect(current!.goldens, HOW).toEqual(await goldenHashes());
  });

  it("has a CHANGELOG heading for every recorded version, whose reason the record repeats", () => {
    for (const r of records) {
      expect(changelog, r.version).toContain(`## ${r.version} — ${r.reason}`);
    }
  });

  it("keeps the current record equal to what the engine shows now", async () => {
    const now = recordFigures(await testDataset());
    expect(current!.presets).toEqual(now.presets);
    expect(current!.random).toEqual(now.random);
  });

  it("reports how the outputs moved from the previous version (a report, not a failure)", () => {
    const i = records.indexOf(current!);
    if (i > 0) console.log("\n" + formatComparison(compareVersions(records[i - 1]!, current!)));
    expect(records.map((r) => r.version)).toContain(version);
  });

  it("refuses a damaged record, naming the file and the field", () => {
    const bad = parseVersionRecord(
      JSON.stringify({
        version: "0.3",
        date: "yesterday",
        presets: { x: { crcProfitPence: 1.5 } },
      }),
      "data/model-versions/0.3.json",
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    const problems = bad.issues.map(formatIssue);
    expect(problems).toContain(
      'data/model-versions/0.3.json [version]: "0.3" is not a version "major.minor.patch"',
    );
    expect(problems).toContain(
      'data/model-versions/0.3.json [date]: "yesterday" is not a day YYYY-MM-DD',
    );
    expect(problems).toContain(
      "data/model-versions/0.3.json [presets.x.crcProfitPence]: 1.5 is not a whole number",
    );
    expect(parseVersionRecord("{not json", "f.json")).toMatchObject({ ok: false });
  });
});
