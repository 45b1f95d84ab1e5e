import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "../../lib/auth/caller.js";
import { runSeed } from "../../seed/index.js";
import { createEligibilityLoaders } from "../../subgraphs/eligibility/loaders.js";
import { createFamiliesLoaders } from "../../subgraphs/families/loaders.js";
import { createOutcomesLoaders } from "../../subgraphs/outcomes/loaders.js";
import { createTestDatabase, DRIVERS, type TestDatabase } from "../support/database.js";
import { TEST_PSEUDONYM_KEY } from "../support/stack.js";

const CALLER: Caller = { subject: "test", role: "admin", localAuthority: undefined, requestId: "loaders-test" };
const MISSING = "00000000-0000-4000-8000-00000000dead";

describe.each(DRIVERS)("per-request loaders on %s", (driver) => {
  let t: TestDatabase;
  let families: Array<{ id: string }>;
  let offenders: string[];

  beforeAll(async () => {
    t = await createTestDatabase(driver);
    await runSeed(t.database, { families: 60, seed: 3, pseudonymKey: TEST_PSEUDONYM_KEY });
    families = await t.database.query(`select id from families.families order by id desc limit 12`);
    offenders = (
      await t.database.query<{ person_id: string }>(
        `select distinct person_id from outcomes.linkage where dataset = 'PNC_OFFENCES' order by person_id limit 5`,
      )
    ).map((r) => r.person_id);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("load a batch of keys with one SQL statement, in the order asked, null for a missing key", async () => {
    const loaders = createFamiliesLoaders(t.database, CALLER);
    const keys = [families[3]!.id, MISSING, families[0]!.id, families[7]!.id];
    t.database.stats.reset();
    const rows = await Promise.all(keys.map((k) => loaders.familyById.load(k)));
    expect(t.database.stats.total).toBe(1);
    expect(rows.map((r) => r?.id ?? null)).toEqual([families[3]!.id, null, families[0]!.id, families[7]!.id]);
  });

  it("load lists with one SQL statement, an empty list for a key without rows", async () => {
    const loaders = createFamiliesLoaders(t.database, CALLER);
    const keys = [MISSING, ...families.map((f) => f.id)];
    t.database.stats.reset();
    const members = await Promise.all(keys.map((k) => loaders.membersByFamilyId.load(k)));
    expect(t.database.stats.total).toBe(1);
    expect(members[0]).toEqual([]);
    members.slice(1).forEach((list, i) => {
      expect(list.length).toBeGreaterThan(0);
      for (const person of list) expect(person.familyId).toBe(keys[i + 1]);
      expect(list[0]!.relationship).toBe("MAIN_CARER");
    });
  });

  it("serve a repeated key from the request's own cache", async () => {
    const loaders = createFamiliesLoaders(t.database, CALLER);
    await loaders.familyById.load(families[0]!.id);
    t.database.stats.reset();
    await loaders.familyById.load(families[0]!.id);
    expect(t.database.stats.total).toBe(0);
    const fresh = createFamiliesLoaders(t.database, CALLER);
    await fresh.familyById.load(families[0]!.id);
    expect(t.database.stats.total).toBe(1);
  });

  it("batch eligibility and outcomes the same way, one statement per field", async () => {
    const eligibility = createEligibilityLoaders(t.database, CALLER);
    const outcomes = createOutcomesLoaders(t.database, CALLER);
    t.database.stats.reset();
    const [problems, offences] = await Promise.all([
      Promise.all(families.map((f) => eligibility.problemsByFamilyId.load(f.id))),
      Promise.all([MISSING, ...offenders].map((p) => outcomes.offences.load(p))),
    ]);
    expect(t.database.stats.bySchema()).toEqual({ eligibility: 1, outcomes: 1 });
    for (const list of problems) expect(list.length).toBeGreaterThanOrEqual(2);
    expect(offences[0]).toEqual([]);
    for (const list of offences.slice(1)) expect(list.length).toBeGreaterThan(0);
    const dates = offences.slice(1).flatMap((list) => list.map((o) => o.offenceDate));
    expect(dates.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
  });
});
