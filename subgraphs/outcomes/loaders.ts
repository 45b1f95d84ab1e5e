import { and, asc, eq, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Caller } from "../../lib/auth/caller.js";
import type { Database, Db } from "../../lib/db/client.js";
import type { Dataset } from "../../lib/domain.js";
import { anyOf, listLoader, preparedOnce } from "../loaders.js";
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
 * A prepared statement reading one dataset's records per person: through the
 * linkage table, selecting only the outcome columns (the department's copy of
 * the identifiers is never read at request time). No row scope: the policy
 * refuses linked data outright to the one role that has a scope.
 */
function linkedRecords<C extends Record<string, AnyPgColumn>>(
  db: Db,
  table: PgTable & { id: AnyPgColumn },
  dataset: Dataset,
  columns: C,
  order: AnyPgColumn,
) {
  return db
    .select({ personId: linkage.personId, ...columns })
    .from(linkage)
    .innerJoin(table, and(eq(linkage.dataset, dataset), eq(table.id, linkage.recordId)) as SQL)
    .where(anyOf(linkage.personId, "uuid"))
    .orderBy(asc(linkage.personId), asc(order), asc(linkage.recordId))
    .prepare(`linked_${dataset.toLowerCase()}`);
}

function statements(database: Database) {
  const { db } = database;
  return preparedOnce(database, "outcomes", () => ({
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
    linkedRecords: db
      .select()
      .from(linkage)
      .where(anyOf(linkage.personId, "uuid"))
      .orderBy(asc(linkage.personId), asc(linkage.dataset), asc(linkage.recordId))
      .prepare("linked_records"),
  }));
}

type Statements = ReturnType<typeof statements>;
type Rows<K extends keyof Statements> = Awaited<ReturnType<Statements[K]["execute"]>>[number];

/** Per-request loaders of the outcomes subgraph: one per field, each one statement per batch. */
export function createOutcomesLoaders(database: Database, _caller: Caller) {
  const q = statements(database);
  const loader = <K extends keyof Statements>(key: K) =>
    listLoader<string, Rows<K>>((ids) => q[key].execute({ keys: ids }) as Promise<Rows<K>[]>, (row) => (row as { personId: string }).personId);
  return {
    offences: loader("offences"),
    schoolAttendance: loader("schoolAttendance"),
    exclusions: loader("exclusions"),
    benefitSpells: loader("benefitSpells"),
    childrenInNeedEpisodes: loader("childrenInNeedEpisodes"),
    healthContacts: loader("healthContacts"),
    drugTreatment: loader("drugTreatment"),
    linkedRecords: loader("linkedRecords"),
  };
}

export type OutcomesLoaders = ReturnType<typeof createOutcomesLoaders>;
