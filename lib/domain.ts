/**
 * The programme's vocabulary, shared by the tables, the seed and the SDL so
 * that an enum value means the same thing everywhere. Each list is the
 * closed set of values the database accepts.
 */

/** Families who received the intervention, and eligible families who did not. */
export const COHORTS = ["TREATMENT", "COMPARISON"] as const;
export type Cohort = (typeof COHORTS)[number];

/**
 * Where a family stands: assessed as eligible but not (yet) worked with; an
 * intervention under way; an intervention ended as planned; or withdrawn.
 */
export const FAMILY_STATUSES = ["ELIGIBLE", "IN_INTERVENTION", "COMPLETED", "WITHDRAWN"] as const;
export type FamilyStatus = (typeof FAMILY_STATUSES)[number];

export const SEXES = ["FEMALE", "MALE"] as const;
export type Sex = (typeof SEXES)[number];

export const RELATIONSHIPS = ["MAIN_CARER", "PARTNER", "CHILD", "OTHER_ADULT"] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** ONS 2011 census ethnic groups (England), plus "not known / not given" as councils report it. */
export const ETHNIC_GROUPS = [
  "WHITE_BRITISH",
  "WHITE_IRISH",
  "WHITE_GYPSY_OR_IRISH_TRAVELLER",
  "WHITE_OTHER",
  "MIXED_WHITE_BLACK_CARIBBEAN",
  "MIXED_WHITE_BLACK_AFRICAN",
  "MIXED_WHITE_ASIAN",
  "MIXED_OTHER",
  "ASIAN_INDIAN",
  "ASIAN_PAKISTANI",
  "ASIAN_BANGLADESHI",
  "ASIAN_CHINESE",
  "ASIAN_OTHER",
  "BLACK_AFRICAN",
  "BLACK_CARIBBEAN",
  "BLACK_OTHER",
  "ARAB",
  "OTHER",
  "NOT_KNOWN",
] as const;
export type EthnicGroup = (typeof ETHNIC_GROUPS)[number];

/** The six headline problems of the programme's eligibility criteria (seeds/002). */
export const HEADLINE_PROBLEMS = [
  "CRIME_ASB",
  "EDUCATION",
  "CHILDREN_IN_NEED",
  "WORKLESSNESS",
  "DOMESTIC_ABUSE",
  "HEALTH",
] as const;
export type HeadlineProblem = (typeof HEADLINE_PROBLEMS)[number];

/** Bit of each headline problem in the research extract's `problems` mask. */
export function problemBit(problem: HeadlineProblem): number {
  return 1 << HEADLINE_PROBLEMS.indexOf(problem);
}

/** Local indicators councils send (seeds/002), each dated. */
export const INDICATOR_KINDS = [
  "EVICTION",
  "HOMELESSNESS_APPLICATION",
  "WEEKS_HOMELESS",
  "RENT_ARREARS",
  "ASB_NO_FURTHER_INVESTIGATION",
  "ASB_FURTHER_INVESTIGATION",
  "DOMESTIC_VIOLENCE",
  "POLICE_CALL_OUT",
  "ALCOHOL_DEPENDENCY",
  "DRUG_DEPENDENCY",
  "NEET",
  "MISSING_FROM_EDUCATION",
  "MENTAL_HEALTH",
] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/** Police National Computer disposals. A custodial sentence is also a conviction. */
export const DISPOSALS = ["CAUTION", "CONVICTION", "CUSTODIAL_SENTENCE"] as const;
export type Disposal = (typeof DISPOSALS)[number];

export const OFFENCE_CATEGORIES = [
  "VIOLENCE",
  "THEFT",
  "BURGLARY",
  "CRIMINAL_DAMAGE",
  "DRUGS",
  "PUBLIC_ORDER",
  "MOTORING",
  "OTHER",
] as const;
export type OffenceCategory = (typeof OFFENCE_CATEGORIES)[number];

export const TERMS = ["AUTUMN", "SPRING", "SUMMER"] as const;
export type Term = (typeof TERMS)[number];

export const EXCLUSION_CATEGORIES = ["FIXED_PERIOD", "PERMANENT"] as const;
export type ExclusionCategory = (typeof EXCLUSION_CATEGORIES)[number];

/** DWP benefits: Income Support, Jobseeker's Allowance, Employment and Support Allowance, Universal Credit. */
export const BENEFITS = ["IS", "JSA", "ESA", "UC"] as const;
export type Benefit = (typeof BENEFITS)[number];

export const CHILDREN_SERVICES_EPISODES = ["CHILD_IN_NEED", "CHILD_PROTECTION_PLAN", "LOOKED_AFTER"] as const;
export type ChildrenServicesEpisode = (typeof CHILDREN_SERVICES_EPISODES)[number];

/** Hospital Episode Statistics A&E, and the Mental Health Services Data Set. */
export const HEALTH_SETTINGS = ["A_AND_E", "MENTAL_HEALTH"] as const;
export type HealthSetting = (typeof HEALTH_SETTINGS)[number];

export const SUBSTANCES = ["OPIATES", "NON_OPIATES", "ALCOHOL", "ALCOHOL_AND_NON_OPIATES"] as const;
export type Substance = (typeof SUBSTANCES)[number];

/** The departmental datasets ONS links to council records. */
export const DATASETS = [
  "PNC_OFFENCES",
  "NPD_ATTENDANCE",
  "NPD_EXCLUSIONS",
  "DWP_BENEFIT_SPELLS",
  "DFE_CHILDREN_SERVICES",
  "HEALTH_CONTACTS",
  "NDTMS_EPISODES",
] as const;
export type Dataset = (typeof DATASETS)[number];

/** How a departmental record was linked to a person. */
export const LINK_METHODS = ["NINO", "UPN", "NAME_DOB_POSTCODE"] as const;
export type LinkMethod = (typeof LINK_METHODS)[number];

/**
 * Windows relative to the reference date (intervention start for the
 * treatment cohort; the matched reference date for the comparison cohort).
 * `BEFORE_12` is the 12 months before; `AFTER_n` the n months from the start.
 */
export const WINDOWS = ["BEFORE_12", "AFTER_6", "AFTER_12", "AFTER_18", "AFTER_24"] as const;
export type Window = (typeof WINDOWS)[number];

/** Age at the reference date, in the bands used for publication. */
export const AGE_BANDS = [
  "AGE_0_4",
  "AGE_5_9",
  "AGE_10_15",
  "AGE_16_17",
  "AGE_18_24",
  "AGE_25_34",
  "AGE_35_49",
  "AGE_50_64",
  "AGE_65_PLUS",
] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Lower bound (inclusive) of each age band, in years. */
export const AGE_BAND_FLOOR: Readonly<Record<AgeBand, number>> = {
  AGE_0_4: 0,
  AGE_5_9: 5,
  AGE_10_15: 10,
  AGE_16_17: 16,
  AGE_18_24: 18,
  AGE_25_34: 25,
  AGE_35_49: 35,
  AGE_50_64: 50,
  AGE_65_PLUS: 65,
};

export function ageBandOf(age: number): AgeBand {
  let band: AgeBand = "AGE_0_4";
  for (const b of AGE_BANDS) if (age >= AGE_BAND_FLOOR[b]) band = b;
  return band;
}
