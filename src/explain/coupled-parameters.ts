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
 * of the players is a scenario the model accepts, joining no more than the rules need. First, for
 * each set of `COUPLED_PARAMETERS`, the players holding its changed parameters are mixed every way
 * (2^n − 2 mixes, n ≤ 8: a few milliseconds) and joined if one mix breaks a rule, which is safe
 * but may join players that could stay apart (a third player beside two that conflict). Then each
 * joined player is split in two wherever every mix of the players still passes (the splits that
 * set one player apart tried first), until none can be: a joined player is one that no split in
 * two allows. Each mix's rules are asked once (remembered per set of parameters taken from B).
 * A joined player is named by its members' ids and labels joined with " + ", and says which mix
 * broke which rule when its members are apart. Sorted by id, as `groups` are.
 */
export function keepCoupledTogether(
  groups: readonly AttributionGroup[],
  a: ProjectionInputs,
  b: ProjectionInputs,
  rules: InputRules = RULES_WITHOUT_DATA,
): AttributionPlayer[] {
  // Only the players holding a parameter of a set can be joined: at most the 12 coupled ids, so
  // a block of them is a bit mask (bit i: coupled[i]).
  const coupled = groups.filter((g) => COUPLED_PARAMETERS.some((set) => touches(g, set.ids)));
  if (coupled.length < 2) return [...groups];
  const firstBroken = brokenMixFinder(coupled, a, b, rules);
  const blocks = splitWhileAllowed(joinedBySet(coupled.length, firstBroken), firstBroken);
  const joined = blocks.filter((block) => (block & (block - 1)) !== 0);
  if (joined.length === 0) return [...groups];
  const members = (block: number) => coupled.filter((_, i) => (block >>> i) & 1);
  const inJoined = new Set(joined.flatMap(members));
  const players: AttributionPlayer[] = joined.map((block) => {
    const apart = [...blocks.filter((other) => other !== block), ...bitsOf(block)].sort(
      byLowestBit,
    );
    const broken = firstBroken(apart);
    // Every split of `block` in two breaks a mix, so splitting it into its members does too.
    if (broken === undefined) throw new Error("a joined player's members could stay apart");
    const of = members(block);
    return {
      id: of.map((g) => g.id).join(" + "),
      label: of.map((g) => g.label).join(" + "),
      params: of.flatMap((g) => g.params).sort(byText),
      keptTogether: broken,
    };
  });
  return [...groups.filter((g) => !inJoined.has(g)), ...players].sort((x, y) => byText(x.id, y.id));
}

/** Whether a player holds a parameter of a set. */
function touches(player: AttributionGroup, ids: readonly string[]): boolean {
  return player.params.some((p) => ids.includes(p));
}

/**
 * The first mix of the blocks (each a bit mask of `players`, each wholly from A or wholly from B)
 * that breaks a rule, in words, or undefined when every mix passes; only `sets` (indices into
 * `COUPLED_PARAMETERS`) are looked at. A mix is judged by one set at a time (no rule reads two
 * sets), by its parameters of the set from B; each such judgement is made once.
 */
interface BrokenMixFinder {
  (blocks: readonly number[], sets?: readonly number[]): string | undefined;
  /** For each set, the players holding its parameters (a bit mask). */
  readonly touching: readonly number[];
}

