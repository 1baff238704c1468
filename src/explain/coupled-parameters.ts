import type { Issue } from "../issues/issue.ts";
import {
  SHORTFALL_PATH_IDS,
  STAFF_WITHIN_FIXED_IDS,
  WORKLOAD_CAP_IDS,
} from "../engine/constraints.ts";
import type { ProjectionInputs } from "../engine/projection-inputs.ts";
import { checkResolvedInputs } from "../scenario/check-resolved-inputs.ts";
import type { AttributionGroup } from "./attribution-groups.ts";
import { byText } from "./attribution-groups.ts";
import { hybrid } from "./hybrid-inputs.ts";

/**
 * The parameters that a rule needing several at once reads together (src/engine/constraints.ts;
 * src/scenario/check-resolved-inputs.ts applies them to a scenario). An attribution switches its
 * inputs from A's values to B's a group at a time, so it values mixes of A and B; A and B each
 * meet every rule, but a mix that takes some parameters of one of these sets from A and others
 * from B need not. Parameters outside these sets are read by rules of one parameter only (a
 * value in its own range, the bid prices' sum, 1 + the margin, the norm above 0), which every
 * mix meets because A and B do. No rule reads parameters of two sets, so a mix meets every rule
 * when each set's part of it does.
 */
export const COUPLED_PARAMETERS: readonly {
  readonly ids: readonly string[];
  readonly rule: string;
}[] = [
  {
    // constraints.ts `staffWithinFixed`: A's fixed share with B's staff share can put the
    // staff above the fixed costs.
    ids: STAFF_WITHIN_FIXED_IDS,
    rule: "staff count as fixed costs: the staff share must not exceed the fixed share",
  },
  {
    // constraints.ts `staffingAbove0` (FTE14 + scale × (FTE17 − FTE14) > 0: A's deep cut
    // with B's larger scale reaches 0 FTE, where the exact workload index throws),
    // `workloadWithinCap` and `feedbackOn` (the lowest FTE against the highest caseload
    // × (1 + growth) over the norm, where either feedback coefficient is on), and
    // check-resolved-inputs.ts's national caseload after growth above 0.
    ids: WORKLOAD_CAP_IDS,
    rule: "staffing must stay above 0 FTE, within the workload cap where the feedback is on, and the national caseload above 0",
  },
  {
    // constraints.ts `shortfallWithin` (effective-shortfall.ts: each year after 2017-18 is
    // the 2017-18 shortfall plus the trend per year): A's 2017-18 with B's trend can leave the
    // 2017-18 row's range.
    ids: SHORTFALL_PATH_IDS,
    rule: "each year's shortfall after 2017-18 (2017-18's plus the trend) must stay in range",
  },
];

/** The rules a scenario's inputs must meet, as issues (none: it may be projected). */
export type InputRules = (inputs: ProjectionInputs) => readonly Issue[];

/**
 * The rules without the data: all but the shortfall path's range, which needs the 2017-18 data
 * row (callers with the dataset pass src/sensitivity/edit-inputs.ts `inputIssues`). The ones
 * left out never make the engine fail; they keep a mix to figures the model stands behind.
 */
export const RULES_WITHOUT_DATA: InputRules = (inputs) =>
  checkResolvedInputs(inputs, () => undefined);

/** A player of the attribution, with why its parameters are switched together (when they are). */
export interface AttributionPlayer extends AttributionGroup {
  /** Set when players were joined because a mix of them breaks a rule: which mix, and the rule. */
  readonly keptTogether?: string;
}

/**
 * The players `groups` with those joined whose mixes of A and B break a rule, so that every mix
 * of the players is a scenario the model accepts. For each set of `COUPLED_PARAMETERS`, the
 * players holding its changed parameters are mixed every way (2^n − 2 mixes, n ≤ 8: a few
 * milliseconds); if one mix breaks a rule they become one player, named by their ids and labels
 * joined with " + ", which says which mix and which rule. Players whose mixes all pass stay
 * apart, so a difference is split as finely as the rules allow. Sorted by id, as `groups` are.
 */
export function keepCoupledTogether(
  groups: readonly AttributionGroup[],
  a: ProjectionInputs,
  b: ProjectionInputs,
  rules: InputRules = RULES_WITHOUT_DATA,
): AttributionPlayer[] {
  let players: AttributionPlayer[] = [...groups];
  const derived = new Map<string, Float64Array>();
  for (const set of COUPLED_PARAMETERS) {
    const inSet = (p: string) => set.ids.includes(p);
    const touching = players.filter((g) => g.params.some(inSet));
    if (touching.length < 2) continue;
    const broken = firstBrokenMix(touching, inSet, a, b, rules, derived);
    if (broken === undefined) continue;
    const joined: AttributionPlayer = {
      id: touching.map((g) => g.id).join(" + "),
      label: touching.map((g) => g.label).join(" + "),
      params: touching.flatMap((g) => g.params).sort(byText),
      keptTogether: broken,
    };
    players = [...players.filter((g) => !touching.includes(g)), joined].sort((x, y) =>
      byText(x.id, y.id),
    );
  }
  return players;
}

/** The first mix of `players` (their parameters of the set from B, the rest from A) that breaks a rule, in words. */
function firstBrokenMix(
  players: readonly AttributionPlayer[],
  inSet: (p: string) => boolean,
  a: ProjectionInputs,
  b: ProjectionInputs,
  rules: InputRules,
  derived: Map<string, Float64Array>,
): string | undefined {
  const n = players.length;
  for (let mask = 1; mask < 2 ** n - 1; mask++) {
    const fromB = players.filter((_, i) => (mask >>> i) & 1);
    const params = fromB.flatMap((g) => g.params.filter(inSet));
    const issues = rules(hybrid(a, b, params, derived));
    if (issues.length === 0) continue;
    const fromA = players.filter((g) => !fromB.includes(g)).flatMap((g) => g.params.filter(inSet));
    return `taking ${params.join(", ")}${FROM_B}${fromA.join(", ")}${FROM_A_BREAKS} a rule (${issues[0]!.message}), so they are switched together`;
  }
  return undefined;
}

const FROM_B = " from B and ";
const FROM_A_BREAKS = " from A breaks";

/**
 * Why parameters are switched together (a part's `keptTogether`, which says "from A" and "from
 * B"), with the scenarios' names.
 */
export function keptTogetherText(text: string, nameA = "A", nameB = "B"): string {
  return text
    .replace(FROM_B, ` from ${nameB} and `)
    .replace(FROM_A_BREAKS, ` from ${nameA} breaks`);
}
