import type { ChartSources } from "./chart-sources.ts";

/**
 * What every exported chart carries so that anyone can tell what it is and rebuild it: the
 * scenario(s) with their canonical hashes, the model version, the Monte Carlo seed and draws
 * where the figure is sampled, when it was generated, the sources behind it, and the address
 * that rebuilds it. Plain data; the builders below are pure (the date is passed in).
 */
export interface ExportScenario {
  /** "baseline" / "compared" on the Compare page; null for a single scenario. */
  readonly role: "baseline" | "compared" | null;
  readonly name: string;
  /** The scenario's canonical hash (SHA-256 of its canonical JSON), in full. */
  readonly hash: string;
}

export interface ExportProvenance {
  readonly title: string;
  readonly scenarios: readonly ExportScenario[];
  readonly modelVersion: string;
  readonly seed?: number | null;
  readonly draws?: number | null;
  /**
   * What a sampled chart's draws came from (issue #14), e.g. "posterior (effective sample size
   * 24,315 of 100,000 prior draws, seed 2014)" or "prior ranges only".
   */
  readonly basis?: string | null;
  readonly generatedAt: Date;
  readonly sources: ChartSources;
  /** The page address that rebuilds the view (scenario and view state in the query). */
  readonly url: string;
  /** The site's Sources & assumptions page, for the sources not listed. */
  readonly sourcesUrl: string;
  /** A note on the units of the CSV's numbers. */
  readonly units?: string;
}

export const MODEL_NAME = "crc-scenarios";

/** Text that must stay on one line (a caption line, a CSV comment): no line breaks, no controls. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ").trim();
}

/** "2025-06-01 14:03 UTC": minutes are enough to tell two exports apart, and stay readable. */
export function formatGeneratedAt(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error("generatedAt is not a valid date");
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function scenarioLine(s: ExportScenario): string {
  const role = s.role === "baseline" ? "Baseline" : s.role === "compared" ? "Compared" : "Scenario";
  return `${role}: ${oneLine(s.name)} (hash ${s.hash})`;
}

function sampling(p: Pick<ExportProvenance, "seed" | "draws">): string {
  const parts: string[] = [];
  if (p.seed !== undefined && p.seed !== null) parts.push(`seed ${p.seed}`);
  if (p.draws !== undefined && p.draws !== null) parts.push(`${p.draws} draws`);
  return parts.join(", ");
}

function sourcesSentence(p: ExportProvenance): string {
  const { listed, more, inputs, assumed } = p.sources;
  const names = listed.map((s) => oneLine(s.label)).join("; ");
  const rest = more > 0 ? `; and ${more} more at ${p.sourcesUrl}` : "";
  const head = listed.length > 0 ? `Sources: ${names}${rest}.` : "Sources: none cited.";
  return `${head} ${assumed} of ${inputs} inputs are assumptions.`;
}

/**
 * The caption under an exported chart (SVG, PNG) as logical lines (wrap them to the width):
 * title, scenario(s) with hash, model version (+ seed and draws), date, sources, rebuild URL.
 */
export function captionLines(p: ExportProvenance): string[] {
  const model = [
    `Model: ${MODEL_NAME} ${p.modelVersion}`,
    sampling(p),
    `generated ${formatGeneratedAt(p.generatedAt)}`,
  ]
    .filter((s) => s !== "")
    .join(", ");
  return [
    oneLine(p.title),
    ...p.scenarios.map(scenarioLine),
    `${model}. Figures are the model's, not published accounts.`,
    ...(p.basis ? [`Drawn from the ${oneLine(p.basis)}.`] : []),
    sourcesSentence(p),
    `Rebuild: ${oneLine(p.url)}`,
  ];
}

/** "Copy citation": one paragraph naming the view, the scenario(s), the version, date and URL. */
export function citationText(p: ExportProvenance): string {
  const scenarios = p.scenarios
    .map((s) => {
      const role =
        s.role === "baseline" ? "baseline " : s.role === "compared" ? "compared with " : "";
      return `${role}scenario “${oneLine(s.name)}” (hash ${s.hash.slice(0, 12)})`;
    })
    .join(", ");
  const extra = [sampling(p), p.basis ? `drawn from the ${oneLine(p.basis)}` : ""]
    .filter((s) => s !== "")
    .join(", ");
  return (
    `${MODEL_NAME} ${p.modelVersion}, “${oneLine(p.title)}”, ${scenarios}` +
    `${extra ? `, ${extra}` : ""}. Generated ${formatGeneratedAt(p.generatedAt)}. ${oneLine(p.url)}`
  );
}

/** The CSV's `#` header lines: one fact per line, `# key: value`, never broken across lines. */
export function csvCommentLines(p: ExportProvenance): string[] {
  const lines: Array<[string, string]> = [
    [MODEL_NAME, p.title],
    ...p.scenarios.map((s): [string, string] => [
      s.role ?? "scenario",
      `${s.name} (hash ${s.hash})`,
    ]),
    ["model version", p.modelVersion],
  ];
  if (p.seed !== undefined && p.seed !== null) lines.push(["seed", String(p.seed)]);
  if (p.draws !== undefined && p.draws !== null) lines.push(["draws", String(p.draws)]);
  if (p.basis) lines.push(["drawn from", p.basis]);
  lines.push(["generated", p.generatedAt.toISOString()]);
  if (p.units) lines.push(["units", p.units]);
  for (const s of p.sources.listed) lines.push(["source", `${s.id}: ${s.citation}`]);
  if (p.sources.more > 0) lines.push(["sources", `${p.sources.more} more at ${p.sourcesUrl}`]);
  lines.push(["assumptions", `${p.sources.assumed} of ${p.sources.inputs} inputs are assumed`]);
  lines.push(["note", "figures are the model's, not published accounts"]);
  lines.push(["rebuild", p.url]);
  return lines.map(([k, v]) => `# ${k}: ${oneLine(v)}`);
}

/** A download's file name: chart id and the first 12 characters of the (first) scenario hash. */
export function exportFileName(chartId: string, p: ExportProvenance, extension: string): string {
  const safeId = chartId.replace(/[^a-z0-9-]+/gi, "-").replace(/^-+|-+$/g, "") || "chart";
  const hash = (p.scenarios[0]?.hash ?? "").replace(/[^0-9a-f]/gi, "").slice(0, 12);
  // Sampled charts of the same scenario differ by seed and draws: name both, so files differ.
  const whole = (n: number | null | undefined) =>
    n !== undefined && n !== null && Number.isInteger(n) && n >= 0 ? String(n) : null;
  const seed = whole(p.seed);
  const draws = whole(p.draws);
  const sampled = `${seed !== null ? `-seed${seed}` : ""}${draws !== null ? `-${draws}draws` : ""}`;
  return `${MODEL_NAME}-${safeId}${hash ? `-${hash}` : ""}${sampled}.${extension}`;
}
