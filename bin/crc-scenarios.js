#!/usr/bin/env node
// Headless entry point (package "bin"): runs the TypeScript CLI through tsx's loader, so the CLI
// and the site share one source of truth with no separate build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
