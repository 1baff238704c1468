import * as aq from "arquero";
import { sourceCitation, type SourceLike } from "./source-list.ts";

/** The rows the "Sources & assumptions" page lists: every parameter and figure, one table. */
export interface ProvenanceRow {
  kind: "parameter" | "figure";
  id: string;
  crc: string;
  label: string;
  value: string;
  unit: string;
  status: string;
  source: string;
  /** The source's id, for a link to its entry on the Sources page ("" for none). */
  sourceId: string;
  locator: string;
  reason: string;
}

interface DatasetLike {
  sources: Array<{ id: string; citation: string } & Partial<SourceLike>>;
  figures: Array<{
    id: string;
    valueText: string;
    unit: string;
    qualifier: string;
    meaning: string;
    sourceId: string;
    locator: string;
    use: string;
  }>;
  parameters: Array<{
    id: string;
    crc: string | null;
    unit: string;
    text: { default: string; low: string; high: string };
    status: string;
    sourceId: string;
    locator: string;
    reason: string;
    label: string;
  }>;
}

export function provenanceRows(dataset: DatasetLike): ProvenanceRow[] {
  const cite = new Map(
    dataset.sources.map((s) => [
      s.id,
      sourceCitation({
        kind: "",
        title: "",
        publisher: "",
        date: "",
        url: "",
        sourceFile: "",
        note: "",
        ...s,
      }),
    ]),
  );
  const parameters: ProvenanceRow[] = dataset.parameters.map((p) => ({
    kind: "parameter",
    id: p.id,
    crc: p.crc ?? "all",
    label: p.label,
    value:
      p.text.low === p.text.high
        ? p.text.default
        : `${p.text.default} (range ${p.text.low}–${p.text.high})`,
    unit: p.unit,
    status: p.status,
    source: p.sourceId ? (cite.get(p.sourceId) ?? p.sourceId) : "",
    sourceId: p.sourceId,
    locator: p.locator,
    reason: p.reason,
  }));
  const figures: ProvenanceRow[] = dataset.figures.map((f) => ({
    kind: "figure",
    id: f.id,
    crc: "",
    label: f.meaning,
    value:
      f.qualifier === "exact" ? f.valueText : `${f.qualifier.replace("_", " ")} ${f.valueText}`,
    unit: f.unit,
    status: "published",
    source: cite.get(f.sourceId) ?? f.sourceId,
    sourceId: f.sourceId,
    locator: f.locator,
    reason: `used as ${f.use}`,
  }));
  return [...parameters, ...figures];
}

/** Counts of parameters by status (sourced / derived / assumed), via Arquero. */
export function statusSummary(dataset: DatasetLike): Array<{ status: string; count: number }> {
  return aq
    .from(dataset.parameters.map((p) => ({ status: p.status })))
    .groupby("status")
    .count({ as: "count" })
    .orderby("status")
    .objects() as Array<{ status: string; count: number }>;
}
