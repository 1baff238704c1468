import { clip } from "../issues/describe-value.ts";
import { formatIssue, type Issue, type Result } from "../issues/issue.ts";
import { parseArgs } from "node:util";
import type { Output } from "./output.ts";

/** Exit code for bad input (arguments, files, scenarios), as for every command. */
export const EXIT_BAD_INPUT = 2;

/** A printed message is cut to this many characters (user text in it is cut shorter still). */
const MESSAGE_MAX = 2000;

/** Print each problem once as a `crc-scenarios <command>: …` line on stderr; exit code 2. */
export function fail(out: Output, command: string, messages: readonly string[]): number {
  for (const m of [...new Set(messages)])
    out.stderr(`crc-scenarios ${command}: ${clip(m.replace(/\s*\n\s*/g, " "), MESSAGE_MAX)}\n`);
  return EXIT_BAD_INPUT;
}

/** Issues as the lines `fail` prints ("path: message", or the message alone). */
export const issueText = (issues: readonly Issue[]): string[] => issues.map(formatIssue);

/** Messages as issues of the whole command line (path ""), for a `Result`'s failure. */
export const lineIssues = (messages: readonly string[]): Issue[] =>
  messages.map((message) => ({ path: "", message }));

/** A command's options: every one takes a value (`--name VALUE` or `--name=VALUE`). */
export type CommandOptions = Readonly<Record<string, { readonly type: "string" }>>;

/** What each option's value is, for "needs …" messages (default: "a value"). */
const NEEDS: Readonly<Record<string, string>> = { out: "a file name" };

/** A plain decimal number: digits, an optional sign and point; no exponent, hex, spaces. */
export const PLAIN_DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;
/**
 * A value that starts like an option (a dash, then not a digit or a point): after `--name` it is
 * most likely a forgotten value. Negative numbers and ranges (`-1`, `-0.1:0.2`) are values.
 */
const LOOKS_LIKE_OPTION = /^-[^\d.]/;
/** A plain whole number, with an optional minus sign. */
export const PLAIN_INTEGER = /^-?\d+$/;

/** The options' values and the positionals of a command line. */
export interface ParsedArgumentsValue {
  readonly values: Readonly<Record<string, string | undefined>>;
  readonly positionals: string[];
}

/** The parsed command line, or every problem (issues of the whole line, path ""). */
export type ParsedArguments = Result<ParsedArgumentsValue>;

/**
 * A command's arguments, checked strictly, every problem named (the caller prints them):
 * - an unknown option, or one without a value (`--out` last, `--out ""`: "--out needs a file
 *   name");
 * - an option given twice (the last would silently win);
 * - a value that looks like an option (`--out --format`: a forgotten value; `--out=--format`
 *   says it is meant). A negative number is a value: `--draws -1` reaches the option's own
 *   range check instead of Node's "argument is ambiguous".
 * User text in messages is cut (`clip`).
 */
export function parseArguments(args: readonly string[], options: CommandOptions): ParsedArguments {
  const { tokens } = parseArgs({
    args: [...args],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const problems: string[] = [];
  const values: Record<string, string | undefined> = {};
  const seen = new Map<string, number>();
  const positionals: string[] = [];
  const known = Object.keys(options);
  const list =
    known.length === 0
      ? "it takes no options"
      : `options: ${known.map((k) => `--${k}`).join(", ")}`;
  for (const token of tokens) {
    if (token.kind === "positional") {
      positionals.push(token.value);
      continue;
    }
    if (token.kind !== "option") continue;
    const name = token.name;
    if (!Object.hasOwn(options, name)) {
      problems.push(`unknown option ${clip(token.rawName)}; ${list}`);
      continue;
    }
    seen.set(name, (seen.get(name) ?? 0) + 1);
    const value = token.value;
    const needs = NEEDS[name] ?? "a value";
    if (value === undefined || value === "") {
      problems.push(`--${name} needs ${needs}`);
      continue;
    }
    if (!token.inlineValue && LOOKS_LIKE_OPTION.test(value)) {
      problems.push(
        `--${name} needs ${needs}, got ${JSON.stringify(clip(value))}, which looks like an option; to give a value that starts with a dash, write --${name}=${clip(value)}`,
      );
      continue;
    }
    values[name] = value;
  }
  for (const [name, count] of seen)
    if (count > 1) problems.push(`--${name} is given ${count} times; give it once`);
  return problems.length > 0
    ? { ok: false, issues: lineIssues(problems) }
    : { ok: true, value: { values, positionals } };
}

/** `parseArguments`, its problems printed for `command`; undefined if there were any. */
export function parse(
  command: string,
  args: readonly string[],
  options: CommandOptions,
  out: Output,
): ParsedArgumentsValue | undefined {
  const parsed = parseArguments(args, options);
  if (!parsed.ok) {
    fail(out, command, issueText(parsed.issues));
    return undefined;
  }
  return parsed.value;
}

/** Positional arguments as echoed in a message: each cut, at most a few. */
export function echoArguments(args: readonly string[]): string {
  const shown = args.slice(0, 5).map((a) => clip(a));
  return args.length > 5 ? `${shown.join(" ")} … (${args.length} in all)` : shown.join(" ");
}

/**
 * A number option in [min, max] (plain decimals only: `0x10`, `1e3`, ` 5`, `Infinity` are
 * refused), or a message naming the option and the range.
 */
export function numberOption(
  name: string,
  raw: string | undefined,
  min: number,
  max: number,
  problems: string[],
): number | undefined {
  return rangedOption(
    name,
    raw,
    min,
    max,
    problems,
    PLAIN_DECIMAL,
    `is not a plain decimal number (allowed ${min} to ${max})`,
  );
}

/** A whole-number option in [min, max], or a message naming the option and the range. */
export function wholeOption(
  name: string,
  raw: string | undefined,
  min: number,
  max: number,
  problems: string[],
): number | undefined {
  return rangedOption(
    name,
    raw,
    min,
    max,
    problems,
    PLAIN_INTEGER,
    `is not a whole number from ${min} to ${max}`,
  );
}

/** An option's text read as a number of the given form, then held to [min, max]. */
function rangedOption(
  name: string,
  raw: string | undefined,
  min: number,
  max: number,
  problems: string[],
  form: RegExp,
  notForm: string,
): number | undefined {
  if (raw === undefined) return undefined;
  if (!form.test(raw)) {
    problems.push(`--${name}: ${JSON.stringify(clip(raw))} ${notForm}`);
    return undefined;
  }
  const value = Number(raw);
  if (!(value >= min && value <= max)) {
    problems.push(`--${name}: ${clip(raw)} is outside the allowed range ${min} to ${max}`);
    return undefined;
  }
  return value;
}
