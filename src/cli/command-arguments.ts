import { parseArgs, type ParseArgsConfig } from "node:util";
import type { Output } from "./output.ts";

/** Exit code for bad input (arguments, files, scenarios), as for every command. */
export const EXIT_BAD_INPUT = 2;

/** Print each problem once as a `crc-scenarios <command>: …` line on stderr; exit code 2. */
export function fail(out: Output, command: string, messages: readonly string[]): number {
  for (const m of [...new Set(messages)]) out.stderr(`crc-scenarios ${command}: ${m}\n`);
  return EXIT_BAD_INPUT;
}

/** Parse a command's arguments strictly; an unknown flag or a missing value is reported. */
export function parse(
  command: string,
  args: string[],
  options: NonNullable<ParseArgsConfig["options"]>,
  out: Output,
) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    fail(out, command, [(error as Error).message]);
    return undefined;
  }
}
