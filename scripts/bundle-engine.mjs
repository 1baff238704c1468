// Bundles the engine and the pages' helpers (src/) to browser JavaScript inside the Framework root, because Framework
// refuses imports from outside docs/ and does not transpile TypeScript from node_modules
// (BUILDING.md). Runs before `observable preview` and `observable build` (predev / prebuild).
// Output: docs/components/bundled/ (git-ignored).
import { copyFileSync, rmSync } from "node:fs";
import { build } from "esbuild";

const outdir = "docs/components/bundled";

await build({
  entryPoints: {
    client: "src/worker/client.ts",
    "engine.worker": "src/worker/engine.worker.ts",
    site: "src/site/index.ts",
  },
  outdir,
  bundle: true,
  format: "esm",
  // "browser" honours arquero's browser field, so no node:fs reaches the page (BUILDING.md).
  platform: "browser",
  target: "es2022",
  sourcemap: false,
  minify: false,
  legalComments: "none",
  logLevel: "warning",
});
// The pages' "Download workbook" (issue #19): exceljs and the workbook builders, on their own and
// minified (~1.2 MB), because a page loads this only when a reader first asks for a workbook.
await build({
  entryPoints: { workbook: "src/workbook/download.ts" },
  outdir,
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  legalComments: "none",
  logLevel: "warning",
});
// Framework caches a data loader's output until the loader file itself changes; data/*.csv are
// not its dependencies, so drop the cached dataset to rebuild it from the current data.
rmSync("docs/.observablehq/cache/data", { recursive: true, force: true });

// Framework adds the Inputs stylesheet only for its implicit (CDN) `Inputs`; we import the
// package explicitly, so ship its stylesheet ourselves (imported by docs/style.css).
copyFileSync("node_modules/@observablehq/inputs/dist/index.css", `${outdir}/inputs.css`);
console.log(`engine and site helpers bundled into ${outdir}/`);
