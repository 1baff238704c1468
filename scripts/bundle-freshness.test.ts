import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkBundle, hashInputs, MANIFEST } from "../bin/bundle-freshness.js";

let root: string;

/** A package with two inputs and a manifest written as scripts/bundle-node.mjs writes it. */
function writeBundle() {
  mkdirSync(join(root, "src"), { recursive: true });
  mkdirSync(join(root, "dist-node"), { recursive: true });
  writeFileSync(join(root, "src/a.ts"), "export const a = 1;\n");
  writeFileSync(join(root, "src/b.ts"), "export const b = 2;\n");
  writeFileSync(join(root, "dist-node/cli.js"), "export const main = () => 0;\n");
  const paths = ["src/a.ts", "src/b.ts"];
  const inputs = Object.fromEntries(
    paths.map((p) => {
      const info = statSync(join(root, p));
      return [p, [info.size, info.mtimeMs]];
    }),
  );
  writeFileSync(
    join(root, MANIFEST),
    JSON.stringify({ hash: hashInputs(root, paths), outputs: { cli: "dist-node/cli.js" }, inputs }),
  );
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "crc-bundle-"));
  writeBundle();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("checkBundle (bin/bundle-freshness.js)", () => {
  it("finds a bundle built from its sources as they are fresh", () => {
    expect(checkBundle(root, "cli")).toEqual({ fresh: true });
  });

  it("names a missing manifest, bundle or entry", () => {
    expect(checkBundle(root, "api")).toEqual({ fresh: false, reason: "no api bundle was built" });
    rmSync(join(root, "dist-node/cli.js"));
    expect(checkBundle(root, "cli")).toEqual({
      fresh: false,
      reason: "dist-node/cli.js is missing",
    });
    rmSync(join(root, MANIFEST));
    expect(checkBundle(root, "cli")).toEqual({ fresh: false, reason: `${MANIFEST} is missing` });
  });

  it("names a source that changed size or is gone", () => {
    writeFileSync(join(root, "src/b.ts"), "export const b = 20;\n");
    expect(checkBundle(root, "cli")).toEqual({ fresh: false, reason: "src/b.ts changed" });
    rmSync(join(root, "src/a.ts"));
    expect(checkBundle(root, "cli")).toEqual({ fresh: false, reason: "src/a.ts is gone" });
  });

  it("finds a same-size edit by its contents, and a touched file unchanged", () => {
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, "src/a.ts"), later, later);
    expect(checkBundle(root, "cli")).toEqual({ fresh: true });
    writeFileSync(join(root, "src/a.ts"), "export const a = 9;\n");
    expect(checkBundle(root, "cli")).toEqual({ fresh: false, reason: "src/a.ts changed" });
  });
});
