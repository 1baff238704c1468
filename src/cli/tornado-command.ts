import type { Issue } from "../issues/issue.ts";
import { runTornado } from "../sensitivity/tornado.ts";
import type { Output } from "./output.ts";
import {
  csvOf,
  EXIT_BAD_INPUT,
  fail,
  formatOption,
  OUTPUT_OPTIONS,
  parse,
  scenarioAndOutput,
} from "./sensitivity-arguments.ts";

/**
 * `tornado <preset | scenario.json> [--output national|moj|crc:<id>|owner:<id>] [--line LINE]
 * [--period contract|FY] [--format csv|json]`: one row per uncertain parameter, largest swing
 * first.
 */
export async function tornadoCommand(args: string[], out: Output): Promise<number> {
  const parsed = parse("tornado", args, { ...OUTPUT_OPTIONS, format: { type: "string" } }, out);
  if (parsed === undefined) return EXIT_BAD_INPUT;
  const issues: Issue[] = [];
  const format = formatOption(parsed.values.format, issues);
  if (format === undefined) return fail(out, "tornado", issues);
  const loaded = await scenarioAndOutput(parsed.positionals, parsed.values);
  if (!loaded.ok) return fail(out, "tornado", loaded.issues);
  const result = runTornado(loaded.value.scenario, loaded.value.dataset, loaded.value.output);
  if (!result.ok) return fail(out, "tornado", result.issues);
  const t = result.value;
  if (format === "json") {
    out.stdout(`${JSON.stringify({ scenarioHash: loaded.value.scenario.hash, ...t }, null, 2)}\n`);
    return 0;
  }
  out.stdout(
    csvOf(
      t.rows.map((r) => ({
        parameter: r.parameter,
        label: r.label,
        status: r.status,
        source: r.source,
        unit: r.unit,
        per_crc: r.perCrc,
        low_value: r.lowValue,
        high_value: r.highValue,
        output: t.outputLabel,
        base_pence: t.basePence,
        output_at_low_pence: r.outputAtLowPence,
        output_at_high_pence: r.outputAtHighPence,
        swing_pence: r.swingPence,
        note: r.note,
      })),
    ),
  );
  return 0;
}
