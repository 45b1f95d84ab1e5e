import { and, asc } from "drizzle-orm";
import type { Caller } from "../../lib/auth/caller.js";
import type { Database } from "../../lib/db/client.js";
import { anyOf, listLoader, scopedTo } from "../loaders.js";
import { familyProblems, indicators, personProblems } from "./tables.js";

export type FamilyProblemRow = typeof familyProblems.$inferSelect;
export type PersonProblemRow = typeof personProblems.$inferSelect;
export type IndicatorRow = typeof indicators.$inferSelect;

/** Per-request loaders of the eligibility subgraph. */
export function createEligibilityLoaders(database: Database, caller: Caller) {
  const { db } = database;
  // Every row carries the submitting authority, so scope needs no other subgraph.
  const familyProblemScope = scopedTo(familyProblems.localAuthorityCode, caller, "record");
  const personProblemScope = scopedTo(personProblems.localAuthorityCode, caller, "record");
  const indicatorScope = scopedTo(indicators.localAuthorityCode, caller, "record");
  return {
    problemsByFamilyId: listLoader<string, FamilyProblemRow>(
      (ids) =>
        db.select().from(familyProblems).where(and(anyOf(familyProblems.familyId, ids, "uuid"), familyProblemScope)).orderBy(asc(familyProblems.problem)),
      (row) => row.familyId,
    ),
    problemsByPersonId: listLoader<string, PersonProblemRow>(
      (ids) =>
        db.select().from(personProblems).where(and(anyOf(personProblems.personId, ids, "uuid"), personProblemScope)).orderBy(asc(personProblems.problem)),
      (row) => row.personId,
    ),
    indicatorsByFamilyId: listLoader<string, IndicatorRow>(
      (ids) =>
        db
          .select()
          .from(indicators)
          .where(and(anyOf(indicators.familyId, ids, "uuid"), indicatorScope))
          .orderBy(asc(indicators.recordedOn), asc(indicators.id)),
      (row) => row.familyId,
    ),
    indicatorsByPersonId: listLoader<string, IndicatorRow>(
      (ids) =>
        db
          .select()
          .from(indicators)
          .where(and(anyOf(indicators.personId, ids, "uuid"), indicatorScope))
          .orderBy(asc(indicators.recordedOn), asc(indicators.id)),
      (row) => row.personId as string,
    ),
  };
}

export type EligibilityLoaders = ReturnType<typeof createEligibilityLoaders>;
