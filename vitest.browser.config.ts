import { defineConfig } from "vitest/config";

// Real-browser tests: Debian's Chromium driven by playwright-core against the built site (dist/).
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // A page's first projection waits for its worker to start; on a loaded 2-core machine that
    // can take more than vitest's default 1 s poll window.
    expect: { poll: { timeout: 15_000, interval: 50 } },
  },
});
