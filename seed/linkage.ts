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
 * Each link carries a Fellegi-Sunter agreement weight (log2 m/u summed over
 * the fields compared), so that reviewers can see how strong a match was.
 * The normalised identifiers live only in a temporary table of this session,
 * dropped when linkage ends.
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

const normName = (column: string) => `upper(regexp_replace(${column}, '[^A-Za-z]', '', 'g'))`;
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
  const report = await database.withLock("troubled-families:linkage", async (session) => {
    await session.exec("truncate outcomes.linkage");
    await session.exec(`
      create temporary table link_people as
      select id, upper(replace(nino, ' ', '')) as nino, upper(replace(upn, ' ', '')) as upn,
             date_of_birth as dob, sex::text as sex,
             ${normName("given_name")} as given, ${normName("family_name")} as family,
             ${normPostcode("postcode")} as postcode
        from families.people;
      create index on link_people (family, dob);
      create index on link_people (nino);
      create index on link_people (upn);
      analyze link_people;`);
    try {
      const datasets: DatasetLinkage[] = [];
      for (const dataset of DATASETS) datasets.push(await linkDataset(session, dataset));
      return { datasets };
    } finally {
      // The normalised identifiers are personal data: they go when linkage ends.
      await session.exec("drop table if exists link_people");
    }
  });
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
  if (key) {
    await session.exec(`
      insert into outcomes.linkage (dataset, record_id, person_id, method, match_weight)
      select '${dataset}', d.id, p.id, '${key === "nino" ? "NINO" : "UPN"}', ${weight}
        from ${table} d
        join link_people p on p.${key} = upper(replace(d.${key}, ' ', ''))
        join (select ${key} from link_people where ${key} is not null group by ${key} having count(*) = 1) u
          on u.${key} = p.${key}`);
  }
  await session.exec(`
    create temporary table link_candidates as
    select d.id as record_id, p.id as person_id, ${weight} as weight,
           count(*) over (partition by d.id) as matches
      from ${table} d
      join link_people p
        on p.family = ${normName("d.surname")} and p.given = ${normName("d.forename")}
       and p.dob = d.date_of_birth and p.postcode = ${normPostcode("d.postcode")}
     where not exists (select 1 from outcomes.linkage l where l.dataset = '${dataset}' and l.record_id = d.id);
    insert into outcomes.linkage (dataset, record_id, person_id, method, match_weight)
    select '${dataset}', record_id, person_id, 'NAME_DOB_POSTCODE', weight from link_candidates where matches = 1;`);
  const [counts] = await session.query<{
    records: number;
    nino: number;
    upn: number;
    ndp: number;
    ambiguous: number;
  }>(
    `select (select count(*)::int from ${table}) as records,
            count(*) filter (where method = 'NINO')::int as nino,
            count(*) filter (where method = 'UPN')::int as upn,
            count(*) filter (where method = 'NAME_DOB_POSTCODE')::int as ndp,
            (select count(distinct record_id)::int from link_candidates where matches > 1) as ambiguous
       from outcomes.linkage where dataset = '${dataset}'`,
  );
  await session.exec("drop table link_candidates");
  const c = counts as NonNullable<typeof counts>;
  return {
    dataset,
    records: c.records,
    linkedByNino: c.nino,
    linkedByUpn: c.upn,
    linkedByNameDobPostcode: c.ndp,
    missed: c.records - c.nino - c.upn - c.ndp,
    ambiguous: c.ambiguous,
  };
}
