// Bundles the Monte Carlo bench (bench/monte-carlo.ts, with the modules its threads and its memory
// process start from) into dist-bench/ (git-ignored), so `npm run bench` times the engine as it
// ships: the site's workers, the CLI and the posterior's threads all run bundles. Through tsx,
// loading @quri/squiggle-lang into the bench's process slowed the engine's draws by about a tenth
// (bench/NOTES.md), which a bundle does not; Squiggle itself is not bundled (it runs from
// node_modules as any user of the package runs it).
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
await build({
  absWorkingDir: root,
  entryPoints: {
    "monte-carlo": "bench/monte-carlo.ts",
    "monte-carlo-threads": "bench/monte-carlo-threads.ts",
    "monte-carlo-memory": "bench/monte-carlo-memory.ts",
  },
  outdir: "dist-bench",
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["@quri/squiggle-lang"],
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
  legalComments: "none",
  logLevel: "warning",
});
