import { explainDelta, type DeltaExplanation } from "../../src/explain/explain-delta.ts";
import { explainFigure, type FigureNode } from "../../src/explain/explain-figure.ts";
import type { FigureRef } from "../../src/explain/figure-ref.ts";
import { projectScenario } from "../../src/scenario/project-scenario.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { dataset } from "./project-in-node.ts";

/** The engine's explanation of a figure, computed in Node for a scenario (the oracle). */
export async function explainInNode(
  scenario: unknown,
  ref: FigureRef,
  depth = 1,
): Promise<FigureNode> {
  const projected = projectScenario(scenario, await dataset());
  if (!projected.ok) throw new Error(`scenario fails: ${JSON.stringify(projected.issues)}`);
  const { scenario: resolved, ledger } = projected.value;
  const tree = explainFigure(resolved, ledger, ref, { depth });
  if (!tree.ok) throw new Error(`figure fails: ${JSON.stringify(tree.issues)}`);
  return tree.value;
}

/** The engine's decomposition of a figure's change from scenario A to B, in Node (the oracle). */
export async function explainDeltaInNode(
  a: unknown,
  b: unknown,
  ref: FigureRef,
): Promise<DeltaExplanation> {
  const ds = await dataset();
  const [sideA, sideB] = [validateScenario(a, ds), validateScenario(b, ds)];
  if (!sideA.ok || !sideB.ok) throw new Error("scenario fails");
  const d = explainDelta(sideA.value.inputs, sideB.value.inputs, ref);
  if (!d.ok) throw new Error(`figure fails: ${JSON.stringify(d.issues)}`);
  return d.value;
}
