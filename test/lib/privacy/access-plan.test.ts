import fs from "node:fs";
import { buildSchema, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { planAccess, responsePath, type PrivacyModel } from "../../../lib/privacy/access-plan.js";
import { readClasses } from "../../../lib/privacy/classes.js";
import { countValues, nullRemoved, unauthorizedErrors } from "../../../lib/privacy/response.js";

/**
 * A small schema with what the real one lacks (an interface whose
 * implementations differ, a union, a non-null identifier) so that every way
 * of reaching a field is exercised.
 */
const spec = fs.readFileSync(new URL("../../../schema/privacy.graphql", import.meta.url), "utf8");
const schema = buildSchema(/* GraphQL */ `
  ${spec}
  type Query {
    person(id: ID!): Person @record
    people: [Person!]! @record
    things: [Thing!]! @record
    search: [Result!]! @record
    counts: [Count!] @aggregate
  }
  interface Thing @record { id: ID! label: String }
  type Letter implements Thing @record { id: ID! label: String @pii }
  type Parcel implements Thing @record { id: ID! label: String }
  union Result = Person | Letter
  type Person @record {
    id: ID!
    name: String @pii
    strictName: String! @pii
    offences: [Offence!] @linked
    friends: [Person!]!
  }
  type Offence @linked { date: String }
  type Count @aggregate { n: Int! region: Region }
  type Region @reference { name: String! }
`);
const model: PrivacyModel = { schema, classes: readClasses(schema) };
const plan = (role: Parameters<typeof planAccess>[1], query: string, operationName?: string) => {
  const result = planAccess(model, role, parse(query), operationName, query);
  if (!result) throw new Error("no plan");
  return result;
};
const removedPaths = (p: ReturnType<typeof plan>) => p.removed.map((r) => responsePath(r.steps).join("."));

describe("planning access by schema coordinate", () => {
  it("keeps an operation whole when everything is allowed", () => {
    const p = plan("admin", `{ person(id: 1) { id name offences { date } } }`);
    expect(p.changed).toBe(false);
    expect(p.query).toBe(`{ person(id: 1) { id name offences { date } } }`);
    // Fields of a linked type are linked data too.
    expect(p.audited.map((o) => o.coordinate)).toEqual(["Person.name", "Person.offences", "Offence.date"]);
  });

  it("removes a denied field whatever its alias", () => {
    const p = plan("researcher", `{ person(id: 1) { id who: name } }`);
    expect(removedPaths(p)).toEqual(["person.who"]);
    expect(p.query).toContain("who: __typename");
    expect(p.query).not.toMatch(/\bname\b/);
  });

  it("finds denied fields in named and inline fragments, at every place they are used", () => {
    const p = plan(
      "researcher",
      `query Q { person(id: 1) { ...P friends { ...P } } people { ... on Person { name } } }
       fragment P on Person { id name }`,
      "Q",
    );
    expect(removedPaths(p).sort()).toEqual(["people.@.name", "person.friends.@.name", "person.name"]);
    expect(p.query).not.toMatch(/\bname\b(?!:)/);
  });

  it("denies an interface field when any implementation denies it", () => {
    const p = plan("researcher", `{ things { id label } }`);
    expect(removedPaths(p)).toEqual(["things.@.label"]);
    const onParcel = plan("researcher", `{ things { ... on Parcel { label } } }`);
    expect(onParcel.removed).toEqual([]);
    const onLetter = plan("researcher", `{ things { ... on Letter { label } } }`);
    expect(removedPaths(onLetter)).toEqual(["things.@.label"]);
  });

  it("follows inline fragments through unions", () => {
    const p = plan("researcher", `{ search { __typename ... on Person { id name } ... on Letter { label } } }`);
    expect(removedPaths(p).sort()).toEqual(["search.@.label", "search.@.name"]);
  });

  it("removes whole subtrees, and drops the variables and fragments they used", () => {
    const p = plan("analyst", `query($id: ID!) { person(id: $id) { ...P } counts { n } } fragment P on Person { name }`);
    expect(removedPaths(p)).toEqual(["person"]);
    expect(p.query).not.toContain("$id");
    expect(p.query).not.toContain("fragment");
    expect(p.query).toContain("person: __typename");
  });

  it("keeps @skip and @include so that a skipped field reports nothing", () => {
    const p = plan("researcher", `query($show: Boolean!) { person(id: 1) { name @include(if: $show) } }`);
    expect(p.query).toContain("person: __typename".replace("person", "name") + " @include(if: $show)");
    expect(unauthorizedErrors(p.removed, { show: false })).toEqual([]);
    expect(unauthorizedErrors(p.removed, { show: true })).toEqual([
      { message: "Unauthorized field or type", path: ["person", "name"], extensions: { code: "UNAUTHORIZED_FIELD_OR_TYPE" } },
    ]);
  });

  it("denies a field with no class", () => {
    const bare = buildSchema(`type Query { open: String secret: String }`);
    const p = planAccess({ schema: bare, classes: new Map([["Query.open", new Set(["reference"] as const)]]) }, "admin", parse(`{ open secret }`), undefined, "");
    expect(p!.removed.map((r) => r.coordinate)).toEqual(["Query.secret"]);
  });

  it("marks introspection apart from data", () => {
    expect(plan("analyst", `{ __schema { types { name } } }`)).toMatchObject({ introspection: true, data: false });
    expect(plan("analyst", `{ __type(name: "Person") { name } counts { n } }`)).toMatchObject({ introspection: true, data: true });
  });
});

describe("answering removed fields", () => {
  it("sets each removed field to null in every list item and counts what the caller did see", () => {
    const p = plan("researcher", `{ people { id name offences { date } } }`);
    const data = {
      people: [
        { id: "1", name: "Person", offences: [{ date: "2017-01-01" }] },
        { id: "2", name: "Person", offences: null },
      ],
    };
    expect(nullRemoved(data, p.removed, undefined)).toEqual({
      people: [
        { id: "1", name: null, offences: [{ date: "2017-01-01" }] },
        { id: "2", name: null, offences: null },
      ],
    });
    // A list counts its items: one offence record returned.
    expect(countValues(data, p.audited, undefined)).toEqual({ "Person.offences": 1, "Offence.date": 1 });
  });

  it("propagates null from a non-null field up to the nearest nullable one, as GraphQL does", () => {
    const p = plan("researcher", `{ person(id: 1) { id strictName } things { id } }`);
    const data = { person: { id: "1", strictName: "Person" }, things: [{ id: "t" }] };
    expect(nullRemoved(data, p.removed, undefined)).toEqual({ person: null, things: [{ id: "t" }] });
    // Through a list of non-null items into a non-null list: the whole root becomes null.
    const list = plan("researcher", `{ people { strictName } }`);
    expect(nullRemoved({ people: [{ strictName: "Person" }] }, list.removed, undefined)).toBeNull();
  });
});
