// Bundles the engine (src/) to browser JavaScript inside the Framework root, because Framework
// refuses imports from outside docs/ and does not transpile TypeScript from node_modules
// (BUILDING.md). Runs before `observable preview` and `observable build` (predev / prebuild).
// Output: docs/components/engine/ (git-ignored).
import { build } from "esbuild";

const outdir = "docs/components/engine";

await build({
  entryPoints: {
    client: "src/worker/client.ts",
    "engine.worker": "src/worker/engine.worker.ts",
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
console.log(`engine bundled into ${outdir}/`);
