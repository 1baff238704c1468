import { MONEY_BUCKETS, compareVersions, type MoneyBucket } from "../versions/compare.ts";
import type { HeadlineFigures, VersionRecord } from "../versions/record.ts";

/**
 * What the "Model versions" page (docs/versions.md) and the version note on every page know about
 * past model versions (issue #18): built at build time by the data loader
 * docs/data/model-versions.json.ts from data/model-versions/*.json. Each version's presets keep
 * only their three headline figures here (the full record stays in data/); each consecutive pair
 * of versions gets its comparison summary from `compareVersions` (src/versions/compare.ts).
 */
export interface VersionSummary {
  readonly version: string;
  /** The day the version landed (YYYY-MM-DD). */
  readonly date: string;
  /** Why it changed: its CHANGELOG heading. */
  readonly reason: string;
  /** How many CRCs the version's records cover (21). */
  readonly crcCount: number;
  /** Each preset's headline figures under this version, by preset id. */
  readonly presets: Readonly<Record<string, HeadlineFigures>>;
}

/** One output's move between two versions (an `OutputChange` with a readable label). */
export interface ChangeSummary {
  /** The output as `compareVersions` names it, e.g. "the-2017-variation: CRC london". */
  readonly output: string;
  /** The same for a reader, e.g. "The 2017 variation: CRC profit, London". */
  readonly label: string;
  readonly unit: "pence" | "count";
  readonly then: number;
  readonly now: number;
  readonly change: number;
  readonly bucket: MoneyBucket | "changed";
}

export interface ComparisonSummary {
  /** The page anchor of this comparison: "from-0.1.0-to-0.2.0". */
  readonly anchor: string;
  readonly from: { readonly version: string; readonly date: string; readonly reason: string };
  readonly to: { readonly version: string; readonly date: string; readonly reason: string };
  /** How many money outputs fall in each bucket, in `MONEY_BUCKETS` order. */
  readonly buckets: ReadonlyArray<{ readonly bucket: MoneyBucket; readonly outputs: number }>;
  readonly moneyOutputs: number;
  /** Loss-making counts that changed, of all counts compared. */
  readonly countsChanged: number;
  readonly counts: number;
  /** Money outputs that changed sign (profit ↔ loss). */
  readonly signFlips: readonly ChangeSummary[];
  /** The largest money changes, largest first (at most `LARGEST_CHANGES`). */
  readonly largest: readonly ChangeSummary[];
  /** Outputs recorded in only one of the two versions. */
  readonly unmatched: readonly string[];
  /** Each preset recorded in both versions: its headline figures then and now. */
  readonly presets: ReadonlyArray<{
    readonly id: string;
    readonly then: HeadlineFigures;
    readonly now: HeadlineFigures;
  }>;
}

export interface ModelVersionsData {
  /** Every recorded version, oldest first (semver order). */
  readonly versions: readonly VersionSummary[];
  /** Each consecutive pair of `versions`, oldest first. */
  readonly comparisons: readonly ComparisonSummary[];
}

export const LARGEST_CHANGES = 15;

/** A version number as semver writes it: 0.2.0, 1.0.0-rc.1 (build metadata allowed). */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

export function isVersionNumber(text: string): boolean {
  return text.length <= 64 && SEMVER.test(text);
}

/** Semver precedence: negative when `a` comes before `b`. Throws on a malformed version. */
export function compareSemver(a: string, b: string): number {
  const pa = SEMVER.exec(a);
  const pb = SEMVER.exec(b);
  if (!pa || !pb) throw new Error(`not a version number: ${pa ? b : a}`);
  for (let i = 1; i <= 3; i++) {
    const d = Number(pa[i]) - Number(pb[i]);
    if (d !== 0) return Math.sign(d);
  }
  const preA = pa[4]?.split(".");
  const preB = pb[4]?.split(".");
  if (!preA || !preB) return preA ? -1 : preB ? 1 : 0; // a pre-release comes before its release
  for (let i = 0; i < Math.min(preA.length, preB.length); i++) {
    const x = preA[i]!;
    const y = preB[i]!;
    if (x === y) continue;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny) return Math.sign(Number(x) - Number(y));
    if (nx !== ny) return nx ? -1 : 1; // numeric identifiers come first
    return x < y ? -1 : 1;
  }
  return Math.sign(preA.length - preB.length);
}

