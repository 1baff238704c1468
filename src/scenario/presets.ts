import contractAsLet from "../../models/contract-as-let.json" with { type: "json" };
import cutsAsReported from "../../models/cuts-as-reported.json" with { type: "json" };
import earlyTermination from "../../models/early-termination.json" with { type: "json" };
import noVariation from "../../models/no-variation.json" with { type: "json" };
import pbrHigh from "../../models/pbr-high.json" with { type: "json" };
import pbrLow from "../../models/pbr-low.json" with { type: "json" };
import staffingHeld2014 from "../../models/staffing-held-2014.json" with { type: "json" };
import the2017Variation from "../../models/the-2017-variation.json" with { type: "json" };
import volumesAsTheyFell from "../../models/volumes-as-they-fell.json" with { type: "json" };
import { parseScenario } from "./parse-scenario.ts";
import type { Scenario } from "./scenario.ts";

/**
 * The named scenarios shipped in models/ (MODEL.md "Presets"), in the order they are listed.
 * Imported statically so the browser bundle carries them too. A preset that does not parse is a
 * bug in models/ (a test parses each one), so it throws here.
 */
const DOCUMENTS: readonly unknown[] = [
  contractAsLet,
  volumesAsTheyFell,
  the2017Variation,
  noVariation,
  pbrLow,
  pbrHigh,
  staffingHeld2014,
  cutsAsReported,
  earlyTermination,
];

function load(): ReadonlyMap<string, Scenario> {
  const presets = new Map<string, Scenario>();
  for (const doc of DOCUMENTS) {
    const { scenario, issues } = parseScenario(doc);
    if (issues.length > 0 || scenario.id === undefined) {
      const what = issues.map((i) => `${i.path}: ${i.message}`).join("; ");
      throw new Error(`models/: a preset does not parse (${what || "no id"})`);
    }
    presets.set(scenario.id, scenario);
  }
  return presets;
}

export const PRESETS: ReadonlyMap<string, Scenario> = load();
export const PRESET_IDS: readonly string[] = [...PRESETS.keys()];
