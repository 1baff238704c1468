// Is the Node bundle (dist-node/, built by scripts/bundle-node.mjs) still what its sources would
// build? Plain JavaScript with no dependencies, because bin/crc-scenarios.js runs it before
// anything is compiled. The manifest lists every input esbuild read (src/, models/*.json,
// node_modules/) with its size, modification time and a SHA-256 of all their contents. Checking
// is a stat per input (~2 ms for ~150 files); only when a size or a time differs are the contents
// hashed again, so a `touch` or a fresh `git checkout` does not force a rebuild for nothing.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";

export const MANIFEST = "dist-node/manifest.json";

/** SHA-256 over each input's path and contents, in the manifest's (sorted) order. */
export function hashInputs(root, paths) {
  const hash = createHash("sha256");
  for (const path of paths) {
    hash.update(path + "\0");
    hash.update(readFileSync(join(root, path)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/**
 * `{fresh: true}`, or `{fresh: false, reason}` naming what is missing or changed (for the note
 * the CLI prints when it rebuilds or falls back to the sources).
 */
export function checkBundle(root, entry) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(root, MANIFEST), "utf8"));
  } catch {
    return { fresh: false, reason: `${MANIFEST} is missing` };
  }
  const output = manifest.outputs?.[entry];
  if (typeof output !== "string") return { fresh: false, reason: `no ${entry} bundle was built` };
  try {
    statSync(join(root, output));
  } catch {
    return { fresh: false, reason: `${output} is missing` };
  }
  const paths = Object.keys(manifest.inputs);
  let changed;
  for (const path of paths) {
    const [size, mtimeMs] = manifest.inputs[path];
    let info;
    try {
      info = statSync(join(root, path));
    } catch {
      return { fresh: false, reason: `${path} is gone` };
    }
    if (info.size !== size) return { fresh: false, reason: `${path} changed` };
    if (info.mtimeMs !== mtimeMs) changed ??= path;
  }
  if (changed === undefined) return { fresh: true };
  // A time moved but no size did: only the contents can tell.
  return hashInputs(root, paths) === manifest.hash
    ? { fresh: true }
    : { fresh: false, reason: `${changed} changed` };
}
