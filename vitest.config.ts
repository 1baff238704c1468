import { defineConfig } from "vitest/config";

// Unit, property and golden tests: everything except the real-browser suite.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["test/browser/**", "node_modules/**"],
    environment: "node",
    testTimeout: 30_000,
  },
});
