import { parseArgs } from "node:util";
import { formatScenarioIssue } from "../scenario/scenario-issue.ts";
import {
  DEFAULT_DRAWS,
  DEFAULT_SEED,
  DEFAULT_SHAPE,
  MAX_DRAWS,
  MAX_SEED,
  SHAPES,
  SHORTFALL_GROUP,
  type Shape,
} from "../scenario/uncertainty-settings.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { runMonteCarlo, type MonteCarloOptions } from "../uncertainty/run-monte-carlo.ts";
import { monteCarloCsv } from "../uncertainty/summary-table.ts";
import { datasetForCli } from "./dataset-for-cli.ts";
import type { Output } from "./output.ts";
import { readScenarioArgument } from "./scenario-argument.ts";

const EXIT_BAD_INPUT = 2;
const FORMATS = ["json", "csv"] as const;

export const MC_USAGE = `mc <preset | scenario.json> [--draws N] [--seed S] [--format json|csv] [--shape ${SHAPES.filter((s) => s !== "point").join("|")}|point] [--correlation R] [--fan ALL|crc|owner]
      Monte Carlo: P5–P95 and mean of national, owner and CRC profit, MoJ spend, losses, the
      number of loss-making CRCs and P(loss), and a fan of every line by year (default --draws
      ${DEFAULT_DRAWS} --seed ${DEFAULT_SEED} --shape ${DEFAULT_SHAPE}, or the scenario's "uncertainty" block; --correlation is
      the CRCs' volume-shortfall correlation, 0 to 1)`;

function fail(out: Output, messages: readonly string[]): number {
  for (const m of messages) out.stderr(`crc-scenarios mc: ${m}\n`);
  return EXIT_BAD_INPUT;
}

/** A whole-number flag in [min, max], or a message naming the flag and its range. */
function wholeFlag(
  name: string,
  raw: string | undefined,
  min: number,
  max: number,
  problems: string[],
) {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value))
    problems.push(`--${name}: "${raw}" is not a whole number from ${min} to ${max}`);
  else if (value < min || value > max)
    problems.push(`--${name}: ${value} is outside the allowed range ${min} to ${max}`);
  else return value;
  return undefined;
}

/**
 * `mc <preset | scenario.json> [--draws N] [--seed S] [--format json|csv] [--shape S]
 * [--correlation R] [--fan ALL|crc|owner]`: a seeded Monte Carlo summary as JSON or tidy CSV.
 * Flags override the scenario's own `uncertainty` settings.
 */
export async function mcCommand(args: string[], out: Output): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        draws: { type: "string" },
        seed: { type: "string" },
        format: { type: "string" },
        shape: { type: "string" },
        correlation: { type: "string" },
        fan: { type: "string" },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    // Node's message can run to three lines; the CLI prints one line per problem.
    return fail(out, [(error as Error).message.replace(/\s*\n\s*/g, " ")]);
  }
  const o = parsed.values;
  const problems: string[] = [];
  const draws = wholeFlag("draws", o.draws, 1, MAX_DRAWS, problems);
  const seed = wholeFlag("seed", o.seed, 0, MAX_SEED, problems);
  const format = o.format ?? "json";
  if (!(FORMATS as readonly string[]).includes(format))
    problems.push(`--format: "${format}" is not one of ${FORMATS.join(", ")}`);
  if (o.shape !== undefined && !(SHAPES as readonly string[]).includes(o.shape))
    problems.push(`--shape: "${o.shape}" is not one of ${SHAPES.join(", ")}`);
  let correlation: number | undefined;
  if (o.correlation !== undefined) {
    const value = Number(o.correlation);
    if (o.correlation.trim() === "" || !Number.isFinite(value))
      problems.push(`--correlation: "${o.correlation}" is not a number (allowed 0 to 1)`);
    else if (value < 0 || value > 1)
      problems.push(`--correlation: ${value} is outside the allowed range 0 to 1`);
    else correlation = value;
  }
  if (parsed.positionals.length !== 1)
    problems.push(
      parsed.positionals.length === 0
        ? "a preset id or a scenario .json file is required"
        : `expected one scenario, got ${parsed.positionals.length}: ${parsed.positionals.join(" ")}`,
    );
  if (problems.length > 0) return fail(out, problems);

  const arg = await readScenarioArgument(parsed.positionals[0]);
  if (!arg.ok) return fail(out, [arg.message]);
  const data = await datasetForCli();
  if (!data.ok) return fail(out, data.messages);
  const checked = validateScenario(arg.doc, data.dataset);
  if (!checked.ok) return fail(out, checked.issues.map(formatScenarioIssue));

  const options: MonteCarloOptions = {
    ...(draws === undefined ? {} : { draws }),
    ...(seed === undefined ? {} : { seed }),
    ...(o.shape === undefined ? {} : { shape: o.shape as Shape }),
    ...(correlation === undefined ? {} : { correlation: { [SHORTFALL_GROUP]: correlation } }),
    ...(o.fan === undefined ? {} : { fanOf: o.fan }),
  };
  const result = runMonteCarlo(checked.value, data.dataset, options);
  if (!result.ok)
    return fail(
      out,
      result.issues.map((i) =>
        formatScenarioIssue(i.path === "fanOf" ? { ...i, path: "--fan" } : i),
      ),
    );
  for (const w of [...checked.warnings, ...result.warnings])
    out.stderr(`crc-scenarios mc: warning: ${formatScenarioIssue(w)}\n`);
  out.stdout(
    format === "csv" ? monteCarloCsv(result.value) : JSON.stringify(result.value, null, 2) + "\n",
  );
  return 0;
}
