import { signedMillions } from "../engine/format-millions.ts";
import type { HeadlineFigures, PresetFigures, VersionRecord } from "./record.ts";

/**
 * How every recorded output moved between two model versions (issue #18), in terms a reader
 * of a briefing understands: each output's change, bucketed by size, with sign flips (a profit
 * that became a loss, or back) called out.
 */
export const MONEY_BUCKETS = ["none", "under £1m", "under £10m", "£10m or more"] as const;
export type MoneyBucket = (typeof MONEY_BUCKETS)[number];

export interface OutputChange {
  /** e.g. "the-2017-variation: CRC profit", "the-2017-variation: london", "check scenario 7: …". */
  readonly output: string;
  readonly unit: "pence" | "count";
  readonly then: number;
  readonly now: number;
  readonly change: number;
  /** Money outputs only; counts are "none" or "changed". */
  readonly bucket: MoneyBucket | "changed";
  /** A money output that changed sign (profit ↔ loss). */
  readonly signFlip: boolean;
}

export interface VersionComparison {
  readonly from: Pick<VersionRecord, "version" | "date" | "reason">;
  readonly to: Pick<VersionRecord, "version" | "date" | "reason">;
  readonly changes: readonly OutputChange[];
  /** How many money outputs fall in each bucket. */
  readonly buckets: Readonly<Record<MoneyBucket, number>>;
  /** Count outputs (loss-making CRCs) that changed, of all count outputs. */
  readonly countsChanged: number;
  readonly counts: number;
  readonly signFlips: readonly OutputChange[];
  /** Outputs recorded in only one of the two versions (a preset added or removed). */
  readonly unmatched: readonly string[];
}

const POUND_MILLION = 100_000_000; // pence in £1m

export function moneyBucket(changePence: number): MoneyBucket {
  const size = Math.abs(changePence);
  if (size === 0) return "none";
  if (size < POUND_MILLION) return "under £1m";
  if (size < 10 * POUND_MILLION) return "under £10m";
  return "£10m or more";
}

function money(output: string, then: number, now: number): OutputChange {
  return {
    output,
    unit: "pence",
    then,
    now,
    change: now - then,
    bucket: moneyBucket(now - then),
    signFlip: Math.sign(then) !== Math.sign(now) && then !== 0 && now !== 0,
  };
}

function count(output: string, then: number, now: number): OutputChange {
  return {
    output,
    unit: "count",
    then,
    now,
    change: now - then,
    bucket: now === then ? "none" : "changed",
    signFlip: false,
  };
}

function headlineChanges(label: string, a: HeadlineFigures, b: HeadlineFigures): OutputChange[] {
  return [
    money(`${label}: MoJ spend`, a.mojSpendPence, b.mojSpendPence),
    money(`${label}: CRC profit`, a.crcProfitPence, b.crcProfitPence),
    count(`${label}: loss-making CRCs`, a.lossMakingCrcs, b.lossMakingCrcs),
  ];
}

function presetChanges(id: string, a: PresetFigures, b: PresetFigures, unmatched: string[]) {
  const out = [...headlineChanges(id, a, b), money(`${id}: PbR`, a.pbrPence, b.pbrPence)];
  for (const [kind, then, now] of [
    ["CRC", a.crcs, b.crcs],
    ["owner", a.owners, b.owners],
  ] as const) {
    for (const key of new Set([...Object.keys(then), ...Object.keys(now)])) {
      if (then[key] === undefined || now[key] === undefined)
        unmatched.push(`${id}: ${kind} ${key}`);
      else out.push(money(`${id}: ${kind} ${key}`, then[key]!, now[key]!));
    }
  }
  return out;
}

/** Every output recorded in both versions, from `a` (then) to `b` (now). */
export function compareVersions(a: VersionRecord, b: VersionRecord): VersionComparison {
  const unmatched: string[] = [];
  const changes: OutputChange[] = [];
  for (const id of new Set([...Object.keys(a.presets), ...Object.keys(b.presets)])) {
    const then = a.presets[id];
    const now = b.presets[id];
    if (then === undefined || now === undefined) unmatched.push(`preset ${id}`);
    else changes.push(...presetChanges(id, then, now, unmatched));
  }
  const n = Math.min(a.random.length, b.random.length);
  for (let k = 0; k < n; k++) {
    changes.push(...headlineChanges(`check scenario ${k + 1}`, a.random[k]!, b.random[k]!));
  }
  if (a.random.length !== b.random.length)
    unmatched.push("check scenarios beyond the shorter list");
  const buckets = Object.fromEntries(MONEY_BUCKETS.map((k) => [k, 0])) as Record<
    MoneyBucket,
    number
  >;
  const counts = changes.filter((c) => c.unit === "count");
  for (const c of changes) if (c.unit === "pence") buckets[c.bucket as MoneyBucket] += 1;
  const meta = (r: VersionRecord) => ({ version: r.version, date: r.date, reason: r.reason });
  return {
    from: meta(a),
    to: meta(b),
    changes,
    buckets,
    countsChanged: counts.filter((c) => c.change !== 0).length,
    counts: counts.length,
    signFlips: changes.filter((c) => c.signFlip),
    unmatched,
  };
}

const show = (c: OutputChange, v: number) => (c.unit === "pence" ? signedMillions(v) : String(v));

/** The comparison as text: buckets, sign flips, the headline outputs and the largest changes. */
export function formatComparison(cmp: VersionComparison, largest = 15): string {
  const lines = [
    `Model ${cmp.from.version} (${cmp.from.date}) → ${cmp.to.version} (${cmp.to.date}): ${cmp.to.reason}`,
    "",
    `Money outputs by size of change: ${MONEY_BUCKETS.map((b) => `${b} ${cmp.buckets[b]}`).join(", ")}.`,
    `Loss-making counts changed: ${cmp.countsChanged} of ${cmp.counts}.`,
    `Sign flips (profit ↔ loss): ${cmp.signFlips.length}${cmp.signFlips.length ? ":" : "."}`,
    ...cmp.signFlips
      .slice(0, largest)
      .map((c) => `  ${c.output}: ${show(c, c.then)} → ${show(c, c.now)}`),
    ...(cmp.signFlips.length > largest
      ? [`  … and ${cmp.signFlips.length - largest} more (--format json lists them all)`]
      : []),
  ];
  const moved = [...cmp.changes]
    .filter((c) => c.unit === "pence" && c.change !== 0)
    .sort((x, y) => Math.abs(y.change) - Math.abs(x.change))
    .slice(0, largest);
  if (moved.length) {
    lines.push("", `Largest changes (${moved.length}):`);
    for (const c of moved) lines.push(`  ${c.output}: ${show(c, c.then)} → ${show(c, c.now)}`);
  }
  if (cmp.unmatched.length)
    lines.push("", `Recorded in only one version: ${cmp.unmatched.join("; ")}.`);
  return lines.join("\n") + "\n";
}
