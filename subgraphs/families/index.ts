import { loadSdl, type SubgraphModule } from "../module.js";
import { DateScalar } from "../scalars.js";
import { createFamiliesLoaders, type FamiliesLoaders } from "./loaders.js";
import { Family } from "./resolvers/family.js";
import { LocalAuthority } from "./resolvers/local-authority.js";
import { Person } from "./resolvers/person.js";
import { Query } from "./resolvers/query.js";

/** Council submissions: local authorities, families and the people in them. */
export const familiesSubgraph: SubgraphModule<FamiliesLoaders> = {
  name: "families",
  typeDefs: loadSdl(new URL("./families.graphql", import.meta.url)),
  resolvers: { Query, Family, Person, LocalAuthority, Date: DateScalar },
  createLoaders: createFamiliesLoaders,
};
