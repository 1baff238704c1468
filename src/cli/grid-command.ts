import { quote } from "../issues/describe-value.ts";
import type { Issue } from "../issues/issue.ts";
import { GRID_STEPS, runGrid, type GridAxisRequest } from "../sensitivity/grid.ts";
import type { Output } from "./output.ts";
import { lineIssues, wholeOption } from "./command-arguments.ts";
import {
  csvOf,
  EXIT_BAD_INPUT,
  atFlags,
  fail,
  formatOption,
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

function axis(name: "x" | "y", values: Record<string, unknown>, issues: Issue[]): GridAxisRequest {
  const id = values[name] as string | undefined;
  if (id === undefined)
    issues.push(
      ...lineIssues(
        `--${name} is required: a parameter id of data/parameters.csv or volume.shortfall.shift`,
      ),
    );
  const range = values[`${name}-range`] as string | undefined;
  if (range === undefined) return { id: id ?? "" };
  const match = RANGE.exec(range);
  if (match === null) {
    issues.push({
      path: `--${name}-range`,
      message: `${quote(range)} is not FROM:TO (e.g. 0.1:0.6)`,
    });
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
  const issues: Issue[] = [];
  const format = formatOption(parsed.values.format, issues);
  const x = axis("x", parsed.values, issues);
  const y = axis("y", parsed.values, issues);
  const steps = wholeOption("steps", parsed.values.steps, GRID_STEPS.min, GRID_STEPS.max, issues);
  if (issues.length > 0) return fail(out, "grid", issues);
  const loaded = await scenarioAndOutput(parsed.positionals, parsed.values);
  if (!loaded.ok) return fail(out, "grid", loaded.issues);
  const result = runGrid(loaded.value.scenario, loaded.value.dataset, {
    x,
    y,
    ...(steps === undefined ? {} : { steps }),
    output: loaded.value.output,
  });
  if (!result.ok) return fail(out, "grid", atFlags(result.issues, FLAGS));
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
