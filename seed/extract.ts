import type { Database } from "../lib/db/client.js";
import { AGE_BANDS, AGE_BAND_FLOOR, HEADLINE_PROBLEMS, problemBit, WINDOWS, type Window } from "../lib/domain.js";

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
 */
const WINDOW_MONTHS: Readonly<Record<Window, { from: number; to: number; point: number }>> = {
  BEFORE_12: { from: -12, to: 0, point: 0 },
  AFTER_6: { from: 0, to: 6, point: 6 },
  AFTER_12: { from: 0, to: 12, point: 12 },
  AFTER_18: { from: 0, to: 18, point: 18 },
  AFTER_24: { from: 0, to: 24, point: 24 },
};

const EVENT_FLAGS = {
  cautioned: "CAUTION",
  convicted: "CONVICTION",
  custodial_sentence: "CUSTODY",
  excluded: "EXCLUSION",
  ae_attendance: "A_AND_E",
  mental_health_contact: "MENTAL_HEALTH",
} as const;

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

export interface ExtractResult {
  readonly people: number;
  readonly rows: number;
}

export async function buildExtract(database: Database, pseudonymKey: string): Promise<ExtractResult> {
  return database.withLock("troubled-families:extract", async (session) => {
    await session.exec("truncate evaluation.person_windows");
    const windows = WINDOWS.map((w) => `('${w}', ${WINDOW_MONTHS[w].from}, ${WINDOW_MONTHS[w].to}, ${WINDOW_MONTHS[w].point})`).join(", ");
    const problemMask = `case fp.problem ${HEADLINE_PROBLEMS.map((p) => `when '${p}' then ${problemBit(p)}`).join(" ")} end`;
    const bands = [...AGE_BANDS].reverse();
    const ageBand = `case ${bands.map((b) => `when x.age >= ${AGE_BAND_FLOOR[b]} then '${b}'`).join(" ")} end`;
    await session.exec(`
      create temporary table extract_windows (name text primary key, from_months int, to_months int, point_months int);
      insert into extract_windows values ${windows};

      create temporary table extract_people as
      select p.id as person_id, f.id as family_id, f.la_code, la.region_code, la.region_name,
             f.cohort::text as cohort, p.sex::text as sex,
             coalesce(f.intervention_start, f.assessment_date) as ref,
             extract(year from age(coalesce(f.intervention_start, f.assessment_date), p.date_of_birth))::int as age,
             coalesce(pm.mask, 0)::smallint as problems
        from families.people p
        join families.families f on f.id = p.family_id
        join families.local_authorities la on la.code = f.la_code
        left join (select fp.family_id, bit_or(${problemMask}) as mask
                     from eligibility.family_problems fp group by fp.family_id) pm on pm.family_id = f.id;
      alter table extract_people add primary key (person_id);

      create temporary table extract_bounds as
      select x.person_id, w.name as window_name,
             (x.ref + make_interval(months => w.from_months))::date as lo,
             (x.ref + make_interval(months => w.to_months))::date as hi,
             (x.ref + make_interval(months => w.point_months))::date as point
        from extract_people x cross join extract_windows w;
      create index on extract_bounds (person_id);

      create temporary table extract_events as
      select l.person_id, case o.disposal when 'CAUTION' then 'CAUTION' else 'CONVICTION' end as kind, o.disposal_date as d
        from outcomes.linkage l join outcomes.pnc_offences o on l.dataset = 'PNC_OFFENCES' and o.id = l.record_id
      union all
      select l.person_id, 'CUSTODY', o.disposal_date
        from outcomes.linkage l join outcomes.pnc_offences o on l.dataset = 'PNC_OFFENCES' and o.id = l.record_id
       where o.disposal = 'CUSTODIAL_SENTENCE'
      union all
      select l.person_id, 'EXCLUSION', e.exclusion_date
        from outcomes.linkage l join outcomes.npd_exclusions e on l.dataset = 'NPD_EXCLUSIONS' and e.id = l.record_id
      union all
      select l.person_id, h.setting::text, h.contact_date
        from outcomes.linkage l join outcomes.health_contacts h on l.dataset = 'HEALTH_CONTACTS' and h.id = l.record_id;

      create temporary table extract_statuses as
      select l.person_id, b.benefit::text as kind, b.start_date as s, b.end_date as e
        from outcomes.linkage l join outcomes.dwp_benefit_spells b on l.dataset = 'DWP_BENEFIT_SPELLS' and b.id = l.record_id
      union all
      select l.person_id, c.episode::text, c.start_date, c.end_date
        from outcomes.linkage l join outcomes.dfe_children_services c on l.dataset = 'DFE_CHILDREN_SERVICES' and c.id = l.record_id
      union all
      select l.person_id, 'DRUG_TREATMENT', n.start_date, n.end_date
        from outcomes.linkage l join outcomes.ndtms_episodes n on l.dataset = 'NDTMS_EPISODES' and n.id = l.record_id;

      create temporary table extract_event_flags as
      select b.person_id, b.window_name,
             ${Object.entries(EVENT_FLAGS).map(([flag, kind]) => `bool_or(e.kind = '${kind}') as ${flag}`).join(",\n             ")}
        from extract_events e join extract_bounds b on b.person_id = e.person_id and e.d >= b.lo and e.d < b.hi
       group by 1, 2;

      create temporary table extract_status_flags as
      select b.person_id, b.window_name,
             ${Object.entries(STATUS_FLAGS).map(([flag, kind]) => `bool_or(s.kind = '${kind}') as ${flag}`).join(",\n             ")}
        from extract_statuses s join extract_bounds b
          on b.person_id = s.person_id and s.s <= b.point and (s.e is null or s.e >= b.point)
       group by 1, 2;

      create temporary table extract_absence as
      select b.person_id, b.window_name,
             sum(a.sessions_authorised_absence + a.sessions_unauthorised_absence)::float8
               / nullif(sum(a.sessions_possible), 0) > 0.10 as persistently_absent
        from outcomes.linkage l
        join outcomes.npd_attendance a on l.dataset = 'NPD_ATTENDANCE' and a.id = l.record_id
        join extract_bounds b on b.person_id = l.person_id and a.term_start >= b.lo and a.term_start < b.hi
       group by 1, 2;`);

    const key = (what: string, column: string) =>
      `substr(encode(sha256(convert_to($1 || ':${what}:' || ${column}::text, 'UTF8')), 'hex'), 1, 20)`;
    const flags = [...Object.keys(EVENT_FLAGS), ...Object.keys(STATUS_FLAGS), "persistently_absent"];
    const source = (flag: string) =>
      flag in EVENT_FLAGS ? "ev" : flag in STATUS_FLAGS ? "st" : "pa";
    await session.query(
      `insert into evaluation.person_windows
         (person_key, family_key, la_code, region_code, region_name, cohort, age_band, sex, problems, time_window, ${flags.join(", ")})
       select ${key("person", "x.person_id")}, ${key("family", "x.family_id")}, x.la_code, x.region_code, x.region_name,
              x.cohort::evaluation.cohort, (${ageBand})::evaluation.age_band, x.sex::evaluation.sex, x.problems,
              w.name::evaluation."window",
              ${flags.map((f) => `coalesce(${source(f)}.${f}, false)`).join(", ")}
         from extract_people x
        cross join extract_windows w
         left join extract_event_flags ev on ev.person_id = x.person_id and ev.window_name = w.name
         left join extract_status_flags st on st.person_id = x.person_id and st.window_name = w.name
         left join extract_absence pa on pa.person_id = x.person_id and pa.window_name = w.name`,
      [pseudonymKey],
    );
    const [counts] = await session.query<{ people: number; rows: number }>(
      `select (select count(*)::int from extract_people) as people, (select count(*)::int from evaluation.person_windows) as rows`,
    );
    await session.exec(`
      drop table extract_absence, extract_status_flags, extract_event_flags, extract_statuses, extract_events,
                 extract_bounds, extract_people, extract_windows;
      analyze evaluation.person_windows;`);
    return counts as ExtractResult;
  });
}
