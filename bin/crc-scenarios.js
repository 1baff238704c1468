#!/usr/bin/env node
// Headless entry point (package "bin"). Runs the bundled CLI in dist-node/ (built at install by
// `npm run bundle:node`), which starts in ~0.1 s where compiling the TypeScript through tsx takes
// ~0.7 s (issue #19). A bundle older than its sources is never used silently: it is rebuilt (a
// note says why), or, where esbuild is missing or dist-node/ cannot be written, the sources run
// through tsx with a note. CRC_SCENARIOS_SOURCE=1 always runs the sources (development).
import { fileURLToPath } from "node:url";
import { checkBundle } from "./bundle-freshness.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const note = (text) => process.stderr.write(`crc-scenarios: note: ${text}\n`);

async function loadMain() {
  if (process.env.CRC_SCENARIOS_SOURCE === "1") return fromSource();
  const state = checkBundle(root, "cli");
  if (state.fresh) return (await import("../dist-node/cli.js")).main;
  try {
    const { bundleNode } = await import("../scripts/bundle-node.mjs");
    await bundleNode(root);
    note(`rebuilt the CLI bundle in dist-node/ (${state.reason})`);
    // A fresh URL: this process has not loaded the bundle, but be explicit about which one runs.
    return (await import(`../dist-node/cli.js?${Date.now()}`)).main;
  } catch (error) {
    note(
      `the CLI bundle is stale (${state.reason}) and could not be rebuilt (${error?.message ?? error}); running the TypeScript sources through tsx (slower). Rebuild with: npm run bundle:node`,
    );
    return fromSource();
  }
}

async function fromSource() {
  const { register } = await import("tsx/esm/api");
  register();
  return (await import("../src/cli/main.ts")).main;
}

// `crc-scenarios run x | head`: a reader that stops early is not an error worth a stack trace.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

const main = await loadMain();
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: process.stdin,
});
