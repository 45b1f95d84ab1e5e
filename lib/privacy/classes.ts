import { isObjectType, isInterfaceType, type GraphQLField, type GraphQLNamedType, type GraphQLSchema, type ConstDirectiveNode } from "graphql";
import { DATA_CLASSES, type DataClass } from "./policy.js";

/** Schema coordinate of a field, as `Type.field`. */
export type Coordinate = string;

const CLASS_BY_DIRECTIVE = new Map<string, DataClass>(DATA_CLASSES.map((c) => [c, c]));

function classesOf(directives: readonly ConstDirectiveNode[] | undefined, into: Set<DataClass>): void {
  for (const d of directives ?? []) {
    const c = CLASS_BY_DIRECTIVE.get(d.name.value);
    if (c) into.add(c);
  }
}

function typeDirectives(type: GraphQLNamedType): ConstDirectiveNode[] {
  return [...(type.astNode?.directives ?? []), ...(type.extensionASTNodes ?? []).flatMap((n) => n.directives ?? [])];
}

/**
 * Reads the privacy classes of every field of a schema built from SDL (the
 * supergraph, or one subgraph): the field's own class directives plus its
 * type's. Fields with no class are absent from the map: undecided, denied.
 */
export function readClasses(schema: GraphQLSchema): Map<Coordinate, ReadonlySet<DataClass>> {
  const result = new Map<Coordinate, ReadonlySet<DataClass>>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__") || !(isObjectType(type) || isInterfaceType(type))) continue;
    const fromType = new Set<DataClass>();
    classesOf(typeDirectives(type), fromType);
    for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
      const classes = new Set(fromType);
      classesOf(field.astNode?.directives, classes);
      if (classes.size > 0) result.set(`${type.name}.${field.name}`, classes);
    }
  }
  return result;
}
