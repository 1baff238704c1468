// Bundles the command-line interface (src/cli/main.ts) and the Node API (src/api/index.ts) into
// one ES module each in dist-node/ (git-ignored), so `crc-scenarios` starts in a tenth of a second
// instead of compiling ~150 TypeScript files through tsx (issue #19). Runs at install (`prepare`)
// and from bin/crc-scenarios.js when its sources changed. Writes dist-node/manifest.json: every
// input with its size, time and a hash of all contents (bin/bundle-freshness.js checks it).
// data/*.csv are not bundled: the CLI reads them at start-up, so editing data needs no rebuild.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { hashInputs, MANIFEST } from "../bin/bundle-freshness.js";

export const ENTRIES = {
  cli: "src/cli/main.ts",
  api: "src/api/index.ts",
  // The posterior's simulation threads (scripts/posterior/simulate.ts starts them from it).
  "posterior-worker": "scripts/posterior/simulate-worker.ts",
};

/** Write through a temporary file, so a CLI starting meanwhile never reads half a bundle. */
function writeAtomically(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/**
 * The API's type declarations (tsconfig.api.json → dist-node/types/), for package.json
 * `exports`. A few seconds of tsc, so only at install and `npm run bundle:node`, not when the bin
 * rebuilds a stale bundle. Returns false where TypeScript is not installed (types are skipped).
 */
export function emitTypes(root) {
  const tsc = join(root, "node_modules/typescript/bin/tsc");
  if (!existsSync(tsc)) return false;
  // A type error elsewhere in src/ (work in progress) must not fail `npm install`: tsc still
  // writes the declarations, and `npm run typecheck` is where type errors fail the build.
  const run = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.api.json")], {
    cwd: root,
    encoding: "utf8",
  });
  if (run.status !== 0)
    console.warn(
      `API type declarations written with type errors (npm run typecheck lists them):\n${run.stdout}`,
    );
  return true;
}

/** Build every entry into `root`/dist-node; returns the manifest written. */
export async function bundleNode(root = fileURLToPath(new URL("..", import.meta.url))) {
  const { build } = await import("esbuild");
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(
      Object.entries(ENTRIES).map(([name, path]) => [name, join(root, path)]),
    ),
    outdir: join(root, "dist-node"),
    outExtension: { ".js": ".js" },
    bundle: true,
    format: "esm",
    // Node's own modules stay imports; every package is bundled in, so start-up reads one file,
    // except exceljs: ~3 MB bundled, it would triple every command's start-up; it is imported
    // from node_modules only when a workbook is written (src/workbook/scenario-workbook.ts).
    platform: "node",
    external: ["exceljs"],
    target: "node20",
    // Bundled CommonJS packages (exceljs) call require() for Node's modules.
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
    },
    metafile: true,
    write: false,
    sourcemap: false,
    legalComments: "none",
    logLevel: "warning",
  });
  const paths = Object.keys(result.metafile.inputs)
    .map((p) => relative(root, join(root, p)))
    .sort();
  const inputs = {};
  for (const path of paths) {
    const info = statSync(join(root, path));
    inputs[path] = [info.size, info.mtimeMs];
  }
  const outputs = {};
  for (const file of result.outputFiles) {
    const path = relative(root, file.path);
    writeAtomically(file.path, file.contents);
    const name = Object.keys(ENTRIES).find((n) => path === join("dist-node", `${n}.js`));
    if (name !== undefined) outputs[name] = path;
  }
  const manifest = { hash: hashInputs(root, paths), outputs, inputs };
  writeAtomically(join(root, MANIFEST), JSON.stringify(manifest) + "\n");
  return manifest;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const manifest = await bundleNode();
  const root = fileURLToPath(new URL("..", import.meta.url));
  if (!emitTypes(root)) console.log("TypeScript is not installed: API type declarations skipped");
  console.log(
    `${Object.keys(ENTRIES).join(" and ")} bundled into dist-node/ (${Object.keys(manifest.inputs).length} inputs)`,
  );
}
