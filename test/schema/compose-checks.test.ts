import { describe, expect, it } from "vitest";
import { compose, CompositionError } from "../../schema/compose.js";
import { withPrivacySpec, type SubgraphModule } from "../../subgraphs/module.js";

const HEADER = /* GraphQL */ `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@requires", "@external", "@composeDirective"])
    @link(url: "https://specs.troubled-families.example/privacy/v1.0", import: ["@pii", "@record", "@reference"])
    @composeDirective(name: "@pii")
    @composeDirective(name: "@record")
    @composeDirective(name: "@reference")
`;

function subgraph(name: "families" | "outcomes", sdl: string): SubgraphModule {
  return { name, typeDefs: withPrivacySpec(`${HEADER}\n${sdl}`), resolvers: {}, createLoaders: () => ({}) };
}

function problems(...modules: SubgraphModule[]): readonly string[] {
  try {
    compose(modules);
  } catch (err) {
    if (err instanceof CompositionError) return err.problems;
    throw err;
  }
  return [];
}

describe("npm run compose refuses an unsafe classification", () => {
  it("accepts the project's own subgraphs", () => {
    expect(() => compose()).not.toThrow();
  });

  it("when an identifier is an entity key", () => {
    expect(
      problems(
        subgraph("families", `type Query { person: Person @record } type Person @key(fields: "nino") @record { nino: String! @pii sex: String }`),
      ),
    ).toEqual(["Person.nino is a personal identifier and cannot be part of the @key of Person."]);
  });

  it("when an identifier is required from another subgraph", () => {
    expect(
      problems(
        subgraph("families", `type Query { person: Person @record } type Person @key(fields: "id") @record { id: ID! postcode: String @pii }`),
        subgraph(
          "outcomes",
          `type Person @key(fields: "id") { id: ID! @record postcode: String @external @pii nearby: Int @requires(fields: "postcode") @record }`,
        ),
      ),
    ).toEqual(["Person.postcode is a personal identifier and cannot be used in @requires of Person.nearby."]);
  });

  it("when a field is left unclassified, or an identifier-like field is classified as record data", () => {
    expect(
      problems(subgraph("families", `type Query { person: Person @record } type Person @key(fields: "id") { id: ID! @record surname: String motherName: String @record }`)),
    ).toEqual([
      "Person.surname has no privacy class: mark it (or its type) with @pii, @linked, @record, @aggregate, @reference, @linkageQuality or @auditTrail.",
      "Person.motherName looks like a personal identifier but is person-level data not marked @pii: mark it @pii.",
    ]);
  });

  it("accepts public names classified as reference data", () => {
    expect(problems(subgraph("families", `type Query { authorities: [Authority!] @reference } type Authority @reference { code: ID! name: String! }`))).toEqual([]);
  });
});
