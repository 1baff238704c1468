import { clip } from "../issues/describe-value.ts";
import { GRID_STEPS, runGrid, type GridAxisRequest } from "../sensitivity/grid.ts";
import type { Output } from "./output.ts";
import {
  csvOf,
  EXIT_BAD_INPUT,
  fail,
  issueText,
  formatOption,
  optionMessages,
  OUTPUT_OPTIONS,
  parse,
  scenarioAndOutput,
} from "./sensitivity-arguments.ts";

const NUMBER = String.raw`-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?`;
const RANGE = new RegExp(`^(${NUMBER}):(${NUMBER})$`);

/** Where each issue of `runGrid` came from on the command line. */
const FLAGS = {
  x: "--x",
  y: "--y",
  "x.from": "--x-range",
  "x.to": "--x-range",
  "y.from": "--y-range",
  "y.to": "--y-range",
  "x.steps": "--steps",
  "y.steps": "--steps",
};

function axis(
  name: "x" | "y",
  values: Record<string, unknown>,
  problems: string[],
): GridAxisRequest {
  const id = values[name] as string | undefined;
  if (id === undefined)
    problems.push(
      `--${name} is required: a parameter id of data/parameters.csv or volume.shortfall.shift`,
    );
  const range = values[`${name}-range`] as string | undefined;
  if (range === undefined) return { id: id ?? "" };
  const match = RANGE.exec(range);
  if (match === null) {
    problems.push(`--${name}-range: ${JSON.stringify(clip(range))} is not FROM:TO (e.g. 0.1:0.6)`);
    return { id: id ?? "" };
  }
  return { id: id ?? "", from: Number(match[1]), to: Number(match[2]) };
}

/**
 * `grid <preset | scenario.json> --x PARAM --y PARAM [--steps N] [--x-range FROM:TO]
 * [--y-range FROM:TO] [--output …] [--line …] [--period …] [--format csv|json]`
 */
export async function gridCommand(args: string[], out: Output): Promise<number> {
  const parsed = parse(
    "grid",
    args,
    {
      ...OUTPUT_OPTIONS,
      x: { type: "string" },
      y: { type: "string" },
      steps: { type: "string" },
      "x-range": { type: "string" },
      "y-range": { type: "string" },
      format: { type: "string" },
    },
    out,
  );
  if (parsed === undefined) return EXIT_BAD_INPUT;
  const problems: string[] = [];
  const format = formatOption(parsed.values.format, problems);
  const x = axis("x", parsed.values, problems);
  const y = axis("y", parsed.values, problems);
  const rawSteps = parsed.values.steps as string | undefined;
  if (rawSteps !== undefined && !/^\d+$/.test(rawSteps))
    problems.push(
      `--steps: ${JSON.stringify(clip(rawSteps))} is not a whole number from ${GRID_STEPS.min} to ${GRID_STEPS.max}`,
    );
  if (problems.length > 0) return fail(out, "grid", problems);
  const loaded = await scenarioAndOutput(parsed.positionals, parsed.values);
  if (!loaded.ok) return fail(out, "grid", issueText(loaded.issues));
  const result = runGrid(loaded.value.scenario, loaded.value.dataset, {
    x,
    y,
    ...(rawSteps === undefined ? {} : { steps: Number(rawSteps) }),
    output: loaded.value.output,
  });
  if (!result.ok) return fail(out, "grid", optionMessages(result.issues, FLAGS));
  const g = result.value;
  if (format === "json") {
    out.stdout(`${JSON.stringify({ scenarioHash: loaded.value.scenario.hash, ...g }, null, 2)}\n`);
    return 0;
  }
  out.stdout(
    csvOf(
      g.rows.map((r) => ({
        x_parameter: g.x.id,
        x: r.x,
        y_parameter: g.y.id,
        y: r.y,
        output: g.outputLabel,
        value_pence: r.valuePence,
      })),
    ),
  );
  return 0;
}
