import { describe, expect, it } from "vitest";
import { compose, CompositionError } from "../../schema/compose.js";
import { withPrivacySpec, type SubgraphModule } from "../../subgraphs/module.js";

const HEADER = /* GraphQL */ `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@requires", "@external", "@composeDirective"])
    @link(url: "https://specs.troubled-families.example/privacy/v1.1", import: ["@pii", "@record", "@reference", "@aggregate", "@disclosureCell"])
    @composeDirective(name: "@pii")
    @composeDirective(name: "@aggregate")
    @composeDirective(name: "@disclosureCell")
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

  it("when a disclosure cell's counts are not counts of the cell, or a number in it cannot be withheld without the cell", () => {
    expect(
      problems(
        subgraph(
          "outcomes",
          `type Query { cells: [Cell!] @aggregate }
           type Cell @aggregate @disclosureCell(counts: "people rate missing") { people: Int rate: Float total: Int! interval: Interval! }
           type Interval @aggregate { lower: Float! }`,
        ),
      ),
    ).toEqual([
      "@disclosureCell(counts:) of Cell names Cell.rate, which is not a count (Int).",
      "@disclosureCell(counts:) of Cell names Cell.missing, which does not exist.",
      "Cell.total is a number of the disclosure cell Cell that cannot be null: make it (or a field on its way) nullable, so the gateway can withhold it.",
      "Cell.interval.lower is a number of the disclosure cell Cell that cannot be null: make it (or a field on its way) nullable, so the gateway can withhold it.",
    ]);
  });

  it("accepts public names classified as reference data", () => {
    expect(problems(subgraph("families", `type Query { authorities: [Authority!] @reference } type Authority @reference { code: ID! name: String! }`))).toEqual([]);
  });
});
