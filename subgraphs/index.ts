import type { SubgraphName } from "../lib/config.js";
import { auditSubgraph } from "./audit/index.js";
import { eligibilitySubgraph } from "./eligibility/index.js";
import { evaluationSubgraph } from "./evaluation/index.js";
import { familiesSubgraph } from "./families/index.js";
import type { SubgraphModule } from "./module.js";
import { outcomesSubgraph } from "./outcomes/index.js";

/** Every subgraph, by name: what `npm start` runs and `npm run compose` composes. */
export const SUBGRAPHS: Readonly<Record<SubgraphName, SubgraphModule<any>>> = {
  families: familiesSubgraph,
  eligibility: eligibilitySubgraph,
  outcomes: outcomesSubgraph,
  evaluation: evaluationSubgraph,
  audit: auditSubgraph,
};
