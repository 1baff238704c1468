import { defineConfig } from "vitest/config";

// Real-browser tests: Debian's Chromium driven by playwright-core against the built site (dist/).
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
