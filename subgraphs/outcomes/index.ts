import { loadSdl, type SubgraphModule } from "../module.js";
import { DateScalar } from "../scalars.js";
import { createOutcomesLoaders, type OutcomesLoaders } from "./loaders.js";
import { AttendanceTerm } from "./resolvers/attendance-term.js";
import { Person } from "./resolvers/person.js";
import { Query } from "./resolvers/query.js";

/** Departmental outcomes, linked to people by ONS. */
export const outcomesSubgraph: SubgraphModule<OutcomesLoaders> = {
  name: "outcomes",
  typeDefs: loadSdl(new URL("./outcomes.graphql", import.meta.url)),
  resolvers: { Query, Person, AttendanceTerm, Date: DateScalar },
  createLoaders: createOutcomesLoaders,
};
