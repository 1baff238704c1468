import { indexPath } from "../issues/describe-value.ts";
import type { Issue, Result } from "../issues/issue.ts";
import {
  compareScenarios,
  crcProfitDeltas,
  type ComparedScenario,
  type ComparisonRow,
  type CrcDelta,
} from "../site/compare.ts";
import { listValue } from "../issues/readers.ts";
import { MAX_COMPARED } from "../state/compare-selection.ts";
import type { EngineApi } from "../worker/api.ts";
import { requestFields } from "../worker/request-fields.ts";

/** Scenarios to compare: a baseline and up to six others (documents, as for `project`). */
export interface CompareRequest {
  readonly baseline: unknown;
  readonly scenarios: readonly unknown[];
}

/** What the Compare page shows: each metric side by side with its change, and each CRC's. */
export interface Comparison {
  /** The baseline first, then the others: label (title, or "baseline", "scenario N") and hash. */
  readonly scenarios: readonly { id: string; label: string; hash: string }[];
  /** Long form, metric by metric: value, delta from the baseline (exact pence) and % change. */
  readonly rows: readonly ComparisonRow[];
  /** Each CRC's contract-life profit change from the baseline, per compared scenario. */
  readonly crcs: readonly CrcDelta[];
}

/** The most scenarios compared with the baseline at once (the Compare page's limit). */
export { MAX_COMPARED };

/**
 * Compare scenarios as the Compare page does, on the engine's own projections: every problem
 * is a value, named under `baseline.` or `scenarios[N].`.
 */
export async function compareWith(
  engine: EngineApi,
  request: CompareRequest,
): Promise<Result<Comparison>> {
  const shapeIssues = checkShape(request);
  if (shapeIssues.length > 0) return { ok: false, issues: shapeIssues };
  const docs = [request.baseline, ...request.scenarios];
  const at = (i: number) => (i === 0 ? "baseline" : indexPath("scenarios", i - 1));
  const projected = await Promise.all(
    docs.map((scenario) => engine.project({ scenario, fyFor: "nation", monthLines: [] })),
  );
  const issues: Issue[] = [];
  const compared: ComparedScenario[] = [];
  projected.forEach((p, i) => {
    if (!p.ok) {
      // The worker names the request's field ("scenario.…"); here it is the i-th document.
      for (const issue of p.issues)
        issues.push({ ...issue, path: issue.path.replace(/^scenario/, at(i)) });
      return;
    }
    const id = i === 0 ? "baseline" : `scenario ${i}`;
    compared.push({
      id,
      label: p.value.title ?? id,
      hash: p.value.hash,
      summary: p.value.summary,
      total: p.value.total,
    });
  });
  if (issues.length > 0) return { ok: false, issues };
  const [base, ...others] = compared as [ComparedScenario, ...ComparedScenario[]];
  return {
    ok: true,
    value: {
      scenarios: compared.map(({ id, label, hash }) => ({ id, label, hash })),
      rows: compareScenarios(base, others),
      crcs: crcProfitDeltas(base, others),
    },
  };
}

const COMPARE_KEYS = ["baseline", "scenarios"];

/** Every problem with the request's form, checked and worded as the worker's requests are. */
function checkShape(request: unknown): Issue[] {
  const issues: Issue[] = [];
  const fields = requestFields(request, COMPARE_KEYS, ["baseline"], issues);
  if (fields === undefined) return issues;
  const what = `a list of 1 to ${MAX_COMPARED} scenario documents`;
  const scenarios = listValue(fields.scenarios, "scenarios", issues, what);
  if (scenarios !== undefined && (scenarios.length === 0 || scenarios.length > MAX_COMPARED))
    issues.push({ path: "scenarios", message: `a list of ${scenarios.length} is not ${what}` });
  return issues;
}
