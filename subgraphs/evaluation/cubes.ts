import type { Database } from "../../lib/db/client.js";
import { MEASURE_DEFINITIONS } from "../../lib/measures.js";
import type { Dimension, TableSpec } from "./table-request.js";

/**
 * Reads a table's true counts from the count cubes the extract step built:
 * every cell and every total (margin) of the requested breakdowns, for each
 * window, in one SQL statement (GROUPING SETS), together with the sums of the
 * people's record keys that the cell key method perturbs with. A request
 * reads thousands of pre-aggregated cells, never the person-level extract,
 * let alone the departmental records.
 *
 * Totals over headline problems are not sums of the problems' cells (a person
 * with several problems counts under each), so they are read from the cubes
 * without problems, where each person counts once.
 *
 * Every identifier in the statement comes from the tables and the fixed maps
 * below, never from the request; values travel as parameters.
 */

/** True counts of one cell of a table (a margin where a dimension is null). */
export interface CubeRow {
  /** The authority a batched read is partitioned by. */
  readonly partition: string | null;
  readonly window: string;
  readonly values: Readonly<Partial<Record<Dimension, string | null>>>;
  readonly people: number;
  readonly withOutcome: number | null;
  readonly peopleKey: number;
  readonly withOutcomeKey: number | null;
}

const COLUMN: Readonly<Record<Dimension, string>> = {
  LOCAL_AUTHORITY: "la_code",
  REGION: "region_code",
  COHORT: "cohort",
  HEADLINE_PROBLEM: "problem",
  AGE_BAND: "age_band",
  SEX: "sex",
};
const ALIAS: Readonly<Record<Dimension, string>> = {
  LOCAL_AUTHORITY: "d_la",
  REGION: "d_region",
  COHORT: "d_cohort",
  HEADLINE_PROBLEM: "d_problem",
  AGE_BAND: "d_age",
  SEX: "d_sex",
};

/** Every subset of the breakdowns: the cells (all of them) and each margin. */
function subsets<T>(items: readonly T[]): T[][] {
  return items.reduce<T[][]>((sets, item) => [...sets, ...sets.map((s) => [...s, item])], [[]]);
}

/**
 * The counts of `spec`'s table. With `partitionBy` (authority codes), one
 * statement reads the same table for each of those authorities (the batch of
 * `LocalAuthority.outcomes`), each row saying whose it is.
 */
export async function readCube(database: Database, spec: TableSpec, partitionBy?: readonly string[]): Promise<CubeRow[]> {
  const params: unknown[] = [];
  const param = (value: unknown, cast: string) => {
    params.push(value);
    return `$${params.length}::${cast}`;
  };
  const w = spec.where;
  const conditions = [
    `w.time_window = any(${param(spec.windows, 'evaluation."window"[]')})`,
    `w.age_band = any(${param(w.ageBands, "evaluation.age_band[]")})`,
  ];
  const authorities = partitionBy ?? w.localAuthorities;
  if (authorities) conditions.push(`w.la_code = any(${param(authorities, "varchar[]")})`);
  if (w.region !== undefined) conditions.push(`w.region_code = ${param(w.region, "varchar")}`);
  if (w.cohort !== undefined) conditions.push(`w.cohort = ${param(w.cohort, "evaluation.cohort")}`);
  if (w.sex !== undefined) conditions.push(`w.sex = ${param(w.sex, "evaluation.sex")}`);

  const flag = spec.measure === null ? null : MEASURE_DEFINITIONS[spec.measure].flag;
  // Authority-level cubes only when an authority is involved; otherwise the region cubes, a tenth the size.
  const level = spec.by.includes("LOCAL_AUTHORITY") || authorities !== undefined ? "" : "region_";
  const partition = partitionBy ? "w.la_code" : null;

  const part = (problems: boolean, sets: Dimension[][]) => {
    const where = [...conditions];
    if (problems && w.headlineProblem !== undefined) where.push(`w.problem = ${param(w.headlineProblem, "evaluation.headline_problem")}`);
    const select = [
      `${partition ?? "null::varchar"} as partition`,
      "w.time_window::text as time_window",
      ...spec.by.map((d) => (sets.some((s) => s.includes(d)) ? `w.${COLUMN[d]}::text as ${ALIAS[d]}` : `null::text as ${ALIAS[d]}`)),
      "sum(w.people)::int as people",
      "sum(w.people_key)::int as people_key",
      flag ? `sum(w.${flag})::int as with_outcome` : "null::int as with_outcome",
      flag ? `sum(w.${flag}_key)::int as with_outcome_key` : "null::int as with_outcome_key",
    ];
    const groupingSets = sets.map((s) => `(${s.map((d) => `w.${COLUMN[d]}`).join(", ")})`).join(", ");
    return `select ${select.join(", ")}
              from evaluation.${level}${problems ? "problem_cells" : "cells"} w
             where ${where.join(" and ")}
             group by ${partition ? `${partition}, ` : ""}w.time_window, grouping sets (${groupingSets})`;
  };

  const sets = subsets(spec.by);
  const withProblem = sets.filter((s) => s.includes("HEADLINE_PROBLEM"));
  const withoutProblem = sets.filter((s) => !s.includes("HEADLINE_PROBLEM"));
  const text =
    w.headlineProblem !== undefined
      ? part(true, sets)
      : withProblem.length > 0
        ? `${part(true, withProblem)} union all ${part(false, withoutProblem)}`
        : part(false, sets);

  const rows = await database.query<Record<string, string | number | null>>(text, params);
  return rows.map((r) => ({
    partition: (r.partition as string | null) ?? null,
    window: r.time_window as string,
    values: Object.fromEntries(spec.by.map((d) => [d, (r[ALIAS[d]] as string | null) ?? null])),
    people: r.people as number,
    withOutcome: (r.with_outcome as number | null) ?? null,
    peopleKey: r.people_key as number,
    withOutcomeKey: (r.with_outcome_key as number | null) ?? null,
  }));
}
