import type { WarnedResult } from "../issues/issue.ts";
import type { Dataset } from "../data/index.ts";
import { projectScenario, type Projection } from "../scenario/project-scenario.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";

/** A scenario document projected (its ledger reused while its hash stays the same). */
export type ProjectionMemo = (doc: unknown) => WarnedResult<Projection>;

/**
 * Project a scenario document, reusing the last ledger when the scenario's hash is the same.
 * "Explain this number" (issue #8) asks about the scenario the page has just projected, and each
 * step the reader expands is another request for it: one exact projection costs ~140 ms here,
 * the explanation itself a few. The hash covers every effective override (after `extends`), and
 * the dataset is fixed for the memo's life, so equal hashes mean equal ledgers. The resolved
 * scenario is always the fresh one, so titles (outside the hash) are never stale.
 */
export function createProjectionMemo(dataset: Dataset): ProjectionMemo {
  let last: { hash: string; projection: Projection } | undefined;
  return (doc: unknown): WarnedResult<Projection> => {
    const checked = validateScenario(doc, dataset);
    if (!checked.ok) return checked;
    const { warnings } = checked;
    if (last?.hash !== checked.value.hash) {
      const projected = projectScenario(checked.value, dataset);
      if (!projected.ok) return projected;
      last = { hash: checked.value.hash, projection: projected.value };
    }
    const projection = { scenario: checked.value, ledger: last.projection.ledger, warnings };
    return { ok: true, value: projection, warnings };
  };
}
