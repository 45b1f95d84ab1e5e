import { LOCAL_AUTHORITIES, REGION_NAMES } from "../../lib/data/local-authorities.js";
import { AGE_BANDS, COHORTS, HEADLINE_PROBLEMS, SEXES, WINDOWS, type AgeBand, type Cohort, type HeadlineProblem, type Sex, type Window } from "../../lib/domain.js";
import { badInput } from "../../lib/errors.js";
import { ageBandsOf, MEASURE_DEFINITIONS, type Measure } from "../../lib/measures.js";
import { requireLocalAuthority, requireRegion } from "../validation.js";

/**
 * What a table of the research extract may be asked for, checked and turned
 * into a specification the cubes can answer. Everything is over published
 * dimensions only (authority, region, cohort, headline problem, age band,
 * sex, window): there is no way to name a person or a family.
 */

/** Breakdowns over published dimensions; windows are always given. */
export const DIMENSIONS = ["LOCAL_AUTHORITY", "REGION", "COHORT", "HEADLINE_PROBLEM", "AGE_BAND", "SEX"] as const;
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

export interface TableArguments {
  readonly measure?: Measure | null;
  readonly windows?: readonly Window[] | null;
  readonly by?: readonly Dimension[] | null;
  readonly filter?: OutcomeFilter | null;
}

/** A checked table request: what to count, over whom, broken down how. */
export interface TableSpec {
  /** null: a population table (people only, each person once, every age). */
  readonly measure: Measure | null;
  readonly windows: readonly Window[];
  readonly by: readonly Dimension[];
  /** The categories of each breakdown, in order, as far as the filter and the caller's scope allow. */
  readonly categories: Readonly<Partial<Record<Dimension, readonly string[]>>>;
  /** Rows the table counts. */
  readonly where: {
    /** Authorities the table is limited to (a filter or the caller's own), or undefined for all. */
    readonly localAuthorities?: readonly string[];
    readonly region?: string;
    readonly cohort?: Cohort;
    readonly headlineProblem?: HeadlineProblem;
    readonly sex?: Sex;
    readonly ageBands: readonly AgeBand[];
  };
}

const FILTER_DIMENSION: Readonly<Record<keyof OutcomeFilter, Dimension>> = {
  localAuthority: "LOCAL_AUTHORITY",
  region: "REGION",
  cohort: "COHORT",
  headlineProblem: "HEADLINE_PROBLEM",
  ageBand: "AGE_BAND",
  sex: "SEX",
};

const AUTHORITIES = [...LOCAL_AUTHORITIES].sort((a, b) => a.code.localeCompare(b.code));
const REGION_OF = new Map(LOCAL_AUTHORITIES.map((la) => [la.code, la.regionCode]));

export function regionName(code: string): string {
  return REGION_NAMES.get(code) ?? code;
}

/** "10 and over", "18 to 64": the ages a measure counts, for messages. */
function agesOf(measure: Measure): string {
  const { minAge, maxAge } = MEASURE_DEFINITIONS[measure];
  return maxAge === null ? `${minAge} and over` : `${minAge} to ${maxAge}`;
}

/** The breakdowns, checked: at most three, each once, not both authority and region. */
export function checkBreakdowns(by: readonly Dimension[] | null | undefined): readonly Dimension[] {
  const list = by ?? [];
  if (list.length > MAX_BREAKDOWNS) throw badInput(`by takes at most ${MAX_BREAKDOWNS} dimensions.`);
  if (new Set(list).size !== list.length) throw badInput("by names a dimension more than once.");
  if (list.includes("LOCAL_AUTHORITY") && list.includes("REGION")) {
    throw badInput("by cannot hold both LOCAL_AUTHORITY and REGION: each authority lies in one region. Filter by region and break down by authority instead.");
  }
  return list;
}

/**
 * Checks a request and resolves it against the caller's scope (the authority
 * a council officer's aggregates are limited to). Returns null when the
 * request asks only for what the caller may not see (another authority), so
 * that the answer is "nothing", as for another authority's records.
 */
export function tableSpec(args: TableArguments, scope: string | undefined): TableSpec | null {
  const measure = args.measure ?? null;
  const by = checkBreakdowns(args.by);
  let windows: readonly Window[] = WINDOWS;
  if (measure === null) windows = ["BEFORE_12"];
  else if (args.windows != null) {
    if (args.windows.length === 0) throw badInput("windows must name at least one window, or be left out for all.");
    windows = WINDOWS.filter((w) => args.windows!.includes(w));
  }
  const f = args.filter ?? {};
  for (const [field, dimension] of Object.entries(FILTER_DIMENSION) as Array<[keyof OutcomeFilter, Dimension]>) {
    if (f[field] != null && by.includes(dimension)) {
      throw badInput(`filter.${field} fixes a dimension that by also breaks down (${dimension}): use one or the other.`);
    }
  }

  let ageBands: readonly AgeBand[] = measure === null ? AGE_BANDS : ageBandsOf(measure);
  if (f.ageBand != null) {
    if (!ageBands.includes(f.ageBand)) throw badInput(`filter.ageBand ${f.ageBand} is outside the ages ${measure} counts (${agesOf(measure as Measure)}).`);
    ageBands = [f.ageBand];
  }
  const region = f.region != null ? requireRegion(f.region, "filter.region") : undefined;
  let authorities: string[] | undefined;
  if (f.localAuthority != null) {
    const code = requireLocalAuthority(f.localAuthority, "filter.localAuthority");
    if (region !== undefined && REGION_OF.get(code) !== region) throw badInput("filter.localAuthority does not lie in filter.region.");
    authorities = [code];
  }
  // A council officer's aggregates are their own authority's, whatever the request says.
  if (scope !== undefined) {
    if (authorities && !authorities.includes(scope)) return null;
    if (region !== undefined && REGION_OF.get(scope) !== region) return null;
    authorities = [scope];
  }

  const inArea = (la: { code: string; regionCode: string }) =>
    (authorities === undefined || authorities.includes(la.code)) && (region === undefined || la.regionCode === region);
  const categories: Partial<Record<Dimension, readonly string[]>> = {};
  for (const dimension of by) {
    switch (dimension) {
      case "LOCAL_AUTHORITY":
        categories.LOCAL_AUTHORITY = AUTHORITIES.filter(inArea).map((la) => la.code);
        break;
      case "REGION":
        categories.REGION = [...REGION_NAMES.keys()].filter((r) => AUTHORITIES.some((la) => la.regionCode === r && inArea(la)));
        break;
      case "COHORT":
        categories.COHORT = COHORTS;
        break;
      case "HEADLINE_PROBLEM":
        categories.HEADLINE_PROBLEM = HEADLINE_PROBLEMS;
        break;
      case "AGE_BAND":
        categories.AGE_BAND = ageBands;
        break;
      case "SEX":
        categories.SEX = SEXES;
        break;
    }
  }
  return {
    measure,
    windows,
    by,
    categories,
    where: {
      ...(authorities ? { localAuthorities: authorities } : {}),
      ...(region !== undefined ? { region } : {}),
      ...(f.cohort != null ? { cohort: f.cohort } : {}),
      ...(f.headlineProblem != null ? { headlineProblem: f.headlineProblem } : {}),
      ...(f.sex != null ? { sex: f.sex } : {}),
      ageBands,
    },
  };
}
