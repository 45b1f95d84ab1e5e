import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InternalContext } from "../../lib/auth/internal-context.js";
import { createTokenVerifier } from "../../lib/auth/verify-token.js";
import { TOTAL, type TableDimension } from "../../lib/disclosure/rules.js";
import { MAXIMUM_DEVIATION } from "../../lib/disclosure/perturbation.js";
import { createLogger } from "../../lib/logger.js";
import { loadOrCreateSecret } from "../../lib/secrets.js";
import { startGateway } from "../../gateway/server.js";
import { SUPERGRAPH_PATH } from "../../schema/compose.js";
import type { RunningServer } from "../../lib/http/graphql-http.js";
import { DRIVERS } from "../support/database.js";
import { recoverableCells, singleUnknownLines } from "../support/differencing.js";
import { postGraphQL, startTestStack, type TestStack } from "../support/stack.js";
import { expectNoInternals } from "../support/assertions.js";

/** The dimension fields of a cell, as the API names them. */
const FIELD: Record<string, string> = {
  LOCAL_AUTHORITY: "localAuthority",
  REGION: "region",
  COHORT: "cohort",
  HEADLINE_PROBLEM: "headlineProblem",
  AGE_BAND: "ageBand",
  SEX: "sex",
};
const CELL = `window totalOver cohort localAuthority { code } region { code } headlineProblem ageBand sex
  people withOutcome withoutOutcome rate suppressed suppression`;
const SUMMARY = `threshold cells released belowThreshold complementBelowThreshold secondary roundingBase perturbation { method maximumDeviation }`;

interface Cell {
  window?: string;
  totalOver: string[];
  [field: string]: unknown;
  people: number | null;
  withOutcome?: number | null;
  withoutOutcome?: number | null;
  rate?: number | null;
  suppressed: boolean;
  suppression: string | null;
}

/** The category of a cell in a dimension (null for a total). */
function categoryOf(cell: Cell, dimension: string): string | null {
  const value = cell[FIELD[dimension] as string] as string | { code: string } | null;
  return value === null ? null : typeof value === "string" ? value : value.code;
}

/** A cell's identity across tables: window and every category it has (totals left out). */
function identity(cell: Cell, by: readonly string[]): string {
  return [cell.window ?? "", ...by.filter((d) => categoryOf(cell, d) !== null).map((d) => `${d}=${categoryOf(cell, d)}`)].sort().join("|");
}

/** Rebuilds a table's dimensions and each window's suppression pattern from its cells, for the differencing attacker. */
function patterns(cells: readonly Cell[], by: readonly string[]) {
  const dimensions: TableDimension[] = by.map((d) => ({
    name: d,
    categories: [...new Set(cells.map((c) => categoryOf(c, d)).filter((v): v is string => v !== null))],
    additive: d !== "HEADLINE_PROBLEM",
  }));
  const windows = new Map<string, Array<{ coordinates: number[]; suppression: string | null }>>();
  for (const cell of cells) {
    const coordinates = by.map((d, i) => {
      const value = categoryOf(cell, d);
      return value === null ? TOTAL : (dimensions[i] as TableDimension).categories.indexOf(value);
    });
    const list = windows.get(cell.window ?? "") ?? [];
    list.push({ coordinates, suppression: cell.suppression });
    windows.set(cell.window ?? "", list);
  }
  return { dimensions, windows };
}

