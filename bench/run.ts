/**
 * `npm run bench`: the time of one full projection (21 CRCs × 86 months) on the exact ledger and
 * on the float path, measured side by side in one run (interleaved rounds, so machine load hits
 * both alike), with their ratio, plus the scenario resolution and roll-up around them. The exact
 * projection is timed twice: with a staffing value changed on every run (nothing reused: the
 * figure the target is read against) and with the staffing as last run (src/engine/staff-block.ts
 * reuses each CRC's staffing lines: what most Explorer moves cost).
 * Targets (issue #4): exact ≤ 10 ms, float ≤ 0.2 ms on the 2-core reference machine.
 * No assertions: timings vary by machine (BUILDING.md "Measuring here").
 */
import { loadavg } from "node:os";
import { loadDataset } from "../src/data/load-from-disk.ts";
import { projectExact } from "../src/engine/project-exact.ts";
import { projectFloat } from "../src/engine/project-float.ts";
import { rollUp } from "../src/engine/roll-up.ts";
import { PRESETS } from "../src/scenario/presets.ts";
import { validateScenario } from "../src/scenario/validate-scenario.ts";

const PRESET = process.argv[2] ?? "the-2017-variation";
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);

const data = await loadDataset();
if (!data.ok) throw new Error("data/ does not load");
const doc = PRESETS.get(PRESET);
const resolved = validateScenario(doc, data.value);
if (!resolved.ok) throw new Error(`preset ${PRESET} does not validate`);
const inputs = resolved.value.inputs;
const into = projectFloat(inputs);
// The same scenario with every CRC's loaded cost per FTE a pound higher: alternating the two
// makes every projection recompute the staffing lines the engine otherwise reuses when their
// values are unchanged (src/engine/staff-block.ts), i.e. a move of a staffing lever.
const otherStaffing = {
  ...inputs,
  values: new Map(
    [...inputs.values].map(([id, column]) => [
      id,
      id === "staff.loadedCostPerFte" ? column.map((v) => v + 100) : column,
    ]),
  ),
};
let flip = false;
const ledger = projectExact(inputs);

interface Case {
  readonly name: string;
  readonly run: () => unknown;
  /** Repetitions per timed sample, so short cases are timed above the clock's resolution. */
  readonly reps: number;
  readonly samples: number[];
}
const cases: Case[] = [
  {
    name: "exact projection, staffing changed each run",
    // Two a sample, so the case ends on `inputs` and the next case finds its lines remembered.
    run: () => {
      flip = !flip;
      return projectExact(flip ? otherStaffing : inputs);
    },
    reps: 2,
    samples: [],
  },
  {
    name: "exact projection, staffing as last run",
    run: () => projectExact(inputs),
    reps: 1,
    samples: [],
  },
  {
    name: "float path (projectFloat, reused ledger)",
    run: () => projectFloat(inputs, into),
    reps: 200,
    samples: [],
  },
  {
    name: "float path (projectFloat, new ledger)",
    run: () => projectFloat(inputs),
    reps: 100,
    samples: [],
  },
  {
    name: "resolve scenario (validateScenario)",
    run: () => validateScenario(doc, data.value),
    reps: 1,
    samples: [],
  },
  {
    name: "roll-up by financial year (rollUp)",
    run: () => rollUp(ledger, "fy"),
    reps: 5,
    samples: [],
  },
];

