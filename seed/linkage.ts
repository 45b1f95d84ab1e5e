import type { Database } from "../lib/db/client.js";
import { DATASETS, type Dataset } from "../lib/domain.js";
import type { DatasetLinkage, LinkageReport } from "../subgraphs/outcomes/linkage-report.js";

/**
 * Deterministic linkage, as ONS does first: each departmental record is
 * matched to a council-submitted person by an exact unique identifier where
 * the dataset has one (NINo for DWP, UPN for pupil and children's services
 * records), otherwise by exact normalised given name, family name, date of
 * birth and postcode. A record that matches more than one person is left
 * unlinked and counted as ambiguous; one that matches nobody is missed.
 *
 * Names are compared case-insensitively, ignoring spaces, hyphens,
 * apostrophes and full stops ("O'Brien" = "OBRIEN"); postcodes ignoring case
 * and spaces. Each link carries a Fellegi-Sunter agreement weight (log2 m/u
 * summed over the fields compared), so reviewers can see how strong a match
 * was. The normalised identifiers live in a scratch table dropped when
 * linkage ends; datasets are linked side by side on as many sessions as the
 * database offers (two on PostgreSQL: one a core here).
 */

interface DatasetSource {
  readonly table: string;
  readonly key?: "nino" | "upn";
}

export const DATASET_SOURCES: Readonly<Record<Dataset, DatasetSource>> = {
  PNC_OFFENCES: { table: "outcomes.pnc_offences" },
  NPD_ATTENDANCE: { table: "outcomes.npd_attendance", key: "upn" },
  NPD_EXCLUSIONS: { table: "outcomes.npd_exclusions", key: "upn" },
  DWP_BENEFIT_SPELLS: { table: "outcomes.dwp_benefit_spells", key: "nino" },
  DFE_CHILDREN_SERVICES: { table: "outcomes.dfe_children_services", key: "upn" },
  HEALTH_CONTACTS: { table: "outcomes.health_contacts" },
  NDTMS_EPISODES: { table: "outcomes.ndtms_episodes" },
};

const normName = (column: string) => `upper(translate(${column}, ' ''-.', ''))`;
const normPostcode = (column: string) => `upper(replace(${column}, ' ', ''))`;

/** Agreement and disagreement weights (log2 m/u, log2 (1-m)/(1-u)) per field. */
const WEIGHTS = {
  givenName: [7.5, -3.5],
  familyName: [9.5, -3.5],
  dateOfBirth: [11, -4],
  sex: [1, -4.5],
  postcode: [12, -2.5],
  uniqueId: [20, -6],
} as const;

function weightExpression(key: DatasetSource["key"]): string {
  const term = (agree: string, [yes, no]: readonly [number, number]) => `(case when ${agree} then ${yes} else ${no} end)`;
  const terms = [
    term(`p.given = ${normName("d.forename")}`, WEIGHTS.givenName),
    term(`p.family = ${normName("d.surname")}`, WEIGHTS.familyName),
    term("p.dob = d.date_of_birth", WEIGHTS.dateOfBirth),
    term("p.sex = d.sex::text", WEIGHTS.sex),
    term(`p.postcode = ${normPostcode("d.postcode")}`, WEIGHTS.postcode),
  ];
  if (key) terms.push(`(case when p.${key} is null or d.${key} is null then 0 when p.${key} = d.${key} then ${WEIGHTS.uniqueId[0]} else ${WEIGHTS.uniqueId[1]} end)`);
  return terms.join(" + ");
}

export interface LinkageResult {
  readonly records: number;
  readonly linked: number;
  readonly report: LinkageReport;
}

