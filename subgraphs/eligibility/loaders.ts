import { asc } from "drizzle-orm";
import type { Caller } from "../../lib/auth/caller.js";
import type { Database } from "../../lib/db/client.js";
import { anyOf, listLoader } from "../loaders.js";
import { familyProblems, indicators, personProblems } from "./tables.js";

export type FamilyProblemRow = typeof familyProblems.$inferSelect;
export type PersonProblemRow = typeof personProblems.$inferSelect;
export type IndicatorRow = typeof indicators.$inferSelect;

/** Per-request loaders of the eligibility subgraph. */
export function createEligibilityLoaders(database: Database, _caller: Caller) {
  const { db } = database;
  return {
    problemsByFamilyId: listLoader<string, FamilyProblemRow>(
      (ids) =>
        db.select().from(familyProblems).where(anyOf(familyProblems.familyId, ids, "uuid")).orderBy(asc(familyProblems.problem)),
      (row) => row.familyId,
    ),
    problemsByPersonId: listLoader<string, PersonProblemRow>(
      (ids) =>
        db.select().from(personProblems).where(anyOf(personProblems.personId, ids, "uuid")).orderBy(asc(personProblems.problem)),
      (row) => row.personId,
    ),
    indicatorsByFamilyId: listLoader<string, IndicatorRow>(
      (ids) =>
        db
          .select()
          .from(indicators)
          .where(anyOf(indicators.familyId, ids, "uuid"))
          .orderBy(asc(indicators.recordedOn), asc(indicators.id)),
      (row) => row.familyId,
    ),
    indicatorsByPersonId: listLoader<string, IndicatorRow>(
      (ids) =>
        db
          .select()
          .from(indicators)
          .where(anyOf(indicators.personId, ids, "uuid"))
          .orderBy(asc(indicators.recordedOn), asc(indicators.id)),
      (row) => row.personId as string,
    ),
  };
}

export type EligibilityLoaders = ReturnType<typeof createEligibilityLoaders>;
