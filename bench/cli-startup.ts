/**
 * `npm run bench` (issue #19): wall time from spawning `node bin/crc-scenarios.js` to its exit,
 * for `presets` and `summary the-2017-variation`, side by side with `node -e 1` (the floor: Node
 * itself) and with the same commands run from the TypeScript sources through tsx
 * (CRC_SCENARIOS_SOURCE=1, what every start cost before the bundle). Rounds are interleaved so
 * machine load hits every case alike. Targets: presets ≤ 200 ms, summary ≤ 400 ms median.
 * No assertions: timings vary by machine (BUILDING.md "Measuring here").
 */
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { checkBundle } from "../bin/bundle-freshness.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const root = process.cwd();

interface Case {
  readonly name: string;
  readonly args: readonly string[];
  readonly env?: Record<string, string>;
  readonly targetMs?: number;
  readonly samples: number[];
}

const BIN = "bin/crc-scenarios.js";
const cases: Case[] = [
  { name: "node -e 1 (floor)", args: ["-e", "1"], samples: [] },
  { name: "presets", args: [BIN, "presets"], targetMs: 200, samples: [] },
  {
    name: "summary the-2017-variation",
    args: [BIN, "summary", "the-2017-variation"],
    targetMs: 400,
    samples: [],
  },
  {
    name: "presets, from source (tsx)",
    args: [BIN, "presets"],
    env: { CRC_SCENARIOS_SOURCE: "1" },
    samples: [],
  },
  {
    name: "summary, from source (tsx)",
    args: [BIN, "summary", "the-2017-variation"],
    env: { CRC_SCENARIOS_SOURCE: "1" },
    samples: [],
  },
];

// A stale bundle would be rebuilt by the first run and time the rebuild: build it first.
const state = checkBundle(root, "cli");
if (!state.fresh) {
  console.log(`bundle stale (${state.reason}): rebuilding before timing`);
  spawnSync("node", ["scripts/bundle-node.mjs"], { stdio: "inherit" });
}

function time(c: Case): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, c.args, {
    env: { ...process.env, ...c.env },
    encoding: "utf8",
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 || result.stderr !== "")
    throw new Error(`${c.name}: exit ${result.status}, ${result.stderr}`);
  return ms;
}

for (const c of cases) time(c); // warm the file cache
for (let r = 0; r < ROUNDS; r++) for (const c of cases) c.samples.push(time(c));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const floor = median(cases[0]!.samples);
console.log(
  `\nCLI start-up, wall time of a whole process (${ROUNDS} interleaved rounds; load ${loadavg()[0]!.toFixed(2)})`,
);
console.log(
  "case".padEnd(30) +
    "median ms".padStart(10) +
    "min".padStart(8) +
    "max".padStart(8) +
    "× floor".padStart(9) +
    "  target",
);
for (const c of cases) {
  const m = median(c.samples);
  const target =
    c.targetMs === undefined ? "" : `  ≤ ${c.targetMs} ms ${m <= c.targetMs ? "met" : "MISSED"}`;
  console.log(
    c.name.padEnd(30) +
      m.toFixed(0).padStart(10) +
      Math.min(...c.samples)
        .toFixed(0)
        .padStart(8) +
      Math.max(...c.samples)
        .toFixed(0)
        .padStart(8) +
      (m / floor).toFixed(1).padStart(9) +
      target,
  );
}
