import { AGE_BANDS, AGE_BAND_FLOOR, type AgeBand, type Dataset, type Window } from "./domain.js";

/**
 * The outcome measures researchers and dashboards ask for: which flag of the
 * research extract each counts, and over whom (ages at the reference date).
 * EVENT measures count people with at least one event in the window; STATUS
 * measures count people holding the status on the window's end date.
 */
export const MEASURE_DEFINITIONS = {
  CAUTIONED: { flag: "cautioned", source: "PNC_OFFENCES", kind: "EVENT", minAge: 10, maxAge: null, description: "Cautioned at least once" },
  CONVICTED: { flag: "convicted", source: "PNC_OFFENCES", kind: "EVENT", minAge: 10, maxAge: null, description: "Convicted at least once (custodial sentences included)" },
  JUVENILE_CONVICTION: { flag: "convicted", source: "PNC_OFFENCES", kind: "EVENT", minAge: 10, maxAge: 17, description: "Convicted at least once, aged 10-17" },
  ADULT_CUSTODY: { flag: "custodial_sentence", source: "PNC_OFFENCES", kind: "EVENT", minAge: 18, maxAge: null, description: "Given a custodial sentence, aged 18 or over" },
  JUVENILE_CUSTODY: { flag: "custodial_sentence", source: "PNC_OFFENCES", kind: "EVENT", minAge: 10, maxAge: 17, description: "Given a custodial sentence, aged 10-17" },
  PERSISTENT_ABSENCE: { flag: "persistently_absent", source: "NPD_ATTENDANCE", kind: "EVENT", minAge: 5, maxAge: 15, description: "Missed more than 10% of school sessions over the window's terms" },
  EXCLUDED: { flag: "excluded", source: "NPD_EXCLUSIONS", kind: "EVENT", minAge: 5, maxAge: 15, description: "Excluded from school at least once" },
  CLAIMING_IS: { flag: "claiming_is", source: "DWP_BENEFIT_SPELLS", kind: "STATUS", minAge: 18, maxAge: 64, description: "Claiming Income Support" },
  CLAIMING_JSA: { flag: "claiming_jsa", source: "DWP_BENEFIT_SPELLS", kind: "STATUS", minAge: 18, maxAge: 64, description: "Claiming Jobseeker's Allowance" },
  CLAIMING_ESA: { flag: "claiming_esa", source: "DWP_BENEFIT_SPELLS", kind: "STATUS", minAge: 18, maxAge: 64, description: "Claiming Employment and Support Allowance" },
  CLAIMING_UC: { flag: "claiming_uc", source: "DWP_BENEFIT_SPELLS", kind: "STATUS", minAge: 18, maxAge: 64, description: "Claiming Universal Credit" },
  CHILD_IN_NEED: { flag: "child_in_need", source: "DFE_CHILDREN_SERVICES", kind: "STATUS", minAge: 0, maxAge: 17, description: "A child in need" },
  CHILD_PROTECTION_PLAN: { flag: "child_protection_plan", source: "DFE_CHILDREN_SERVICES", kind: "STATUS", minAge: 0, maxAge: 17, description: "On a child protection plan" },
  LOOKED_AFTER: { flag: "looked_after", source: "DFE_CHILDREN_SERVICES", kind: "STATUS", minAge: 0, maxAge: 17, description: "Looked after by the local authority" },
  AE_ATTENDANCE: { flag: "ae_attendance", source: "HEALTH_CONTACTS", kind: "EVENT", minAge: 0, maxAge: null, description: "Attended A&E at least once" },
  MENTAL_HEALTH_CONTACT: { flag: "mental_health_contact", source: "HEALTH_CONTACTS", kind: "EVENT", minAge: 0, maxAge: null, description: "In contact with mental-health services at least once" },
  DRUG_TREATMENT: { flag: "drug_treatment", source: "NDTMS_EPISODES", kind: "STATUS", minAge: 18, maxAge: null, description: "In drug or alcohol treatment" },
} as const satisfies Record<string, MeasureDefinition>;

/**
 * The outcome flags of the research extract, in a fixed order: each is a
 * column of `evaluation.person_windows` and of the count cubes, and bit i of
 * `evaluation.people`'s per-window masks is flag i. Appending is safe;
 * reordering changes the meaning of stored masks.
 */
export const OUTCOME_FLAGS = [
  "cautioned",
  "convicted",
  "custodial_sentence",
  "excluded",
  "ae_attendance",
  "mental_health_contact",
  "claiming_is",
  "claiming_jsa",
  "claiming_esa",
  "claiming_uc",
  "child_in_need",
  "child_protection_plan",
  "looked_after",
  "drug_treatment",
  "persistently_absent",
] as const;
export type OutcomeFlag = (typeof OUTCOME_FLAGS)[number];

/** Columns of `evaluation.people` holding each window's outcome mask. */
export const MASK_COLUMNS: Readonly<Record<Window, string>> = {
  BEFORE_12: "outcomes_before_12",
  AFTER_6: "outcomes_after_6",
  AFTER_12: "outcomes_after_12",
  AFTER_18: "outcomes_after_18",
  AFTER_24: "outcomes_after_24",
};

/** The bit of a flag in `evaluation.people`'s outcome masks. */
export function flagBit(flag: OutcomeFlag): number {
  return 1 << OUTCOME_FLAGS.indexOf(flag);
}

export interface MeasureDefinition {
  /** Column of `evaluation.person_windows`. */
  readonly flag: OutcomeFlag;
  /** The departmental dataset the flag is read from (through linkage). */
  readonly source: Dataset;
  readonly kind: "EVENT" | "STATUS";
  readonly minAge: number;
  readonly maxAge: number | null;
  readonly description: string;
}

export type Measure = keyof typeof MEASURE_DEFINITIONS;
export const MEASURES = Object.keys(MEASURE_DEFINITIONS) as Measure[];

/** The age bands a measure counts (band boundaries line up with every measure's ages). */
export function ageBandsOf(measure: Measure): AgeBand[] {
  const { minAge, maxAge } = MEASURE_DEFINITIONS[measure];
  return AGE_BANDS.filter((band) => {
    const floor = AGE_BAND_FLOOR[band];
    return floor >= minAge && (maxAge === null || floor <= maxAge);
  });
}
