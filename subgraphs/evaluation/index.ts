import { loadSdl, type SubgraphModule } from "../module.js";
import { createEvaluationLoaders, type EvaluationLoaders } from "./loaders.js";
import { LocalAuthority } from "./resolvers/local-authority.js";
import { Query } from "./resolvers/query.js";

/** The de-identified research extract: disclosure-controlled tables and impact estimates over it. */
export const evaluationSubgraph: SubgraphModule<EvaluationLoaders> = {
  name: "evaluation",
  typeDefs: loadSdl(new URL("./evaluation.graphql", import.meta.url)),
  resolvers: { Query, LocalAuthority },
  createLoaders: createEvaluationLoaders,
};
