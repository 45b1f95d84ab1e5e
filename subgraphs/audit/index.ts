import { loadSdl, type SubgraphModule } from "../module.js";
import { Query } from "./resolvers/query.js";

/** The audit log of access to identifiers and linked data, for administrators. */
export const auditSubgraph: SubgraphModule<Record<string, never>> = {
  name: "audit",
  typeDefs: loadSdl(new URL("./audit.graphql", import.meta.url)),
  resolvers: { Query },
  // One statement per page: nothing to batch.
  createLoaders: () => ({}),
};
