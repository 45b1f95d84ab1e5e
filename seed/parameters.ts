import type { EthnicGroup, HeadlineProblem } from "../lib/domain.js";

/**
 * Every number the synthetic seed is drawn from, in one place.
 *
 * The seed plants the outcome effects of DESIGN.md section 6, calibrated to
 * the published results of the national evaluation, so that the national-scale
 * seed tells the same story and tests can check that the estimators recover
 * what was planted. Everything else (households, identifiers, the errors in
 * departmental copies of identifiers) is chosen to look like what councils and
 * departments hold, so that linkage is a real step.
 *
 * How outcomes are drawn (seed/outcomes.ts):
 * - Each outcome has a target table: for the 12 months before the reference
 *   date, and for the first 6, 12, 18 and 24 months after it, the proportion
 *   of people with the outcome among the treatment cohort had it not been
 *   treated (`comparison`) and as treated (`treatment`). Event outcomes give
 *   the proportion with at least one event in the window (cumulative from the
 *   start); status outcomes the proportion holding the status on the window's
 *   end date (for BEFORE_12, on the reference date).
 * - A person's own probability is the target times a risk multiplier (higher
 *   when the family met the outcome's related headline problem), scaled so
 *   that the treatment cohort's mean multiplier is 1. Treatment assignment also
 *   depends on the family's problems, so the raw comparison cohort is less
 *   troubled than the treatment cohort: comparing them unmatched is biased,
 *   and the matched comparison recovers `comparison`.
 * - `--no-effect` sets every `treatment` curve equal to its `comparison` curve.
 */

/** Cumulative proportions at 6, 12, 18 and 24 months after the reference date. */
export type Curve = readonly [number, number, number, number];

export interface OutcomeTarget {
  /** 12 months before (events) or on the reference date (statuses). */
  readonly before12: number;
  /** The treatment cohort as if untreated: what a matched comparison shows. */
  readonly comparison: Curve;
  /** The treatment cohort as treated. */
  readonly treatment: Curve;
}

export interface StatusTarget extends OutcomeTarget {
  /** Chance of still holding the status six months later, where the targets allow. */
  readonly persistence: number;
}

