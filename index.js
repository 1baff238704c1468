// The package's Node API (package.json "exports"; src/api/index.ts, bundled into dist-node/api.js
// at install). As for the bin, a bundle older than its sources is never used silently: it is
// rebuilt first (a note on stderr says why), or, without esbuild, the import fails naming it.
import { fileURLToPath } from "node:url";
import { checkBundle } from "./bin/bundle-freshness.js";

const root = fileURLToPath(new URL(".", import.meta.url));
const state = checkBundle(root, "api");
if (!state.fresh) {
  let bundleNode;
  try {
    ({ bundleNode } = await import("./scripts/bundle-node.mjs"));
    await bundleNode(root);
  } catch (error) {
    throw new Error(
      `crc-scenarios: the Node API bundle is stale (${state.reason}) and could not be rebuilt (${error?.message ?? error}); run npm run bundle:node in ${root}`,
      { cause: error },
    );
  }
  process.stderr.write(`crc-scenarios: note: rebuilt the Node API bundle (${state.reason})\n`);
}

export const { validate, project, monteCarlo, explain, compare, presets } =
  await import("./dist-node/api.js");
