import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyInto } from "../../lib/db/client.js";
import { copyLine } from "../../seed/copy-rows.js";
import { linkRecords, type LinkageResult } from "../../seed/linkage.js";
import { SEED_TABLES } from "../../seed/copy-rows.js";
import { createTestDatabase, DRIVERS, type TestDatabase } from "../support/database.js";

/**
 * Hand-built people and departmental records, one per linkage case, so each
 * outcome is known: what must link, by which method, and what must be missed.
 */
const FAMILY = "10000000-0000-4000-8000-000000000001";
const AMY = "20000000-0000-4000-8000-000000000001"; // NINo known to the council
const BEN = "20000000-0000-4000-8000-000000000002"; // no NINo on council records
const CARA = "20000000-0000-4000-8000-000000000003"; // pupil with UPN
const SEAN = "20000000-0000-4000-8000-000000000004"; // apostrophe in the name
const TWIN_A = "20000000-0000-4000-8000-000000000005";
const TWIN_B = "20000000-0000-4000-8000-000000000006"; // same name, DOB and postcode as TWIN_A

const people = [
  [AMY, "Amy", "Jones", "1985-03-14", "FEMALE", "M14 5QT", "AB123456C", null, "MAIN_CARER"],
  [BEN, "Ben", "Jones", "1983-07-02", "MALE", "M14 5QT", null, null, "PARTNER"],
  [CARA, "Cara", "Jones", "2008-11-20", "FEMALE", "M14 5QT", null, "A352123410001", "CHILD"],
  [SEAN, "Sean", "O'Brien", "2005-01-09", "MALE", "M14 5QT", null, null, "CHILD"],
  [TWIN_A, "Alex", "Jones", "2010-06-01", "MALE", "M14 5QT", null, null, "CHILD"],
  [TWIN_B, "Alex", "Jones", "2010-06-01", "MALE", "M14 5QT", null, null, "CHILD"],
] as const;

// [id, NINo, forename, surname, DOB, sex, postcode]: how DWP holds each.
const benefitSpells = [
  [1, "AB123456C", "Amy", "Jonse", "1985-03-14", "FEMALE", "M14 5QT"], // NINo links despite the typo
  [2, "CD654321A", "Ben", "Jones", "1983-07-02", "MALE", "m145qt"], // name+DOB+postcode, formatting ignored
  [3, "CD654321A", "Ben", "Jones", "1983-02-07", "MALE", "M14 5QT"], // day and month swapped: missed
  [4, "EF111111B", "Zoe", "Smith", "1990-01-01", "FEMALE", "LS1 1AA"], // nobody: missed
] as const;
// [id, forename, surname, DOB, sex, postcode]
const offences = [
  [10, "SEAN", "OBrien", "2005-01-09", "MALE", "M14 5QT"], // case and apostrophe ignored
  [11, "Alex", "Jones", "2010-06-01", "MALE", "M14 5QT"], // two candidates: ambiguous, left unlinked
  [12, "Sean", "O'Brian", "2005-01-09", "MALE", "M14 5QT"], // typo: missed
] as const;
const attendance = [
  [20, "A352123410001", "Kara", "Jones", "2008-11-20", "FEMALE", "M14 5QT"], // UPN links despite the typo
  [21, "A352999910001", "Cara", "Jones", "2008-11-20", "FEMALE", "M14 5QT"], // wrong UPN, but name+DOB+postcode
] as const;

