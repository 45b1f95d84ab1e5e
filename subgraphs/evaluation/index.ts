import { loadSdl, type SubgraphModule } from "../module.js";
import { OutcomeCount } from "./resolvers/outcome-count.js";
import { Query } from "./resolvers/query.js";

/** The de-identified research extract: counts and (later) estimates over it. */
export const evaluationSubgraph: SubgraphModule<Record<string, never>> = {
  name: "evaluation",
  typeDefs: loadSdl(new URL("./evaluation.graphql", import.meta.url)),
  resolvers: { Query, OutcomeCount },
  // Counts are one statement per field: there is nothing to batch yet.
  createLoaders: () => ({}),
};
