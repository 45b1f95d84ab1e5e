import type { Database } from "../../lib/db/client.js";
import { releaseCount, type ReleasePolicy } from "../../lib/disclosure/perturbation.js";
import { primaryReason, type SuppressionReason } from "../../lib/disclosure/rules.js";
import { problemBit, type AgeBand, type Window } from "../../lib/domain.js";
import { propensityDesign } from "../../lib/estimation/covariates.js";
import { linearPredictor } from "../../lib/estimation/logistic.js";
import { MATCHING_METHOD, matchedDifferenceInDifferences, type ArmResult, type PatternGroup } from "../../lib/estimation/matching.js";
import { badInput } from "../../lib/errors.js";
import { flagBit, MASK_COLUMNS, MEASURE_DEFINITIONS, type Measure } from "../../lib/measures.js";
import { tableSpec, type OutcomeFilter } from "./table-request.js";

/**
 * Impact estimates (DESIGN.md section 6): the change in a measure from the 12
 * months before the reference date to a window after it, in the treatment
 * cohort and in a comparison cohort matched on the propensity score, and the
 * difference between the two changes, with its 95% confidence interval.
 *
 * The propensity models were fitted by the extract step; here one statement
 * counts the people of the filtered population per covariate pattern, cohort
 * and (before, after) outcome, the patterns are scored with the stored model,
 * and lib/estimation/matching.ts matches and estimates on those counts.
 * Matching is within the filtered population: an estimate for an authority
 * compares its treated families with its own comparison families.
 *
 * An estimate is released only when both arms pass the threshold rule on
 * their people and on those with and without the outcome, before and after;
 * otherwise it says why it is suppressed and carries no numbers.
 */
export interface EstimateArguments {
  readonly measure: Measure;
  readonly window: Window;
  readonly filter?: Omit<OutcomeFilter, "cohort"> | null;
}

export interface EstimateArm {
  readonly people: number;
  readonly withOutcomeBefore: number;
  readonly withoutOutcomeBefore: number;
  readonly withOutcomeAfter: number;
  readonly withoutOutcomeAfter: number;
  readonly rateBefore: number;
  readonly rateAfter: number;
  readonly change: number;
}

export interface ImpactEstimateResult {
  readonly measure: Measure;
  readonly window: Window;
  readonly method: string;
  readonly suppressed: boolean;
  readonly suppression: SuppressionReason | null;
  readonly treatment: EstimateArm | null;
  readonly comparison: EstimateArm | null;
  readonly difference: number | null;
  readonly standardError: number | null;
  readonly confidenceInterval: { readonly level: number; readonly lower: number; readonly upper: number } | null;
}

interface StoredModel {
  readonly covariates: string[];
  readonly coefficients: number[];
  readonly caliper: number;
}

/** Figures of an estimate an analyst sees: to three decimal places (a tenth of a percentage point). */
const roundFigure = (x: number) => Math.round(x * 1000) / 1000;

/** Whether a role sees exact figures (the secure environment) or published ones. */
const isExact = (release: ReleasePolicy) => release.roundingBase === null && !release.perturb;

export async function estimateImpact(
  database: Database,
  args: EstimateArguments,
  scope: string | undefined,
  options: { readonly threshold: number; readonly release: ReleasePolicy },
): Promise<ImpactEstimateResult | null> {
  const { measure, window } = args;
  if (window === "BEFORE_12") throw badInput("window must be a window after the reference date (AFTER_6, AFTER_12, AFTER_18 or AFTER_24): change is measured from BEFORE_12.");
  // The same checks and scope as a table's filter (a council officer's own authority only).
  const spec = tableSpec({ measure, windows: ["BEFORE_12", window], filter: args.filter ?? null }, scope);
  if (!spec) return null;

  const [model] = await database.query<{ covariates: string[]; coefficients: number[]; caliper: number }>(
    `select covariates, coefficients, caliper from evaluation.propensity_models where measure = $1`,
    [measure],
  );
  const design = propensityDesign(measure);
  if (!model || model.covariates.join() !== design.names.join()) {
    // The extract was built by another version of the model: a deployment fault, not the caller's.
    throw new Error(`no propensity model for ${measure} matching this version; run the seed (extract) again`);
  }

  const bit = flagBit(MEASURE_DEFINITIONS[measure].flag);
  const params: unknown[] = [bit, spec.where.ageBands];
  const conditions = ["p.age_band = any($2::evaluation.age_band[])"];
  const w = spec.where;
  if (w.localAuthorities) conditions.push(`p.la_code = any($${params.push(w.localAuthorities)}::varchar[])`);
  if (w.region !== undefined) conditions.push(`p.region_code = $${params.push(w.region)}::varchar`);
  if (w.headlineProblem !== undefined) conditions.push(`(p.problems & $${params.push(problemBit(w.headlineProblem))}::int) <> 0`);
  if (w.sex !== undefined) conditions.push(`p.sex = $${params.push(w.sex)}::evaluation.sex`);
  const rows = await database.query<{ age_band: AgeBand; sex: string; problems: number; region_code: string; treated: boolean; b: boolean; a: boolean; n: number; k: number }>(
    `select p.age_band::text as age_band, p.sex::text as sex, p.problems, p.region_code, p.cohort = 'TREATMENT' as treated,
            (p.outcomes_before_12 & $1::int) <> 0 as b, (p.${MASK_COLUMNS[window]} & $1::int) <> 0 as a,
            count(*)::int as n, sum(p.record_key)::int as k
       from evaluation.people p
      where ${conditions.join(" and ")}
      group by p.age_band, p.sex, p.problems, p.region_code, p.cohort, 6, 7
      order by p.age_band, p.sex, p.problems, p.region_code, p.cohort, 6, 7`,
    params,
  );

  // Grouped on the stored columns (not their text), which lets PostgreSQL hash them: a third of the time at
  // national scale. Rows come in a fixed order, so the same request gives the same estimate to the last bit.
  const groups = toPatternGroups(rows, model, design, bit);
  const estimate = matchedDifferenceInDifferences(groups, { caliper: model.caliper });
  const base = { measure, window, method: MATCHING_METHOD };
  const suppressed = (suppression: SuppressionReason): ImpactEstimateResult => ({
    ...base,
    suppressed: true,
    suppression,
    treatment: null,
    comparison: null,
    difference: null,
    standardError: null,
    confidenceInterval: null,
  });
  if (!estimate) return suppressed("BELOW_THRESHOLD");
  const reason = armReason(estimate.treatment, options.threshold) ?? armReason(estimate.comparison, options.threshold);
  if (reason) return suppressed(reason);

  const figure = isExact(options.release) ? (x: number) => x : roundFigure;
  return {
    ...base,
    suppressed: false,
    suppression: null,
    treatment: releaseArm(estimate.treatment, options, true),
    comparison: releaseArm(estimate.comparison, options, false),
    difference: figure(estimate.difference),
    standardError: figure(estimate.standardError),
    confidenceInterval: { level: 0.95, lower: figure(estimate.lower), upper: figure(estimate.upper) },
  };
}

