import { WINDOWS, type AgeBand, type Cohort, type HeadlineProblem, type Sex, type Window } from "../../lib/domain.js";
import { badInput } from "../../lib/errors.js";
import { ageBandsOf, MEASURE_DEFINITIONS, type Measure } from "../../lib/measures.js";
import type { Database } from "../../lib/db/client.js";
import { requireLocalAuthority, requireRegion } from "../validation.js";

/** Breakdowns over published dimensions; cohort and window are always present. */
export const DIMENSIONS = ["LOCAL_AUTHORITY", "REGION", "HEADLINE_PROBLEM", "AGE_BAND", "SEX"] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const MAX_BREAKDOWNS = 3;

export interface OutcomeFilter {
  readonly localAuthority?: string | null;
  readonly region?: string | null;
  readonly cohort?: Cohort | null;
  readonly headlineProblem?: HeadlineProblem | null;
  readonly ageBand?: AgeBand | null;
  readonly sex?: Sex | null;
}

export interface CountsRequest {
  readonly measure: Measure;
  readonly windows?: readonly Window[] | null;
  readonly by?: readonly Dimension[] | null;
  readonly filter?: OutcomeFilter | null;
}

export interface CountRow {
  readonly measure: Measure;
  readonly cohort: Cohort;
  readonly window: Window;
  readonly localAuthorityCode: string | null;
  readonly regionCode: string | null;
  readonly regionName: string | null;
  readonly headlineProblem: HeadlineProblem | null;
  readonly ageBand: AgeBand | null;
  readonly sex: Sex | null;
  readonly people: number;
  readonly withOutcome: number;
}

/** Column(s) of the count cubes each dimension groups by. */
const DIMENSION_COLUMNS: Record<Dimension, readonly string[]> = {
  LOCAL_AUTHORITY: ["w.la_code"],
  REGION: ["w.region_code", "w.region_name"],
  HEADLINE_PROBLEM: ["w.problem"],
  AGE_BAND: ["w.age_band"],
  SEX: ["w.sex"],
};

/**
 * Counts people, and people with the outcome, per cohort, window and the
 * requested breakdowns: one SQL statement summing the count cubes the extract
 * step built (by authority or by region, with or without headline problems,
 * whichever is the smallest that can answer). Only the measure's age bands are counted, and only
 * `scope`'s authority when given. Every identifier in the statement comes
 * from the tables above, never from the request; values travel as parameters.
 */
export async function countOutcomes(database: Database, request: CountsRequest, scope: string | undefined): Promise<CountRow[]> {
  const definition = MEASURE_DEFINITIONS[request.measure];
  const windows = request.windows ?? WINDOWS;
  if (windows.length === 0) throw badInput("windows must name at least one window, or be left out for all.");
  const by = request.by ?? [];
  if (by.length > MAX_BREAKDOWNS) throw badInput(`by takes at most ${MAX_BREAKDOWNS} dimensions.`);
  if (new Set(by).size !== by.length) throw badInput("by names a dimension more than once.");

  const params: unknown[] = [];
  const param = (value: unknown, cast = "") => {
    params.push(value);
    return `$${params.length}${cast}`;
  };
  const where = [
    `w.time_window = any(${param([...new Set(windows)], '::evaluation."window"[]')})`,
    `w.age_band = any(${param(ageBandsOf(request.measure), "::evaluation.age_band[]")})`,
  ];
  // A council officer's aggregates are their own authority's, whatever the filter says.
  if (scope !== undefined) where.push(`w.la_code = ${param(scope)}`);
  const f = request.filter ?? {};
  if (f.localAuthority != null) where.push(`w.la_code = ${param(requireLocalAuthority(f.localAuthority, "filter.localAuthority"))}`);
  if (f.region != null) where.push(`w.region_code = ${param(requireRegion(f.region, "filter.region"))}`);
  if (f.cohort != null) where.push(`w.cohort = ${param(f.cohort)}::evaluation.cohort`);
  const byProblem = by.includes("HEADLINE_PROBLEM") || f.headlineProblem != null;
  // Authority-level cells only when an authority is involved; otherwise the region cubes, a tenth the size.
  const byAuthority = by.includes("LOCAL_AUTHORITY") || f.localAuthority != null || scope !== undefined;
  if (f.headlineProblem != null) where.push(`w.problem = ${param(f.headlineProblem)}::evaluation.headline_problem`);
  if (f.ageBand != null) where.push(`w.age_band = ${param(f.ageBand)}::evaluation.age_band`);
  if (f.sex != null) where.push(`w.sex = ${param(f.sex)}::evaluation.sex`);

  const groupColumns = ["w.cohort", "w.time_window", ...by.flatMap((d) => DIMENSION_COLUMNS[d])];
  const text = `
    select w.cohort, w.time_window,
      ${by.includes("LOCAL_AUTHORITY") ? "w.la_code" : "null"} as la_code,
      ${by.includes("REGION") ? "w.region_code" : "null"} as region_code,
      ${by.includes("REGION") ? "w.region_name" : "null"} as region_name,
      ${by.includes("HEADLINE_PROBLEM") ? "w.problem::text" : "null"} as problem,
      ${by.includes("AGE_BAND") ? "w.age_band::text" : "null"} as age_band,
      ${by.includes("SEX") ? "w.sex::text" : "null"} as sex,
      sum(w.people)::int as people,
      sum(w.${definition.flag})::int as with_outcome
    from evaluation.${byAuthority ? "" : "region_"}${byProblem ? "problem_cells" : "cells"} w
    where ${where.join(" and ")}
    group by ${groupColumns.join(", ")}
    order by ${groupColumns.join(", ")}`;
  const rows = await database.query<{
    cohort: Cohort;
    time_window: Window;
    la_code: string | null;
    region_code: string | null;
    region_name: string | null;
    problem: HeadlineProblem | null;
    age_band: AgeBand | null;
    sex: Sex | null;
    people: number;
    with_outcome: number;
  }>(text, params);
  return rows.map((r) => ({
    measure: request.measure,
    cohort: r.cohort,
    window: r.time_window,
    localAuthorityCode: r.la_code,
    regionCode: r.region_code,
    regionName: r.region_name,
    headlineProblem: r.problem,
    ageBand: r.age_band,
    sex: r.sex,
    people: r.people,
    withOutcome: r.with_outcome,
  }));
}
