import { clip } from "../issues/describe-value.ts";
import { formatIssue, type Issue, type Result } from "../issues/issue.ts";
import { numberText, oneOf, wholeText, type NumberForm } from "../issues/readers.ts";
import { parseArgs } from "node:util";
import type { Output } from "./output.ts";

/** Exit code for bad input (arguments, files, scenarios), as for every command. */
export const EXIT_BAD_INPUT = 2;

/** A printed message is cut to this many characters (user text in it is cut shorter still). */
const MESSAGE_MAX = 2000;

/**
 * Print each issue once as a `crc-scenarios <command>: …` line on stderr, worded by
 * `formatIssue` (an option's issue is at its flag: `--draws: …`; one about the whole command
 * line has the path ""); exit code 2.
 */
export function fail(out: Output, command: string, issues: readonly Issue[]): number {
  for (const m of new Set(issues.map(formatIssue)))
    out.stderr(`crc-scenarios ${command}: ${clip(m.replace(/\s*\n\s*/g, " "), MESSAGE_MAX)}\n`);
  return EXIT_BAD_INPUT;
}

/** Messages as issues of the whole command line (path ""), for `fail` or a `Result`'s failure. */
export const lineIssues = (...messages: readonly string[]): Issue[] =>
  messages.map((message) => ({ path: "", message }));

/** An option's path in an issue: its flag (`--draws`). */
export const flag = (name: string): string => `--${name}`;

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
  const issues: Issue[] = [];
  // Each about the command line as a whole (path ""): an option that is not there has no flag.
  const said = (message: string) => issues.push({ path: "", message });
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
      said(`unknown option ${clip(token.rawName)}; ${list}`);
      continue;
    }
    seen.set(name, (seen.get(name) ?? 0) + 1);
    const value = token.value;
    const needs = NEEDS[name] ?? "a value";
    if (value === undefined || value === "") {
      said(`--${name} needs ${needs}`);
      continue;
    }
    if (!token.inlineValue && LOOKS_LIKE_OPTION.test(value)) {
      said(
        `--${name} needs ${needs}, got ${JSON.stringify(clip(value))}, which looks like an option; to give a value that starts with a dash, write --${name}=${clip(value)}`,
      );
      continue;
    }
    values[name] = value;
  }
  for (const [name, count] of seen)
    if (count > 1) said(`--${name} is given ${count} times; give it once`);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: { values, positionals } };
}

/** `parseArguments`, its issues printed for `command`; undefined if there were any. */
export function parse(
  command: string,
  args: readonly string[],
  options: CommandOptions,
  out: Output,
): ParsedArgumentsValue | undefined {
  const parsed = parseArguments(args, options);
  if (!parsed.ok) {
    fail(out, command, parsed.issues);
    return undefined;
  }
  return parsed.value;
}

/** Positional arguments as echoed in a message: each cut, at most a few. */
export function echoArguments(args: readonly string[]): string {
  const shown = args.slice(0, 5).map((a) => clip(a));
  return args.length > 5 ? `${shown.join(" ")} … (${args.length} in all)` : shown.join(" ");
}

/*
 * Option readers: the src/issues kit's readers, each issue at the option's flag
 * (`--draws: "0" is not a whole number from 1 to 100000`), so the command line and the address
 * word a refusal alike (issue #13). An option not given is undefined (or its default).
 */

/** The command line's decimals: an optional minus sign, digits and a point; no exponent. */
const PLAIN_DECIMAL_TEXT: NumberForm = { pattern: PLAIN_DECIMAL, what: "plain decimal number" };

/**
 * A number option in [min, max], written as a plain decimal (`0x10`, `1e3`, ` 5`, `Infinity`
 * are refused), else an issue naming the option and the range.
 */
export function numberOption(
  name: string,
  raw: string | undefined,
  min: number,
  max: number,
  issues: Issue[],
): number | undefined {
  if (raw === undefined) return undefined;
  return numberText(raw, min, max, flag(name), issues, PLAIN_DECIMAL_TEXT);
}

/** A whole-number option in [min, max] (plain digits), else an issue naming the option and the range. */
export function wholeOption(
  name: string,
  raw: string | undefined,
  min: number,
  max: number,
  issues: Issue[],
): number | undefined {
  return raw === undefined ? undefined : wholeText(raw, min, max, flag(name), issues);
}

/**
 * A choice option (`--format csv`): `fallback` when it is not given, else one of `allowed`, or
 * undefined and an issue at the flag (`"xml" is not one of csv, json`, with a "did you mean").
 */
export function choiceOption<T extends string>(
  name: string,
  raw: string | undefined,
  allowed: readonly T[],
  fallback: T | undefined,
  issues: Issue[],
): T | undefined {
  return raw === undefined ? fallback : oneOf(raw, allowed, flag(name), issues);
}
