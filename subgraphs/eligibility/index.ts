import { loadSdl, type SubgraphModule } from "../module.js";
import { DateScalar } from "../scalars.js";
import { createEligibilityLoaders, type EligibilityLoaders } from "./loaders.js";
import { Family } from "./resolvers/family.js";
import { Indicator } from "./resolvers/indicator.js";
import { Person } from "./resolvers/person.js";

/** Eligibility: the headline problems families and people met, and the councils' local indicators. */
export const eligibilitySubgraph: SubgraphModule<EligibilityLoaders> = {
  name: "eligibility",
  typeDefs: loadSdl(new URL("./eligibility.graphql", import.meta.url)),
  resolvers: { Family, Person, Indicator, Date: DateScalar },
  createLoaders: createEligibilityLoaders,
};
