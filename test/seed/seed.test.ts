import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../lib/db/migrate.js";
import { secondaryObjects } from "../../seed/bulk.js";
import { runSeed, type SeedSummary } from "../../seed/index.js";
import { dataIsReady, latestRun } from "../../seed/runs.js";
import { createTestDatabase, DRIVERS, type TestDatabase } from "../support/database.js";
import { TEST_PSEUDONYM_KEY } from "../support/stack.js";
import { WINDOWS } from "../../lib/domain.js";
import { MASK_COLUMNS, MEASURES, OUTCOME_FLAGS } from "../../lib/measures.js";

const CHECKED_TABLES = [
  "families.families",
  "families.people",
  "eligibility.family_problems",
  "eligibility.indicators",
  "outcomes.pnc_offences",
  "outcomes.npd_attendance",
  "outcomes.dwp_benefit_spells",
  "outcomes.health_contacts",
  "outcomes.linkage",
  "evaluation.person_windows",
  "evaluation.people",
  "evaluation.cells",
  "evaluation.propensity_models",
];

/** A digest of a table's contents, independent of physical row order. */
async function digest(t: TestDatabase, table: string): Promise<string> {
  const [row] = await t.database.query<{ d: string }>(
    `select md5(coalesce(string_agg(r::text, '|' order by r::text), '')) as d from ${table} r`,
  );
  return row!.d;
}

