import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // Node resolves "graphql" to its CommonJS build (the package has no
    // exports map), and so do Apollo's CommonJS packages; Vite would pick the
    // ESM build and make two copies that refuse each other's types.
    alias: { graphql: "graphql/index.js" },
  },
  test: {
    include: ["test/**/*.test.ts"],
    // Integration suites share one embedded database per file; PGlite starts in
    // a few seconds, so give set-up room without slowing the assertions.
    hookTimeout: 120_000,
    testTimeout: 60_000,
    pool: "forks",
    // Two cores: more workers only contend for them.
    maxWorkers: 2,
  },
});
