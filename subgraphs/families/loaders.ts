import { and, asc } from "drizzle-orm";
import type { Caller } from "../../lib/auth/caller.js";
import type { Database } from "../../lib/db/client.js";
import { anyOf, inScope, listLoader, preparedOnce, rowLoader, scopeOf } from "../loaders.js";
import { families, localAuthorities, people } from "./tables.js";

export type FamilyRow = typeof families.$inferSelect;
export type PersonRow = typeof people.$inferSelect;
export type LocalAuthorityRow = typeof localAuthorities.$inferSelect;

function statements(database: Database) {
  const { db } = database;
  return preparedOnce(database, "families", () => ({
    familiesById: db.select().from(families).where(and(anyOf(families.id, "uuid"), inScope(families.localAuthorityCode))).prepare("families_by_id"),
    peopleById: db.select().from(people).where(and(anyOf(people.id, "uuid"), inScope(people.localAuthorityCode))).prepare("people_by_id"),
    /** Members in household order: main carer, partner, children, other adults; oldest first within each. */
    membersByFamilyId: db
      .select()
      .from(people)
      .where(and(anyOf(people.familyId, "uuid"), inScope(people.localAuthorityCode)))
      .orderBy(asc(people.relationship), asc(people.dateOfBirth), asc(people.id))
      .prepare("members_by_family_id"),
    authoritiesByCode: db.select().from(localAuthorities).where(anyOf(localAuthorities.code, "varchar")).prepare("authorities_by_code"),
  }));
}

/** Per-request loaders of the families subgraph. */
export function createFamiliesLoaders(database: Database, caller: Caller) {
  const q = statements(database);
  // A council officer's rows are their own authority's: another's answer as if absent.
  const la = scopeOf(caller, "record");
  return {
    scope: la,
    familyById: rowLoader<string, FamilyRow>((ids) => q.familiesById.execute({ keys: ids, la }), (row) => row.id),
    personById: rowLoader<string, PersonRow>((ids) => q.peopleById.execute({ keys: ids, la }), (row) => row.id),
    membersByFamilyId: listLoader<string, PersonRow>((ids) => q.membersByFamilyId.execute({ keys: ids, la }), (row) => row.familyId),
    localAuthorityByCode: rowLoader<string, LocalAuthorityRow>((codes) => q.authoritiesByCode.execute({ keys: codes }), (row) => row.code),
  };
}

export type FamiliesLoaders = ReturnType<typeof createFamiliesLoaders>;

/** Whole years from `from` to `to` (both YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [y, m, d] = on.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
