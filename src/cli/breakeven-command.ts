import type { Issue } from "../issues/issue.ts";
import { findBreakEven } from "../sensitivity/break-even.ts";
import type { Output } from "./output.ts";
import {
  csvOf,
  EXIT_BAD_INPUT,
  atFlags,
  fail,
  formatOption,
  parse,
  scenarioAndOutput,
} from "./sensitivity-arguments.ts";

/**
 * `breakeven <preset | scenario.json> [--lever shortfall|fixedShare|variationScale] [--crc ID]
 * [--format csv|json]`: per CRC, the lever's value at which contract-life profit is zero,
 * checked by the exact engine, or "none" with the profit at both ends of the allowed range.
 */
export async function breakevenCommand(args: string[], out: Output): Promise<number> {
  const parsed = parse(
    "breakeven",
    args,
    { lever: { type: "string" }, crc: { type: "string" }, format: { type: "string" } },
    out,
  );
  if (parsed === undefined) return EXIT_BAD_INPUT;
  const issues: Issue[] = [];
  const format = formatOption(parsed.values.format, issues);
  if (format === undefined) return fail(out, "breakeven", issues);
  const loaded = await scenarioAndOutput(parsed.positionals, {});
  if (!loaded.ok) return fail(out, "breakeven", loaded.issues);
  const result = findBreakEven(loaded.value.scenario, loaded.value.dataset, {
    ...(parsed.values.lever === undefined ? {} : { lever: parsed.values.lever as string }),
    ...(parsed.values.crc === undefined ? {} : { crc: parsed.values.crc as string }),
  });
  if (!result.ok)
    return fail(out, "breakeven", atFlags(result.issues, { lever: "--lever", crc: "--crc" }));
  const report = result.value;
  if (format === "json") {
    out.stdout(
      `${JSON.stringify({ scenarioHash: loaded.value.scenario.hash, ...report }, null, 2)}\n`,
    );
    return 0;
  }
  out.stdout(
    csvOf(
      report.results.map((r) => ({
        crc: r.crc,
        owner: r.owner,
        lever: r.lever,
        parameter: report.parameter,
        status: r.status,
        checked: r.checked,
        current: r.current,
        current_profit_pence: r.currentProfitPence,
        value: r.value,
        exact_profit_pence: r.exactProfitPence,
        below_value: r.below?.value ?? null,
        below_profit_pence: r.below?.exactProfitPence ?? null,
        above_value: r.above?.value ?? null,
        above_profit_pence: r.above?.exactProfitPence ?? null,
        min_value: r.allowed.min,
        profit_at_min_pence: r.atMin?.exactProfitPence ?? null,
        max_value: r.allowed.max,
        profit_at_max_pence: r.atMax?.exactProfitPence ?? null,
        tolerance_pence: r.tolerancePence,
        sign_changes: r.signChanges,
        message: r.message,
      })),
    ),
  );
  return 0;
}
