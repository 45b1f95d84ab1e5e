import { and, asc } from "drizzle-orm";
import type { Caller } from "../../lib/auth/caller.js";
import type { Database } from "../../lib/db/client.js";
import { anyOf, inScope, listLoader, preparedOnce, scopeOf } from "../loaders.js";
import { familyProblems, indicators, personProblems } from "./tables.js";

export type FamilyProblemRow = typeof familyProblems.$inferSelect;
export type PersonProblemRow = typeof personProblems.$inferSelect;
export type IndicatorRow = typeof indicators.$inferSelect;

function statements(database: Database) {
  const { db } = database;
  // Every row carries the submitting authority, so scope needs no other subgraph.
  return preparedOnce(database, "eligibility", () => ({
    problemsByFamilyId: db
      .select()
      .from(familyProblems)
      .where(and(anyOf(familyProblems.familyId, "uuid"), inScope(familyProblems.localAuthorityCode)))
      .orderBy(asc(familyProblems.problem))
      .prepare("problems_by_family_id"),
    problemsByPersonId: db
      .select()
      .from(personProblems)
      .where(and(anyOf(personProblems.personId, "uuid"), inScope(personProblems.localAuthorityCode)))
      .orderBy(asc(personProblems.problem))
      .prepare("problems_by_person_id"),
    indicatorsByFamilyId: db
      .select()
      .from(indicators)
      .where(and(anyOf(indicators.familyId, "uuid"), inScope(indicators.localAuthorityCode)))
      .orderBy(asc(indicators.recordedOn), asc(indicators.id))
      .prepare("indicators_by_family_id"),
    indicatorsByPersonId: db
      .select()
      .from(indicators)
      .where(and(anyOf(indicators.personId, "uuid"), inScope(indicators.localAuthorityCode)))
      .orderBy(asc(indicators.recordedOn), asc(indicators.id))
      .prepare("indicators_by_person_id"),
  }));
}

/** Per-request loaders of the eligibility subgraph. */
export function createEligibilityLoaders(database: Database, caller: Caller) {
  const q = statements(database);
  const la = scopeOf(caller, "record");
  return {
    problemsByFamilyId: listLoader<string, FamilyProblemRow>((ids) => q.problemsByFamilyId.execute({ keys: ids, la }), (row) => row.familyId),
    problemsByPersonId: listLoader<string, PersonProblemRow>((ids) => q.problemsByPersonId.execute({ keys: ids, la }), (row) => row.personId),
    indicatorsByFamilyId: listLoader<string, IndicatorRow>((ids) => q.indicatorsByFamilyId.execute({ keys: ids, la }), (row) => row.familyId),
    indicatorsByPersonId: listLoader<string, IndicatorRow>(
      (ids) => q.indicatorsByPersonId.execute({ keys: ids, la }),
      (row) => row.personId as string,
    ),
  };
}

export type EligibilityLoaders = ReturnType<typeof createEligibilityLoaders>;
