import { defineConfig } from "@graphql-hive/gateway";

/**
 * Hive Gateway for the benchmark: defaults, plus passing on the subgraph
 * context the benchmark signed (our subgraphs answer nothing without it).
 */
export const gatewayConfig = defineConfig({
  propagateHeaders: {
    fromClientToSubgraphs({ request }) {
      const context = request.headers.get("x-tf-context");
      return context ? { "x-tf-context": context } : {};
    },
  },
});
