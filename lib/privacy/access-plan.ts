import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  print,
  visit,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import type { Role } from "../auth/caller.js";
import type { Coordinate } from "./classes.js";
import { AUDITED_CLASSES, mayAccess, type DataClass } from "./policy.js";

/**
 * Decides, before anything is planned, which fields of an operation a role
 * may see, keyed on schema coordinates (`Person.dateOfBirth`), never on the
 * names in the request: aliases, named and inline fragments, interfaces,
 * unions and variables all resolve to the coordinates they select.
 *
 * A field the role may not see is replaced by `<its response key>: __typename`
 * (directives kept), so the gateway never asks a subgraph for it, the
 * response keeps its shape, and the post-processing (response.ts) sets it to
 * null and reports it. Fragments and variables left unused are dropped so the
 * rewritten operation stays valid.
 */

export interface PrivacyModel {
  /** The schema operations are validated and executed against (the API schema). */
  readonly schema: GraphQLSchema;
  readonly classes: ReadonlyMap<Coordinate, ReadonlySet<DataClass>>;
  /** Coordinates allowed whatever the policy (federation's `_entities` in a subgraph). */
  readonly alwaysAllowed?: ReadonlySet<Coordinate>;
}

/** One step of a response path: the response key and the field's type (for list levels and null propagation). */
export interface PathStep {
  readonly key: string;
  readonly type: GraphQLOutputType;
}

/** A field occurrence in the operation: where it lands in the response and under which @skip/@include. */
export interface FieldOccurrence {
  readonly coordinate: Coordinate;
  readonly steps: readonly PathStep[];
  readonly conditions: readonly DirectiveNode[];
}

export interface AccessPlan {
  /** The operation to execute: the request's own text when nothing was removed. */
  readonly query: string;
  readonly changed: boolean;
  /** Fields removed, one per occurrence in the operation. */
  readonly removed: readonly FieldOccurrence[];
  /** Fields kept whose classes are audited (identifiers, linked data). */
  readonly audited: readonly FieldOccurrence[];
  /** Root fields `__schema` or `__type` are selected. */
  readonly introspection: boolean;
  /** Root fields other than introspection are selected too. */
  readonly data: boolean;
}

/**
 * The response path of an occurrence, "@" standing for each list level it
 * passes through (as Apollo Router reports it: `users.@.email`).
 */
export function responsePath(steps: readonly PathStep[]): string[] {
  const path: string[] = [];
  for (const [i, step] of steps.entries()) {
    path.push(step.key);
    if (i === steps.length - 1) break;
    let type = getNullableType(step.type);
    while (isListType(type)) {
      path.push("@");
      type = getNullableType(type.ofType);
    }
  }
  return path;
}

function conditionsOf(directives: readonly DirectiveNode[] | undefined): DirectiveNode[] {
  return (directives ?? []).filter((d) => d.name.value === "skip" || d.name.value === "include");
}

/** One field of an operation, as `visitFields` meets it. */
export interface FieldVisit<C> {
  readonly node: FieldNode;
  readonly parent: GraphQLCompositeType;
  readonly field: GraphQLField<unknown, unknown>;
  /** `Parent.field`, and on an interface the same field of every implementation. */
  readonly coordinates: readonly Coordinate[];
  readonly occurrence: FieldOccurrence;
  /** What the visit of the enclosing field returned for its selections. */
  readonly context: C;
}

/** Whether to walk into a field's selections, and what its selections' visits then see as `context`. */
export type VisitResult<C> = { readonly descend: false } | { readonly descend: true; readonly context: C };

