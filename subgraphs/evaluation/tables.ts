import { boolean, doublePrecision, index, integer, pgSchema, primaryKey, smallint, text, varchar } from "drizzle-orm/pg-core";
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
    /**
     * The person's record key for the cell key method (0-255, fixed for the
     * person and the same in every window): a cell's perturbation is looked up
     * from the sum of its people's keys, so the same people always get the
     * same perturbation, whatever the query.
     */
    recordKey: smallint("record_key").notNull(),
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

/**
 * People in the cell, how many of them have each outcome flag, and the sums
 * of those people's record keys (`*_key`): key sums add up like counts, so a
 * table's cell key comes from summed cells as it would from the people.
 */
function cellCounts() {
  return {
    people: integer("people").notNull(),
    peopleKey: integer("people_key").notNull(),
    cautionedKey: integer("cautioned_key").notNull(),
    convictedKey: integer("convicted_key").notNull(),
    custodialSentenceKey: integer("custodial_sentence_key").notNull(),
    persistentlyAbsentKey: integer("persistently_absent_key").notNull(),
    excludedKey: integer("excluded_key").notNull(),
    claimingIsKey: integer("claiming_is_key").notNull(),
    claimingJsaKey: integer("claiming_jsa_key").notNull(),
    claimingEsaKey: integer("claiming_esa_key").notNull(),
    claimingUcKey: integer("claiming_uc_key").notNull(),
    childInNeedKey: integer("child_in_need_key").notNull(),
    childProtectionPlanKey: integer("child_protection_plan_key").notNull(),
    lookedAfterKey: integer("looked_after_key").notNull(),
    aeAttendanceKey: integer("ae_attendance_key").notNull(),
    mentalHealthContactKey: integer("mental_health_contact_key").notNull(),
    drugTreatmentKey: integer("drug_treatment_key").notNull(),
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

/**
 * The extract once per person, for impact estimates: a person's dimensions,
 * record key, and every outcome flag of each window as one bit mask (bit i is
 * `FLAG_COLUMNS[i]` of seed/extract.ts), so that an estimate reads one row per
 * person rather than joining a person's windows.
 */
export const people = evaluationSchema.table(
  "people",
  {
    personKey: varchar("person_key", { length: 24 }).primaryKey(),
    localAuthorityCode: varchar("la_code", { length: 9 }).notNull(),
    regionCode: varchar("region_code", { length: 9 }).notNull(),
    cohort: cohortEnum("cohort").notNull(),
    ageBand: ageBandEnum("age_band").notNull(),
    sex: sexEnum("sex").notNull(),
    problems: smallint("problems").notNull(),
    recordKey: smallint("record_key").notNull(),
    before12: integer("outcomes_before_12").notNull(),
    after6: integer("outcomes_after_6").notNull(),
    after12: integer("outcomes_after_12").notNull(),
    after18: integer("outcomes_after_18").notNull(),
    after24: integer("outcomes_after_24").notNull(),
  },
  (t) => [index("people_la").on(t.localAuthorityCode)],
);

/**
 * Propensity models fitted by the extract step, one per measure: logistic
 * regression of being in the treatment cohort on age band, sex, the headline
 * problems, region and the measure's outcome in the 12 months before, over
 * the measure's population. Estimates match on the scores these give.
 */
export const propensityModels = evaluationSchema.table("propensity_models", {
  measure: varchar("measure", { length: 32 }).primaryKey(),
  /** Names of the coefficients, in order ("intercept", "age_band=AGE_18_24", ...). */
  covariates: text("covariates").array().notNull(),
  coefficients: doublePrecision("coefficients").array().notNull(),
  standardErrors: doublePrecision("standard_errors").array().notNull(),
  /** Matching caliper on the logit of the score: 0.2 standard deviations of it over the measure's population. */
  caliper: doublePrecision("caliper").notNull(),
  people: integer("people").notNull(),
  treated: integer("treated").notNull(),
  iterations: integer("iterations").notNull(),
  converged: boolean("converged").notNull(),
});
