import { CONTRACT_MONTHS } from "./timeline.ts";

/** How results are reported over time (MODEL.md "Time"). */
export const PERIODS = ["month", "quarter", "fy", "total"] as const;
export type Period = (typeof PERIODS)[number];

export interface PeriodMap {
  /** Period labels in order: "2015-02", "2014-15 Q4", "2014-15" or "total". */
  readonly labels: readonly string[];
  /** For each contract month, the index of its period in `labels`. */
  readonly ofMonth: readonly number[];
  /** How many contract months each period has. */
  readonly monthCount: readonly number[];
}

function build(label: (m: (typeof CONTRACT_MONTHS)[number]) => string): PeriodMap {
  const labels: string[] = [];
  const ofMonth: number[] = [];
  const monthCount: number[] = [];
  for (const m of CONTRACT_MONTHS) {
    const l = label(m);
    if (labels.at(-1) !== l) {
      labels.push(l);
      monthCount.push(0);
    }
    ofMonth.push(labels.length - 1);
    monthCount[labels.length - 1]! += 1;
  }
  return { labels, ofMonth, monthCount };
}

const MAPS: Readonly<Record<Period, PeriodMap>> = {
  month: build((m) => m.id),
  quarter: build((m) => m.quarter),
  fy: build((m) => m.fy),
  total: build(() => "total"),
};

export function periodMap(period: Period): PeriodMap {
  return MAPS[period];
}
