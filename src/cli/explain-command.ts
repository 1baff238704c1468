import { quote } from "../issues/describe-value.ts";
import type { Issue, Result } from "../issues/issue.ts";
import type { Dataset } from "../data/index.ts";
import { explainFigure } from "../explain/explain-figure.ts";
import { resolveFigure, type FigureRef } from "../explain/figure-ref.ts";
import { formatFigureTree, refArguments } from "../explain/format-tree.ts";
import { projectScenario } from "../scenario/project-scenario.ts";
import { validateScenario, type ResolvedScenario } from "../scenario/validate-scenario.ts";
import { datasetForCli } from "./dataset-for-cli.ts";
import {
  choiceOption,
  echoArguments,
  EXIT_BAD_INPUT,
  fail,
  lineIssues,
  parse,
} from "./command-arguments.ts";
import type { Output } from "./output.ts";
import { readScenarioArgument } from "./scenario-argument.ts";

const FORMATS = ["text", "json"] as const;
/** Levels below the figure printed by default; each CRC-month cell always shows its rule. */
export const DEFAULT_DEPTH = 3;

/** Read and validate one scenario argument; every problem on failure (also `explain-delta`'s). */
export async function resolveArgument(
  arg: string,
): Promise<Result<{ scenario: ResolvedScenario; dataset: Dataset }>> {
  const read = await readScenarioArgument(arg);
  if (!read.ok) return read;
  const data = await datasetForCli();
  if (!data.ok) return data;
  const checked = validateScenario(read.value.doc, data.value);
  if (!checked.ok) return checked;
  return { ok: true, value: { scenario: checked.value, dataset: data.value } };
}

/** `--format text|json` (default text); undefined and an issue for any other. */
export function formatOption(
  raw: string | undefined,
  issues: Issue[],
): (typeof FORMATS)[number] | undefined {
  return choiceOption("format", raw, FORMATS, "text", issues);
}

/** `explain <preset | scenario.json> <crc | owner | ALL> <line> <period> [--depth N] [--format text|json]` */
export async function explainCommand(args: string[], out: Output): Promise<number> {
  const parsed = parse(
    "explain",
    args,
    { depth: { type: "string" }, format: { type: "string" } },
    out,
  );
  if (parsed === undefined) return EXIT_BAD_INPUT;
  const issues: Issue[] = [];
  const format = formatOption(parsed.values.format, issues);
  const rawDepth = parsed.values.depth;
  const depth = rawDepth === undefined ? DEFAULT_DEPTH : Number(rawDepth);
  if (rawDepth !== undefined && !(/^\d+$/.test(rawDepth) && depth >= 0))
    issues.push({
      path: "--depth",
      message: `${quote(rawDepth)} is not a whole number of levels (0 or more)`,
    });
  const p = parsed.positionals;
  if (p.length !== 4)
    issues.push(
      ...lineIssues(
        `expected <scenario> <crc | owner | ALL> <line> <period>, got ${p.length} argument${p.length === 1 ? "" : "s"}${p.length ? `: ${echoArguments(p)}` : ""}`,
      ),
    );
  if (issues.length > 0) return fail(out, "explain", issues);
  const [name, crc, line, period] = p as [string, string, string, string];
  const loaded = await resolveArgument(name);
  if (!loaded.ok) return fail(out, "explain", loaded.issues);
  const ref: FigureRef = { crc, line, period };
  const checked = resolveFigure(loaded.value.scenario.inputs.crcs, ref);
  if (!checked.ok) return fail(out, "explain", checked.issues);
  const projected = projectScenario(loaded.value.scenario, loaded.value.dataset);
  if (!projected.ok) return fail(out, "explain", projected.issues);
  const result = explainFigure(loaded.value.scenario, projected.value.ledger, ref, { depth });
  if (!result.ok) return fail(out, "explain", result.issues);
  if (format === "json") out.stdout(JSON.stringify(result.value, null, 2) + "\n");
  else
    out.stdout(
      formatFigureTree(result.value, {
        expandHint: (r) => `crc-scenarios explain ${name} ${refArguments(r)}`,
      }),
    );
  return 0;
}
