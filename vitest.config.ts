import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Validation runs are CPU-bound; this machine has two cores.
    maxWorkers: 2,
  },
});