function brokenMixFinder(
  players: readonly AttributionGroup[],
  a: ProjectionInputs,
  b: ProjectionInputs,
  rules: InputRules,
): BrokenMixFinder {
  const derived = new Map<string, Float64Array>();
  const perSet = COUPLED_PARAMETERS.map((set) => {
    const inSet = (p: string) => set.ids.includes(p);
    const paramsOf = (mask: number) =>
      players.filter((_, i) => (mask >>> i) & 1).flatMap((g) => g.params.filter(inSet));
    let touching = 0;
    players.forEach((g, i) => {
      if (g.params.some(inSet)) touching |= 1 << i;
    });
    const said = new Map<number, string | undefined>();
    const judge = (fromBMask: number): string | undefined => {
      if (said.has(fromBMask)) return said.get(fromBMask);
      const fromB = paramsOf(fromBMask);
      const issues = rules(hybrid(a, b, fromB, derived));
      const words =
        issues.length === 0
          ? undefined
          : `taking ${fromB.join(", ")}${FROM_B}${paramsOf(touching & ~fromBMask).join(", ")}${FROM_A_BREAKS} a rule (${issues[0]!.message}), so they are switched together`;
      said.set(fromBMask, words);
      return words;
    };
    return { touching, judge };
  });
  const allSets = perSet.map((_, s) => s);
  const find = (blocks: readonly number[], sets: readonly number[] = allSets) => {
    for (const s of sets) {
      const { touching, judge } = perSet[s]!;
      const inSet = blocks.filter((block) => (block & touching) !== 0);
      const n = inSet.length;
      for (let mix = 1; mix < 2 ** n - 1; mix++) {
        let fromB = 0;
        for (let i = 0; i < n; i++) if ((mix >>> i) & 1) fromB |= inSet[i]!;
        const words = judge(fromB & touching);
        if (words !== undefined) return words;
      }
    }
    return undefined;
  };
  return Object.assign(find, { touching: perSet.map((set) => set.touching) });
}

/**
 * Blocks of `n` players (bit masks) where, for each set in turn, the blocks holding its
 * parameters are joined if one of their mixes breaks a rule: every mix passes, but a set's
 * players are joined all or none (the attribution's players before they were split).
 */
function joinedBySet(n: number, firstBroken: BrokenMixFinder): number[] {
  let blocks = bitsOf(2 ** n - 1);
  firstBroken.touching.forEach((touching, s) => {
    if (firstBroken(blocks, [s]) === undefined) return;
    const inSet = blocks.filter((block) => (block & touching) !== 0);
    blocks = [
      ...blocks.filter((block) => (block & touching) === 0),
      inSet.reduce((x, y) => x | y, 0),
    ];
  });
  return blocks.sort(byLowestBit);
}

/**
 * `blocks` with a block split in two wherever every mix of the blocks still passes, until none
 * can be (each block in order of its first player; the ways to split it in order of the smaller
 * part's size, then of its players, so a player that conflicts with none is set apart first).
 * A split only adds mixes, so a block no split in two allows cannot be split any finer either.
 */
function splitWhileAllowed(start: readonly number[], firstBroken: BrokenMixFinder): number[] {
  let blocks = [...start];
  for (let i = 0; i < blocks.length;) {
    const block = blocks[i]!;
    const split = splitsOf(block).find((part) => {
      const trial = [...blocks.slice(0, i), part, block & ~part, ...blocks.slice(i + 1)];
      return firstBroken(trial) === undefined;
    });
    if (split === undefined) i++;
    else blocks = [...blocks.slice(0, i), split, block & ~split, ...blocks.slice(i + 1)];
  }
  return blocks.sort(byLowestBit);
}

/**
 * The parts of `block` to set apart from the rest, each way of splitting it in two once: the
 * parts of up to half its players, smaller first, then in order of their players.
 */
function splitsOf(block: number): number[] {
  const bits = bitsOf(block);
  const t = bits.length;
  const parts: number[] = [];
  for (let mask = 1; mask < 2 ** t - 1; mask++) {
    const size = popCount(mask);
    // Halves: only those without the last player, so each split is listed once.
    if (2 * size > t || (2 * size === t && (mask >>> (t - 1)) & 1)) continue;
    parts.push(mask);
  }
  parts.sort((x, y) => popCount(x) - popCount(y) || x - y);
  return parts.map((mask) => bits.filter((_, i) => (mask >>> i) & 1).reduce((x, y) => x | y, 0));
}

/** The single bits of a mask, lowest first. */
function bitsOf(mask: number): number[] {
  const bits: number[] = [];
  for (let bit = 1; bit <= mask && bit !== 0; bit <<= 1) if (mask & bit) bits.push(bit);
  return bits;
}

function popCount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

function byLowestBit(x: number, y: number): number {
  return (x & -x) - (y & -y);
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
