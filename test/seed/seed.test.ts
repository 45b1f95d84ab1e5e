import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../lib/db/migrate.js";
import { secondaryObjects } from "../../seed/bulk.js";
import { runSeed, type SeedSummary } from "../../seed/index.js";
import { dataIsReady, latestRun } from "../../seed/runs.js";
import { createTestDatabase, DRIVERS, type TestDatabase } from "../support/database.js";
import { TEST_PSEUDONYM_KEY } from "../support/stack.js";

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