export function findOperation(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName) return operations.find((o) => o.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

/**
 * Visits every field an operation selects (but `__typename` and root
 * introspection), through named and inline fragments, with the response path
 * and the @skip/@include conditions each occurrence is under. The document
 * must be valid against `schema`. Returns whether the operation selects root
 * introspection fields and other root fields, or undefined when the
 * operation cannot be told.
 */
export function visitFields<C>(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  initial: C,
  visit: (field: FieldVisit<C>) => VisitResult<C>,
): { readonly introspection: boolean; readonly data: boolean } | undefined {
  const operation = findOperation(document, operationName);
  if (!operation) return undefined;
  const root = operation.operation === "query" ? schema.getQueryType() : operation.operation === "mutation" ? schema.getMutationType() : schema.getSubscriptionType();
  if (!root) return undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  let introspection = false;
  let data = false;

  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, steps: readonly PathStep[], conditions: readonly DirectiveNode[], context: C) => {
    for (const selection of selectionSet.selections) {
      const here = [...conditions, ...conditionsOf(selection.directives)];
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType) : parent;
        walk(selection.selectionSet, type, steps, here, context);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment) continue;
        walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType, steps, [
          ...here,
          ...conditionsOf(fragment.directives),
        ], context);
        continue;
      }
      const name = selection.name.value;
      if (name === "__typename") continue;
      if (steps.length === 0 && (name === "__schema" || name === "__type")) {
        introspection = true;
        continue;
      }
      if (steps.length === 0) data = true;
      if (isAbstractType(parent) && !isInterfaceType(parent)) continue; // unions select only __typename
      const field = (parent as Exclude<GraphQLCompositeType, { getTypes: unknown }>).getFields()[name];
      if (!field) continue;
      const coordinates = [`${parent.name}.${name}`];
      if (isInterfaceType(parent)) {
        for (const impl of schema.getPossibleTypes(parent)) coordinates.push(`${impl.name}.${name}`);
      }
      const occurrence: FieldOccurrence = {
        coordinate: coordinates[0] as string,
        steps: [...steps, { key: selection.alias?.value ?? name, type: field.type }],
        conditions: here,
      };
      const result = visit({ node: selection, parent, field, coordinates, occurrence, context });
      const named = getNamedType(field.type);
      if (result.descend && selection.selectionSet && (isObjectType(named) || isAbstractType(named))) {
        walk(selection.selectionSet, named, occurrence.steps, here, result.context);
      }
    }
  };
  walk(operation.selectionSet, root, [], [], initial);
  return { introspection, data };
}

/**
 * Plans one operation for one role. The document must already be valid
 * against `model.schema`; returns undefined when the operation to run cannot
 * be told (the executor then reports that itself).
 */
export function planAccess(
  model: PrivacyModel,
  role: Role,
  document: DocumentNode,
  operationName: string | null | undefined,
  source: string,
): AccessPlan | undefined {
  const denied = new Set<FieldNode>();
  const removed: FieldOccurrence[] = [];
  const audited: FieldOccurrence[] = [];

  const allowed = (coordinate: Coordinate) => model.alwaysAllowed?.has(coordinate) || mayAccess(role, model.classes.get(coordinate));
  const isAudited = (coordinate: Coordinate) => [...(model.classes.get(coordinate) ?? [])].some((c) => AUDITED_CLASSES.has(c));

  const visited = visitFields(model.schema, document, operationName, null, ({ node, coordinates, occurrence }) => {
    // On an interface, the field is allowed only if every implementation allows it too.
    if (!coordinates.every(allowed)) {
      denied.add(node);
      removed.push(occurrence);
      return { descend: false };
    }
    if (coordinates.some(isAudited)) audited.push(occurrence);
    return { descend: true, context: null };
  });
  if (!visited) return undefined;
  const { introspection, data } = visited;
  const operation = findOperation(document, operationName) as OperationDefinitionNode;

  if (denied.size === 0) return { query: source, changed: false, removed, audited, introspection, data };
  return { query: print(rewrite(document, operation, denied)), changed: true, removed, audited, introspection, data };
}

/** The operation with denied fields replaced by `key: __typename`, and what that leaves unused dropped. */
function rewrite(document: DocumentNode, operation: OperationDefinitionNode, denied: ReadonlySet<FieldNode>): DocumentNode {
  const replaced = visit(document, {
    Field(node) {
      if (!denied.has(node)) return undefined;
      return {
        ...node,
        alias: { kind: Kind.NAME, value: node.alias?.value ?? node.name.value },
        name: { kind: Kind.NAME, value: "__typename" },
        arguments: [],
        selectionSet: undefined,
      } satisfies FieldNode;
    },
  });
  const operationIndex = document.definitions.indexOf(operation);
  const op = replaced.definitions[operationIndex] as OperationDefinitionNode;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of replaced.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  // Fragments still reachable from the operation, and the variables they all still use.
  const used = new Set<string>();
  const variables = new Set<string>();
  const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) => {
    visit(node.selectionSet, {
      FragmentSpread(spread) {
        if (used.has(spread.name.value)) return;
        used.add(spread.name.value);
        const fragment = fragments.get(spread.name.value);
        if (fragment) collect(fragment);
      },
      Variable(variable) {
        variables.add(variable.name.value);
      },
    });
    for (const d of node.directives ?? []) visit(d, { Variable: (v) => void variables.add(v.name.value) });
  };
  collect(op);
  const keptOperation: OperationDefinitionNode = {
    ...op,
    variableDefinitions: op.variableDefinitions?.filter((v) => variables.has(v.variable.name.value)),
  };
  return {
    ...replaced,
    definitions: [keptOperation, ...[...fragments.values()].filter((f) => used.has(f.name.value))],
  };
}
