import { clip } from "../issues/describe-value.ts";
import { breakevenCommand } from "./breakeven-command.ts";
import { CALIBRATE_USAGE, calibrateCommand } from "./calibrate-command.ts";
import { DEFAULT_DEPTH, explainCommand } from "./explain-command.ts";
import { EXPLAIN_DELTA_USAGE, explainDeltaCommand } from "./explain-delta-command.ts";
import { gridCommand } from "./grid-command.ts";
import { MC_USAGE, mcCommand } from "./mc-command.ts";
import type { Output } from "./output.ts";
import {
  DEFAULT_BY,
  LINE_HELP,
  presetsCommand,
  runCommand,
  summaryCommand,
  validateCommand,
} from "./scenario-commands.ts";
import { GRID_STEPS } from "../sensitivity/grid.ts";
import { tornadoCommand } from "./tornado-command.ts";
import { compareVersionsCommand, versionsCommand } from "./versions-command.ts";

export type { Output } from "./output.ts";

const USAGE = () => `usage: crc-scenarios <command> [options]

commands:
  run <scenario…> [--format csv|json|xlsx] [--out FILE] [--by month|quarter|fy|total]
      tidy rows crc,owner,period,line,amount_pence (crc/owner ALL = totals; default --by ${DEFAULT_BY});
      xlsx (with --out): an Excel workbook by year with inputs and provenance; several
      scenarios give a comparison workbook, the first the baseline
  summary <scenario…> [--format json|csv]
      JSON: MoJ spend, CRC profit, loss-making CRCs, each CRC's profit, the scenario hash
  presets
      the named scenarios in models/
  validate <scenario.json>
      every problem with the scenario (exit code 2), or its hash
  explain <preset | scenario.json> <crc | owner | ALL> <line> <period> [--depth N] [--format text|json]
      why a figure has its value: a tree down to each CRC-month's rule, inputs and sources
      (period: a month 2017-09, a quarter "2017-18 Q2", a year 2017-18, or total; default --depth ${DEFAULT_DEPTH})
  ${EXPLAIN_DELTA_USAGE}
  tornado <preset | scenario.json> [--output national|moj|crc:ID|owner:ID] [--line LINE] [--period contract|FY] [--format csv|json]
      one-at-a-time swings of each uncertain parameter, low to high, largest effect first
      (default output: national contract-life profit)
  grid <preset | scenario.json> --x PARAM --y PARAM [--steps N] [--x-range FROM:TO] [--y-range FROM:TO]
       [--output …] [--line …] [--period …] [--format csv|json]
      the output over N × N values of two parameters (or volume.shortfall.shift); default ${GRID_STEPS.default} steps
      over the data's low–high; negative ranges as --x-range=-0.1:0.2
  breakeven <preset | scenario.json> [--lever shortfall|fixedShare|variationScale] [--crc ID] [--format csv|json]
      per CRC, the lever's value at which contract-life profit is zero, checked by the exact engine
  ${MC_USAGE}
  ${CALIBRATE_USAGE}
  versions
      every recorded model version (data/model-versions/), its date and why it changed
  compare-versions <from> <to> [--format text|json]
      how every recorded output moved between two model versions: changes bucketed by size
      (none, under £1m, under £10m, £10m or more), sign flips, the largest changes

scenario…: a preset id or a scenario .json file; for run, summary and mc also several of them,
  a directory (its .json files) or - (JSON Lines on stdin, one scenario a line): one output with
  leading scenario,hash columns (title or id or file; canonical hash); a bad scenario is named by
  its position and source on stderr, the others still run, exit code 2 if any failed
lines: ${LINE_HELP}
  money in whole pence; fte = average FTE in post; workload_index = per cent of the 2014 norm
`;

/** The CLI as a function of its arguments: returns the exit code, never throws for bad input. */
export async function main(argv: string[], out: Output): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "run":
      return runCommand(rest, out);
    case "summary":
      return summaryCommand(rest, out);
    case "presets":
      return presetsCommand(rest, out);
    case "validate":
      return validateCommand(rest, out);
    case "explain":
      return explainCommand(rest, out);
    case "explain-delta":
      return explainDeltaCommand(rest, out);
    case "tornado":
      return tornadoCommand(rest, out);
    case "grid":
      return gridCommand(rest, out);
    case "breakeven":
      return breakevenCommand(rest, out);
    case "mc":
      return mcCommand(rest, out);
    case "calibrate":
      return calibrateCommand(rest, out);
    case "versions":
      return versionsCommand(rest, out);
    case "compare-versions":
      return compareVersionsCommand(rest, out);
    case undefined:
    case "help":
    case "--help":
    case "-h":
      out.stdout(USAGE());
      return command === undefined ? 2 : 0;
    default:
      out.stderr(`crc-scenarios: unknown command ${JSON.stringify(clip(command))}\n${USAGE()}`);
      return 2;
  }
}
