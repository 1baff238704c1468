/**
 * `npm run fuzz`: the adversarial suite at full size (issue #15). Prints its figures and exits
 * 1 unless it tried at least 10,000 inputs with no crash, no wrong accept and no unnamed
 * refusal. Options: --scenarios N, --seed S (default: a new seed each run, printed, so a
 * failure can be replayed with --seed).
 */
import { parseArgs } from "node:util";
import { testDataset } from "../fixtures/test-dataset.ts";
import { formatFigures, runFuzz } from "./fuzz.ts";

const { values } = parseArgs({
  options: { scenarios: { type: "string" }, seed: { type: "string" } },
  strict: true,
});
const scenarios = Number(values.scenarios ?? 10_000);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const MIN_INPUTS = 10_000;
const dataset = await testDataset();
const t0 = performance.now();
const figures = await runFuzz(dataset, {
  scenarios,
  argumentVectors: Math.ceil(scenarios / 2),
  commandLines: Math.ceil(scenarios / 20),
  seed,
  exactEvery: 25,
  monteCarloEvery: 20,
});
console.log(`crc-scenarios fuzz (seed ${seed})`);
console.log(formatFigures(figures, performance.now() - t0));
const bad = figures.crashes + figures.wrongAccepts + figures.unnamedRefusals;
if (bad > 0 || figures.inputsTried < MIN_INPUTS) {
  if (figures.inputsTried < MIN_INPUTS) console.log(`fewer than ${MIN_INPUTS} inputs`);
  process.exitCode = 1;
}
