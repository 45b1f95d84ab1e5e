import type { Database } from "../lib/db/client.js";
import type { AgeBand } from "../lib/domain.js";
import { propensityDesign } from "../lib/estimation/covariates.js";
import { fitLogistic, linearPredictor, type BinomialGroup } from "../lib/estimation/logistic.js";
import { propensityCaliper, type PatternGroup } from "../lib/estimation/matching.js";
import { ageBandsOf, MEASURES } from "../lib/measures.js";

/**
 * The extract step's last part: one propensity model per measure, the
 * probability of being in the treatment cohort given age band, sex, the
 * headline problems, region and the measure's outcome in the 12 months
 * before, fitted by logistic regression over the measure's population.
 * Covariates are all categorical, so people are counted per covariate
 * pattern in one pass over `evaluation.people` and the models are fitted on
 * those counts (tens of thousands of patterns, not a million people). Impact
 * estimates match on the scores these models give (subgraphs/evaluation).
 * Patterns are read in a fixed order, so that the same extract always gives
 * the same coefficients to the last bit (sums in another order would not).
 */
export interface PropensitySummary {
  readonly measures: number;
  readonly converged: number;
}

export async function fitPropensityModels(database: Database): Promise<PropensitySummary> {
  const rows = await database.query<{ age_band: AgeBand; sex: string; problems: number; region_code: string; treated: boolean; before: number; n: number }>(
    `select age_band::text as age_band, sex::text as sex, problems, region_code, cohort = 'TREATMENT' as treated,
            outcomes_before_12 as before, count(*)::int as n
       from evaluation.people
      group by 1, 2, 3, 4, 5, 6
      order by 1, 2, 3, 4, 5, 6`,
  );
  let converged = 0;
  await database.exec("truncate evaluation.propensity_models");
  for (const measure of MEASURES) {
    const design = propensityDesign(measure);
    const bands = new Set<string>(ageBandsOf(measure));
    // Patterns of this model: the covariates (with the measure's own baseline), people and treated people.
    const patterns = new Map<string, { x: Float64Array; trials: number; successes: number }>();
    for (const r of rows) {
      if (!bands.has(r.age_band)) continue;
      const row = { ageBand: r.age_band, sex: r.sex, problems: r.problems, regionCode: r.region_code, before: r.before };
      const key = `${r.age_band}|${r.sex}|${r.problems}|${r.region_code}|${design.baseline(row)}`;
      let pattern = patterns.get(key);
      if (!pattern) patterns.set(key, (pattern = { x: design.encode(design.values(row)), trials: 0, successes: 0 }));
      pattern.trials += r.n;
      if (r.treated) pattern.successes += r.n;
    }
    const groups: BinomialGroup[] = [...patterns.values()];
    const people = groups.reduce((n, g) => n + g.trials, 0);
    const treated = groups.reduce((n, g) => n + g.successes, 0);
    if (people === 0) continue;
    const fit = fitLogistic(groups);
    if (fit.converged) converged++;
    // The caliper over the people of each cohort: treated and untreated people of every pattern.
    const logits: PatternGroup[] = groups.flatMap((g, i) => {
      const logit = linearPredictor(fit.coefficients, g.x);
      return [
        { pattern: String(i), cohort: "TREATMENT" as const, logit, people: [g.successes, 0, 0, 0] as const, keys: [0, 0, 0, 0] as const },
        { pattern: String(i), cohort: "COMPARISON" as const, logit, people: [g.trials - g.successes, 0, 0, 0] as const, keys: [0, 0, 0, 0] as const },
      ];
    });
    await database.query(
      `insert into evaluation.propensity_models
         (measure, covariates, coefficients, standard_errors, caliper, people, treated, iterations, converged)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [measure, design.names, [...fit.coefficients], [...fit.standardErrors], propensityCaliper(logits), people, treated, fit.iterations, fit.converged],
    );
  }
  return { measures: MEASURES.length, converged };
}
