import { date, index, pgSchema, smallint, text, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { COHORTS, ETHNIC_GROUPS, FAMILY_STATUSES, RELATIONSHIPS, SEXES } from "../../lib/domain.js";

/**
 * What councils submit: the families they assessed as eligible (worked with or
 * not) and the people in them, identifiers included. Owned by the families
 * subgraph; nothing else reads these tables at request time.
 */
export const familiesSchema = pgSchema("families");

export const cohortEnum = familiesSchema.enum("cohort", COHORTS);
export const familyStatusEnum = familiesSchema.enum("family_status", FAMILY_STATUSES);
export const sexEnum = familiesSchema.enum("sex", SEXES);
export const relationshipEnum = familiesSchema.enum("relationship", RELATIONSHIPS);
export const ethnicGroupEnum = familiesSchema.enum("ethnic_group", ETHNIC_GROUPS);

/** English upper-tier local authorities (ONS codes), the councils that run the programme. */
export const localAuthorities = familiesSchema.table("local_authorities", {
  code: varchar("code", { length: 9 }).primaryKey(),
  name: text("name").notNull(),
  regionCode: varchar("region_code", { length: 9 }).notNull(),
  regionName: text("region_name").notNull(),
  dfeNumber: smallint("dfe_number").notNull(),
});

export const families = familiesSchema.table(
  "families",
  {
    id: uuid("id").primaryKey(),
    localAuthorityCode: varchar("la_code", { length: 9 })
      .notNull()
      .references(() => localAuthorities.code),
    /** The council's own case reference: it identifies the family to the council. */
    caseReference: text("case_reference").notNull(),
    cohort: cohortEnum("cohort").notNull(),
    status: familyStatusEnum("status").notNull(),
    assessmentDate: date("assessment_date", { mode: "string" }).notNull(),
    interventionStart: date("intervention_start", { mode: "string" }),
    interventionEnd: date("intervention_end", { mode: "string" }),
  },
  (t) => [
    uniqueIndex("families_la_case_reference").on(t.localAuthorityCode, t.caseReference),
    // Keyset pagination within an authority (and with cohort or status filters).
    index("families_la_id").on(t.localAuthorityCode, t.id),
    index("families_cohort_id").on(t.cohort, t.id),
  ],
);

export const people = familiesSchema.table(
  "people",
  {
    id: uuid("id").primaryKey(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    /** The submitting authority, kept per person so row scope needs no join. */
    localAuthorityCode: varchar("la_code", { length: 9 }).notNull(),
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
    dateOfBirth: date("date_of_birth", { mode: "string" }).notNull(),
    sex: sexEnum("sex").notNull(),
    postcode: varchar("postcode", { length: 8 }).notNull(),
    nationalInsuranceNumber: varchar("nino", { length: 9 }),
    uniquePupilNumber: varchar("upn", { length: 13 }),
    ethnicGroup: ethnicGroupEnum("ethnic_group").notNull(),
    relationship: relationshipEnum("relationship").notNull(),
  },
  (t) => [
    index("people_family_id").on(t.familyId),
    index("people_nino").on(t.nationalInsuranceNumber),
    index("people_upn").on(t.uniquePupilNumber),
    index("people_dob").on(t.dateOfBirth),
  ],
);
