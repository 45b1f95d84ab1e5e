import { and, asc, eq, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Caller } from "../../lib/auth/caller.js";
import type { Database, Db } from "../../lib/db/client.js";
import type { Dataset } from "../../lib/domain.js";
import { anyOf, listLoader } from "../loaders.js";
import {
  dfeChildrenServices,
  dwpBenefitSpells,
  healthContacts,
  linkage,
  ndtmsEpisodes,
  npdAttendance,
  npdExclusions,
  pncOffences,
} from "./tables.js";

/**
 * A loader of one dataset's records per person: through the linkage table,
 * selecting only the outcome columns (the department's copy of the
 * identifiers is never read at request time).
 */
function linkedRecords<C extends Record<string, AnyPgColumn>>(
  db: Db,
  table: PgTable & { id: AnyPgColumn },
  dataset: Dataset,
  columns: C,
  order: AnyPgColumn,
) {
  return listLoader<string, { personId: string } & { [K in keyof C]: C[K]["_"]["data"] }>(
    async (personIds) => {
      const rows = await db
        .select({ personId: linkage.personId, ...columns })
        .from(linkage)
        .innerJoin(table, and(eq(linkage.dataset, dataset), eq(table.id, linkage.recordId)) as SQL)
        .where(anyOf(linkage.personId, personIds, "uuid"))
        .orderBy(asc(linkage.personId), asc(order), asc(linkage.recordId));
      return rows as never;
    },
    (row) => row.personId,
  );
}

/** Per-request loaders of the outcomes subgraph. */
export function createOutcomesLoaders(database: Database, _caller: Caller) {
  const { db } = database;
  return {
    offences: linkedRecords(
      db,
      pncOffences,
      "PNC_OFFENCES",
      {
        offenceDate: pncOffences.offenceDate,
        category: pncOffences.category,
        disposal: pncOffences.disposal,
        disposalDate: pncOffences.disposalDate,
      },
      pncOffences.offenceDate,
    ),
    schoolAttendance: linkedRecords(
      db,
      npdAttendance,
      "NPD_ATTENDANCE",
      {
        academicYear: npdAttendance.academicYear,
        term: npdAttendance.term,
        termStart: npdAttendance.termStart,
        sessionsPossible: npdAttendance.sessionsPossible,
        sessionsAuthorisedAbsence: npdAttendance.sessionsAuthorisedAbsence,
        sessionsUnauthorisedAbsence: npdAttendance.sessionsUnauthorisedAbsence,
      },
      npdAttendance.termStart,
    ),
    exclusions: linkedRecords(
      db,
      npdExclusions,
      "NPD_EXCLUSIONS",
      { date: npdExclusions.exclusionDate, category: npdExclusions.category, sessions: npdExclusions.sessions },
      npdExclusions.exclusionDate,
    ),
    benefitSpells: linkedRecords(
      db,
      dwpBenefitSpells,
      "DWP_BENEFIT_SPELLS",
      { benefit: dwpBenefitSpells.benefit, startDate: dwpBenefitSpells.startDate, endDate: dwpBenefitSpells.endDate },
      dwpBenefitSpells.startDate,
    ),
    childrenInNeedEpisodes: linkedRecords(
      db,
      dfeChildrenServices,
      "DFE_CHILDREN_SERVICES",
      {
        episode: dfeChildrenServices.episode,
        startDate: dfeChildrenServices.startDate,
        endDate: dfeChildrenServices.endDate,
      },
      dfeChildrenServices.startDate,
    ),
    healthContacts: linkedRecords(
      db,
      healthContacts,
      "HEALTH_CONTACTS",
      { setting: healthContacts.setting, contactDate: healthContacts.contactDate },
      healthContacts.contactDate,
    ),
    drugTreatment: linkedRecords(
      db,
      ndtmsEpisodes,
      "NDTMS_EPISODES",
      { substance: ndtmsEpisodes.substance, startDate: ndtmsEpisodes.startDate, endDate: ndtmsEpisodes.endDate },
      ndtmsEpisodes.startDate,
    ),
    linkedRecords: listLoader<string, typeof linkage.$inferSelect>(
      (personIds) =>
        db
          .select()
          .from(linkage)
          .where(anyOf(linkage.personId, personIds, "uuid"))
          .orderBy(asc(linkage.personId), asc(linkage.dataset), asc(linkage.recordId)),
      (row) => row.personId,
    ),
  };
}

export type OutcomesLoaders = ReturnType<typeof createOutcomesLoaders>;
