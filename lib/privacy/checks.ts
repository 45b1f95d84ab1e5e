import {
  buildASTSchema,
  getNamedType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  type ConstDirectiveNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";
import type { PrivacyModel } from "./access-plan.js";

/**
 * Composition-time checks of the privacy classification, run by `npm run
 * compose` (which refuses to write a supergraph that fails them):
 * - every field is classified (undecided fields would be denied to everyone);
 * - a person-level field (@record, @linked) whose name looks like an
 *   identifier is marked @pii (group-level and reference data, such as an
 *   authority's name or a count of records linked by NINo, cannot name anyone);
 * - no identifier is part of an @key, @requires or @provides field set, where
 *   it would travel between subgraphs;
 * - a @disclosureCell's `counts` select Int fields of the cell, and every
 *   number in a cell can be nulled without nulling the cell (a nullable field
 *   on the way), so the gateway can withhold a cell's numbers and keep it.
 */
export const IDENTIFIER_LIKE = /name|birth|dob|postcode|address|nino|insurance|upn|reference/i;

export function privacyProblems(model: PrivacyModel, supergraphSdl: string): string[] {
  const problems: string[] = [];
  for (const type of Object.values(model.schema.getTypeMap())) {
    if (type.name.startsWith("__") || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.keys(type.getFields())) {
      const coordinate = `${type.name}.${field}`;
      const classes = model.classes.get(coordinate);
      if (!classes || classes.size === 0) {
        problems.push(`${coordinate} has no privacy class: mark it (or its type) with @pii, @linked, @record, @aggregate, @reference, @linkageQuality or @auditTrail.`);
      } else if (IDENTIFIER_LIKE.test(field) && !classes.has("pii") && (classes.has("record") || classes.has("linked"))) {
        problems.push(`${coordinate} looks like a personal identifier but is person-level data not marked @pii: mark it @pii.`);
      }
    }
  }
  const supergraph = buildASTSchema(parse(supergraphSdl), { assumeValid: true, assumeValidSDL: true });
  for (const type of Object.values(supergraph.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const key of argumentsOf(type.astNode?.directives, "join__type", "key")) {
      for (const c of identifiersIn(supergraph, model, type, key)) problems.push(`${c} is a personal identifier and cannot be part of the @key of ${type.name}.`);
    }
    for (const field of Object.values(type.getFields())) {
      for (const argument of ["requires", "provides"] as const) {
        const owner = argument === "requires" ? type : getNamedType(field.type);
        for (const set of argumentsOf(field.astNode?.directives, "join__field", argument)) {
          for (const c of identifiersIn(supergraph, model, owner, set)) {
            problems.push(`${c} is a personal identifier and cannot be used in @${argument} of ${type.name}.${field.name}.`);
          }
        }
      }
    }
  }
  problems.push(...disclosureCellProblems(model.schema, supergraph));
  return problems;
}

/** Problems with the @disclosureCell types (see the module comment). */
function disclosureCellProblems(api: GraphQLSchema, supergraph: GraphQLSchema): string[] {
  const problems: string[] = [];
  for (const type of Object.values(supergraph.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const counts of argumentsOf(type.astNode?.directives, "disclosureCell", "counts")) {
      const cell = api.getType(type.name);
      if (!isObjectType(cell)) continue;
      const walk = (selectionSet: SelectionSetNode, parent: GraphQLNamedType) => {
        if (!isObjectType(parent)) return;
        for (const selection of selectionSet.selections) {
          if (selection.kind !== Kind.FIELD) continue;
          const field = parent.getFields()[selection.name.value];
          if (!field) {
            problems.push(`@disclosureCell(counts:) of ${cell.name} names ${parent.name}.${selection.name.value}, which does not exist.`);
            continue;
          }
          const named = getNamedType(field.type);
          if (selection.selectionSet) walk(selection.selectionSet, named);
          else if (named.name !== "Int") problems.push(`@disclosureCell(counts:) of ${cell.name} names ${parent.name}.${field.name}, which is not a count (Int).`);
        }
      };
      const operation = parse(`{ ${counts} }`).definitions[0];
      if (operation?.kind === Kind.OPERATION_DEFINITION) walk(operation.selectionSet, cell);
      // Numbers reachable from the cell through non-null fields only: nulling one would null the cell.
      const seen = new Set<string>();
      const numbers = (parent: GraphQLNamedType, path: string) => {
        if (!isObjectType(parent) || seen.has(parent.name)) return;
        seen.add(parent.name);
        for (const field of Object.values(parent.getFields())) {
          if (!isNonNullType(field.type)) continue;
          const named = getNamedType(field.type);
          if (named.name === "Int" || named.name === "Float") {
            problems.push(`${path}.${field.name} is a number of the disclosure cell ${cell.name} that cannot be null: make it (or a field on its way) nullable, so the gateway can withhold it.`);
          }
          numbers(named, `${path}.${field.name}`);
        }
      };
      numbers(cell, cell.name);
    }
  }
  return problems;
}

function argumentsOf(directives: readonly ConstDirectiveNode[] | undefined, directive: string, argument: string): string[] {
  return (directives ?? [])
    .filter((d) => d.name.value === directive)
    .flatMap((d) => d.arguments ?? [])
    .filter((a) => a.name.value === argument && a.value.kind === Kind.STRING)
    .map((a) => (a.value as { value: string }).value);
}

/** Coordinates classified @pii within a federation field set such as "id" or "owner { nino }". */
function identifiersIn(schema: GraphQLSchema, model: PrivacyModel, type: GraphQLNamedType, fieldSet: string): string[] {
  const found: string[] = [];
  const walk = (selectionSet: SelectionSetNode, parent: GraphQLNamedType) => {
    if (!isObjectType(parent) && !isInterfaceType(parent)) return;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as GraphQLNamedType) : parent);
        continue;
      }
      if (selection.kind !== Kind.FIELD) continue;
      const coordinate = `${parent.name}.${selection.name.value}`;
      if (model.classes.get(coordinate)?.has("pii")) found.push(coordinate);
      const field = parent.getFields()[selection.name.value];
      if (field && selection.selectionSet) walk(selection.selectionSet, getNamedType(field.type));
    }
  };
  const operation = parse(`{ ${fieldSet} }`).definitions[0];
  if (operation?.kind === Kind.OPERATION_DEFINITION) walk(operation.selectionSet, type);
  return found;
}
