import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  real,
  serial,
  smallint,
  text,
  timestamp,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import {
  BENEFITS,
  CHILDREN_SERVICES_EPISODES,
  DATASETS,
  DISPOSALS,
  EXCLUSION_CATEGORIES,
  HEALTH_SETTINGS,
  LINK_METHODS,
  OFFENCE_CATEGORIES,
  SEXES,
  SUBSTANCES,
  TERMS,
} from "../../lib/domain.js";

/**
 * The departmental datasets as the departments hold them: each record carries
 * the department's own copy of the person's identifiers (with the department's
 * errors), never the council's person id. `linkage` is what ONS adds: which
 * person each record belongs to, how it was matched and with what weight.
 */
export const outcomesSchema = pgSchema("outcomes");

export const sexEnum = outcomesSchema.enum("sex", SEXES);
export const disposalEnum = outcomesSchema.enum("disposal", DISPOSALS);
export const offenceCategoryEnum = outcomesSchema.enum("offence_category", OFFENCE_CATEGORIES);
export const termEnum = outcomesSchema.enum("term", TERMS);
export const exclusionCategoryEnum = outcomesSchema.enum("exclusion_category", EXCLUSION_CATEGORIES);
export const benefitEnum = outcomesSchema.enum("benefit", BENEFITS);
export const childrenServicesEpisodeEnum = outcomesSchema.enum("children_services_episode", CHILDREN_SERVICES_EPISODES);
export const healthSettingEnum = outcomesSchema.enum("health_setting", HEALTH_SETTINGS);
export const substanceEnum = outcomesSchema.enum("substance", SUBSTANCES);
export const datasetEnum = outcomesSchema.enum("dataset", DATASETS);
export const linkMethodEnum = outcomesSchema.enum("link_method", LINK_METHODS);

/** The identifiers every department keeps in its own form. */
function heldIdentifiers() {
  return {
    forename: text("forename").notNull(),
    surname: text("surname").notNull(),
    dateOfBirth: date("date_of_birth", { mode: "string" }).notNull(),
    sex: sexEnum("sex").notNull(),
    postcode: varchar("postcode", { length: 8 }).notNull(),
  };
}

function recordId() {
  return bigint("id", { mode: "number" }).primaryKey();
}

/** Police National Computer: offences and their disposals (Ministry of Justice). */
export const pncOffences = outcomesSchema.table("pnc_offences", {
  id: recordId(),
  pncId: varchar("pnc_id", { length: 12 }).notNull(),
  ...heldIdentifiers(),
  offenceDate: date("offence_date", { mode: "string" }).notNull(),
  category: offenceCategoryEnum("category").notNull(),
  disposal: disposalEnum("disposal").notNull(),
  disposalDate: date("disposal_date", { mode: "string" }).notNull(),
});

/** National Pupil Database: termly attendance (Department for Education). */
export const npdAttendance = outcomesSchema.table("npd_attendance", {
  id: recordId(),
  upn: varchar("upn", { length: 13 }).notNull(),
  ...heldIdentifiers(),
  academicYear: varchar("academic_year", { length: 7 }).notNull(),
  term: termEnum("term").notNull(),
  termStart: date("term_start", { mode: "string" }).notNull(),
  sessionsPossible: smallint("sessions_possible").notNull(),
  sessionsAuthorisedAbsence: smallint("sessions_authorised_absence").notNull(),
  sessionsUnauthorisedAbsence: smallint("sessions_unauthorised_absence").notNull(),
});

/** National Pupil Database: exclusions. */
export const npdExclusions = outcomesSchema.table("npd_exclusions", {
  id: recordId(),
  upn: varchar("upn", { length: 13 }).notNull(),
  ...heldIdentifiers(),
  exclusionDate: date("exclusion_date", { mode: "string" }).notNull(),
  category: exclusionCategoryEnum("category").notNull(),
  sessions: smallint("sessions").notNull(),
});

/** Work and Pensions Longitudinal Study: benefit spells (Department for Work and Pensions). */
export const dwpBenefitSpells = outcomesSchema.table("dwp_benefit_spells", {
  id: recordId(),
  nino: varchar("nino", { length: 9 }).notNull(),
  ...heldIdentifiers(),
  benefit: benefitEnum("benefit").notNull(),
  startDate: date("start_date", { mode: "string" }).notNull(),
  endDate: date("end_date", { mode: "string" }),
});

/** Children in Need census and looked-after returns (Department for Education). */
export const dfeChildrenServices = outcomesSchema.table("dfe_children_services", {
  id: recordId(),
  /** Present for school-age children the council could match to a pupil record. */
  upn: varchar("upn", { length: 13 }),
  ...heldIdentifiers(),
  episode: childrenServicesEpisodeEnum("episode").notNull(),
  startDate: date("start_date", { mode: "string" }).notNull(),
  endDate: date("end_date", { mode: "string" }),
});

/** Hospital Episode Statistics A&E attendances and Mental Health Services Data Set contacts (NHS Digital). */
export const healthContacts = outcomesSchema.table("health_contacts", {
  id: recordId(),
  ...heldIdentifiers(),
  setting: healthSettingEnum("setting").notNull(),
  contactDate: date("contact_date", { mode: "string" }).notNull(),
});

/** National Drug Treatment Monitoring System episodes (Public Health England). */
export const ndtmsEpisodes = outcomesSchema.table("ndtms_episodes", {
  id: recordId(),
  ...heldIdentifiers(),
  substance: substanceEnum("substance").notNull(),
  startDate: date("start_date", { mode: "string" }).notNull(),
  endDate: date("end_date", { mode: "string" }),
});

/** Which person a departmental record belongs to, as matched by ONS. */
export const linkage = outcomesSchema.table(
  "linkage",
  {
    dataset: datasetEnum("dataset").notNull(),
    recordId: bigint("record_id", { mode: "number" }).notNull(),
    personId: uuid("person_id").notNull(),
    method: linkMethodEnum("method").notNull(),
    /** Fellegi-Sunter agreement weight (log2 m/u summed over the fields that agree). */
    matchWeight: real("match_weight").notNull(),
  },
  (t) => [primaryKey({ columns: [t.dataset, t.recordId] }), index("linkage_person_dataset").on(t.personId, t.dataset)],
);

/** One row per linkage run: what it linked and what it missed, per dataset. */
export const linkageRuns = outcomesSchema.table("linkage_runs", {
  id: serial("id").primaryKey(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
  finishedAt: timestamp("finished_at", { withTimezone: true }).notNull(),
  records: integer("records").notNull(),
  linked: integer("linked").notNull(),
  report: jsonb("report").notNull(),
  note: text("note"),
});
