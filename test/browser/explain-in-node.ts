import { explainFigure, type FigureNode } from "../../src/explain/explain-figure.ts";
import type { FigureRef } from "../../src/explain/figure-ref.ts";
import { projectScenario } from "../../src/scenario/project-scenario.ts";
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
