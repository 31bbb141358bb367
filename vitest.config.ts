import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "bench/**/*.test.ts", "web/src/**/*.test.ts"],
    // Two cores here and in CI: keep the pool small so suites don't starve each other.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
  },
});