/** The anchor of the comparison between two versions on /versions: "from-0.1.0-to-0.2.0". */
export function comparisonAnchor(from: string, to: string): string {
  return `from-${from}-to-${to}`;
}

/** The anchor of a version's entry on /versions: "version-0.2.0". */
export function versionAnchor(version: string): string {
  return `version-${version}`;
}

/** Names for readable output labels: preset titles, CRC and owner names, by id. */
export interface OutputNames {
  readonly presets?: ReadonlyMap<string, string>;
  readonly crcs?: ReadonlyMap<string, string>;
  readonly owners?: ReadonlyMap<string, string>;
}

/** The outputs every scenario has (compare.ts names), as the site words them. */
const HEADLINE_LABELS: Readonly<Record<string, string>> = {
  "MoJ spend": "MoJ spend",
  "CRC profit": "all CRCs' profit",
  "loss-making CRCs": "loss-making CRCs",
  PbR: "payment by results",
};

/**
 * "the-2017-variation: CRC london" → "The 2017 variation: CRC profit, London";
 * "check scenario 7: MoJ spend" stays as it is. An output of another form is kept verbatim.
 */
export function outputLabel(output: string, names: OutputNames = {}): string {
  const cut = output.indexOf(": ");
  if (cut < 0) return output;
  const who = output.slice(0, cut);
  const what = output.slice(cut + 2);
  const scenario = names.presets?.get(who) ?? who;
  const headline = HEADLINE_LABELS[what];
  if (headline !== undefined) return `${scenario}: ${headline}`;
  const crc = /^CRC (.+)$/.exec(what);
  if (crc) return `${scenario}: CRC profit, ${names.crcs?.get(crc[1]!) ?? crc[1]}`;
  const owner = /^owner (.+)$/.exec(what);
  if (owner) return `${scenario}: owner profit, ${names.owners?.get(owner[1]!) ?? owner[1]}`;
  return `${scenario}: ${what}`;
}

const headline = (f: HeadlineFigures): HeadlineFigures => ({
  mojSpendPence: f.mojSpendPence,
  crcProfitPence: f.crcProfitPence,
  lossMakingCrcs: f.lossMakingCrcs,
});

/** The loader's output: every version (oldest first) and each consecutive pair's comparison. */
export function summarizeVersions(
  records: readonly VersionRecord[],
  names: OutputNames = {},
): ModelVersionsData {
  const sorted = [...records].sort((a, b) => compareSemver(a.version, b.version));
  sorted.forEach((r, i) => {
    if (i > 0 && compareSemver(sorted[i - 1]!.version, r.version) === 0)
      throw new Error(`model version ${r.version} is recorded twice`);
  });
  const versions = sorted.map((r) => ({
    version: r.version,
    date: r.date,
    reason: r.reason,
    crcCount: Math.max(0, ...Object.values(r.presets).map((p) => Object.keys(p.crcs).length)),
    presets: Object.fromEntries(Object.entries(r.presets).map(([id, p]) => [id, headline(p)])),
  }));
  const comparisons = sorted.slice(1).map((b, i): ComparisonSummary => {
    const a = sorted[i]!;
    const cmp = compareVersions(a, b);
    const summary = (c: (typeof cmp.changes)[number]): ChangeSummary => ({
      output: c.output,
      label: outputLabel(c.output, names),
      unit: c.unit,
      then: c.then,
      now: c.now,
      change: c.change,
      bucket: c.bucket,
    });
    const largest = cmp.changes
      .filter((c) => c.unit === "pence" && c.change !== 0)
      .sort((x, y) => Math.abs(y.change) - Math.abs(x.change))
      .slice(0, LARGEST_CHANGES)
      .map(summary);
    return {
      anchor: comparisonAnchor(a.version, b.version),
      from: cmp.from,
      to: cmp.to,
      buckets: MONEY_BUCKETS.map((bucket) => ({ bucket, outputs: cmp.buckets[bucket] })),
      moneyOutputs: cmp.changes.filter((c) => c.unit === "pence").length,
      countsChanged: cmp.countsChanged,
      counts: cmp.counts,
      signFlips: cmp.signFlips.map(summary),
      largest,
      unmatched: cmp.unmatched,
      presets: Object.keys(b.presets)
        .filter((id) => a.presets[id] !== undefined)
        .map((id) => ({ id, then: headline(a.presets[id]!), now: headline(b.presets[id]!) })),
    };
  });
  return { versions, comparisons };
}
