import { printSchema, type GraphQLSchema } from "graphql";
import { filterSchema, pruneSchema } from "@graphql-tools/utils";
import { buildASTSchema, parse } from "graphql";
import { Supergraph } from "@apollo/federation-internals";
import type { Role } from "../auth/caller.js";
import { readClasses, type Coordinate } from "./classes.js";
import { mayAccess, type DataClass } from "./policy.js";
import type { PrivacyModel } from "./access-plan.js";

/**
 * The privacy model of a supergraph: its API schema (what clients query) and
 * the classes of every field, read from the composed directives in the
 * supergraph SDL (the API schema no longer carries them).
 */
export function privacyModel(apiSchema: GraphQLSchema, supergraphSdl: string): PrivacyModel {
  const supergraph = buildASTSchema(parse(supergraphSdl), { assumeValid: true, assumeValidSDL: true });
  return { schema: apiSchema, classes: readClasses(supergraph) };
}

/** The API schema of a supergraph, as the gateway serves it. */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

/**
 * A role's contract: the API schema with every field the role may not see
 * removed, and types left unreachable pruned. Introspection answers with it,
 * and `npm run compose` writes it for integration partners.
 */
export function contractSchema(model: PrivacyModel, role: Role): GraphQLSchema {
  const visible = (type: string, field: string) => mayAccess(role, model.classes.get(`${type}.${field}` as Coordinate) as ReadonlySet<DataClass> | undefined);
  const filtered = filterSchema({
    schema: model.schema,
    rootFieldFilter: (_operation, field, _config) => visible(model.schema.getQueryType()?.name ?? "Query", field),
    objectFieldFilter: visible,
    interfaceFieldFilter: visible,
  });
  return pruneSchema(filtered);
}

export function printContract(model: PrivacyModel, role: Role): string {
  return `${printSchema(contractSchema(model, role))}\n`;
}
