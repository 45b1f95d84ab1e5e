import { boolean, index, integer, pgSchema, primaryKey, smallint, text, varchar } from "drizzle-orm/pg-core";
import { AGE_BANDS, COHORTS, HEADLINE_PROBLEMS, SEXES, WINDOWS } from "../../lib/domain.js";

/**
 * The de-identified research extract: one row per person per window, built
 * from the other schemas by the linkage-and-extract step (seed/extract.ts) and
 * never generated on its own. No name, date of birth, postcode, NINo, UPN,
 * case reference or council id appears here: people and families are known by
 * keyed pseudonyms, dates only as windows and age bands.
 */
export const evaluationSchema = pgSchema("evaluation");

export const cohortEnum = evaluationSchema.enum("cohort", COHORTS);
export const sexEnum = evaluationSchema.enum("sex", SEXES);
export const windowEnum = evaluationSchema.enum("window", WINDOWS);
export const ageBandEnum = evaluationSchema.enum("age_band", AGE_BANDS);
export const headlineProblemEnum = evaluationSchema.enum("headline_problem", HEADLINE_PROBLEMS);

/**
 * Outcome flags. Event outcomes are true when at least one event fell in the
 * window; status outcomes when the person held the status on the window's
 * end date (for BEFORE_12, the reference date). See seed/README.md.
 */
export const personWindows = evaluationSchema.table(
  "person_windows",
  {
    personKey: varchar("person_key", { length: 24 }).notNull(),
    familyKey: varchar("family_key", { length: 24 }).notNull(),
    localAuthorityCode: varchar("la_code", { length: 9 }).notNull(),
    regionCode: varchar("region_code", { length: 9 }).notNull(),
    regionName: text("region_name").notNull(),
    cohort: cohortEnum("cohort").notNull(),
    ageBand: ageBandEnum("age_band").notNull(),
    sex: sexEnum("sex").notNull(),
    /** Headline problems the person (or their family) met, one bit each in `HEADLINE_PROBLEMS` order. */
    problems: smallint("problems").notNull(),
    window: windowEnum("time_window").notNull(),
    cautioned: boolean("cautioned").notNull(),
    convicted: boolean("convicted").notNull(),
    custodialSentence: boolean("custodial_sentence").notNull(),
    persistentlyAbsent: boolean("persistently_absent").notNull(),
    excluded: boolean("excluded").notNull(),
    claimingIs: boolean("claiming_is").notNull(),
    claimingJsa: boolean("claiming_jsa").notNull(),
    claimingEsa: boolean("claiming_esa").notNull(),
    claimingUc: boolean("claiming_uc").notNull(),
    childInNeed: boolean("child_in_need").notNull(),
    childProtectionPlan: boolean("child_protection_plan").notNull(),
    lookedAfter: boolean("looked_after").notNull(),
    aeAttendance: boolean("ae_attendance").notNull(),
    mentalHealthContact: boolean("mental_health_contact").notNull(),
    drugTreatment: boolean("drug_treatment").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.personKey, t.window] }),
    index("person_windows_window_cohort").on(t.window, t.cohort),
    index("person_windows_la").on(t.localAuthorityCode),
  ],
);

/** The dimensions of a count cube's cell. */
function cellDimensions() {
  return {
    window: windowEnum("time_window").notNull(),
    cohort: cohortEnum("cohort").notNull(),
    localAuthorityCode: varchar("la_code", { length: 9 }).notNull(),
    regionCode: varchar("region_code", { length: 9 }).notNull(),
    regionName: text("region_name").notNull(),
    ageBand: ageBandEnum("age_band").notNull(),
    sex: sexEnum("sex").notNull(),
  };
}

/** People in the cell, and how many of them have each outcome flag. */
function cellCounts() {
  return {
    people: integer("people").notNull(),
    cautioned: integer("cautioned").notNull(),
    convicted: integer("convicted").notNull(),
    custodialSentence: integer("custodial_sentence").notNull(),
    persistentlyAbsent: integer("persistently_absent").notNull(),
    excluded: integer("excluded").notNull(),
    claimingIs: integer("claiming_is").notNull(),
    claimingJsa: integer("claiming_jsa").notNull(),
    claimingEsa: integer("claiming_esa").notNull(),
    claimingUc: integer("claiming_uc").notNull(),
    childInNeed: integer("child_in_need").notNull(),
    childProtectionPlan: integer("child_protection_plan").notNull(),
    lookedAfter: integer("looked_after").notNull(),
    aeAttendance: integer("ae_attendance").notNull(),
    mentalHealthContact: integer("mental_health_contact").notNull(),
    drugTreatment: integer("drug_treatment").notNull(),
  };
}

/**
 * Counts of the extract by window, cohort, authority, age band and sex, built
 * by the extract step: every table of counts is a sum of these cells, so a
 * request reads thousands of rows, not millions.
 */
export const cells = evaluationSchema.table("cells", { ...cellDimensions(), ...cellCounts() }, (t) => [
  primaryKey({ columns: [t.window, t.cohort, t.localAuthorityCode, t.ageBand, t.sex] }),
]);

/** The same per headline problem: a person with several problems counts in each problem's cells. */
export const problemCells = evaluationSchema.table(
  "problem_cells",
  { ...cellDimensions(), problem: headlineProblemEnum("problem").notNull(), ...cellCounts() },
  (t) => [primaryKey({ columns: [t.window, t.cohort, t.localAuthorityCode, t.ageBand, t.sex, t.problem] })],
);

/** Region-level cells: what most tables read (nine regions, not 151 authorities). */
function regionDimensions() {
  const { localAuthorityCode: _la, ...dimensions } = cellDimensions();
  return dimensions;
}

export const regionCells = evaluationSchema.table("region_cells", { ...regionDimensions(), ...cellCounts() }, (t) => [
  primaryKey({ columns: [t.window, t.cohort, t.regionCode, t.ageBand, t.sex] }),
]);

export const regionProblemCells = evaluationSchema.table(
  "region_problem_cells",
  { ...regionDimensions(), problem: headlineProblemEnum("problem").notNull(), ...cellCounts() },
  (t) => [primaryKey({ columns: [t.window, t.cohort, t.regionCode, t.ageBand, t.sex, t.problem] })],
);
