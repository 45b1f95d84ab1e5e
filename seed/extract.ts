import type { Database } from "../lib/db/client.js";
import { AGE_BANDS, AGE_BAND_FLOOR, HEADLINE_PROBLEMS, problemBit, WINDOWS, type Window } from "../lib/domain.js";
import { MASK_COLUMNS, OUTCOME_FLAGS } from "../lib/measures.js";
import { fitPropensityModels } from "./propensity.js";

/**
 * The linkage-and-extract step's second half: the de-identified research
 * extract, one row per person per window, derived from the council
 * submissions, the eligibility records and the linked departmental records.
 * Nothing personal crosses into `evaluation`: people and families become
 * keyed pseudonyms (SHA-256 of a secret key and the id, truncated), dates
 * become windows and age bands.
 *
 * Windows are measured from the reference date: intervention start for the
 * treatment cohort, assessment date for the comparison cohort. Event flags
 * are true when at least one linked event fell in [start, end) of the window;
 * status flags when a linked episode covered the window's end date (for
 * BEFORE_12, the reference date itself). Persistent absence: more than 10% of
 * sessions missed over the terms starting in the window.
 *
 * Each person's flags for all five windows come from one aggregate pass over
 * their linked records; people are split into partitions built side by side
 * on separate sessions (two on PostgreSQL). The extract ends with the count
 * cubes the evaluation subgraph answers from (see buildCubes).
 */
const WINDOW_MONTHS: Readonly<Record<Window, { from: number; to: number; point: number }>> = {
  BEFORE_12: { from: -12, to: 0, point: 0 },
  AFTER_6: { from: 0, to: 6, point: 6 },
  AFTER_12: { from: 0, to: 12, point: 12 },
  AFTER_18: { from: 0, to: 18, point: 18 },
  AFTER_24: { from: 0, to: 24, point: 24 },
};

/** Event flags and the linked-event kind each counts. */
const EVENT_FLAGS = {
  cautioned: 1,
  convicted: 2,
  custodial_sentence: 3,
  excluded: 4,
  ae_attendance: 5,
  mental_health_contact: 6,
} as const;

/** Status flags and the linked-episode kind each reads. */
const STATUS_FLAGS = {
  claiming_is: "IS",
  claiming_jsa: "JSA",
  claiming_esa: "ESA",
  claiming_uc: "UC",
  child_in_need: "CHILD_IN_NEED",
  child_protection_plan: "CHILD_PROTECTION_PLAN",
  looked_after: "LOOKED_AFTER",
  drug_treatment: "DRUG_TREATMENT",
} as const;

/** Every flag column of `evaluation.person_windows`, in the order of their bits in `evaluation.people`. */
export const FLAG_COLUMNS = OUTCOME_FLAGS;
if (FLAG_COLUMNS.join() !== [...Object.keys(EVENT_FLAGS), ...Object.keys(STATUS_FLAGS), "persistently_absent"].join()) {
  throw new Error("OUTCOME_FLAGS (lib/measures.ts) and the extract's event and status flags disagree");
}

export interface ExtractResult {
  readonly people: number;
  readonly rows: number;
}

const w = (i: number) => `w${i}`;
const bound = (i: number, edge: "from" | "to" | "point") => `${w(i)}_${edge}`;