describe.each(DRIVERS)("disclosure control of aggregates on %s", (driver) => {
  let t: TestStack;

  beforeAll(async () => {
    t = await startTestStack(driver, { families: 1500 });
  });
  afterAll(async () => {
    await t?.close();
  });

  const table = async (role: "researcher" | "analyst" | "admin", args: string, select = CELL) => {
    const { status, body } = await t.query(role, `{ outcomeTable(${args}) { by windows cells { ${select} } disclosure { ${SUMMARY} } } }`);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    return body.data!.outcomeTable as { by: string[]; windows: string[]; cells: Cell[]; disclosure: Record<string, any> };
  };

  it("returns every combination of the breakdowns and every total, in every window, even where nobody is", async () => {
    const result = await table("researcher", `measure: JUVENILE_CUSTODY, by: [REGION, SEX]`);
    expect(result.windows).toEqual(["BEFORE_12", "AFTER_6", "AFTER_12", "AFTER_18", "AFTER_24"]);
    expect(result.cells).toHaveLength(5 * (9 + 1) * (2 + 1));
    expect(result.disclosure.cells).toBe(result.cells.length);
    const totals = result.cells.filter((c) => c.totalOver.length === 2);
    expect(totals).toHaveLength(5);
    for (const c of totals) expect(c.region).toBeNull();
    // Juvenile custody is rare: at this size nearly every cell is withheld, and says why.
    expect(result.disclosure.belowThreshold).toBeGreaterThan(0);
  });

  it("withholds a cell's numbers exactly when it is suppressed, says why, and releases only cells that pass the threshold in every count", async () => {
    for (const args of [`measure: CAUTIONED, by: [REGION, SEX]`, `measure: AE_ATTENDANCE, by: [LOCAL_AUTHORITY]`, `measure: CHILD_IN_NEED, by: [COHORT, AGE_BAND, HEADLINE_PROBLEM]`]) {
      const result = await table("researcher", args);
      const { disclosure } = result;
      expect(disclosure.threshold).toBe(10);
      expect(disclosure.roundingBase).toBeNull();
      expect(disclosure.perturbation).toBeNull();
      let released = 0;
      const reasons: Record<string, number> = { BELOW_THRESHOLD: 0, COMPLEMENT_BELOW_THRESHOLD: 0, SECONDARY: 0 };
      for (const c of result.cells) {
        expect(c.suppressed, args).toBe(c.suppression !== null);
        if (c.suppressed) {
          reasons[c.suppression as string]!++;
          expect([c.people, c.withOutcome, c.withoutOutcome, c.rate]).toEqual([null, null, null, null]);
        } else {
          released++;
          expect(c.people!).toBeGreaterThanOrEqual(10);
          expect(c.withOutcome!).toBeGreaterThanOrEqual(10);
          expect(c.withoutOutcome!).toBeGreaterThanOrEqual(10);
          expect(c.withOutcome! + c.withoutOutcome!).toBe(c.people);
          expect(c.rate).toBeCloseTo(c.withOutcome! / c.people!, 12);
        }
      }
      expect(disclosure.released).toBe(released);
      expect([disclosure.belowThreshold, disclosure.complementBelowThreshold, disclosure.secondary]).toEqual([
        reasons.BELOW_THRESHOLD,
        reasons.COMPLEMENT_BELOW_THRESHOLD,
        reasons.SECONDARY,
      ]);
    }
  });

  it("gives researchers the extract's true counts", async () => {
    const result = await table("researcher", `measure: CAUTIONED, windows: [AFTER_12], by: [COHORT]`);
    const [truth] = await t.db.database.query<{ people: number; cautioned: number }>(
      `select count(*)::int as people, count(*) filter (where cautioned)::int as cautioned
         from evaluation.person_windows
        where time_window = 'AFTER_12' and cohort = 'TREATMENT' and age_band not in ('AGE_0_4', 'AGE_5_9')`,
    );
    const treatment = result.cells.find((c) => c.cohort === "TREATMENT")!;
    expect(treatment.suppressed).toBe(false);
    expect([treatment.people, treatment.withOutcome]).toEqual([truth!.people, truth!.cautioned]);
  });

  it.each([
    ["one breakdown", `measure: CAUTIONED, by: [AGE_BAND]`],
    ["two breakdowns", `measure: CONVICTED, by: [REGION, AGE_BAND]`],
    ["authorities", `measure: AE_ATTENDANCE, windows: [AFTER_6, AFTER_24], by: [LOCAL_AUTHORITY, SEX]`],
    ["three breakdowns", `measure: MENTAL_HEALTH_CONTACT, by: [REGION, COHORT, SEX]`],
    ["headline problems", `measure: CHILD_IN_NEED, by: [HEADLINE_PROBLEM, AGE_BAND, COHORT]`],
    ["a filtered region", `measure: CLAIMING_JSA, by: [LOCAL_AUTHORITY, COHORT], filter: { region: "E12000002" }`],
  ])("lets no suppressed cell be worked out from the released cells and totals (%s)", async (_, args) => {
    for (const role of ["researcher", "analyst"] as const) {
      const result = await table(role, args);
      const { dimensions, windows } = patterns(result.cells, result.by);
      let suppressed = 0;
      for (const [window, cells] of windows) {
        suppressed += cells.filter((c) => c.suppression !== null).length;
        // Every subtraction of released cells from a released total leaves at least two unknowns...
        expect(singleUnknownLines(dimensions, cells), `${role} ${window}`).toEqual([]);
        // ... and no combination of the table's totals pins down a suppressed cell.
        expect(recoverableCells(dimensions, cells), `${role} ${window}`).toEqual([]);
      }
      if (role === "researcher") expect(suppressed, args).toBeGreaterThan(0);
    }
  });

  it("gives analysts perturbed counts rounded to 5, never 1 to 9, rates from the released figures, close to the truth", async () => {
    const args = `measure: AE_ATTENDANCE, by: [REGION, COHORT]`;
    const exact = await table("researcher", args);
    const published = await table("analyst", args);
    expect(published.disclosure.roundingBase).toBe(5);
    expect(published.disclosure.perturbation).toEqual({ method: "CELL_KEY", maximumDeviation: MAXIMUM_DEVIATION });
    const truth = new Map(exact.cells.map((c) => [identity(c, exact.by), c]));
    let changed = 0;
    for (const c of published.cells) {
      const e = truth.get(identity(c, published.by))!;
      expect(c.suppression).toBe(e.suppression);
      if (c.suppressed) continue;
      for (const [count, trueCount] of [[c.people, e.people], [c.withOutcome, e.withOutcome], [c.withoutOutcome, e.withoutOutcome]] as Array<[number, number]>) {
        expect(count % 5).toBe(0);
        expect(count).toBeGreaterThanOrEqual(10);
        expect(Math.abs(count - trueCount)).toBeLessThanOrEqual(MAXIMUM_DEVIATION + 2);
        if (count !== trueCount) changed++;
      }
      expect(c.rate).toBe(c.withOutcome! / c.people!);
    }
    expect(changed).toBeGreaterThan(0);
  });

  it("releases the same value for the same cell in every query and every table shape", async () => {
    const twice = await Promise.all([1, 2].map(() => table("analyst", `measure: CAUTIONED, by: [REGION, SEX]`)));
    expect(twice[1]).toEqual(twice[0]);
    const [full] = twice;
    const byRegion = await table("analyst", `measure: CAUTIONED, by: [REGION]`);
    const women = await table("analyst", `measure: CAUTIONED, by: [REGION], filter: { sex: FEMALE }`);
    const other = await table("analyst", `measure: CAUTIONED, windows: [AFTER_12], by: [SEX, REGION]`);
    const released = new Map(full!.cells.map((c) => [identity(c, full!.by), c]));
    let compared = 0;
    const same = (cell: Cell, id: string) => {
      const original = released.get(id)!;
      expect([cell.people, cell.withOutcome, cell.withoutOutcome], id).toEqual([original.people, original.withOutcome, original.withoutOutcome]);
      compared++;
    };
    // A region's total over sex in one table is the region's cell in another.
    for (const c of byRegion.cells) if (!c.suppressed && !released.get(identity(c, byRegion.by))!.suppressed) same(c, identity(c, byRegion.by));
    // A region's cell among women only is the (region, female) cell of the full table.
    for (const c of women.cells) {
      const id = [c.window, ...(c.region ? [`REGION=${(c.region as { code: string }).code}`] : []), "SEX=FEMALE"].sort().join("|");
      if (!c.suppressed && !released.get(id)!.suppressed) same(c, id);
    }
    // The order of the breakdowns and the windows asked for change nothing.
    for (const c of other.cells) if (!c.suppressed && !released.get(identity(c, other.by))!.suppressed) same(c, identity(c, other.by));
    expect(compared).toBeGreaterThan(20);
  });

  it("profiles the cohorts: people by dimension, each person once, disclosure-controlled the same way", async () => {
    const { body } = await t.query("researcher", `{ cohortProfile(by: [COHORT, HEADLINE_PROBLEM]) { by cells { totalOver cohort headlineProblem people suppressed suppression } disclosure { cells released } } }`);
    expect(body.errors).toBeUndefined();
    const profile = body.data!.cohortProfile;
    expect(profile.cells).toHaveLength(3 * 7);
    const [people] = await t.db.database.query<{ n: number; treatment: number }>(
      `select count(*)::int as n, count(*) filter (where cohort = 'TREATMENT')::int as treatment from evaluation.people`,
    );
    const grand = profile.cells.find((c: Cell) => c.totalOver.length === 2);
    expect(grand.people).toBe(people!.n);
    const treatment = profile.cells.find((c: Cell) => c.cohort === "TREATMENT" && c.totalOver.includes("HEADLINE_PROBLEM"));
    expect(treatment.people).toBe(people!.treatment);
    // A person with several problems counts under each, so the problems add up to more than the people.
    const byProblem = profile.cells.filter((c: Cell) => c.cohort === "TREATMENT" && c.totalOver.length === 0);
    expect(byProblem.reduce((n: number, c: Cell) => n + (c.people ?? 0), 0)).toBeGreaterThan(people!.treatment);
  });

  it("answers every authority's table in one statement, however many authorities are asked for", async () => {
    const ask = async (query: string) => {
      t.db.database.stats.reset();
      const { body } = await t.query("researcher", query);
      expect(body.errors).toBeUndefined();
      return { body, statements: t.db.database.stats.bySchema().evaluation };
    };
    const one = await ask(`{ localAuthority(code: "E08000003") { outcomes(measure: CAUTIONED, windows: [AFTER_12], by: [COHORT]) { cells { cohort people } } } }`);
    const all = await ask(`{ localAuthorities { code outcomes(measure: CAUTIONED, windows: [AFTER_12], by: [COHORT]) { cells { cohort people suppressed } } } }`);
    expect(all.body.data!.localAuthorities).toHaveLength(151);
    expect(all.statements).toBe(one.statements);
    expect(one.statements).toBe(1);
    // An authority's own table is the same as the filtered national table.
    const manchester = all.body.data!.localAuthorities.find((la: { code: string }) => la.code === "E08000003").outcomes.cells;
    const filtered = await table("researcher", `measure: CAUTIONED, windows: [AFTER_12], by: [COHORT], filter: { localAuthority: "E08000003" }`, "cohort people suppressed");
    expect(manchester).toEqual(filtered.cells);
  });

  describe("bad requests get a clear error, never internals", () => {
    it.each([
      [`outcomeTable(measure: CAUTIONED, by: [REGION, SEX, AGE_BAND, HEADLINE_PROBLEM]) { by }`, "by takes at most 3 dimensions."],
      [`outcomeTable(measure: CAUTIONED, by: [SEX, SEX]) { by }`, "by names a dimension more than once."],
      [`outcomeTable(measure: CAUTIONED, by: [REGION, LOCAL_AUTHORITY]) { by }`, "by cannot hold both LOCAL_AUTHORITY and REGION: each authority lies in one region. Filter by region and break down by authority instead."],
      [`outcomeTable(measure: CAUTIONED, by: [SEX], filter: { sex: MALE }) { by }`, "filter.sex fixes a dimension that by also breaks down (SEX): use one or the other."],
      [`outcomeTable(measure: CAUTIONED, filter: { ageBand: AGE_0_4 }) { by }`, "filter.ageBand AGE_0_4 is outside the ages CAUTIONED counts (10 and over)."],
      [`outcomeTable(measure: CAUTIONED, windows: []) { by }`, "windows must name at least one window, or be left out for all."],
      [`outcomeTable(measure: CAUTIONED, filter: { region: "North West" }) { by }`, "filter.region must be an ONS region code such as E12000002."],
      [`outcomeTable(measure: CAUTIONED, filter: { localAuthority: "E08000003", region: "E12000001" }) { by }`, "filter.localAuthority does not lie in filter.region."],
      [`localAuthority(code: "E08000003") { outcomes(measure: CAUTIONED, by: [REGION]) { by } }`, "An authority's outcomes cannot be broken down by LOCAL_AUTHORITY or REGION: use outcomeTable for that."],
      [`impactEstimate(measure: CAUTIONED, window: BEFORE_12) { difference }`, "window must be a window after the reference date (AFTER_6, AFTER_12, AFTER_18 or AFTER_24): change is measured from BEFORE_12."],
    ])("%s", async (query, message) => {
      const { status, body } = await t.query("researcher", `{ ${query} }`);
      expect(status).toBe(200);
      expect(body.errors).toHaveLength(1);
      expect(body.errors![0]).toMatchObject({ message, extensions: { code: "BAD_USER_INPUT" } });
      expectNoInternals(body);
    });

    it("a filter on a person or a family is not part of the schema (HTTP 400)", async () => {
      const { status, body } = await t.query("researcher", `{ outcomeTable(measure: CAUTIONED, filter: { personKey: "x" }) { by } }`);
      expect(status).toBe(400);
      expectNoInternals(body);
    });
  });

  describe("the gateway's safety net", () => {
    let strict: RunningServer;
    const logs: string[] = [];

    beforeAll(async () => {
      // The subgraphs of this stack release cells down to 10; a gateway configured for 40 must withhold every cell under 40.
      strict = await startGateway({
        supergraphSdl: fs.readFileSync(SUPERGRAPH_PATH, "utf8"),
        subgraphUrls: { ...t.config.subgraphUrls, ...t.stack.subgraphUrls },
        verifyToken: await createTokenVerifier(t.config.auth, t.config.dataDir),
        internalContext: new InternalContext(t.config.internalSecret ?? loadOrCreateSecret(t.config.dataDir, "internal-secret")),
        database: t.db.database,
        rejectUnauthorized: false,
        disclosureThreshold: 40,
        logger: createLogger("info", "test", { write: (line) => void logs.push(line) }),
        host: "127.0.0.1",
        port: 0,
      });
    });
    afterAll(async () => {
      await strict?.close();
    });

    const ask = async (query: string, role: "researcher" | "analyst" = "researcher") => {
      const response = await postGraphQL(strict.url, { query }, { authorization: `Bearer ${await t.token(role)}` });
      expect(response.status).toBe(200);
      expect(response.body.errors).toBeUndefined();
      return response;
    };

    it("withholds every cell a subgraph releases below the gateway's threshold, and logs it without values", async () => {
      const query = `{ outcomeTable(measure: CAUTIONED, windows: [AFTER_12], by: [REGION, SEX]) { cells { region { code } sex people withOutcome withoutOutcome rate suppressed suppression } } }`;
      const direct = (await t.query("researcher", query)).body.data!.outcomeTable.cells as Cell[];
      const response = await ask(query);
      const checked = response.body.data!.outcomeTable.cells as Cell[];
      expect(checked).toHaveLength(direct.length);
      let withheld = 0;
      checked.forEach((c, i) => {
        const d = direct[i]!;
        expect([c.region, c.sex]).toEqual([d.region, d.sex]);
        const small = !d.suppressed && Math.min(d.people!, d.withOutcome!, d.withoutOutcome!) < 40;
        if (small) withheld++;
        if (small || d.suppressed) {
          expect(c).toMatchObject({ people: null, withOutcome: null, withoutOutcome: null, rate: null, suppressed: true });
          expect(c.suppression).toBe(d.suppressed ? d.suppression : "BELOW_THRESHOLD");
        } else {
          expect(c).toEqual(d);
        }
      });
      expect(withheld).toBeGreaterThan(0);
      const requestId = response.headers.get("x-request-id")!;
      const incident = logs.map((l) => JSON.parse(l)).find((l) => l.requestId === requestId && l.type === "OutcomeCell");
      expect(incident).toMatchObject({ level: 40, cells: withheld, msg: "aggregate cells below the disclosure threshold withheld at the gateway" });
      expect(Object.keys(incident).sort()).toEqual(["cells", "level", "msg", "name", "requestId", "service", "time", "type"].sort());
    });

    it("checks a cell whose counts the client did not ask for, and never shows the counts it fetched to check", async () => {
      const query = `{ outcomeTable(measure: CAUTIONED, windows: [AFTER_12], by: [REGION, SEX]) { cells { rate } } }`;
      const direct = (await t.query("researcher", query)).body.data!.outcomeTable.cells as Array<{ rate: number | null }>;
      const checked = (await ask(query)).body.data!.outcomeTable.cells as Array<Record<string, unknown>>;
      expect(checked.filter((c) => c.rate === null).length).toBeGreaterThan(direct.filter((c) => c.rate === null).length);
      for (const c of checked) expect(Object.keys(c)).toEqual(["rate"]);
    });

    it("withholds every number of a cell selected twice, once with its counts and once without", async () => {
      const query = `{ outcomeTable(measure: CAUTIONED, windows: [AFTER_12], by: [REGION, SEX]) { cells { n: people withOutcome withoutOutcome } cells { rate suppressed } } }`;
      const checked = (await ask(query)).body.data!.outcomeTable.cells as Array<Record<string, unknown>>;
      const withheld = checked.filter((c) => c.suppressed);
      expect(withheld.length).toBeGreaterThan(0);
      for (const c of withheld) expect([c.n, c.withOutcome, c.withoutOutcome, c.rate]).toEqual([null, null, null, null]);
      for (const c of checked) {
        expect(Object.keys(c).sort()).toEqual(["n", "rate", "suppressed", "withOutcome", "withoutOutcome"]);
        if (!c.suppressed) expect(Math.min(c.n as number, c.withOutcome as number, c.withoutOutcome as number)).toBeGreaterThanOrEqual(40);
      }
    });

    it("checks every arm of an impact estimate and every cell of a profile, under aliases and fragments", async () => {
      const response = await ask(
        `fragment Arm on ImpactArm { n: people before: withOutcomeBefore }
         { e: impactEstimate(measure: JUVENILE_CUSTODY, window: AFTER_24) { s: suppressed why: suppression difference confidenceInterval { lower upper } treatment { ...Arm rateAfter } }
           p: cohortProfile(by: [LOCAL_AUTHORITY]) { cells { ... on ProfileCell { count: people } } } }`,
      );
      const { e, p } = response.body.data!;
      expect(e.s).toBe(true);
      expect(e.why).toBe("BELOW_THRESHOLD");
      expect(e.difference).toBeNull();
      for (const c of p.cells) if (c.count !== null) expect(c.count).toBeGreaterThanOrEqual(40);
      expect(p.cells.some((c: { count: number | null }) => c.count === null)).toBe(true);
    });

    it("refuses the aliases it reserves for itself", async () => {
      const { status, body } = await postGraphQL(
        strict.url,
        { query: `{ outcomeTable(measure: CAUTIONED) { cells { _dc_people: people } } }` },
        { authorization: `Bearer ${await t.token("researcher")}` },
      );
      expect(status).toBe(400);
      expect(body.errors![0]).toMatchObject({ message: "Aliases beginning with _dc_ are reserved by the gateway.", extensions: { code: "BAD_REQUEST" } });
    });
  });
});
