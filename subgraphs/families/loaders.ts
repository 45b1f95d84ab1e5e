import { and, asc } from "drizzle-orm";
import type { Caller } from "../../lib/auth/caller.js";
import type { Database } from "../../lib/db/client.js";
import { anyOf, listLoader, rowLoader, scopedTo } from "../loaders.js";
import { families, localAuthorities, people } from "./tables.js";

export type FamilyRow = typeof families.$inferSelect;
export type PersonRow = typeof people.$inferSelect;
export type LocalAuthorityRow = typeof localAuthorities.$inferSelect;

/** Per-request loaders of the families subgraph. */
export function createFamiliesLoaders(database: Database, caller: Caller) {
  const { db } = database;
  // A council officer's rows are their own authority's: another's answer as if absent.
  const familyScope = scopedTo(families.localAuthorityCode, caller, "record");
  const personScope = scopedTo(people.localAuthorityCode, caller, "record");
  return {
    familyScope,
    familyById: rowLoader<string, FamilyRow>(
      (ids) => db.select().from(families).where(and(anyOf(families.id, ids, "uuid"), familyScope)),
      (row) => row.id,
    ),
    personById: rowLoader<string, PersonRow>(
      (ids) => db.select().from(people).where(and(anyOf(people.id, ids, "uuid"), personScope)),
      (row) => row.id,
    ),
    /** Members in household order: main carer, partner, children, other adults; oldest first within each. */
    membersByFamilyId: listLoader<string, PersonRow>(
      (ids) =>
        db
          .select()
          .from(people)
          .where(and(anyOf(people.familyId, ids, "uuid"), personScope))
          .orderBy(asc(people.relationship), asc(people.dateOfBirth), asc(people.id)),
      (row) => row.familyId,
    ),
    localAuthorityByCode: rowLoader<string, LocalAuthorityRow>(
      (codes) => db.select().from(localAuthorities).where(anyOf(localAuthorities.code, codes, "varchar")),
      (row) => row.code,
    ),
  };
}

export type FamiliesLoaders = ReturnType<typeof createFamiliesLoaders>;

/** Whole years from `from` to `to` (both YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [y, m, d] = on.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
