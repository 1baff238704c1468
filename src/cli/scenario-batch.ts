import { clip } from "../issues/describe-value.ts";
import { failure, type Result } from "../issues/issue.ts";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { PRESETS } from "../scenario/presets.ts";
import type { Input } from "./output.ts";
import {
  MAX_SCENARIO_BYTES,
  PATH_ECHO,
  parseJsonText,
  readScenarioArgument,
} from "./scenario-argument.ts";

/**
 * Many scenarios in one process (issue #19): `run`, `summary` and `mc` take several scenario
 * arguments, a directory (its `.json` files, by name, not its subfolders) or `-` (JSON Lines on
 * standard input: one scenario document per line, blank lines skipped). Each scenario keeps its
 * place (1, 2, …) and where it came from, so a bad one is reported by both while the others run.
 */
export interface BatchEntry {
  /** 1-based place in the batch, counting every scenario found (good or bad). */
  readonly position: number;
  /** A preset id, a file path, or `stdin line N`. */
  readonly source: string;
  /** The scenario document, or why it could not be read (one issue, path ""). */
  readonly read: Result<unknown>;
}

/** Standard input is read up to this many bytes (a thousand scenarios of 64 kB each). */
export const MAX_STDIN_BYTES = 64 * 1024 * 1024;

/**
 * Whether the arguments ask for a batch: more than one scenario, `-`, or a directory. One preset
 * or one file keeps the single-scenario output (no `scenario` column), as before.
 */
export async function isBatch(positionals: readonly string[]): Promise<boolean> {
  if (positionals.length !== 1) return positionals.length > 1;
  const [arg] = positionals as [string];
  if (arg === "-") return true;
  if (PRESETS.has(arg)) return false;
  try {
    return (await stat(arg)).isDirectory();
  } catch {
    return false;
  }
}

/** Standard input as text, at most `MAX_STDIN_BYTES`; a message if it is longer or missing. */
async function readInput(stdin: Input | undefined): Promise<Result<string>> {
  if (stdin === undefined) return failure("", "standard input is not available here");
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  const encoder = new TextEncoder();
  for await (const chunk of stdin) {
    const data = typeof chunk === "string" ? encoder.encode(chunk) : chunk;
    bytes += data.length;
    if (bytes > MAX_STDIN_BYTES)
      return failure(
        "",
        `standard input is over ${MAX_STDIN_BYTES} bytes (64 MB); split the batch`,
      );
    chunks.push(data);
  }
  const all = new Uint8Array(bytes);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return { ok: true, value: new TextDecoder("utf-8", { ignoreBOM: true }).decode(all) };
}

/** Each non-blank line of JSON Lines text as one scenario document. */
function linesOf(text: string): { source: string; read: BatchEntry["read"] }[] {
  const found: { source: string; read: BatchEntry["read"] }[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    const source = `stdin line ${i + 1}`;
    if (line.length > MAX_SCENARIO_BYTES) {
      found.push({
        source,
        read: failure("", `${source} is over ${MAX_SCENARIO_BYTES} characters`),
      });
      return;
    }
    found.push({ source, read: parseJsonText(line, source) });
  });
  return found;
}

/** The `.json` files directly in `dir`, by name; or one message if it cannot be listed. */
async function filesIn(dir: string): Promise<Result<string[]>> {
  try {
    const names = (await readdir(dir, { withFileTypes: true }))
      .filter((e) => !e.isDirectory() && e.name.endsWith(".json"))
      .map((e) => e.name)
      .sort();
    return { ok: true, value: names.map((n) => join(dir, n)) };
  } catch (error) {
    return failure(
      "",
      `cannot list ${clip(dir, 200)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
}

/** Every scenario the arguments name, in order, each read (or why it could not be). */
export async function readBatch(
  positionals: readonly string[],
  stdin: Input | undefined,
): Promise<BatchEntry[]> {
  const found: { source: string; read: BatchEntry["read"] }[] = [];
  let stdinRead = false;
  for (const arg of positionals) {
    if (arg === "-") {
      if (stdinRead) {
        found.push({
          source: "-",
          read: failure("", "standard input (-) is given twice"),
        });
        continue;
      }
      stdinRead = true;
      const input = await readInput(stdin);
      if (!input.ok) found.push({ source: "-", read: input });
      else found.push(...linesOf(input.value));
      continue;
    }
    const isDirectory =
      !PRESETS.has(arg) &&
      (await stat(arg).then(
        (s) => s.isDirectory(),
        () => false,
      ));
    if (isDirectory) {
      const listed = await filesIn(arg);
      if (!listed.ok) found.push({ source: arg, read: listed });
      else if (listed.value.length === 0)
        found.push({ source: arg, read: failure("", `${clip(arg, 200)} holds no .json files`) });
      else for (const file of listed.value) found.push({ source: file, read: await readOne(file) });
      continue;
    }
    found.push({ source: arg, read: await readOne(arg) });
  }
  // The source is echoed in every message about the scenario: cut as other echoed text is.
  return found.map((f, i) => ({ position: i + 1, ...f, source: clip(f.source, PATH_ECHO) }));
}

async function readOne(arg: string): Promise<BatchEntry["read"]> {
  const read = await readScenarioArgument(arg);
  return read.ok ? { ok: true, value: read.value.doc } : read;
}
