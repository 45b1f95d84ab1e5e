import { REGION_NAMES } from "../data/local-authorities.js";
import { HEADLINE_PROBLEMS, problemBit, SEXES, type AgeBand } from "../domain.js";
import { ageBandsOf, flagBit, MEASURE_DEFINITIONS, type Measure } from "../measures.js";
import { designMatrix, type Design } from "./logistic.js";

/**
 * The propensity model's covariates (DESIGN.md section 6): age band, sex,
 * each headline problem, region, and the measure's own outcome in the 12
 * months before the reference date. One definition, used where the model is
 * fitted (the extract step) and where its scores are used (estimates), so a
 * coefficient always means the same covariate; the names are stored with
 * the model and checked when it is read.
 */

/** A covariate pattern as the extract holds it. */
export interface PatternRow {
  readonly ageBand: AgeBand;
  readonly sex: string;
  /** Headline problems, one bit each (`problemBit`). */
  readonly problems: number;
  readonly regionCode: string;
  /** The window's outcome mask of the 12 months before (`evaluation.people.outcomes_before_12`). */
  readonly before: number;
}

const REGIONS = [...REGION_NAMES.keys()];

export interface PropensityDesign extends Design {
  /** The pattern's values, keyed by column name, for `encode`. */
  values(row: PatternRow): Record<string, string | boolean>;
  /** Whether the measure's outcome was present before, for this pattern. */
  baseline(row: PatternRow): boolean;
}

export function propensityDesign(measure: Measure): PropensityDesign {
  const bit = flagBit(MEASURE_DEFINITIONS[measure].flag);
  const design = designMatrix([
    { name: "age_band", kind: "categorical", categories: ageBandsOf(measure) },
    { name: "sex", kind: "categorical", categories: SEXES },
    ...HEADLINE_PROBLEMS.map((p) => ({ name: p, kind: "binary" as const })),
    { name: "region", kind: "categorical", categories: REGIONS },
    { name: "outcome_before_12", kind: "binary" },
  ]);
  const baseline = (row: PatternRow) => (row.before & bit) !== 0;
  return {
    ...design,
    baseline,
    values: (row) => ({
      age_band: row.ageBand,
      sex: row.sex,
      ...Object.fromEntries(HEADLINE_PROBLEMS.map((p) => [p, (row.problems & problemBit(p)) !== 0])),
      region: row.regionCode,
      outcome_before_12: baseline(row),
    }),
  };
}
