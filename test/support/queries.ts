import {
  getNamedType,
  isCompositeType,
  isEnumType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";

/**
 * Query generators for the privacy tests: they select fields of the API
 * schema mechanically, so no field escapes because a test forgot it.
 */

/** Values for the required arguments of the schema's root fields. */
export type ArgumentValues = Readonly<Record<string, string>>;

function argumentsFor(parent: string, field: GraphQLField<unknown, unknown>, values: ArgumentValues): string {
  const required = field.args.filter((a: GraphQLArgument) => isNonNullType(a.type) && a.defaultValue === undefined);
  if (required.length === 0) return "";
  return `(${required
    .map((a) => {
      const given = values[`${parent}.${field.name}.${a.name}`];
      if (given !== undefined) return `${a.name}: ${given}`;
      const type = getNamedType(a.type);
      if (isEnumType(type)) return `${a.name}: ${type.getValues()[0]!.name}`;
      throw new Error(`no value for required argument ${parent}.${field.name}(${a.name})`);
    })
    .join(", ")})`;
}

/** One field with its required arguments and, for an object, `{ __typename }`. */
export function selectField(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>, values: ArgumentValues): string {
  const composite = isCompositeType(getNamedType(field.type));
  return `${field.name}${argumentsFor(type.name, field, values)}${composite ? " { __typename }" : ""}`;
}

/**
 * Every field of `type`, each under an alias (so removal cannot depend on
 * names), objects through inline fragments, down to `depth` levels.
 */
export function selectEverything(schema: GraphQLSchema, type: GraphQLNamedType, depth: number, values: ArgumentValues): string {
  if (!(isObjectType(type) || isInterfaceType(type))) return "{ __typename }";
  const parts = Object.values(type.getFields()).map((field) => {
    const named = getNamedType(field.type);
    const alias = `x_${field.name}`;
    const args = argumentsFor(type.name, field, values);
    if (!isCompositeType(named)) return `${alias}: ${field.name}${args}`;
    if (depth <= 0) return `${alias}: ${field.name}${args} { __typename }`;
    const inner = isObjectType(named) || isInterfaceType(named)
      ? `... on ${named.name} ${selectEverything(schema, named, depth - 1, values)}`
      : schema.getPossibleTypes(named).map((t) => `... on ${t.name} ${selectEverything(schema, t, depth - 1, values)}`).join(" ");
    return `${alias}: ${field.name}${args} { __typename ${inner} }`;
  });
  return `{ __typename ${parts.join(" ")} }`;
}

/** A path from the root to a type: the root field and the fields below it. */
export interface TypePath {
  readonly steps: ReadonlyArray<{ readonly parent: string; readonly field: string }>;
}

/**
 * For each object type, the shortest path from Query through fields that
 * `allowed` lets through (so a field is tested where the caller can reach it).
 */
export function pathsToTypes(schema: GraphQLSchema, allowed: (coordinate: string) => boolean): Map<string, TypePath> {
  const query = schema.getQueryType() as GraphQLObjectType;
  const paths = new Map<string, TypePath>([[query.name, { steps: [] }]]);
  const queue: GraphQLObjectType[] = [query];
  while (queue.length > 0) {
    const type = queue.shift() as GraphQLObjectType;
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (!isObjectType(named) || paths.has(named.name) || !allowed(`${type.name}.${field.name}`)) continue;
      paths.set(named.name, { steps: [...(paths.get(type.name) as TypePath).steps, { parent: type.name, field: field.name }] });
      queue.push(named);
    }
  }
  return paths;
}

/** An operation that reaches `path` and selects `selection` there; returns it and the response path prefix. */
export function queryAt(schema: GraphQLSchema, path: TypePath, selection: string, values: ArgumentValues): string {
  let body = selection;
  for (const step of [...path.steps].reverse()) {
    const field = (schema.getType(step.parent) as GraphQLObjectType).getFields()[step.field] as GraphQLField<unknown, unknown>;
    body = `{ ${step.field}${argumentsFor(step.parent, field, values)} ${body} }`;
  }
  return body;
}
