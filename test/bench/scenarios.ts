import crypto from "node:crypto";
import { getIntrospectionQuery } from "graphql";
import { MEASURES } from "../../lib/measures.js";
import { encodeCursor } from "../../subgraphs/ids.js";
import type { Role } from "../../lib/auth/caller.js";

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
  /** The caller's role, where it is not the run's (--role); such scenarios run on our gateway only, which alone knows roles. */
  readonly role?: Role;
}

/**
 * Outcome tables with up to two breakdowns, as dashboards ask for them: each
 * shape a scenario of its own, so that the slowest shape's median shows.
 * Authority-level and headline-problem shapes read the largest cubes.
 */
const TABLE_SHAPES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["none", []],
  ["region", ["REGION"]],
  ["la", ["LOCAL_AUTHORITY"]],
  ["cohort-sex", ["COHORT", "SEX"]],
  ["region-age", ["REGION", "AGE_BAND"]],
  ["la-cohort", ["LOCAL_AUTHORITY", "COHORT"]],
  ["la-age", ["LOCAL_AUTHORITY", "AGE_BAND"]],
  ["problem-age", ["HEADLINE_PROBLEM", "AGE_BAND"]],
];

const TABLE_SELECTION = /* GraphQL */ `
  cells { window totalOver cohort localAuthority { code } region { code } headlineProblem ageBand sex
          people withOutcome withoutOutcome rate suppressed suppression }
  disclosure { released belowThreshold complementBelowThreshold secondary roundingBase }
`;

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
      title: "outcome table by region and sex, every window (evaluation)",
      via: "gateway",
      query: `query Table($measure: Measure!) { outcomeTable(measure: $measure, by: [REGION, SEX]) { ${TABLE_SELECTION} } }`,
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
    // Outcome tables as an analyst sees them (perturbed and rounded): the 50 ms median target.
    ...TABLE_SHAPES.map(([name, by]) => ({
      id: `t-${name}`,
      title: `analyst outcome table by ${by.length > 0 ? by.join(", ") : "nothing (totals only)"}, every window`,
      via: "gateway" as const,
      role: "analyst" as const,
      query: `query Table($measure: Measure!) { outcomeTable(measure: $measure, by: [${by.join(", ")}]) { ${TABLE_SELECTION} } }`,
      variables: () => ({ measure: MEASURES[next++ % MEASURES.length] }),
    })),
    {
      id: "t-la-age-1w",
      title: "analyst outcome table by LOCAL_AUTHORITY, AGE_BAND, one window (what a dashboard shows at once)",
      via: "gateway",
      role: "analyst",
      query: `query Table($measure: Measure!) { outcomeTable(measure: $measure, windows: [AFTER_12], by: [LOCAL_AUTHORITY, AGE_BAND]) { ${TABLE_SELECTION} } }`,
      variables: () => ({ measure: MEASURES[next++ % MEASURES.length] }),
    },
    {
      id: "i",
      title: "impact estimate, national (matching over every covariate pattern)",
      via: "gateway",
      role: "researcher",
      query: `query Impact($measure: Measure!, $window: Window!) { impactEstimate(measure: $measure, window: $window) {
        suppressed difference standardError confidenceInterval { lower upper }
        treatment { people rateBefore rateAfter change } comparison { people rateBefore rateAfter change } } }`,
      variables: () => ({ measure: MEASURES[next % MEASURES.length], window: WINDOWS_AFTER[next++ % WINDOWS_AFTER.length] }),
    },
  ];
}

const WINDOWS_AFTER = ["AFTER_6", "AFTER_12", "AFTER_18", "AFTER_24"] as const;
