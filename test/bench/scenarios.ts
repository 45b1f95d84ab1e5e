import crypto from "node:crypto";
import { getIntrospectionQuery } from "graphql";
import { MEASURES } from "../../lib/measures.js";
import { encodeCursor } from "../../subgraphs/ids.js";

/**
 * The query shapes the benchmark measures. Every request carries different
 * variables, so no gateway can answer one from another's in-flight request.
 * All are queries a researcher may run in full (nothing is removed), so every
 * gateway returns the same data.
 */
export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly query: string;
  /** Where it is sent: through a gateway, or straight to the families subgraph (the floor). */
  readonly via: "gateway" | "families-subgraph";
  readonly variables: () => Record<string, unknown>;
}

const MEMBER_FIELDS = /* GraphQL */ `
  id cohort status problems { problem }
  members { id relationship sex problems { problem } offences { offenceDate disposal } }
`;

const FAMILIES_ONLY = /* GraphQL */ `
  families(first: 100, after: $after) {
    edges { node { id cohort status assessmentDate members { id relationship sex ageAtAssessment } } }
    pageInfo { hasNextPage endCursor }
  }
`;

/** A cursor at a random place in the id order: each request reads a different page. */
const randomCursor = () => encodeCursor(crypto.randomUUID());

export function scenarios(familyIds: readonly string[]): Scenario[] {
  let next = 0;
  return [
    {
      id: "a",
      title: "one family, members, problems, offences (3 subgraphs)",
      via: "gateway",
      query: `query Family($id: ID!) { family(id: $id) { ${MEMBER_FIELDS} } }`,
      variables: () => ({ id: familyIds[next++ % familyIds.length] }),
    },
    {
      id: "b",
      title: "100 families, members, problems, offences (3 subgraphs)",
      via: "gateway",
      query: `query Page($after: String) { families(first: 100, after: $after) { edges { node { ${MEMBER_FIELDS} } } } }`,
      variables: () => ({ after: randomCursor() }),
    },
    {
      id: "c",
      title: "outcome counts by region and sex (evaluation)",
      via: "gateway",
      query: `query Counts($measure: Measure!) { outcomeCounts(measure: $measure, by: [REGION, SEX]) {
        cohort window region { code name } sex people withOutcome rate } }`,
      variables: () => ({ measure: MEASURES[next++ % MEASURES.length] }),
    },
    {
      id: "d",
      title: "full introspection",
      via: "gateway",
      query: getIntrospectionQuery(),
      variables: () => ({}),
    },
    {
      id: "e",
      title: "families-only part of (b), straight to the families subgraph (floor)",
      via: "families-subgraph",
      query: `query FamiliesOnly($after: String) { ${FAMILIES_ONLY} }`,
      variables: () => ({ after: randomCursor() }),
    },
    {
      id: "e-via",
      title: "the same query as (e), through the gateway",
      via: "gateway",
      query: `query FamiliesOnly($after: String) { ${FAMILIES_ONLY} }`,
      variables: () => ({ after: randomCursor() }),
    },
  ];
}
