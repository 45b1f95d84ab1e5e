import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SignJWT } from "jose";
import { getNullableType, isListType, type GraphQLObjectType } from "graphql";
import { ROLES, type Role } from "../../lib/auth/caller.js";
import { INTERNAL_CONTEXT_HEADER, InternalContext } from "../../lib/auth/internal-context.js";
import { apiSchemaOf, privacyModel } from "../../lib/privacy/contract.js";
import { mayAccess, POLICY } from "../../lib/privacy/policy.js";
import { loadOrCreateSecret } from "../../lib/secrets.js";
import { SUPERGRAPH_PATH } from "../../schema/compose.js";
import { DRIVERS } from "../support/database.js";
import { postGraphQL, startTestStack, type GraphQLResponse, type TestStack } from "../support/stack.js";
import { pathsToTypes, queryAt, selectEverything, selectField, type ArgumentValues } from "../support/queries.js";
import { expectNoInternals } from "../support/assertions.js";

const sdl = fs.readFileSync(SUPERGRAPH_PATH, "utf8");
const model = privacyModel(apiSchemaOf(sdl), sdl);
const allowed = (role: Role) => (coordinate: string) => mayAccess(role, model.classes.get(coordinate));

const unauthorizedPaths = (response: GraphQLResponse) =>
  (response.body.errors ?? []).filter((e) => e.extensions?.code === "UNAUTHORIZED_FIELD_OR_TYPE").map((e) => (e.path ?? []).join("."));

/** DESIGN.md section 2, stated independently of the policy table, to check the table itself. */
const DESIGN: Record<Role, Record<"identifiers" | "records" | "linked" | "aggregates", boolean>> = {
  la_officer: { identifiers: true, records: true, linked: false, aggregates: true },
  linkage: { identifiers: true, records: true, linked: false, aggregates: false },
  researcher: { identifiers: false, records: true, linked: true, aggregates: true },
  analyst: { identifiers: false, records: false, linked: false, aggregates: true },
  admin: { identifiers: true, records: true, linked: true, aggregates: true },
};

describe("the policy table says what DESIGN.md section 2 says", () => {
  it.each(ROLES)("for %s", (role) => {
    const p = POLICY[role];
    expect({
      identifiers: p.pii !== "none",
      records: p.record !== "none",
      linked: p.linked !== "none",
      aggregates: p.aggregate !== "none",
    }).toEqual(DESIGN[role]);
    expect(p.pii === "own" && p.record === "own" && p.aggregate === "own").toBe(role === "la_officer");
    expect(p.auditTrail === "all").toBe(role === "admin");
  });
});