export async function buildExtract(database: Database, pseudonymKey: string): Promise<ExtractResult> {
  const partitions = Math.max(1, Math.min(2, database.parallelism));
  const problemMask = `case fp.problem ${HEADLINE_PROBLEMS.map((p) => `when '${p}' then ${problemBit(p)}`).join(" ")} end`;
  const ageBand = `case ${[...AGE_BANDS].reverse().map((b) => `when age >= ${AGE_BAND_FLOOR[b]} then '${b}'`).join(" ")} end`;
  const key = (what: string, column: string) =>
    `substr(encode(sha256(convert_to($1 || ':${what}:' || ${column}::text, 'UTF8')), 'hex'), 1, 20)`;
  // Uniform on 0-255 and fixed per person: the cell key method's record key. Keyed like the pseudonyms,
  // so nobody without the key can compute a person's record key (and with it, a cell's perturbation).
  const recordKey = `get_byte(sha256(convert_to($1 || ':record:' || person_id::text, 'UTF8')), 0)`;
  const windowBounds = WINDOWS.flatMap((name, i) =>
    (["from", "to", "point"] as const).map((edge) => `(ref + make_interval(months => ${WINDOW_MONTHS[name][edge]}))::date as ${bound(i, edge)}`),
  ).join(",\n             ");

  await database.exec(`
    truncate evaluation.person_windows, evaluation.people, evaluation.propensity_models;
    drop table if exists pipeline.extract_people;
    create unlogged table pipeline.extract_people (
      person_id uuid, person_key varchar(24), family_key varchar(24), la_code varchar(9), region_code varchar(9),
      region_name text, cohort evaluation.cohort, sex evaluation.sex, age_band evaluation.age_band, problems smallint,
      record_key smallint, part int, ref date,
      ${WINDOWS.flatMap((_, i) => (["from", "to", "point"] as const).map((edge) => `${bound(i, edge)} date`)).join(", ")}
    );`);
  try {
    // Pseudonyms, age band, problems and window boundaries: once per person.
    await database.query(
      `insert into pipeline.extract_people
       select person_id, ${key("person", "person_id")}, ${key("family", "family_id")}, la_code, region_code, region_name,
              cohort::evaluation.cohort, sex::evaluation.sex, (${ageBand})::evaluation.age_band, problems,
              ${recordKey}, abs(hashtext(person_id::text)) % ${partitions}, ref,
              ${windowBounds}
         from (select p.id as person_id, f.id as family_id, f.la_code, la.region_code, la.region_name,
                      f.cohort::text as cohort, p.sex::text as sex,
                      coalesce(f.intervention_start, f.assessment_date) as ref,
                      extract(year from age(coalesce(f.intervention_start, f.assessment_date), p.date_of_birth))::int as age,
                      coalesce(pm.mask, 0)::smallint as problems
                 from families.people p
                 join families.families f on f.id = p.family_id
                 join families.local_authorities la on la.code = f.la_code
                 left join (select fp.family_id, bit_or(${problemMask}) as mask
                              from eligibility.family_problems fp group by fp.family_id) pm on pm.family_id = f.id) x`,
      [pseudonymKey],
    );
    await database.exec("analyze pipeline.extract_people");
    await Promise.all(Array.from({ length: partitions }, (_, part) => database.session((session) => buildPartition(session, part))));
    await database.exec("analyze evaluation.person_windows, evaluation.people");
    const [counts] = await database.query<{ people: number; rows: number }>(
      `select (select count(*)::int from pipeline.extract_people) as people, (select count(*)::int from evaluation.person_windows) as rows`,
    );
    await buildCubes(database);
    await fitPropensityModels(database);
    return counts as ExtractResult;
  } finally {
    await database.exec("drop table if exists pipeline.extract_people");
  }
}