/** Pattern counts per cohort, scored with the stored model; the pattern includes the measure's own baseline. */
function toPatternGroups(
  rows: ReadonlyArray<{ age_band: AgeBand; sex: string; problems: number; region_code: string; treated: boolean; b: boolean; a: boolean; n: number; k: number }>,
  model: StoredModel,
  design: ReturnType<typeof propensityDesign>,
  bit: number,
): PatternGroup[] {
  const groups = new Map<string, { pattern: string; cohort: "TREATMENT" | "COMPARISON"; logit: number; stratum: string; people: number[]; keys: number[] }>();
  const logits = new Map<string, number>();
  for (const r of rows) {
    const pattern = `${r.age_band}|${r.sex}|${r.problems}|${r.region_code}|${r.b}`;
    let logit = logits.get(pattern);
    if (logit === undefined) {
      const row = { ageBand: r.age_band, sex: r.sex, problems: r.problems, regionCode: r.region_code, before: r.b ? bit : 0 };
      logits.set(pattern, (logit = linearPredictor(model.coefficients, design.encode(design.values(row)))));
    }
    const cohort = r.treated ? "TREATMENT" : "COMPARISON";
    const key = `${cohort}|${pattern}`;
    let group = groups.get(key);
    // Matched exactly on the outcome before (see lib/estimation/matching.ts), on the score within that.
    if (!group) groups.set(key, (group = { pattern, cohort, logit, stratum: r.b ? "before" : "not before", people: [0, 0, 0, 0], keys: [0, 0, 0, 0] }));
    const at = (r.b ? 2 : 0) + (r.a ? 1 : 0);
    group.people[at] = (group.people[at] as number) + r.n;
    group.keys[at] = (group.keys[at] as number) + r.k;
  }
  return [...groups.values()].map((g) => ({ ...g, people: g.people as unknown as PatternGroup["people"], keys: g.keys as unknown as PatternGroup["keys"] }));
}

/** The threshold rule on one arm: its people, and those with and without the outcome, before and after. */
function armReason(arm: ArmResult, threshold: number): SuppressionReason | null {
  return (
    primaryReason({ people: arm.people, peopleKey: 0, withOutcome: arm.withBefore, withOutcomeKey: 0 }, threshold) ??
    primaryReason({ people: arm.people, peopleKey: 0, withOutcome: arm.withAfter, withOutcomeKey: 0 }, threshold)
  );
}

/**
 * An arm as the caller's role may see it. Exact for roles in the secure
 * environment; for analysts the counts are perturbed and rounded like any
 * table's, the treatment arm's rates are computed from those released counts
 * (as a table's are), and the comparison arm's match-weighted rates rounded.
 */
function releaseArm(arm: ArmResult, options: { readonly threshold: number; readonly release: ReleasePolicy }, plainRates: boolean): EstimateArm {
  const count = (value: number, key: number) => releaseCount(value, key, options.threshold, options.release);
  const people = count(arm.people, arm.peopleKey);
  const withBefore = count(arm.withBefore, arm.withBeforeKey);
  const withAfter = count(arm.withAfter, arm.withAfterKey);
  const exact = isExact(options.release);
  const rateBefore = exact ? arm.rateBefore : plainRates ? withBefore / people : roundFigure(arm.rateBefore);
  const rateAfter = exact ? arm.rateAfter : plainRates ? withAfter / people : roundFigure(arm.rateAfter);
  return {
    people,
    withOutcomeBefore: withBefore,
    withoutOutcomeBefore: count(arm.people - arm.withBefore, arm.peopleKey - arm.withBeforeKey),
    withOutcomeAfter: withAfter,
    withoutOutcomeAfter: count(arm.people - arm.withAfter, arm.peopleKey - arm.withAfterKey),
    rateBefore,
    rateAfter,
    change: exact ? arm.change : roundFigure(rateAfter - rateBefore),
  };
}