export const PARAMETERS = {
  /** The programme's timeline: every date in the seed falls within it. */
  timeline: {
    /** Departmental data held: from the financial year 2015/16 to the end of 2020. */
    dataFrom: "2015-04-01",
    dataTo: "2020-12-31",
    /** Reference dates (intervention start; comparison families' assessment) so that 12 months before and 24 after fit the data. */
    firstReferenceDate: "2016-04-01",
    lastReferenceDate: "2018-12-31",
    /** Days from assessment to intervention start for treated families. */
    assessmentToStartDays: [14, 90] as const,
    /** Months an intervention lasts, and the share withdrawn early. */
    interventionMonths: [6, 20] as const,
    withdrawnShare: 0.12,
    /** Interventions not ended by this date are still IN_INTERVENTION. */
    dataCut: "2020-03-31",
  },

  /** Headline problems (seeds/002). Families met at least two; prevalences are relative weights. */
  problems: {
    countWeights: [
      [2, 35],
      [3, 30],
      [4, 20],
      [5, 10],
      [6, 5],
    ] as const,
    prevalence: {
      CRIME_ASB: 35,
      EDUCATION: 55,
      CHILDREN_IN_NEED: 50,
      WORKLESSNESS: 65,
      DOMESTIC_ABUSE: 35,
      HEALTH: 45,
    } satisfies Record<HeadlineProblem, number>,
  },

  /**
   * Who is worked with: logit P(treatment) = intercept + perProblem * (problems - 3)
   * + the listed problem effects. More troubled families are more likely to be
   * worked with, which is the selection matching has to undo.
   */
  treatmentSelection: {
    intercept: 0.35,
    perProblem: 0.4,
    problemEffects: { CRIME_ASB: 0.3, CHILDREN_IN_NEED: 0.35, WORKLESSNESS: 0.1 } as Partial<Record<HeadlineProblem, number>>,
  },

  /** Households. Ages are at the reference date. */
  household: {
    mainCarerFemaleShare: 0.88,
    mainCarerAge: [19, 55] as const,
    mainCarerModeAge: 32,
    partnerShare: 0.45,
    partnerSameSexShare: 0.04,
    partnerSharesSurnameShare: 0.6,
    /** About 3.2 people a family, as in the national evaluation (1.2 million people in 400,000 families). */
    childCountWeights: [
      [1, 58],
      [2, 28],
      [3, 9],
      [4, 4],
      [5, 1],
    ] as const,
    /** A parent's age when a child was born. */
    parentAgeAtBirth: [16, 45] as const,
    otherAdultShare: 0.1,
  },

  /** Ethnic group of a household (England; seeds/002 reports "not known" separately). */
  ethnicGroups: {
    WHITE_BRITISH: 720,
    WHITE_IRISH: 5,
    WHITE_GYPSY_OR_IRISH_TRAVELLER: 6,
    WHITE_OTHER: 40,
    MIXED_WHITE_BLACK_CARIBBEAN: 20,
    MIXED_WHITE_BLACK_AFRICAN: 6,
    MIXED_WHITE_ASIAN: 8,
    MIXED_OTHER: 10,
    ASIAN_INDIAN: 15,
    ASIAN_PAKISTANI: 30,
    ASIAN_BANGLADESHI: 12,
    ASIAN_CHINESE: 3,
    ASIAN_OTHER: 10,
    BLACK_AFRICAN: 30,
    BLACK_CARIBBEAN: 15,
    BLACK_OTHER: 8,
    ARAB: 4,
    OTHER: 5,
    NOT_KNOWN: 53,
  } satisfies Record<EthnicGroup, number>,

  /** What councils hold of the unique identifiers they were asked for. */
  councilIdentifiers: {
    /** Share of people aged 16+ whose NINo the council recorded. */
    ninoRecorded: 0.85,
    /** Share of pupils (aged 5-16 at assessment) whose UPN the council recorded. */
    upnRecorded: 0.88,
  },

  /**
   * Errors in a department's copy of a person's identifiers, drawn once per
   * person and dataset (a department holds one identity per person). Formatting
   * differences are harmless after normalisation; the others defeat exact
   * matching on name, date of birth and postcode.
   */
  departmentalErrors: {
    forenameTypo: 0.03,
    surnameTypo: 0.03,
    dateOfBirthDayMonthSwap: 0.015,
    dateOfBirthOffByOneDay: 0.005,
    postcodeOutOfDate: 0.05,
    postcodeFormatting: 0.15,
    sexMiscoded: 0.002,
    /** Children's services records that carry the child's UPN. */
    childrenServicesUpnShare: 0.7,
  },

  /**
   * Risk multipliers: a person whose family met the related headline problem
   * is this many times as likely to have the outcome (before the cohort-level
   * scaling described above).
   */
  riskMultipliers: {
    offending: { problem: "CRIME_ASB", factor: 2.4 },
    school: { problem: "EDUCATION", factor: 2.0 },
    childrenServices: { problem: "CHILDREN_IN_NEED", factor: 2.6 },
    benefits: { problem: "WORKLESSNESS", factor: 1.8 },
    health: { problem: "HEALTH", factor: 1.6 },
    drugs: { problem: "HEALTH", factor: 2.2 },
  } satisfies Record<string, { problem: HeadlineProblem; factor: number }>,

  /**
   * Outcome targets. Sources (DESIGN.md section 6):
   * - cautions: treatment, 12 months after vs 12 before, -25.3% (seeds/003);
   * - convictions: treatment, 12 months after vs 12 before, -10.4% (seeds/003);
   * - juvenile convictions within 24 months: 4.6% comparison vs 3.9% treatment (2019 NIS report);
   * - custodial sentences within 24 months: adults 1.6% vs 1.2%, juveniles 0.8% vs 0.5% (2019 NIS report);
   * - looked-after children at 19-24 months: 2.5% vs 1.7% (2019 NIS report);
   * - JSA claimants: 10% fewer than comparison (2019 ministerial statement);
   * - children in need: treatment, 6 vs 12 months after start, -13% (seeds/003);
   * - persistent absence stabilises; IS and JSA fall and ESA rises by less than two points (seeds/003).
   * Juveniles are 10-17 and adults 18+ at the reference date.
   */
  outcomes: {
    events: {
      cautionJuvenile: { before12: 0.08, comparison: [0.043, 0.075, 0.098, 0.118], treatment: [0.033, 0.05976, 0.08, 0.097] },
      cautionAdult: { before12: 0.05, comparison: [0.026, 0.047, 0.063, 0.077], treatment: [0.02, 0.03735, 0.052, 0.065] },
      convictionJuvenile: { before12: 0.03, comparison: [0.016, 0.029, 0.038, 0.046], treatment: [0.014, 0.02688, 0.033, 0.039] },
      convictionAdult: { before12: 0.04, comparison: [0.021, 0.039, 0.052, 0.064], treatment: [0.019, 0.03584, 0.047, 0.057] },
      custodyJuvenile: { before12: 0.004, comparison: [0.002, 0.004, 0.006, 0.008], treatment: [0.0013, 0.0025, 0.0037, 0.005] },
      custodyAdult: { before12: 0.008, comparison: [0.004, 0.008, 0.012, 0.016], treatment: [0.003, 0.006, 0.009, 0.012] },
      exclusion: { before12: 0.12, comparison: [0.065, 0.12, 0.165, 0.2], treatment: [0.06, 0.11, 0.15, 0.185] },
      aeAttendance: { before12: 0.28, comparison: [0.15, 0.27, 0.37, 0.45], treatment: [0.15, 0.265, 0.36, 0.44] },
      mentalHealthContact: { before12: 0.1, comparison: [0.055, 0.1, 0.14, 0.175], treatment: [0.06, 0.11, 0.15, 0.185] },
    } satisfies Record<string, OutcomeTarget>,
    statuses: {
      childInNeed: { before12: 0.22, comparison: [0.21, 0.2, 0.19, 0.18], treatment: [0.2, 0.174, 0.16, 0.15], persistence: 0.55 },
      childProtectionPlan: { before12: 0.07, comparison: [0.068, 0.065, 0.062, 0.06], treatment: [0.065, 0.057, 0.053, 0.05], persistence: 0.45 },
      lookedAfter: { before12: 0.012, comparison: [0.015, 0.018, 0.022, 0.025], treatment: [0.013, 0.014, 0.016, 0.017], persistence: 0.85 },
      incomeSupport: { before12: 0.22, comparison: [0.215, 0.21, 0.205, 0.2], treatment: [0.21, 0.195, 0.19, 0.185], persistence: 0.8 },
      jobseekersAllowance: { before12: 0.1, comparison: [0.095, 0.09, 0.085, 0.08], treatment: [0.088, 0.081, 0.0765, 0.072], persistence: 0.6 },
      employmentSupportAllowance: { before12: 0.12, comparison: [0.121, 0.122, 0.123, 0.124], treatment: [0.124, 0.13, 0.133, 0.135], persistence: 0.85 },
      universalCredit: { before12: 0.02, comparison: [0.04, 0.06, 0.09, 0.12], treatment: [0.04, 0.06, 0.09, 0.12], persistence: 0.9 },
      drugTreatment: { before12: 0.03, comparison: [0.03, 0.03, 0.029, 0.028], treatment: [0.032, 0.031, 0.029, 0.027], persistence: 0.5 },
      /** Per term, for pupils aged 5-15: more than 10% of sessions missed. */
      persistentAbsence: { before12: 0.3, comparison: [0.31, 0.32, 0.33, 0.34], treatment: [0.3, 0.3, 0.3, 0.3], persistence: 0.6 },
    } satisfies Record<string, StatusTarget>,
    /** Chance that an event is followed by another in the same six months. */
    repeatEventShare: 0.25,
  },
} as const;

export type Parameters = typeof PARAMETERS;
export type EventOutcome = keyof Parameters["outcomes"]["events"];
export type StatusOutcome = keyof Parameters["outcomes"]["statuses"];