describe.each(DRIVERS)("privacy enforcement through the gateway on %s", (driver) => {
  let t: TestStack;
  let args: ArgumentValues;
  let ownLa: string;
  let otherLa: string;
  let ownFamily: string;
  let otherFamily: string;
  let otherPerson: string;

  beforeAll(async () => {
    t = await startTestStack(driver);
    const [own, other] = await t.db.database.query<{ la_code: string }>(
      `select la_code from families.families group by la_code order by count(*) desc, la_code limit 2`,
    );
    ownLa = own!.la_code;
    otherLa = other!.la_code;
    const pick = async (la: string) =>
      (
        await t.db.database.query<{ family_id: string; person_id: string }>(
          `select f.id as family_id, p.id as person_id from families.families f join families.people p on p.family_id = f.id
            join outcomes.linkage l on l.person_id = p.id and l.dataset = 'PNC_OFFENCES'
           where f.la_code = $1 order by f.id limit 1`,
          [la],
        )
      )[0] ??
      (
        await t.db.database.query<{ family_id: string; person_id: string }>(
          `select f.id as family_id, p.id as person_id from families.families f join families.people p on p.family_id = f.id where f.la_code = $1 order by f.id limit 1`,
          [la],
        )
      )[0]!;
    const mine = await pick(ownLa);
    const theirs = await pick(otherLa);
    ownFamily = mine.family_id;
    otherFamily = theirs.family_id;
    otherPerson = theirs.person_id;
    args = {
      "Query.family.id": `"${ownFamily}"`,
      "Query.person.id": `"${mine.person_id}"`,
      "Query.localAuthority.code": `"${ownLa}"`,
    };
  });
  afterAll(async () => {
    await t?.close();
  });

  const ask = (role: Role, query: string, variables?: Record<string, unknown>) =>
    t.query(role, query, variables, role === "la_officer" ? { localAuthority: ownLa } : undefined);

  describe("every classified field for every role, as the policy says", () => {
    it.each(ROLES)("%s", async (role) => {
      const paths = pathsToTypes(model.schema, allowed(role));
      let checked = 0;
      for (const [typeName, path] of paths) {
        const type = model.schema.getType(typeName) as GraphQLObjectType;
        const fields = Object.values(type.getFields());
        const selection = `{ __typename ${fields.map((f) => selectField(type, f, args)).join(" ")} }`;
        const response = await ask(role, queryAt(model.schema, path, selection, args));
        expect(response.status).toBe(200);
        const prefix = path.steps.map((s) => {
          const field = (model.schema.getType(s.parent) as GraphQLObjectType).getFields()[s.field]!;
          return isListType(getNullableType(field.type)) ? `${s.field}.@` : s.field;
        });
        const denied = new Set(unauthorizedPaths(response));
        for (const field of fields) {
          const coordinate = `${typeName}.${field.name}`;
          const at = [...prefix, field.name].join(".");
          const expected = mayAccess(role, model.classes.get(coordinate));
          expect(denied.has(at), `${role} ${coordinate}`).toBe(!expected);
          checked++;
        }
      }
      // The administrator reaches every field; other roles at least the ones they may see.
      if (role === "admin") expect(checked).toBe(model.classes.size);
      expect(checked).toBeGreaterThan(0);
    });
  });

  describe("introspection answers with the caller's own contract", () => {
    it.each(ROLES)("%s sees only fields it may query", async (role) => {
      const { status, body } = await ask(role, `{ __schema { queryType { name } types { name kind fields { name } } } }`);
      expect(status).toBe(200);
      const visible: string[] = [];
      for (const type of body.data!.__schema.types) {
        if (type.kind !== "OBJECT" || type.name.startsWith("__")) continue;
        for (const f of type.fields) visible.push(`${type.name}.${f.name}`);
      }
      for (const coordinate of visible) expect(mayAccess(role, model.classes.get(coordinate)), coordinate).toBe(true);
      const identifiers = [...model.classes].filter(([, c]) => c.has("pii")).map(([k]) => k);
      if (role === "researcher" || role === "analyst") for (const c of identifiers) expect(visible).not.toContain(c);
      if (role === "analyst") {
        const roots = visible.filter((c) => c.startsWith("Query.")).sort();
        expect(roots).toEqual(["Query.cohortProfile", "Query.impactEstimate", "Query.measures", "Query.outcomeTable"]);
      }
      if (role === "admin") expect(visible.length).toBe(model.classes.size);
    });

    it("a researcher asking for a type's fields gets no identifier, and an analyst no person at all", async () => {
      const person = await ask("researcher", `{ __type(name: "Person") { fields { name } } }`);
      const names = person.body.data!.__type.fields.map((f: { name: string }) => f.name);
      expect(names).toContain("sex");
      expect(names).toContain("offences");
      for (const pii of ["givenName", "familyName", "dateOfBirth", "postcode", "nationalInsuranceNumber", "uniquePupilNumber"]) {
        expect(names).not.toContain(pii);
      }
      expect((await ask("analyst", `{ __type(name: "Person") { name } }`)).body.data).toEqual({ __type: null });
    });

    it("must come in an operation of its own", async () => {
      const { status, body } = await ask("researcher", `{ __type(name: "Person") { name } localAuthorities { code } }`);
      expect(status).toBe(400);
      expect(body.errors![0]!.message).toBe("Send introspection (__schema, __type) in an operation of its own.");
    });
  });

  describe("attempts to get around enforcement", () => {
    const personQuery = (selection: string) => `query($id: ID!) { person(id: $id) ${selection} }`;

    it.each([
      ["an alias", `{ id name: givenName born: dateOfBirth }`, ["person.name", "person.born"]],
      ["an inline fragment", `{ id ... on Person { postcode } }`, ["person.postcode"]],
      ["a fragment with no type condition", `{ id ... { nationalInsuranceNumber } }`, ["person.nationalInsuranceNumber"]],
      ["a nested path", `{ family { members { uniquePupilNumber } caseReference } }`, ["person.family.members.@.uniquePupilNumber", "person.family.caseReference"]],
    ])("%s", async (_, selection, expected) => {
      const { body } = await ask("researcher", personQuery(selection), { id: JSON.parse(args["Query.person.id"]!) });
      expect(unauthorizedPaths({ body } as GraphQLResponse).sort()).toEqual([...expected].sort());
      const text = JSON.stringify(body.data);
      expect(text).not.toMatch(/"[A-Z][a-z]+"|\d{4}-\d{2}-\d{2}|[A-Z]{2}\d{6}[A-D]/);
    });

    it("a named fragment, used twice", async () => {
      const { body } = await ask(
        "researcher",
        `query Q($id: ID!) { person(id: $id) { ...P family { members { ...P } } } } fragment P on Person { id familyName }`,
        { id: JSON.parse(args["Query.person.id"]!) },
      );
      expect(unauthorizedPaths({ body } as GraphQLResponse).sort()).toEqual(["person.family.members.@.familyName", "person.familyName"]);
      expect(body.data!.person.familyName).toBeNull();
      for (const m of body.data!.person.family.members) expect(m.familyName).toBeNull();
    });

    it("variables turning a field on and off", async () => {
      const q = `query($id: ID!, $on: Boolean!) { person(id: $id) { id givenName @include(if: $on) sex @skip(if: $on) } }`;
      const id = JSON.parse(args["Query.person.id"]!);
      const on = await ask("researcher", q, { id, on: true });
      expect(unauthorizedPaths(on)).toEqual(["person.givenName"]);
      expect(on.body.data!.person).toEqual({ id, givenName: null });
      const off = await ask("researcher", q, { id, on: false });
      expect(off.body.errors).toBeUndefined();
      expect(Object.keys(off.body.data!.person).sort()).toEqual(["id", "sex"]);
    });

    it("_entities sent through the gateway", async () => {
      const { status, body } = await ask("researcher", `{ _entities(representations: [{ __typename: "Person", id: "x" }]) { ... on Person { givenName } } }`);
      expect(status).toBe(400);
      expectNoInternals(body);
    });

    it("a batch of operations", async () => {
      const { status } = await postGraphQL(t.gatewayUrl, [{ query: `{ __typename }` }, { query: `{ person(id: "x") { givenName } }` }], {
        authorization: `Bearer ${await t.token("researcher")}`,
      });
      expect(status).toBe(400);
    });

    it("a GET request, or a persisted-query hash without the operation", async () => {
      const token = await t.token("researcher");
      const get = await fetch(`${t.gatewayUrl}?query=${encodeURIComponent("{ localAuthorities { code } }")}`, {
        headers: { authorization: `Bearer ${token}`, "apollo-require-preflight": "1" },
      });
      expect(get.status).toBe(405);
      const apq = await postGraphQL(
        t.gatewayUrl,
        { extensions: { persistedQuery: { version: 1, sha256Hash: "a".repeat(64) } } },
        { authorization: `Bearer ${token}` },
      );
      expect(apq.body.data ?? null).toBeNull();
      expect(apq.body.errors!.length).toBeGreaterThan(0);
    });

    it("one role's plan is never served to another", async () => {
      const q = `query($id: ID!) { person(id: $id) { id givenName offences { disposal } } }`;
      const id = JSON.parse(args["Query.person.id"]!);
      const admin = await ask("admin", q, { id });
      expect(admin.body.data!.person.givenName).toEqual(expect.any(String));
      const researcher = await ask("researcher", q, { id });
      expect(researcher.body.data!.person.givenName).toBeNull();
      const officer = await ask("la_officer", q, { id });
      expect(officer.body.data!.person.givenName).toEqual(admin.body.data!.person.givenName);
      expect(officer.body.data!.person.offences).toBeNull();
      const adminAgain = await ask("admin", q, { id });
      expect(adminAgain.body.data).toEqual(admin.body.data);
    });

    it("errors never name the role or class that would have been needed", async () => {
      const { body } = await ask("analyst", `{ families { edges { node { id } } } }`);
      expect(body.errors).toEqual([
        { message: "Unauthorized field or type", path: ["families"], extensions: { code: "UNAUTHORIZED_FIELD_OR_TYPE", requestId: expect.any(String) } },
      ]);
      expect(JSON.stringify(body)).not.toMatch(/admin|researcher|analyst|officer|linkage|pii|linked|record|scope|role/i);
      expect(body.data).toEqual({ families: null });
    });
  });

  describe("subgraphs enforce the same policy on their own", () => {
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id givenName } } }`;

    it("refuse a gateway-signed call asking for fields the caller may not see, _entities included", async () => {
      const secret = loadOrCreateSecret(t.config.dataDir, "internal-secret");
      const context = await new InternalContext(secret).sign({ subject: "r", role: "researcher", localAuthority: undefined });
      const { status, body } = await postGraphQL(
        t.stack.subgraphUrls.families!,
        { query: entities, variables: { r: [{ __typename: "Person", id: JSON.parse(args["Query.person.id"]!) }] } },
        { [INTERNAL_CONTEXT_HEADER]: context },
      );
      expect(status).toBe(403);
      expect(body.data).toBeUndefined();
      expect(body.errors![0]!.extensions!.code).toBe("UNAUTHORIZED_FIELD_OR_TYPE");
    });

    it("refuse an expired context", async () => {
      const secret = new TextEncoder().encode(loadOrCreateSecret(t.config.dataDir, "internal-secret"));
      const expired = await new SignJWT({ role: "admin" })
        .setProtectedHeader({ alg: "HS256" })
        .setIssuer("troubled-families-gateway")
        .setAudience("troubled-families-subgraph")
        .setSubject("admin")
        .setExpirationTime(Math.floor(Date.now() / 1000) - 120)
        .sign(secret);
      const { status, body } = await postGraphQL(
        t.stack.subgraphUrls.families!,
        { query: entities, variables: { r: [{ __typename: "Person", id: "x" }] } },
        { [INTERNAL_CONTEXT_HEADER]: expired },
      );
      expect(status).toBe(401);
      expect(body.data).toBeUndefined();
    });

    it("scope a council officer's entities to their authority", async () => {
      const secret = loadOrCreateSecret(t.config.dataDir, "internal-secret");
      const context = await new InternalContext(secret).sign({ subject: "o", role: "la_officer", localAuthority: ownLa });
      const { status, body } = await postGraphQL(
        t.stack.subgraphUrls.eligibility!,
        {
          query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Family { problems { problem } } } }`,
          variables: { r: [{ __typename: "Family", id: otherFamily }, { __typename: "Family", id: ownFamily }] },
        },
        { [INTERNAL_CONTEXT_HEADER]: context },
      );
      expect(status).toBe(200);
      expect(body.data!._entities[0].problems).toEqual([]);
      expect(body.data!._entities[1].problems.length).toBeGreaterThanOrEqual(2);
    });
  });

  describe("a council officer sees their own authority only", () => {
    it("lists only their own families", async () => {
      const { body } = await ask("la_officer", `{ families(first: 500) { edges { node { id localAuthority { code } caseReference } } } }`);
      const edges = body.data!.families.edges;
      const [{ n } = { n: 0 }] = await t.db.database.query<{ n: number }>(`select count(*)::int as n from families.families where la_code = $1`, [ownLa]);
      expect(edges).toHaveLength(n);
      for (const e of edges) {
        expect(e.node.localAuthority.code).toBe(ownLa);
        expect(e.node.caseReference).toMatch(/^TF\//);
      }
    });

    it("gets null for another authority's family or person, with no error that says it exists", async () => {
      const { body } = await ask("la_officer", `query($f: ID!, $p: ID!) { family(id: $f) { id } person(id: $p) { id } }`, { f: otherFamily, p: otherPerson });
      expect(body).toEqual({ data: { family: null, person: null } });
      const filtered = await ask("la_officer", `query($la: ID) { families(localAuthority: $la) { edges { node { id } } } }`, { la: otherLa });
      expect(filtered.body).toEqual({ data: { families: { edges: [] } } });
    });

    it("never gets person-level linked outcomes", async () => {
      const { body } = await ask("la_officer", `query($f: ID!) { family(id: $f) { members { id offences { disposal } benefitSpells { benefit } } } }`, { f: ownFamily });
      expect(unauthorizedPaths({ body } as GraphQLResponse).sort()).toEqual(["family.members.@.benefitSpells", "family.members.@.offences"]);
      for (const m of body.data!.family.members) expect(m).toEqual({ id: m.id, offences: null, benefitSpells: null });
    });

    it("gets aggregates of their own authority only", async () => {
      const { body } = await ask("la_officer", `{ outcomeTable(measure: CAUTIONED, by: [LOCAL_AUTHORITY]) { cells { localAuthority { code } } } }`);
      const codes = new Set(body.data!.outcomeTable.cells.map((r: { localAuthority: { code: string } | null }) => r.localAuthority?.code ?? "total"));
      expect(codes).toEqual(new Set([ownLa, "total"]));
      for (const query of [
        `query($la: ID) { outcomeTable(measure: CAUTIONED, filter: { localAuthority: $la }) { cells { people } } }`,
        `query($la: ID) { cohortProfile(filter: { localAuthority: $la }) { cells { people } } }`,
        `query($la: ID) { impactEstimate(measure: CAUTIONED, window: AFTER_12, filter: { localAuthority: $la }) { difference } }`,
      ]) {
        const other = await ask("la_officer", query, { la: otherLa });
        expect(other.body.errors).toBeUndefined();
        expect(Object.values(other.body.data!)).toEqual([null]);
      }
      const authorities = await ask("la_officer", `{ localAuthorities { code outcomes(measure: CAUTIONED, by: [SEX]) { by } } }`);
      for (const la of authorities.body.data!.localAuthorities) expect(la.outcomes === null).toBe(la.code !== ownLa);
    });
  });

  describe("the audit log", () => {
    const rowsFor = (requestId: string) =>
      t.db.database.query<{ subject: string; role: string; coordinates: string[]; record_counts: Record<string, number>; denied: string[]; document_hash: string }>(
        `select subject, role, coordinates, record_counts, denied, document_hash from audit.access_log where request_id = $1`,
        [requestId],
      );

    it("records a researcher's access to linked data: who, which fields, how many records, never the values", async () => {
      const response = await ask("researcher", `query Offending($id: ID!) { person(id: $id) { id offences { disposal disposalDate } } }`, {
        id: JSON.parse(args["Query.person.id"]!),
      });
      const requestId = response.headers.get("x-request-id")!;
      const rows = await rowsFor(requestId);
      expect(rows).toHaveLength(1);
      const offences = response.body.data!.person.offences as unknown[];
      expect(rows[0]).toMatchObject({
        role: "researcher",
        subject: "dev-researcher",
        coordinates: ["Person.offences", "Offence.disposal", "Offence.disposalDate"],
        record_counts: { "Person.offences": offences.length, "Offence.disposal": offences.length, "Offence.disposalDate": offences.length },
        denied: [],
      });
      expect(rows[0]!.document_hash).toMatch(/^[0-9a-f]{64}$/);
      const stored = JSON.stringify(await t.db.database.query(`select * from audit.access_log where request_id = $1`, [requestId]));
      for (const o of offences as Array<{ disposalDate: string }>) expect(stored).not.toContain(o.disposalDate);
    });

    it("records refused attempts at identifiers, and every administrator operation, but not an analyst's aggregates", async () => {
      const refused = await ask("researcher", `{ person(id: ${args["Query.person.id"]}) { givenName } }`);
      expect((await rowsFor(refused.headers.get("x-request-id")!))[0]).toMatchObject({ coordinates: [], denied: ["Person.givenName"] });
      const admin = await ask("admin", `{ localAuthorities { code } }`);
      expect(await rowsFor(admin.headers.get("x-request-id")!)).toHaveLength(1);
      const analyst = await ask("analyst", `{ outcomeTable(measure: CAUTIONED) { cells { people } } }`);
      expect(analyst.body.errors).toBeUndefined();
      expect(await rowsFor(analyst.headers.get("x-request-id")!)).toHaveLength(0);
    });

    it("can be read by an administrator, and by nobody else", async () => {
      const { body } = await ask("admin", `{ auditLog(first: 5, role: "researcher") { entries { role coordinates recordCounts { coordinate count } } nextCursor } }`);
      expect(body.data!.auditLog.entries.length).toBeGreaterThan(0);
      for (const e of body.data!.auditLog.entries) expect(e.role).toBe("researcher");
      for (const role of ["researcher", "linkage", "la_officer", "analyst"] as const) {
        expect(unauthorizedPaths(await ask(role, `{ auditLog { entries { subject } } }`))).toEqual(["auditLog"]);
      }
    });

    it("is append-only", async () => {
      for (const statement of [`update audit.access_log set subject = 'x'`, `delete from audit.access_log`, `truncate audit.access_log`]) {
        await expect(t.db.database.exec(statement)).rejects.toThrow(/append-only/);
      }
    });

    it("fails the operation, returning no data, when the row cannot be written", async () => {
      await t.db.database.exec(`alter table audit.access_log rename to access_log_away`);
      try {
        const { status, body } = await ask("researcher", `{ person(id: ${args["Query.person.id"]}) { offences { disposal } } }`);
        expect(status).toBe(503);
        expect(body.data).toBeUndefined();
        expect(body.errors![0]!.extensions!.code).toBe("AUDIT_UNAVAILABLE");
        expectNoInternals(body);
        // Operations that need no audit row are unaffected.
        expect((await ask("analyst", `{ measures { measure } }`)).status).toBe(200);
      } finally {
        await t.db.database.exec(`alter table audit.access_log_away rename to access_log`);
      }
    });
  });

  describe("leak test: every field of the supergraph, for every role", () => {
    let identifiers: Set<string>;
    let datesOfBirth: Set<string>;

    beforeAll(async () => {
      const people = await t.db.database.query<Record<string, string | null>>(
        `select given_name, family_name, postcode, nino, upn, date_of_birth::text as dob from families.people`,
      );
      const cases = await t.db.database.query<{ case_reference: string }>(`select case_reference from families.families`);
      const publicNames = new Set(
        (await t.db.database.query<{ name: string }>(`select name from families.local_authorities union select region_name from families.local_authorities`)).map((r) => r.name),
      );
      identifiers = new Set(
        [...people.flatMap((p) => [p.given_name, p.family_name, p.postcode, p.nino, p.upn]), ...cases.map((c) => c.case_reference)].filter(
          (v): v is string => typeof v === "string" && !publicNames.has(v),
        ),
      );
      // Dates of birth that are also the date of something a researcher may see are not evidence of a leak.
      const eventDates = new Set(
        (
          await t.db.database.query<{ d: string }>(
            `select d::text from (select assessment_date d from families.families union select intervention_start from families.families
             union select intervention_end from families.families union select identified_on from eligibility.family_problems
             union select recorded_on from eligibility.indicators union select offence_date from outcomes.pnc_offences
             union select disposal_date from outcomes.pnc_offences union select start_date from outcomes.dwp_benefit_spells
             union select end_date from outcomes.dwp_benefit_spells union select start_date from outcomes.dfe_children_services
             union select end_date from outcomes.dfe_children_services union select contact_date from outcomes.health_contacts
             union select exclusion_date from outcomes.npd_exclusions union select start_date from outcomes.ndtms_episodes
             union select end_date from outcomes.ndtms_episodes) x where d is not null`,
          )
        ).map((r) => r.d),
      );
      datesOfBirth = new Set(people.map((p) => p.dob as string).filter((d) => !eventDates.has(d)));
    });

    function strings(value: unknown, into: string[] = []): string[] {
      if (typeof value === "string") into.push(value);
      else if (Array.isArray(value)) for (const v of value) strings(v, into);
      else if (value && typeof value === "object") for (const v of Object.values(value)) strings(v, into);
      return into;
    }

    it.each(ROLES)("%s", async (role) => {
      const query = (model.schema.getQueryType() as GraphQLObjectType);
      const values: ArgumentValues = { ...args, "Query.families.first": "500" };
      const selection = selectEverything(model.schema, query, 4, values);
      const response = await ask(role, `query Everything ${selection}`);
      expect(response.status).toBe(200);
      const seen = strings(response.body.data);
      expect(seen.length).toBeGreaterThan(20);
      const leaked = seen.filter((s) => identifiers.has(s) || datesOfBirth.has(s));
      if (POLICY[role].pii === "none") expect(leaked).toEqual([]);
      // The same check finds identifiers where a role may see them: it is not blind.
      else expect(leaked.length).toBeGreaterThan(0);
    });
  });
});

describe.each(DRIVERS)("rejecting whole operations (AUTHZ_REJECT_UNAUTHORIZED=true) on %s", (driver) => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack(driver, { families: 40, env: { AUTHZ_REJECT_UNAUTHORIZED: "true" } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("answers 403, runs nothing, and names every refused field", async () => {
    t.db.database.stats.reset();
    const { status, body } = await t.query("researcher", `{ families(first: 3) { edges { node { id caseReference members { givenName } } } } }`);
    expect(status).toBe(403);
    expect(body.data).toBeUndefined();
    expect(body.errors!.map((e) => e.path ?? null)).toEqual([
      null,
      ["families", "edges", "@", "node", "caseReference"],
      ["families", "edges", "@", "node", "members", "@", "givenName"],
    ]);
    expect(t.db.database.stats.bySchema()).toEqual({ audit: 1 });
  });

  it("runs an operation the caller may see in full", async () => {
    const { status, body } = await t.query("researcher", `{ families(first: 3) { edges { node { id members { sex } } } } }`);
    expect(status).toBe(200);
    expect(body.data!.families.edges).toHaveLength(3);
  });
});
