import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";

/**
 * The engine README's "Public API" lists only what exists (issue #13: it listed
 * `plainProjection` and `ledgerDifference` after they were deleted, and a calibration table
 * that had become a report): each name it lists is exported by the file under the folder its
 * `// src/…/` line names, and each file it names in backticks is there.
 */
const README = "src/engine/README.md";

describe("src/engine/README.md", () => {
  it("lists in its Public API only functions and values its folders export", async () => {
    const text = await readFile(README, "utf8");
    const block = /## Public API[^]*?```ts\n([^]*?)```/.exec(text)?.[1];
    expect(block, "a ```ts block under ## Public API").toBeDefined();
    const missing: string[] = [];
    let folder = "";
    for (const line of block!.split("\n")) {
      const heading = /^\/\/ (src\/\w+)\//.exec(line);
      if (heading) {
        folder = heading[1]!;
        continue;
      }
      for (const [, name] of line.matchAll(/(?:^|;\s+)(\w+)[(:]/g)) {
        const { stdout } = spawnSync(
          "grep",
          ["-rlE", `export (async )?(function|const) ${name}\\b`, folder],
          { encoding: "utf8" },
        );
        if (stdout.trim() === "") missing.push(`${name} (in ${folder})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("names only files that exist", async () => {
    const text = await readFile(README, "utf8");
    const files = [...text.matchAll(/`([\w/-]+\.ts)`/g)].map((m) => m[1]!);
    const present = ["src", "bench", "scripts"].flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: "utf8" }).map((f) => `${dir}/${f}`),
    );
    const absent = files.filter((f) => !present.some((t) => t === f || t.endsWith(`/${f}`)));
    expect(absent).toEqual([]);
  });
});
