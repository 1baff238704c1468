import type { Issue, Result } from "../issues/issue.ts";
import { describeValue, indexPath } from "../issues/describe-value.ts";
import { oneOf } from "../issues/readers.ts";
import { ALL, rollUp, type TidyRow } from "../engine/roll-up.ts";
import { LINES } from "../engine/lines.ts";
import { PRESETS } from "../scenario/presets.ts";
import { summarize, type Summary } from "../scenario/summarize.ts";
import { type EngineState, requestFields, toIssues, under } from "./request-fields.ts";

/** A projection: the scenario, and which monthly rows to send back. */
export interface ProjectionRequest {
  /** A scenario document (validated here). */
  readonly scenario: unknown;
  /** Also return this CRC's monthly rows (CRC pages). */
  readonly crc?: string;
  /** Also return this owner's monthly rows (owner pages). */
  readonly owner?: string;
  /**
   * Which groups `fy` covers: "all" (every CRC, owner and the nation; the default) or "nation"
   * (the nation only: the Explorer's hot path, a thirtieth of the rows to build and clone).
   */
  readonly fyFor?: "all" | "nation";
  /**
   * Which lines `nationMonths` and `focusMonths` carry (LINES ids); all when absent. The
   * Explorer asks for the two it charts: the monthly rows are most of what crosses the worker
   * boundary on each slider move (issue #5).
   */
  readonly monthLines?: readonly string[];
}

export interface ProjectionView {
  readonly hash: string;
  readonly title: string | null;
  /** Presets the scenario was built on, nearest first. */
  readonly lineage: readonly string[];
  readonly warnings: readonly Issue[];
  readonly summary: Summary;
  /** Every CRC, owner (crc = ALL) and the nation (crc = owner = ALL), by financial year. */
  readonly fy: readonly TidyRow[];
  /** The same groups over the whole contract. */
  readonly total: readonly TidyRow[];
  /** The nation by month. */
  readonly nationMonths: readonly TidyRow[];
  /** The requested CRC's or owner's rows by month, if one was asked for. */
  readonly focusMonths: readonly TidyRow[];
}

const KEYS = ["scenario", "crc", "owner", "fyFor", "monthLines"];
const FY_FOR = ["all", "nation"] as const;

function checkProjectionRequest(
  request: unknown,
  { dataset }: EngineState,
): Result<ProjectionRequest> {
  const issues: Issue[] = [];
  const fields = requestFields(request, KEYS, ["scenario"], issues);
  if (fields === undefined) return { ok: false, issues };
  const { fyFor, crc, owner, monthLines } = fields;
  if (fyFor !== undefined) oneOf(fyFor, FY_FOR, "fyFor", issues);
  if (monthLines !== undefined) {
    if (!Array.isArray(monthLines))
      issues.push({
        path: "monthLines",
        message: `${describeValue(monthLines)} is not a list of lines`,
      });
    else monthLines.forEach((line, i) => oneOf(line, LINES, indexPath("monthLines", i), issues));
  }
  if (crc !== undefined && !dataset.crcs.some((c) => c.id === crc))
    issues.push({ path: "crc", message: `${describeValue(crc)} is not a CRC id` });
  if (owner !== undefined && !dataset.owners.some((o) => o.id === owner))
    issues.push({ path: "owner", message: `${describeValue(owner)} is not an owner id` });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: fields as unknown as ProjectionRequest };
}

/** Project a scenario and roll it up, in the worker, so the page's main thread only draws. */
export function project(engine: EngineState, request: unknown): Result<ProjectionView> {
  const checked = checkProjectionRequest(request, engine);
  if (!checked.ok) return checked;
  const projected = engine.projectDoc(checked.value.scenario);
  if (!projected.ok) return { ok: false, issues: under("scenario", projected.issues) };
  const { ledger, scenario, warnings } = projected.value;
  const { crc, owner, monthLines, fyFor } = checked.value;
  const kept = monthLines === undefined ? null : new Set<string>(monthLines);
  const months = (include: (c: string, o: string) => boolean) => {
    const rows = rollUp(ledger, "month", include);
    return kept === null ? rows : rows.filter((r) => kept.has(r.line));
  };
  // A scenario that only names a preset reads under the preset's title.
  const preset = scenario.merged.lineage[0];
  const title = scenario.merged.title ?? (preset ? (PRESETS.get(preset)?.title ?? null) : null);
  return {
    ok: true,
    value: {
      hash: scenario.hash,
      title,
      lineage: scenario.merged.lineage,
      warnings: toIssues(warnings),
      summary: summarize(ledger, title, scenario.hash),
      fy:
        fyFor === "nation"
          ? rollUp(ledger, "fy", (c, o) => c === ALL && o === ALL)
          : rollUp(ledger, "fy"),
      total: rollUp(ledger, "total"),
      nationMonths: months((c, o) => c === ALL && o === ALL),
      focusMonths:
        crc !== undefined
          ? months((c) => c === crc)
          : owner !== undefined
            ? months((c, o) => c === ALL && o === owner)
            : [],
    },
  };
}
