import {
  attributeDelta,
  type AttributeDeltaOptions,
  type Attribution,
} from "../../src/explain/attribute-delta.ts";
import { parameterCatalog } from "../../src/explain/attribution-groups.ts";
import type { FigureRef } from "../../src/explain/figure-ref.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { dataset } from "./project-in-node.ts";

/** The fair shares of a figure's change from scenario A to B, computed in Node (the oracle). */
export async function attributionInNode(
  a: unknown,
  b: unknown,
  ref: FigureRef,
  options: AttributeDeltaOptions = {},
): Promise<Attribution> {
  const ds = await dataset();
  const [sideA, sideB] = [validateScenario(a, ds), validateScenario(b, ds)];
  if (!sideA.ok || !sideB.ok) throw new Error("scenario fails");
  const d = attributeDelta(sideA.value.inputs, sideB.value.inputs, ref, {
    catalog: parameterCatalog(ds.parameters),
    ...options,
  });
  if (!d.ok) throw new Error(`figure fails: ${JSON.stringify(d.issues)}`);
  return d.value;
}