let sink = 0;
for (let round = -5; round < ROUNDS; round++) {
  for (const c of cases) {
    const t0 = performance.now();
    for (let r = 0; r < c.reps; r++) sink += c.run() === undefined ? 0 : 1;
    const ms = (performance.now() - t0) / c.reps;
    if (round >= 0) c.samples.push(ms); // the first rounds warm the JIT up
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const float = median(cases[2]!.samples);
const rows = cases.map((c) => [
  c.name,
  median(c.samples).toFixed(4),
  Math.min(...c.samples).toFixed(4),
  (median(c.samples) / float).toFixed(1),
]);
const header = ["case", "median ms", "min ms", "× float"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
console.log(
  `preset ${PRESET}: 21 CRCs × 86 months, ${ROUNDS} interleaved rounds (sink ${sink}); ` +
    `load average ${loadavg()[0]!.toFixed(2)} (other processes inflate the medians; min is the uncontended estimate)`,
);
console.log(line(header));
for (const r of rows) console.log(line(r));
const exact = median(cases[0]!.samples);
const reused = median(cases[1]!.samples);
console.log(
  `\nexact ${exact.toFixed(2)} ms median / ${Math.min(...cases[0]!.samples).toFixed(2)} ms min (target ≤ 10; ` +
    `${reused.toFixed(2)} ms when the staffing lines are reused), ` +
    `float ${float.toFixed(3)} ms median / ${Math.min(...cases[2]!.samples).toFixed(3)} ms min (target ≤ 0.2), ` +
    `exact / float = ${(exact / float).toFixed(0)}× (medians)`,
);

// Fair shares of a change (issue #17): the worker's exact attribution over k groups, 2^k − 2
// float projections plus the exact ledger for A and B, through the worker API in this process
// (validation included, no message passing). Target: ≤ 300 ms for ≤ 10 groups. Reported only.
{
  const { createEngineApi } = await import("../src/worker/api.ts");
  const api = createEngineApi();
  await api.init(data.value);
  const extra: Record<string, number> = {
    "ffs.toleranceBand": 0.03,
    "pbr.binaryReductionPts": 3,
    "pbr.frequencyReductionPct": 5,
    "staff.payAward": 0.02,
    "serviceCredits.grossAnnual": 10_000_000,
    "cost.bidMargin": 0.05,
    "ffs.upsideCap": 0.2,
  };
  const a = { schemaVersion: 1, extends: "contract-as-let" };
  // The 2017 variation changes 5 parameters from the contract as let; each extra adds a group.
  const withGroups = (k: number) => ({
    schemaVersion: 1,
    extends: "the-2017-variation",
    parameters: Object.fromEntries(Object.entries(extra).slice(0, k - 5)),
  });
  const figure = { crc: "ALL", line: "profit", period: "total" };
  const rows: string[][] = [];
  for (const k of [5, 8, 10, 12]) {
    const request = { a, b: withGroups(k), figure };
    const samples: number[] = [];
    let projections = 0;
    for (let round = -3; round < 7; round++) {
      const t0 = performance.now();
      const r = await api.attributeDelta(request);
      const ms = performance.now() - t0;
      if (!r.ok || r.value.attribution.parts.length !== k || !r.value.attribution.exact)
        throw new Error(`attribution over ${k} groups failed: ${JSON.stringify(r)}`);
      projections = r.value.attribution.projections;
      if (round >= 0) samples.push(ms);
    }
    rows.push([
      String(k),
      String(projections),
      median(samples).toFixed(1),
      Math.min(...samples).toFixed(1),
    ]);
  }
  const sampled: number[] = [];
  for (let round = -1; round < 5; round++) {
    const t0 = performance.now();
    const r = await api.attributeDelta({ a, b: withGroups(12), figure, maxExactGroups: 0 });
    if (!r.ok || r.value.attribution.exact) throw new Error("sampled attribution failed");
    if (round >= 0) sampled.push(performance.now() - t0);
  }
  console.log(
    `\nexact attribution (Shapley values, issue #17), contract-as-let → the-2017-variation with extra changes, national profit:`,
  );
  const head = ["groups", "float projections", "median ms", "min ms"];
  console.log(head.join("  "));
  for (const r of rows) console.log(r.map((c, i) => c.padStart(head[i]!.length)).join("  "));
  const ten = rows.find((r) => r[0] === "10")!;
  console.log(
    `10 groups: ${ten[2]} ms median (target ≤ 300); 12 groups sampled instead (256 orders): ${median(sampled).toFixed(1)} ms median`,
  );
}
