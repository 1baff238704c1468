import type { Dataset, ParameterGroup } from "../data/index.ts";

/** One source behind a chart: how it is named in a caption, and in full for CSV comments. */
export interface ChartSource {
  readonly id: string;
  /** Short: "National Audit Office (2017-12-19)". */
  readonly label: string;
  /** Full, as data/sources.csv cites it. */
  readonly citation: string;
  /** How many of the chart's inputs (distinct parameter ids) cite it. */
  readonly inputs: number;
}

export interface ChartSources {
  /** The most-cited sources, most inputs first (ties by id), at most `limit`. */
  readonly listed: readonly ChartSource[];
  /** Sources behind the chart that are not listed (the Sources page has them all). */
  readonly more: number;
  /** The chart's inputs: distinct parameter ids in its groups. */
  readonly inputs: number;
  /** How many of those inputs are assumptions (status "assumed" on any of their rows). */
  readonly assumed: number;
}

export const SOURCES_LISTED = 5;

/**
 * The short list of sources behind a chart: the sources cited by the parameters of the groups
 * the chart's lines depend on (data/parameters.csv `group`), ranked by how many inputs cite
 * them. Counting distinct parameter ids, not rows, so a figure spread over 21 per-CRC rows
 * counts once. Assumed inputs are counted too: a caption must not read as all-sourced.
 */
export function chartSources(
  dataset: Pick<Dataset, "sources" | "parameters">,
  groups: readonly ParameterGroup[],
  limit = SOURCES_LISTED,
): ChartSources {
  const wanted = new Set<string>(groups);
  const rows = dataset.parameters.filter((p) => wanted.has(p.group));
  const bySource = new Map<string, Set<string>>();
  const assumed = new Set<string>();
  for (const p of rows) {
    if (p.status === "assumed") assumed.add(p.id);
    if (p.sourceId === "") continue;
    const ids = bySource.get(p.sourceId) ?? new Set<string>();
    ids.add(p.id);
    bySource.set(p.sourceId, ids);
  }
  const known = new Map(dataset.sources.map((s) => [s.id, s]));
  const ranked: ChartSource[] = [...bySource]
    .map(([id, ids]) => {
      const s = known.get(id);
      return {
        id,
        label: s ? `${s.publisher} (${s.date})` : id,
        citation: s ? s.citation || `${s.publisher}, ${s.title}, ${s.date}` : id,
        inputs: ids.size,
      };
    })
    .sort((a, b) => b.inputs - a.inputs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    listed: ranked.slice(0, Math.max(0, limit)),
    more: Math.max(0, ranked.length - Math.max(0, limit)),
    inputs: new Set(rows.map((p) => p.id)).size,
    assumed: assumed.size,
  };
}
