import type { Dataset } from "../data/index.ts";
import type { Ledger } from "../engine/ledger.ts";
import { PRESETS } from "../scenario/presets.ts";
import { projectScenario } from "../scenario/project-scenario.ts";
import { crcProfits, summarize } from "../scenario/summarize.ts";

/**
 * What a model version showed, kept as data so a past figure can be explained without its code
 * (issue #18): each preset's headline figures, each CRC's and owner's contract result, and the
 * same three headline figures for a fixed, seeded set of random scenarios. One file per version
 * in data/model-versions/<version>.json, written by `npx tsx scripts/record-model-version.ts`.
 *
 * This file uses only what every version of the engine has had (presets, `projectScenario`,
 * `summarize`, the ledger's money lines), so the same code records a past version from its own
 * commit.
 */
export interface HeadlineFigures {
  /** Everything MoJ pays over the contract (income_total), pence. */
  readonly mojSpendPence: number;
  /** All CRCs' profit over the contract, pence (negative = loss). */
  readonly crcProfitPence: number;
  /** CRCs whose contract-life profit is negative. */
  readonly lossMakingCrcs: number;
}

export interface PresetFigures extends HeadlineFigures {
  readonly pbrPence: number;
  /** Contract-life profit by CRC id, pence. */
  readonly crcs: Readonly<Record<string, number>>;
  /** Contract-life profit by owner id, pence. */
  readonly owners: Readonly<Record<string, number>>;
}

export interface VersionRecord {
  readonly version: string;
  /** The day the version landed (YYYY-MM-DD). */
  readonly date: string;
  /** Why it changed: its CHANGELOG heading. */
  readonly reason: string;
  /** SHA-256 of each preset's golden file (test/golden/<preset>.csv) under this version. */
  readonly goldens: Readonly<Record<string, string>>;
  readonly presets: Readonly<Record<string, PresetFigures>>;
  /** The headline figures of `VERSION_CHECK_SCENARIOS`, in order. */
  readonly random: readonly HeadlineFigures[];
}

function pbr(ledger: Ledger): number {
  let total = 0;
  for (const cell of ledger.money.pbr) total += cell;
  return total;
}

/** The headline figures, as the CLI's `summary` gives them (`summarize`), and each CRC's profit. */
function headline(ledger: Ledger): HeadlineFigures & { profits: readonly number[] } {
  const { mojSpendPence, crcProfitPence, lossMakingCrcs } = summarize(ledger, null, "");
  return { mojSpendPence, crcProfitPence, lossMakingCrcs, profits: crcProfits(ledger) };
}

function project(scenario: unknown, dataset: Dataset): Ledger {
  const result = projectScenario(scenario, dataset);
  if (!result.ok)
    throw new Error(`cannot project ${JSON.stringify(scenario)}: ${JSON.stringify(result.issues)}`);
  return result.value.ledger;
}

export function presetFigures(ledger: Ledger): PresetFigures {
  const { profits, ...figures } = headline(ledger);
  const owners: Record<string, number> = {};
  ledger.crcs.forEach((crc, c) => (owners[crc.ownerId] = (owners[crc.ownerId] ?? 0) + profits[c]!));
  return {
    ...figures,
    pbrPence: pbr(ledger),
    crcs: Object.fromEntries(ledger.crcs.map((crc, c) => [crc.id, profits[c]!])),
    owners,
  };
}

/**
 * A fixed set of 30 scenarios drawn by a seeded generator (mulberry32, seed 18) over levers every
 * version has read, each inside its range in every version: enough to see how a change moves
 * outputs away from the presets. Changing this list makes past records incomparable: don't.
 */
export const VERSION_CHECK_SCENARIOS: readonly unknown[] = (() => {
  let a = 18;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const between = (low: number, high: number, places: number) =>
    Number((low + (high - low) * next()).toFixed(places));
  const presets = ["the-2017-variation", "no-variation", "contract-as-let"];
  return Array.from({ length: 30 }, (_, k) => ({
    schemaVersion: 1,
    extends: presets[k % presets.length],
    parameters: {
      "ffs.toleranceBand": between(0, 0.1, 3),
      "staff.cutScale": between(0, 1, 2),
      "staff.loadedCostPerFte": between(32000, 42000, 0),
      "cost.bidMargin": between(0, 0.08, 3),
      "pbr.binaryReductionPts": between(-1, 3, 2),
      ...(k % 3 === 2 ? {} : { "volume.shortfall.2017-18": between(0.1, 0.5, 3) }),
      ...(k % 3 === 0 ? { "variation.scale": between(0, 1.5, 2) } : {}),
    },
  }));
})();

/** Every preset's figures and the check scenarios' headlines, under the code and data given. */
export function recordFigures(dataset: Dataset): Pick<VersionRecord, "presets" | "random"> {
  const presets = Object.fromEntries(
    [...PRESETS.keys()].map((id) => [id, presetFigures(project(PRESETS.get(id), dataset))]),
  );
  const random = VERSION_CHECK_SCENARIOS.map((s) => {
    const { profits: _profits, ...figures } = headline(project(s, dataset));
    return figures;
  });
  return { presets, random };
}
