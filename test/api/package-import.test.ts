import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitTypes } from "../../scripts/bundle-node.mjs";

/**
 * The Node API as another package sees it (issue #19): a project in a temporary folder with
 * crc-scenarios linked into its node_modules (what `npm link` and `npm install <folder>` do),
 * importing it by name, in JavaScript and in type-checked TypeScript.
 */
const root = process.cwd();
const project = mkdtempSync(join(tmpdir(), "crc-consumer-"));

beforeAll(() => {
  mkdirSync(join(project, "node_modules"));
  symlinkSync(root, join(project, "node_modules/crc-scenarios"), "dir");
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "consumer", type: "module", private: true }),
  );
  // The declarations are written at install; write them again so they match src/ now.
  emitTypes(root);
}, 120_000);
afterAll(() => rmSync(project, { recursive: true, force: true }));

const node = (file: string) =>
  spawnSync(process.execPath, [file], { cwd: project, encoding: "utf8" });

const cli = (args: string[]) =>
  spawnSync(process.execPath, [join(root, "bin/crc-scenarios.js"), ...args], { encoding: "utf8" });

describe('import { … } from "crc-scenarios" in another package', () => {
  it("projects, validates, compares, explains and runs Monte Carlo, with errors as values", () => {
    writeFileSync(
      join(project, "use.mjs"),
      `import { validate, project, monteCarlo, explain, compare, presets } from "crc-scenarios";
const s = { schemaVersion: 1, extends: "the-2017-variation" };
const base = { schemaVersion: 1, extends: "no-variation" };
const p = await project({ scenario: s });
const v = await validate({ schemaVersion: 1, extends: "nope" });
const m = await monteCarlo({ scenario: s, draws: 20, seed: 3 });
const e = await explain({ scenario: s, figure: { crc: "wales", line: "profit", period: "2017-18" } });
const c = await compare({ baseline: base, scenarios: [s] });
const cb = await compare({ baseline: base, scenarios: [s, { schemaVersion: 1, extends: "nope" }] });
const cs = await compare({ baseline: base, scenario: [s] });
const c7 = await compare({ baseline: base, scenarios: [s, s, s, s, s, s, s] });
console.log(JSON.stringify({
  presets: presets.length,
  summary: p.value.summary,
  bad: v,
  mcDraws: m.value.draws,
  explained: e.value.tree.amountPence,
  delta: c.value.rows.find((r) => r.metric === "crc_profit" && !r.baseline).delta,
  badComparedAt: cb.ok ? [] : cb.issues.map((i) => i.path),
  badShape: [cs.issues, c7.issues, (await compare(null)).issues],
}));
`,
    );
    const run = node("use.mjs");
    // Only a rebuild note (sources changed since install) may be on stderr.
    expect(run.stderr.replace(/^crc-scenarios: note: rebuilt .*\n/gm, "")).toBe("");
    const got = JSON.parse(run.stdout);
    const summary = JSON.parse(cli(["summary", "the-2017-variation"]).stdout);
    const baseline = JSON.parse(cli(["summary", "no-variation"]).stdout);
    expect(got.presets).toBe(9);
    expect({ ...got.summary, scenario: null }).toEqual({ ...summary, scenario: null });
    expect(got.bad.ok).toBe(false);
    expect(got.bad.issues).toContainEqual({
      path: "extends",
      message: expect.stringMatching(/"nope" is not a preset/),
    });
    // A refused compared scenario is named at its place in the request, a list item as [i].
    expect(got.badComparedAt).toEqual(["scenarios[1].extends"]);
    // A request of the wrong form: every problem, worded as the worker's requests are.
    expect(got.badShape).toEqual([
      [
        {
          path: "scenario",
          message:
            'unknown key "scenario" (did you mean "scenarios"?); allowed: baseline, scenarios',
        },
        { path: "scenarios", message: "nothing is not a list of 1 to 6 scenario documents" },
      ],
      [{ path: "scenarios", message: "a list of 7 is not a list of 1 to 6 scenario documents" }],
      [{ path: "", message: "null is not a request (an object)" }],
    ]);
    expect(got.mcDraws).toBe(20);
    const wales = cli(["run", "the-2017-variation"])
      .stdout.split("\n")
      .find((l) => l.startsWith("wales,working-links,2017-18,profit,"))!;
    expect(String(got.explained)).toBe(wales.split(",")[4]);
    expect(got.delta).toBe(summary.crcProfitPence - baseline.crcProfitPence);
  });

  it("type-checks a TypeScript caller against the package's declarations", () => {
    writeFileSync(
      join(project, "use.ts"),
      `import { project, compare, type Result, type ProjectionView, type Summary } from "crc-scenarios";
const r: Result<ProjectionView> = await project({ scenario: { schemaVersion: 1, extends: "pbr-low" } });
if (r.ok) {
  const s: Summary = r.value.summary;
  const pence: number = s.crcProfitPence;
  console.log(pence);
} else for (const issue of r.issues) console.log(issue.path, issue.message);
// @ts-expect-error a comparison needs its scenarios
await compare({ baseline: {} });
`,
    );
    writeFileSync(
      join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          module: "esnext",
          moduleResolution: "bundler",
          target: "es2022",
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ["use.ts"],
      }),
    );
    const tsc = spawnSync(
      process.execPath,
      [join(root, "node_modules/typescript/bin/tsc"), "-p", project],
      { encoding: "utf8" },
    );
    expect(tsc.stdout).toBe("");
    expect(tsc.status).toBe(0);
  }, 60_000);
});