/** Flags of every window for one partition of people, then their rows of the extract. */
async function buildPartition(session: Database, part: number): Promise<void> {
  const inWindow = (i: number, date: string) => `${date} >= x.${bound(i, "from")} and ${date} < x.${bound(i, "to")}`;
  const covers = (i: number) => `s.s <= x.${bound(i, "point")} and (s.e is null or s.e >= x.${bound(i, "point")})`;
  const eventColumns = Object.entries(EVENT_FLAGS).flatMap(([flag, kind]) =>
    WINDOWS.map((_, i) => `bool_or(e.kind = ${kind} and ${inWindow(i, "e.d")}) as ${flag}_${i}`),
  );
  const statusColumns = Object.entries(STATUS_FLAGS).flatMap(([flag, kind]) =>
    WINDOWS.map((_, i) => `bool_or(s.kind = '${kind}' and ${covers(i)}) as ${flag}_${i}`),
  );
  const absenceColumns = WINDOWS.map(
    (_, i) =>
      `coalesce(sum(a.missed) filter (where ${inWindow(i, "a.term_start")})::float8
         / nullif(sum(a.possible) filter (where ${inWindow(i, "a.term_start")}), 0) > 0.10, false) as persistently_absent_${i}`,
  );
  const people = `pipeline.extract_people x`;
  await session.exec(`
    create temporary table extract_events_${part} as
    select x.person_id, ${eventColumns.join(",\n           ")}
      from (select l.person_id, case o.disposal when 'CAUTION' then 1 else 2 end as kind, o.disposal_date as d
              from outcomes.linkage l join outcomes.pnc_offences o on l.dataset = 'PNC_OFFENCES' and o.id = l.record_id
            union all
            select l.person_id, 3, o.disposal_date
              from outcomes.linkage l join outcomes.pnc_offences o on l.dataset = 'PNC_OFFENCES' and o.id = l.record_id
             where o.disposal = 'CUSTODIAL_SENTENCE'
            union all
            select l.person_id, 4, e.exclusion_date
              from outcomes.linkage l join outcomes.npd_exclusions e on l.dataset = 'NPD_EXCLUSIONS' and e.id = l.record_id
            union all
            select l.person_id, case h.setting when 'A_AND_E' then 5 else 6 end, h.contact_date
              from outcomes.linkage l join outcomes.health_contacts h on l.dataset = 'HEALTH_CONTACTS' and h.id = l.record_id) e
      join ${people} on x.person_id = e.person_id and x.part = ${part}
     group by x.person_id`);
  await session.exec(`
    create temporary table extract_statuses_${part} as
    select x.person_id, ${statusColumns.join(",\n           ")}
      from (select l.person_id, b.benefit::text as kind, b.start_date as s, b.end_date as e
              from outcomes.linkage l join outcomes.dwp_benefit_spells b on l.dataset = 'DWP_BENEFIT_SPELLS' and b.id = l.record_id
            union all
            select l.person_id, c.episode::text, c.start_date, c.end_date
              from outcomes.linkage l join outcomes.dfe_children_services c on l.dataset = 'DFE_CHILDREN_SERVICES' and c.id = l.record_id
            union all
            select l.person_id, 'DRUG_TREATMENT', n.start_date, n.end_date
              from outcomes.linkage l join outcomes.ndtms_episodes n on l.dataset = 'NDTMS_EPISODES' and n.id = l.record_id) s
      join ${people} on x.person_id = s.person_id and x.part = ${part}
     group by x.person_id`);
  await session.exec(`
    create temporary table extract_absence_${part} as
    select x.person_id, ${absenceColumns.join(",\n           ")}
      from (select l.person_id, a.term_start,
                   a.sessions_authorised_absence + a.sessions_unauthorised_absence as missed, a.sessions_possible as possible
              from outcomes.linkage l join outcomes.npd_attendance a on l.dataset = 'NPD_ATTENDANCE' and a.id = l.record_id) a
      join ${people} on x.person_id = a.person_id and x.part = ${part}
     group by x.person_id`);
  // Temporary tables have no statistics until analysed; the join below needs them.
  await session.exec(`analyze extract_events_${part}, extract_statuses_${part}, extract_absence_${part}`);

  // One insert per window, each reading that window's columns: no per-row choice among five.
  const source = (name: string) => (name in EVENT_FLAGS ? "ev" : name in STATUS_FLAGS ? "st" : "pa");
  for (const [i, name] of WINDOWS.entries()) {
    await session.exec(`
      insert into evaluation.person_windows
        (person_key, family_key, la_code, region_code, region_name, cohort, age_band, sex, problems, record_key, time_window, ${FLAG_COLUMNS.join(", ")})
      select x.person_key, x.family_key, x.la_code, x.region_code, x.region_name, x.cohort, x.age_band, x.sex, x.problems, x.record_key,
             '${name}'::evaluation."window",
             ${FLAG_COLUMNS.map((f) => `coalesce(${source(f)}.${f}_${i}, false)`).join(", ")}
        from ${people}
        left join extract_events_${part} ev on ev.person_id = x.person_id
        left join extract_statuses_${part} st on st.person_id = x.person_id
        left join extract_absence_${part} pa on pa.person_id = x.person_id
       where x.part = ${part}`);
  }
  // The same flags once per person, each window's as a bit mask.
  const mask = (i: number) => FLAG_COLUMNS.map((f, bit) => `(case when ${source(f)}.${f}_${i} then ${1 << bit} else 0 end)`).join(" | ");
  await session.exec(`
    insert into evaluation.people
      (person_key, la_code, region_code, cohort, age_band, sex, problems, record_key, ${WINDOWS.map((name) => MASK_COLUMNS[name]).join(", ")})
    select x.person_key, x.la_code, x.region_code, x.cohort, x.age_band, x.sex, x.problems, x.record_key,
           ${WINDOWS.map((_, i) => mask(i)).join(",\n           ")}
      from ${people}
      left join extract_events_${part} ev on ev.person_id = x.person_id
      left join extract_statuses_${part} st on st.person_id = x.person_id
      left join extract_absence_${part} pa on pa.person_id = x.person_id
     where x.part = ${part}`);
  await session.exec(`drop table extract_events_${part}, extract_statuses_${part}, extract_absence_${part}`);
}

