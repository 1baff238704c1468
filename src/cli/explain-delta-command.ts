import { formatIssue, type Issue } from "../issues/issue.ts";
import type { ProjectionInputs } from "../engine/projection-inputs.ts";
import {
  attributeDelta,
  DEFAULT_MAX_EXACT_GROUPS,
  DEFAULT_PERMUTATIONS,
  DEFAULT_SEED,
  MAX_PERMUTATIONS,
} from "../explain/attribute-delta.ts";
import { ATTRIBUTION_LEVELS, parameterCatalog } from "../explain/attribution-groups.ts";
import { explainDelta } from "../explain/explain-delta.ts";
import { formatAttribution } from "../explain/format-attribution.ts";
import { formatDelta } from "../explain/format-tree.ts";
import {
  choiceOption,
  echoArguments,
  EXIT_BAD_INPUT,
  fail,
  lineIssues,
  parse,
  wholeOption,
} from "./command-arguments.ts";
import { formatOption, resolveArgument } from "./explain-command.ts";
import type { Output } from "./output.ts";
import { inputIssues } from "../sensitivity/edit-inputs.ts";

/** "shapley" (the default) shares fairly; the others switch in a fixed order (order-dependent). */
export const EXPLAIN_DELTA_METHODS = ["shapley", "one-at-a-time", "sequential"] as const;

export const EXPLAIN_DELTA_USAGE = `explain-delta <scenarioA> <scenarioB> <crc | owner | ALL> <line> <period> [--method shapley|one-at-a-time|sequential]
       [--level parameter|group] [--samples N] [--seed S] [--format text|json]
      B − A shared among the inputs that differ. shapley (default): each parameter's (or group's)
      effect averaged over every order of switching them A→B: parts add up exactly, no interaction;
      exact up to ${DEFAULT_MAX_EXACT_GROUPS} groups, else N sampled orders (default ${DEFAULT_PERMUTATIONS}, seed ${DEFAULT_SEED}) with standard errors.
      one-at-a-time / sequential: order-dependent (alphabetical), the rest as interaction`;

const ORDER_DEPENDENT =
  "order-dependent: switched in alphabetical order; another order would split the difference differently (--method shapley does not depend on the order)\n";

/**
 * `explain-delta <A> <B> <crc | owner | ALL> <line> <period> [--method …] [--level …]
 * [--samples N] [--seed S] [--format text|json]` (issues #8, #17). JSON has `parts` and
 * `deltaPence` for every method.
 */
export async function explainDeltaCommand(args: string[], out: Output): Promise<number> {
  const parsed = parse(
    "explain-delta",
    args,
    {
      method: { type: "string" },
      level: { type: "string" },
      samples: { type: "string" },
      seed: { type: "string" },
      format: { type: "string" },
    },
    out,
  );
  if (parsed === undefined) return EXIT_BAD_INPUT;
  const o = parsed.values;
  const issues: Issue[] = [];
  const format = formatOption(o.format, issues);
  const method = choiceOption("method", o.method, EXPLAIN_DELTA_METHODS, "shapley", issues);
  const level = choiceOption("level", o.level, ATTRIBUTION_LEVELS, "parameter", issues);
  const samples = wholeOption("samples", o.samples, 4, MAX_PERMUTATIONS, issues);
  const seed = wholeOption("seed", o.seed, 0, 0xffffffff, issues);
  if (method === "one-at-a-time" || method === "sequential")
    for (const name of ["level", "samples", "seed"] as const)
      if (o[name] !== undefined)
        issues.push({ path: `--${name}`, message: "only for --method shapley" });
  const p = parsed.positionals;
  if (p.length !== 5)
    issues.push(
      ...lineIssues(
        `expected <scenarioA> <scenarioB> <crc | owner | ALL> <line> <period>, got ${p.length} argument${p.length === 1 ? "" : "s"}${p.length ? `: ${echoArguments(p)}` : ""}`,
      ),
    );
  if (issues.length > 0 || method === undefined || level === undefined)
    return fail(out, "explain-delta", issues);
  const [nameA, nameB, crc, line, period] = p as [string, string, string, string, string];
  const a = await resolveArgument(nameA);
  const b = await resolveArgument(nameB);
  // Each scenario's issues under its name as given ("b.json: parameters.…: …").
  const named = (name: string, found: readonly Issue[]) =>
    found.map((i) => ({ path: name, message: formatIssue(i) }));
  if (!a.ok || !b.ok)
    return fail(out, "explain-delta", [
      ...(a.ok ? [] : named(nameA, a.issues)),
      ...(b.ok ? [] : named(nameB, b.issues)),
    ]);
  const ref = { crc, line, period };
  const dataset = a.value.dataset;
  const rules = (inputs: ProjectionInputs) => inputIssues(inputs, dataset);
  const json = (value: unknown) => JSON.stringify(value, null, 2) + "\n";
  if (method === "shapley") {
    const result = attributeDelta(a.value.scenario.inputs, b.value.scenario.inputs, ref, {
      level,
      catalog: parameterCatalog(dataset.parameters),
      rules,
      ...(samples !== undefined ? { permutations: samples } : {}),
      ...(seed !== undefined ? { seed } : {}),
    });
    if (!result.ok) return fail(out, "explain-delta", result.issues);
    out.stdout(
      format === "json" ? json(result.value) : formatAttribution(result.value, nameA, nameB),
    );
    return 0;
  }
  const result = explainDelta(a.value.scenario.inputs, b.value.scenario.inputs, ref, {
    method,
    rules,
  });
  if (!result.ok) return fail(out, "explain-delta", result.issues);
  out.stdout(
    format === "json"
      ? json(result.value)
      : formatDelta(result.value, nameA, nameB) + ORDER_DEPENDENT,
  );
  return 0;
}