/** Links every departmental record it can, replacing earlier links, and records the run. */
export async function linkRecords(database: Database): Promise<LinkageResult> {
  const startedAt = new Date();
  await database.exec(`
    truncate outcomes.linkage;
    drop table if exists pipeline.link_people;
    create unlogged table pipeline.link_people as
    select id, upper(replace(nino, ' ', '')) as nino, upper(replace(upn, ' ', '')) as upn,
           date_of_birth as dob, sex::text as sex,
           ${normName("given_name")} as given, ${normName("family_name")} as family,
           ${normPostcode("postcode")} as postcode
      from families.people;
    analyze pipeline.link_people;`);
  let datasets: DatasetLinkage[];
  try {
    // Largest first, each lane taking the next dataset when it is free.
    const sizes = await Promise.all(
      DATASETS.map(async (d) => ({ d, n: Number((await database.query<{ n: string }>(`select count(*) as n from ${DATASET_SOURCES[d].table}`))[0]?.n ?? 0) })),
    );
    const queue = sizes.sort((a, b) => b.n - a.n).map((s) => s.d);
    const done = new Map<Dataset, DatasetLinkage>();
    const lanes = Math.max(1, Math.min(2, database.parallelism));
    let failed = false;
    const outcomes = await Promise.allSettled(
      Array.from({ length: lanes }, () =>
        database.session(async (session) => {
          for (let next = queue.shift(); next && !failed; next = queue.shift()) {
            try {
              done.set(next, await linkDataset(session, next));
            } catch (err) {
              failed = true;
              throw err;
            }
          }
        }),
      ),
    );
    // Every lane has stopped before the scratch table goes (a drop would wait on a lane still using it).
    const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected");
    if (failure) throw failure.reason;
    datasets = DATASETS.map((d) => done.get(d) as DatasetLinkage);
  } finally {
    // The normalised identifiers are personal data: they go when linkage ends.
    await database.exec("drop table if exists pipeline.link_people");
  }
  const report: LinkageReport = { datasets };
  const records = report.datasets.reduce((n, d) => n + d.records, 0);
  const linked = report.datasets.reduce((n, d) => n + d.records - d.missed, 0);
  await database.query(
    `insert into outcomes.linkage_runs (started_at, finished_at, records, linked, report) values ($1, $2, $3, $4, $5)`,
    [startedAt.toISOString(), new Date().toISOString(), records, linked, JSON.stringify(report)],
  );
  await database.exec("analyze outcomes.linkage");
  return { records, linked, report };
}

async function linkDataset(session: Database, dataset: Dataset): Promise<DatasetLinkage> {
  const { table, key } = DATASET_SOURCES[dataset];
  const weight = weightExpression(key);
  // Both steps land in this session's own tables first, each analysed, so the
  // planner never works from a stale guess about how much is already linked.
  await session.exec(`create temporary table link_keyed (record_id bigint, person_id uuid, weight real)`);
  if (key) {
    await session.exec(`
      insert into link_keyed
      select d.id, p.id, ${weight}
        from ${table} d
        join (select *, count(*) over (partition by ${key}) as holders
                from pipeline.link_people where ${key} is not null) p
          on p.${key} = upper(replace(d.${key}, ' ', '')) and p.holders = 1`);
  }
  await session.exec(`analyze link_keyed`);
  // The four-expression join is always estimated at about one row: anything
  // joined onto it before it is analysed risks a nested loop (quadratic at
  // national scale). So candidates are built alone, analysed, and only then
  // compared with the records already linked by a unique identifier.
  await session.exec(`
    create temporary table link_candidates as
    select d.id as record_id, p.id as person_id, ${weight} as weight,
           count(*) over (partition by d.id) as matches
      from ${table} d
      join pipeline.link_people p
        on p.family = ${normName("d.surname")} and p.given = ${normName("d.forename")}
       and p.dob = d.date_of_birth and p.postcode = ${normPostcode("d.postcode")}`);
  await session.exec(`analyze link_candidates`);
  await session.exec(`
    delete from link_candidates c using link_keyed k where k.record_id = c.record_id`);
  await session.exec(`
    insert into outcomes.linkage (dataset, record_id, person_id, method, match_weight)
    select '${dataset}'::outcomes.dataset, record_id, person_id, '${key === "nino" ? "NINO" : "UPN"}'::outcomes.link_method, weight
      from link_keyed
    union all
    select '${dataset}'::outcomes.dataset, record_id, person_id, 'NAME_DOB_POSTCODE'::outcomes.link_method, weight
      from link_candidates where matches = 1`);
  const [counts] = await session.query<{ records: number; keyed: number; ndp: number; ambiguous: number }>(
    `select (select count(*)::int from ${table}) as records,
            (select count(*)::int from link_keyed) as keyed,
            (select count(*)::int from link_candidates where matches = 1) as ndp,
            (select count(distinct record_id)::int from link_candidates where matches > 1) as ambiguous`,
  );
  await session.exec("drop table link_keyed, link_candidates");
  const c = counts as NonNullable<typeof counts>;
  return {
    dataset,
    records: c.records,
    linkedByNino: key === "nino" ? c.keyed : 0,
    linkedByUpn: key === "upn" ? c.keyed : 0,
    linkedByNameDobPostcode: c.ndp,
    missed: c.records - c.keyed - c.ndp,
    ambiguous: c.ambiguous,
  };
}