/**
 * Pre-aggregated counts over the extract, so that a table of counts reads a
 * few thousand cells rather than millions of person-windows: `cells` by
 * window, cohort, authority, age band and sex; `problem_cells` the same per
 * headline problem (a person with several problems counts under each); and
 * `region_cells`, `region_problem_cells` the same by region, which tables
 * without an authority breakdown read. Coarser tables are sums of these cells.
 */
export async function buildCubes(database: Database): Promise<void> {
  const counts = [
    "count(*)::int as people",
    ...FLAG_COLUMNS.map((f) => `(count(*) filter (where ${f}))::int as ${f}`),
    "sum(record_key)::int as people_key",
    ...FLAG_COLUMNS.map((f) => `coalesce(sum(record_key) filter (where ${f}), 0)::int as ${f}_key`),
  ].join(", ");
  const dims = "time_window, cohort, la_code, region_code, region_name, age_band, sex";
  const regionDims = "time_window, cohort, region_code, region_name, age_band, sex";
  const countColumns = ["people", ...FLAG_COLUMNS, "people_key", ...FLAG_COLUMNS.map((f) => `${f}_key`)];
  const sums = countColumns.map((c) => `sum(${c})::int as ${c}`).join(", ");
  // CREATE TABLE AS may aggregate in parallel (INSERT ... SELECT may not); the results are small.
  await database.exec(`
    truncate evaluation.cells, evaluation.problem_cells, evaluation.region_cells, evaluation.region_problem_cells;
    drop table if exists pipeline.cube_scratch;
    create unlogged table pipeline.cube_scratch as
    select ${dims}, problems, ${counts} from evaluation.person_windows group by ${dims}, problems;
    insert into evaluation.cells (${dims}, ${countColumns.join(", ")})
    select ${dims}, ${sums} from pipeline.cube_scratch group by ${dims};
    insert into evaluation.problem_cells (${dims}, problem, ${countColumns.join(", ")})
    select ${dims}, p.problem::evaluation.headline_problem, ${sums}
      from pipeline.cube_scratch
      join (values ${HEADLINE_PROBLEMS.map((p) => `(${problemBit(p)}, '${p}')`).join(", ")}) as p(bit, problem) on (problems & p.bit) <> 0
     group by ${dims}, p.problem;
    drop table pipeline.cube_scratch;
    insert into evaluation.region_cells (${regionDims}, ${countColumns.join(", ")})
    select ${regionDims}, ${sums} from evaluation.cells group by ${regionDims};
    insert into evaluation.region_problem_cells (${regionDims}, problem, ${countColumns.join(", ")})
    select ${regionDims}, problem, ${sums} from evaluation.problem_cells group by ${regionDims}, problem;
    analyze evaluation.cells, evaluation.problem_cells, evaluation.region_cells, evaluation.region_problem_cells;`);
}