describe.each(DRIVERS)("deterministic linkage on %s", (driver) => {
  let t: TestDatabase;
  let result: LinkageResult;
  let links: Array<{ dataset: string; record_id: number; person_id: string; method: string; match_weight: number }>;

  beforeAll(async () => {
    t = await createTestDatabase(driver);
    const db = t.database;
    await db.exec(`insert into families.local_authorities values ('E08000003', 'Manchester', 'E12000002', 'North West', 352)`);
    await db.exec(
      `insert into families.families (id, la_code, case_reference, cohort, status, assessment_date)
       values ('${FAMILY}', 'E08000003', 'TF/352/2017/1', 'TREATMENT', 'COMPLETED', '2017-01-01')`,
    );
    const put = (table: keyof typeof SEED_TABLES | { table: string; columns: readonly string[] }, rows: ReadonlyArray<ReadonlyArray<string | number | null>>) => {
      const target = typeof table === "string" ? SEED_TABLES[table] : table;
      return copyInto(db, target.table, target.columns, [rows.map((r) => copyLine(r)).join("")]);
    };
    await put(
      SEED_TABLES.people,
      people.map(([id, given, family, dob, sex, postcode, nino, upn, rel]) => [id, FAMILY, "E08000003", given, family, dob, sex, postcode, nino, upn, "WHITE_BRITISH", rel]),
    );
    await put(
      SEED_TABLES.dwpBenefitSpells,
      benefitSpells.map(([id, nino, f, s, dob, sex, pc]) => [id, nino, f, s, dob, sex, pc, "JSA", "2017-02-01", null]),
    );
    await put(
      SEED_TABLES.pncOffences,
      offences.map(([id, f, s, dob, sex, pc]) => [id, "16/0000001Z", f, s, dob, sex, pc, "2017-03-01", "THEFT", "CAUTION", "2017-04-01"]),
    );
    await put(
      SEED_TABLES.npdAttendance,
      attendance.map(([id, upn, f, s, dob, sex, pc]) => [id, upn, f, s, dob, sex, pc, "2016/17", "AUTUMN", "2016-09-01", 140, 5, 2]),
    );
    result = await linkRecords(db);
    links = await db.query(`select dataset::text, record_id::int, person_id::text, method::text, match_weight from outcomes.linkage order by dataset, record_id`);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  const link = (dataset: string, recordId: number) => links.find((l) => l.dataset === dataset && l.record_id === recordId);

  it("links by an exact National Insurance number first, whatever the name says", () => {
    expect(link("DWP_BENEFIT_SPELLS", 1)).toMatchObject({ person_id: AMY, method: "NINO" });
  });

  it("links by an exact Unique Pupil Number", () => {
    expect(link("NPD_ATTENDANCE", 20)).toMatchObject({ person_id: CARA, method: "UPN" });
  });

  it("falls back to exact name, date of birth and postcode, ignoring case, spaces and punctuation", () => {
    expect(link("DWP_BENEFIT_SPELLS", 2)).toMatchObject({ person_id: BEN, method: "NAME_DOB_POSTCODE" });
    expect(link("PNC_OFFENCES", 10)).toMatchObject({ person_id: SEAN, method: "NAME_DOB_POSTCODE" });
    expect(link("NPD_ATTENDANCE", 21)).toMatchObject({ person_id: CARA, method: "NAME_DOB_POSTCODE" });
  });

  it("misses records whose identifiers carry errors, or belong to nobody submitted", () => {
    expect(link("DWP_BENEFIT_SPELLS", 3)).toBeUndefined();
    expect(link("DWP_BENEFIT_SPELLS", 4)).toBeUndefined();
    expect(link("PNC_OFFENCES", 12)).toBeUndefined();
  });

  it("leaves a record that matches two people unlinked, and counts it as ambiguous", () => {
    expect(link("PNC_OFFENCES", 11)).toBeUndefined();
    const pnc = result.report.datasets.find((d) => d.dataset === "PNC_OFFENCES");
    expect(pnc).toEqual({ dataset: "PNC_OFFENCES", records: 3, linkedByNino: 0, linkedByUpn: 0, linkedByNameDobPostcode: 1, missed: 2, ambiguous: 1 });
  });

  it("weighs a full agreement above a match that survived a disagreement", () => {
    expect(link("PNC_OFFENCES", 10)!.match_weight).toBe(41); // 7.5 + 9.5 + 11 + 1 + 12
    expect(link("DWP_BENEFIT_SPELLS", 1)!.match_weight).toBeLessThan(41 + 20);
    expect(link("DWP_BENEFIT_SPELLS", 1)!.match_weight).toBe(7.5 - 3.5 + 11 + 1 + 12 + 20);
  });

  it("reports what it linked and missed, per dataset and in total, and records the run", async () => {
    expect(result.report.datasets.find((d) => d.dataset === "DWP_BENEFIT_SPELLS")).toEqual({
      dataset: "DWP_BENEFIT_SPELLS",
      records: 4,
      linkedByNino: 1,
      linkedByUpn: 0,
      linkedByNameDobPostcode: 1,
      missed: 2,
      ambiguous: 0,
    });
    expect(result.records).toBe(9);
    expect(result.linked).toBe(5);
    const runs = await t.database.query<{ records: number; linked: number }>(`select records, linked from outcomes.linkage_runs`);
    expect(runs).toEqual([{ records: 9, linked: 5 }]);
  });

  it("leaves no normalised identifiers behind", async () => {
    const leftovers = await t.database.query(
      `select relname from pg_class where relname in ('link_people', 'link_keyed', 'link_candidates') and relkind = 'r'`,
    );
    expect(leftovers).toEqual([]);
  });
});
