import { execFileSync } from "node:child_process";
import { mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkOutputPath,
  MAX_SCENARIO_BYTES,
  readScenarioArgument,
  writeOutputFile,
} from "./scenario-argument.ts";

const dir = await mkdtemp(join(tmpdir(), "crc-arg-"));
const fifo = join(dir, "pipe.json");
execFileSync("mkfifo", [fifo]);

/** Issue #15, item 12: scenario files are read whole, from regular files only, within a cap. */
describe("readScenarioArgument", () => {
  it("refuses a FIFO at once instead of waiting for a writer", async () => {
    expect(await readScenarioArgument(fifo)).toEqual({
      ok: false,
      issues: [
        {
          path: "",
          message: `cannot read ${fifo}: it is a FIFO (named pipe); a scenario must be a regular .json file`,
        },
      ],
    });
  });

  it("refuses /dev/zero behind a .json link instead of reading it until memory runs out", async () => {
    const zero = join(dir, "zero.json");
    await symlink("/dev/zero", zero);
    expect(await readScenarioArgument(zero)).toEqual({
      ok: false,
      issues: [
        {
          path: "",
          message: `cannot read ${zero}: it is a character device; a scenario must be a regular .json file`,
        },
      ],
    });
  });

  it("refuses a directory, and a file over the size cap, unread", async () => {
    const folder = join(dir, "folder.json");
    execFileSync("mkdir", [folder]);
    expect(await readScenarioArgument(folder)).toMatchObject({
      ok: false,
      issues: [{ message: expect.stringMatching(/it is a directory/) }],
    });
    const big = join(dir, "big.json");
    await writeFile(big, " ".repeat(MAX_SCENARIO_BYTES + 1));
    expect(await readScenarioArgument(big)).toEqual({
      ok: false,
      issues: [
        {
          path: "",
          message: `cannot read ${big}: it is ${MAX_SCENARIO_BYTES + 1} bytes; a scenario file may be at most ${MAX_SCENARIO_BYTES} bytes (1 MB)`,
        },
      ],
    });
  });

  it("accepts a UTF-8 byte order mark before the JSON", async () => {
    const bom = join(dir, "bom.json");
    await writeFile(bom, '\uFEFF{"schemaVersion": 1}', "utf8");
    expect(await readScenarioArgument(bom)).toEqual({
      ok: true,
      value: { doc: { schemaVersion: 1 }, name: bom },
    });
  });

  it("cuts a long name in its messages", async () => {
    const name = `${"n".repeat(5000)}.json`;
    const read = await readScenarioArgument(name);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issues[0]!.message.length).toBeLessThan(400);
  });
});

describe("--out", () => {
  it("needs a file name, and refuses a FIFO or a device (named) rather than block", async () => {
    expect(await checkOutputPath("")).toBe("--out needs a file name");
    expect(await checkOutputPath(fifo)).toBe(
      `--out: cannot write ${fifo}: it is a FIFO (named pipe); give a regular file (it is created or replaced), or leave --out out to print`,
    );
    expect(await writeOutputFile("/dev/null", "x")).toMatch(/it is a character device/);
    expect(await writeOutputFile(join(dir, "out.csv"), "a,b\n")).toBeUndefined();
  });
});