describe.each(DRIVERS)("seeding a database on %s", (driver) => {
  let t: TestDatabase;
  let first: SeedSummary;
  let firstDigests: Record<string, string>;

  beforeAll(async () => {
    t = await createTestDatabase(driver);
    first = await runSeed(t.database, { families: 120, seed: 42, pseudonymKey: TEST_PSEUDONYM_KEY });
    firstDigests = Object.fromEntries(await Promise.all(CHECKED_TABLES.map(async (table) => [table, await digest(t, table)])));
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("loads every table and records a finished run", async () => {
    expect(first.rows.families).toBe(120);
    for (const count of Object.values(first.rows)) expect(count).toBeGreaterThan(0);
    expect(await dataIsReady(t.database)).toBe(true);
    const [people] = await t.database.query<{ n: number }>(`select count(*)::int as n from families.people`);
    expect(first.extract).toEqual({ people: people!.n, rows: people!.n * 5 });
  });

  it("links most departmental records and reports the rest as missed", () => {
    const { records, linked, report } = first.linkage;
    expect(linked / records).toBeGreaterThan(0.85);
    expect(linked).toBeLessThan(records);
    for (const d of report.datasets) {
      expect(d.linkedByNino + d.linkedByUpn + d.linkedByNameDobPostcode + d.missed).toBe(d.records);
    }
  });

  it("replaces the data cleanly when run again, with the same rows for the same seed", async () => {
    const again = await runSeed(t.database, { families: 120, seed: 42, pseudonymKey: TEST_PSEUDONYM_KEY });
    expect(again.rows).toEqual(first.rows);
    for (const table of CHECKED_TABLES) expect(await digest(t, table), table).toBe(firstDigests[table]);
  });

  it("restores the indexes and foreign keys it drops for loading", async () => {
    const objects = await secondaryObjects(t.database);
    expect(objects.filter((o) => o.kind === "foreign-key").map((o) => o.name).sort()).toEqual([
      "families_la_code_local_authorities_code_fk",
      "people_family_id_families_id_fk",
    ]);
    expect(objects.filter((o) => o.kind === "index").length).toBeGreaterThanOrEqual(10);
  });

  it("repairs what an interrupted run left behind, and is not served until a run finishes", async () => {
    const before = (await secondaryObjects(t.database)).map((o) => o.name).sort();
    // An interrupted run: recorded as loading, its indexes and keys dropped, its tables half full.
    const secondary = await secondaryObjects(t.database);
    await t.database.query(`insert into pipeline.runs (status, seed, families, summary) values ('loading', 1, 10, $1)`, [
      JSON.stringify({ secondary }),
    ]);
    for (const o of [...secondary].reverse()) await t.database.exec(o.drop);
    await t.database.exec(`delete from families.people where family_id in (select id from families.families limit 5)`);
    expect(await dataIsReady(t.database)).toBe(false);

    await migrate(t.database);
    const repaired = await runSeed(t.database, { families: 120, seed: 42, pseudonymKey: TEST_PSEUDONYM_KEY });
    expect(repaired.rows).toEqual(first.rows);
    expect((await secondaryObjects(t.database)).map((o) => o.name).sort()).toEqual(before);
    expect((await latestRun(t.database))?.status).toBe("ready");
    expect(await digest(t, "families.people")).toBe(firstDigests["families.people"]);
  });

  it("holds each person once in evaluation.people, each window's flags as the bits of one mask, as person_windows has them", async () => {
    const [counts] = await t.database.query<{ people: number; persons: number }>(
      `select (select count(*)::int from evaluation.people) as people,
              (select count(distinct person_key)::int from evaluation.person_windows) as persons`,
    );
    expect(counts!.people).toBe(counts!.persons);
    for (const [i, window] of WINDOWS.entries()) {
      // Every flag of every person-window agrees with its bit (any disagreement counts).
      const disagreements = OUTCOME_FLAGS.map(
        (flag, bit) => `count(*) filter (where w.${flag} <> ((p.${MASK_COLUMNS[window]} & ${1 << bit}) <> 0))`,
      ).join(" + ");
      const [row] = await t.database.query<{ n: number; rows: number }>(
        `select (${disagreements})::int as n, count(*)::int as rows
           from evaluation.person_windows w join evaluation.people p using (person_key)
          where w.time_window = '${window}' and w.record_key = p.record_key and w.cohort = p.cohort and w.la_code = p.la_code`,
      );
      expect(row!.rows, window).toBe(counts!.people);
      expect(row!.n, window).toBe(0);
      if (i === 0) {
        const [flagged] = await t.database.query<{ n: number }>(`select count(*)::int as n from evaluation.people where outcomes_before_12 <> 0`);
        expect(flagged!.n).toBeGreaterThan(0);
      }
    }
  });

  it("gives each person a record key from 0 to 255, the same in every window, spread over the range", async () => {
    const [keys] = await t.database.query<{ min: number; max: number; mean: number; varying: number }>(
      `select min(record_key)::int as min, max(record_key)::int as max, avg(record_key)::float8 as mean,
              (select count(*)::int from (select person_key from evaluation.person_windows
                                           group by person_key having count(distinct record_key) > 1) v) as varying
         from evaluation.people`,
    );
    expect(keys!.min).toBeGreaterThanOrEqual(0);
    expect(keys!.max).toBeLessThanOrEqual(255);
    expect(keys!.mean).toBeGreaterThan(100);
    expect(keys!.mean).toBeLessThan(155);
    expect(keys!.varying).toBe(0);
  });

  it("sums record keys in the count cubes as it counts people, for every cube", async () => {
    const [truth] = await t.database.query<{ people: number; key: number; cautioned: number; cautioned_key: number }>(
      `select count(*)::int as people, sum(record_key)::int as key,
              count(*) filter (where cautioned)::int as cautioned, coalesce(sum(record_key) filter (where cautioned), 0)::int as cautioned_key
         from evaluation.person_windows where time_window = 'AFTER_12'`,
    );
    for (const cube of ["cells", "region_cells"]) {
      const [sums] = await t.database.query<{ people: number; key: number; cautioned: number; cautioned_key: number }>(
        `select sum(people)::int as people, sum(people_key)::int as key, sum(cautioned)::int as cautioned, sum(cautioned_key)::int as cautioned_key
           from evaluation.${cube} where time_window = 'AFTER_12'`,
      );
      expect(sums, cube).toEqual(truth);
    }
  });

  it("fits a propensity model for every measure, with its covariates named and a caliper", async () => {
    const models = await t.database.query<{ measure: string; covariates: string[]; coefficients: number[]; caliper: number; converged: boolean; treated: number; people: number }>(
      `select measure, covariates, coefficients, caliper, converged, treated, people from evaluation.propensity_models order by measure`,
    );
    expect(models.map((m) => m.measure)).toEqual([...MEASURES].sort());
    for (const m of models) {
      expect(m.converged, m.measure).toBe(true);
      expect(m.covariates[0]).toBe("intercept");
      expect(m.covariates).toContain("outcome_before_12");
      expect(m.coefficients).toHaveLength(m.covariates.length);
      for (const c of m.coefficients) expect(Number.isFinite(c)).toBe(true);
      expect(m.caliper).toBeGreaterThan(0);
      expect(m.treated).toBeGreaterThan(0);
      expect(m.treated).toBeLessThan(m.people);
    }
  });

  it("keeps every identifier out of the research extract", async () => {
    const columns = await t.database.query<{ column_name: string }>(
      `select column_name from information_schema.columns where table_schema = 'evaluation' order by 1`,
    );
    for (const { column_name } of columns) {
      expect(column_name).not.toMatch(/given|family_name|surname|forename|birth|dob|postcode|nino|upn|reference|person_id|family_id|date/);
    }
    const [sample] = await t.database.query<{ person_key: string; family_key: string }>(`select person_key, family_key from evaluation.person_windows limit 1`);
    const [ids] = await t.database.query<{ n: number }>(
      `select count(*)::int as n from families.people where id::text = $1 or family_id::text = $2`,
      [sample!.person_key, sample!.family_key],
    );
    expect(ids!.n).toBe(0);
    expect(sample!.person_key).toMatch(/^[0-9a-f]{20}$/);
  });
});
