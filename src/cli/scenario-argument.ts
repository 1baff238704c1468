import { clip } from "../issues/describe-value.ts";
import { failure, type Result } from "../issues/issue.ts";
import { constants, type Stats } from "node:fs";
import { open, stat } from "node:fs/promises";
import { PRESETS } from "../scenario/presets.ts";

/**
 * The largest scenario file read, in bytes. A scenario overriding every parameter for every CRC
 * and year is under 100 kB; a larger file is refused unread rather than parsed and validated.
 */
export const MAX_SCENARIO_BYTES = 1024 * 1024;

/** File paths are echoed up to this many characters. */
export const PATH_ECHO = 200;

/** What a file system entry is, for a message ("a FIFO (named pipe)", "a directory", …). */
export function describeKind(s: Stats): string {
  if (s.isDirectory()) return "a directory";
  if (s.isFIFO()) return "a FIFO (named pipe)";
  if (s.isCharacterDevice()) return "a character device";
  if (s.isBlockDevice()) return "a block device";
  if (s.isSocket()) return "a socket";
  return "not a regular file";
}

/** A file-system error code as words. */
function errorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a directory";
    case "ENOTDIR":
      return "a part of the path is not a directory";
    case "ELOOP":
      return "too many symbolic links";
    case "ENAMETOOLONG":
      return "the name is too long";
    default:
      return code ?? clip(String(error));
  }
}

/**
 * Read a scenario file: regular files only (a FIFO would block for ever, /dev/zero behind a
 * symbolic link would read until memory runs out), at most `MAX_SCENARIO_BYTES`. The file is
 * opened without blocking and checked on the open handle, so it cannot be swapped in between.
 * Returns the text or one issue (path "") naming the problem.
 */
export async function readScenarioFile(path: string): Promise<Result<string>> {
  const name = clip(path, PATH_ECHO);
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return failure("", `cannot read ${name}: ${errorText(error)}`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile())
      return failure(
        "",
        `cannot read ${name}: it is ${describeKind(info)}; a scenario must be a regular .json file`,
      );
    const tooLarge = (bytes: string) =>
      failure(
        "",
        `cannot read ${name}: it is ${bytes}; a scenario file may be at most ${MAX_SCENARIO_BYTES} bytes (1 MB)`,
      );
    if (info.size > MAX_SCENARIO_BYTES) return tooLarge(`${info.size} bytes`);
    // Read one byte past the cap: a file that grows (or reports a false size) is caught too.
    const buffer = new Uint8Array(MAX_SCENARIO_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > MAX_SCENARIO_BYTES) return tooLarge(`over ${MAX_SCENARIO_BYTES} bytes`);
    // UTF-8 (bad bytes become U+FFFD), keeping a byte order mark for parseJsonText to drop.
    return {
      ok: true,
      value: new TextDecoder("utf-8", { ignoreBOM: true }).decode(buffer.subarray(0, length)),
    };
  } catch (error) {
    return failure("", `cannot read ${name}: ${errorText(error)}`);
  } finally {
    await handle.close();
  }
}

/** JSON text to a value: a UTF-8 byte order mark before it is allowed (editors write one). */
export function parseJsonText(text: string, name: string): Result<unknown> {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    return failure(
      "",
      `${clip(name, PATH_ECHO)} is not valid JSON: ${clip((error as Error).message, 200)}`,
    );
  }
}

/**
 * A scenario named on the command line: a preset id from models/, or a path to a JSON file.
 * Returns the document, or one issue (path "") saying what is wrong.
 */
export async function readScenarioArgument(
  arg: string | undefined,
): Promise<Result<{ doc: unknown; name: string }>> {
  if (arg === undefined) {
    return failure(
      "",
      `a preset id or a scenario .json file is required; presets: ${[...PRESETS.keys()].join(", ")}`,
    );
  }
  const preset = PRESETS.get(arg);
  if (preset !== undefined) return { ok: true, value: { doc: preset, name: arg } };
  if (!arg.endsWith(".json")) {
    return failure(
      "",
      `${JSON.stringify(clip(arg, PATH_ECHO))} is neither a preset nor a .json file; presets: ${[...PRESETS.keys()].join(", ")}`,
    );
  }
  const read = await readScenarioFile(arg);
  if (!read.ok) return read;
  const parsed = parseJsonText(read.value, arg);
  return parsed.ok ? { ok: true, value: { doc: parsed.value, name: arg } } : parsed;
}

/**
 * Where `run --out` may write: a new file, or an existing regular file (replaced). A FIFO would
 * block until something reads it, a device is not an output file: refused, named. Returns a
 * message, or undefined if the path may be written.
 */
export async function checkOutputPath(path: string): Promise<string | undefined> {
  if (path === "") return "--out needs a file name";
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT"
      ? undefined
      : `--out: cannot write ${clip(path, PATH_ECHO)}: ${errorText(error)}`;
  }
  if (!info.isFile())
    return `--out: cannot write ${clip(path, PATH_ECHO)}: it is ${describeKind(info)}; give a regular file (it is created or replaced), or leave --out out to print`;
  return undefined;
}

/**
 * Write `text` (or a workbook's bytes) to `path` (`run --out`): checked by `checkOutputPath`,
 * then opened without blocking (a FIFO swapped in meanwhile fails at once, ENXIO, instead of
 * waiting for a reader) and checked again on the handle before anything is written.
 */
export async function writeOutputFile(
  path: string,
  text: string | Uint8Array,
): Promise<string | undefined> {
  const problem = await checkOutputPath(path);
  if (problem !== undefined) return problem;
  const name = clip(path, PATH_ECHO);
  let handle;
  try {
    handle = await open(
      path,
      constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NONBLOCK ?? 0),
      0o666,
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return `--out: cannot write ${name}: ${code === "ENXIO" ? "it is a FIFO (named pipe) with no reader" : errorText(error)}`;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return `--out: cannot write ${name}: it is ${describeKind(info)}`;
    await handle.writeFile(text, typeof text === "string" ? "utf8" : undefined);
    return undefined;
  } catch (error) {
    return `--out: cannot write ${name}: ${errorText(error)}`;
  } finally {
    await handle.close();
  }
}
