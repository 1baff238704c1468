import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "vitest";
import { rollUp } from "../../src/engine/roll-up.ts";
import { toCsv } from "../../src/engine/tidy-csv.ts";
import { PRESETS } from "../../src/scenario/presets.ts";
import { projectScenario } from "../../src/scenario/project-scenario.ts";
import { testDataset } from "../fixtures/test-dataset.ts";

/**
 * Golden projections: every preset, by financial year (21 CRCs + 8 owners + the nation × 8
 * years × 15 lines = 3,600 rows each, ~150 kB), exactly as `crc-scenarios run <preset>` writes
 * them. By year rather than by month keeps each file reviewable as a diff while still pinning
 * every line of every CRC; month-level exactness is covered by the unit and property tests.
 *
 * A missing golden is written locally and refused under CI=true. A changed one fails, and the
 * new output is written to the temp folder for review; to accept it, run with UPDATE_GOLDENS=1
 * and say why in CHANGELOG.md.
 */
const dataset = await testDataset();
const dir = new URL(".", import.meta.url).pathname;

describe.each([...PRESETS.keys()])("golden %s", (id) => {
  it("matches test/golden/<preset>.csv exactly", async () => {
    const result = projectScenario(PRESETS.get(id), dataset);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const actual = toCsv(rollUp(result.value.ledger, "fy"));
    const path = join(dir, `${id}.csv`);
    if (!existsSync(path) || process.env.UPDATE_GOLDENS === "1") {
      if (process.env.CI === "true") throw new Error(`missing golden ${path}: run the tests locally and commit it`);
      await writeFile(path, actual, "utf8");
      return;
    }
    const expected = await readFile(path, "utf8");
    if (actual !== expected) {
      const out = join(tmpdir(), `${id}-changed.csv`);
      await writeFile(out, actual, "utf8");
      const a = actual.split("\n");
      const e = expected.split("\n");
      const first = a.findIndex((line, i) => line !== e[i]);
      throw new Error(
        `golden ${id}.csv differs from line ${first + 1}:\n  expected ${e[first]}\n  actual   ${a[first]}\nnew output: ${out}`,
      );
    }
  });
});
