import { readFile } from "node:fs/promises";
import { PRESETS } from "../scenario/presets.ts";

/**
 * A scenario named on the command line: a preset id from models/, or a path to a JSON file.
 * Returns the document, or one message saying what is wrong.
 */
export async function readScenarioArgument(
  arg: string | undefined,
): Promise<{ ok: true; doc: unknown; name: string } | { ok: false; message: string }> {
  if (arg === undefined) {
    return {
      ok: false,
      message: `a preset id or a scenario .json file is required; presets: ${[...PRESETS.keys()].join(", ")}`,
    };
  }
  const preset = PRESETS.get(arg);
  if (preset !== undefined) return { ok: true, doc: preset, name: arg };
  if (!arg.endsWith(".json")) {
    return {
      ok: false,
      message: `"${arg}" is neither a preset nor a .json file; presets: ${[...PRESETS.keys()].join(", ")}`,
    };
  }
  let text: string;
  try {
    text = await readFile(arg, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      message: `cannot read ${arg}${code === "ENOENT" ? ": no such file" : `: ${code ?? String(error)}`}`,
    };
  }
  try {
    return { ok: true, doc: JSON.parse(text) as unknown, name: arg };
  } catch (error) {
    return { ok: false, message: `${arg} is not valid JSON: ${(error as Error).message}` };
  }
}
