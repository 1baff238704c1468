import { failure, type Issue, type Result } from "../issues/issue.ts";
import * as aq from "arquero";
import type { Dataset } from "../data/index.ts";
import { validateScenario, type ResolvedScenario } from "../scenario/validate-scenario.ts";
import { parseOutputSpec, type OutputSpec } from "../sensitivity/output-spec.ts";
import { datasetForCli } from "./dataset-for-cli.ts";
import { readScenarioArgument } from "./scenario-argument.ts";

import { choiceOption, echoArguments } from "./command-arguments.ts";
export { EXIT_BAD_INPUT, fail, parse } from "./command-arguments.ts";
export const SENSITIVITY_FORMATS = ["csv", "json"] as const;
export type SensitivityFormat = (typeof SENSITIVITY_FORMATS)[number];

/** The options that choose the output a command follows. */
export const OUTPUT_OPTIONS = {
  output: { type: "string" },
  line: { type: "string" },
  period: { type: "string" },
} as const;

/** `--format csv|json` (default csv); undefined and an issue for any other. */
export function formatOption(
  raw: string | undefined,
  issues: Issue[],
): SensitivityFormat | undefined {
  return choiceOption("format", raw, SENSITIVITY_FORMATS, "csv", issues);
}

/** Issues from the core, each at the command-line option it came from (`lever` → `--lever`). */
export function atFlags(
  issues: readonly Issue[],
  flags: Readonly<Record<string, string>>,
): Issue[] {
  return issues.map((issue) => {
    const flag = flags[issue.path];
    return flag === undefined ? issue : { ...issue, path: flag };
  });
}

/**
 * The one scenario argument, validated against the data, and the output the options ask for.
 * Messages (argument, file, data, scenario or output problems) on failure.
 */
export async function scenarioAndOutput(
  positionals: readonly string[],
  values: Record<string, unknown>,
): Promise<Result<{ scenario: ResolvedScenario; dataset: Dataset; output: OutputSpec }>> {
  if (positionals.length !== 1)
    return failure(
      "",
      positionals.length === 0
        ? "a preset id or a scenario .json file is required"
        : `expected one scenario, got ${positionals.length}: ${echoArguments(positionals)}`,
    );
  const read = await readScenarioArgument(positionals[0]);
  if (!read.ok) return read;
  const data = await datasetForCli();
  if (!data.ok) return data;
  const checked = validateScenario(read.value.doc, data.value);
  if (!checked.ok) return checked;
  const output = parseOutputSpec(
    {
      output: values.output as string | undefined,
      line: values.line as string | undefined,
      period: values.period as string | undefined,
    },
    checked.value.inputs.crcs,
  );
  if (!output.ok) return { ok: false, issues: atFlags(output.issues, OUTPUT_FLAGS) };
  return {
    ok: true,
    value: { scenario: checked.value, dataset: data.value, output: output.value },
  };
}

const OUTPUT_FLAGS = { output: "--output", line: "--line", period: "--period" };

/** Rows as CSV through Arquero (quoting as needed), ending in a newline. */
export function csvOf(rows: readonly object[]): string {
  const text = aq.from(rows as object[]).toCSV();
  return text.endsWith("\n") ? text : `${text}\n`;
}
