import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isListType,
  isNonNullType,
  type DirectiveNode,
  type GraphQLFormattedError,
  type GraphQLOutputType,
} from "graphql";
import { responsePath, type FieldOccurrence, type PathStep } from "./access-plan.js";

/**
 * What happens to the response of an operation whose fields were removed:
 * each removed field answers null (with GraphQL's null propagation when the
 * field is non-null) and one error coded UNAUTHORIZED_FIELD_OR_TYPE whose
 * path points at it, "@" standing for list positions. The message never names
 * the role or class that would have been needed.
 */
export const UNAUTHORIZED_MESSAGE = "Unauthorized field or type";
export const UNAUTHORIZED_CODE = "UNAUTHORIZED_FIELD_OR_TYPE";

type Variables = Record<string, unknown> | undefined;

/** Whether an occurrence was executed: every @skip/@include along its way lets it through. */
export function selected(conditions: readonly DirectiveNode[], variables: Variables): boolean {
  for (const node of conditions) {
    const directive = node.name.value === "skip" ? GraphQLSkipDirective : GraphQLIncludeDirective;
    const args = getDirectiveValues(directive, { directives: [node] } as never, variables);
    if (args && (directive === GraphQLSkipDirective ? args.if === true : args.if === false)) return false;
  }
  return true;
}

/** The errors for the removed fields the operation actually selected. */
export function unauthorizedErrors(removed: readonly FieldOccurrence[], variables: Variables): GraphQLFormattedError[] {
  return removed
    .filter((r) => selected(r.conditions, variables))
    .map((r) => ({ message: UNAUTHORIZED_MESSAGE, path: responsePath(r.steps), extensions: { code: UNAUTHORIZED_CODE } }));
}

/**
 * Sets every removed field of the response data to null, propagating nulls
 * as GraphQL does for non-null fields. Returns the data (null when the
 * propagation reached the root).
 */
export function nullRemoved(
  data: Record<string, unknown> | null | undefined,
  removed: readonly FieldOccurrence[],
  variables: Variables,
): Record<string, unknown> | null | undefined {
  if (!data) return data;
  for (const r of removed) {
    if (selected(r.conditions, variables) && nullify(data, r.steps, 0)) return null;
  }
  return data;
}

/**
 * Sets the field at `steps` below `parent` (through every list on the way) to
 * null, propagating nulls up to `parent`; true when `parent` itself must then
 * become null.
 */
export function nullAt(parent: Record<string, unknown>, steps: readonly PathStep[]): boolean {
  return nullify(parent, steps, 0);
}

/** Sets the field at steps[i..] of `parent` to null; true when `parent` itself must then become null. */
function nullify(parent: Record<string, unknown>, steps: readonly PathStep[], i: number): boolean {
  const step = steps[i] as PathStep;
  if (!(step.key in parent)) return false;
  if (i === steps.length - 1) {
    parent[step.key] = null;
    return isNonNullType(step.type);
  }
  const value = parent[step.key];
  if (value === null || value === undefined) return false;
  if (descend(value, step.type, steps, i + 1)) {
    parent[step.key] = null;
    return isNonNullType(step.type);
  }
  return false;
}

/** Walks into a field's value (through list levels); true when the value must become null. */
function descend(value: unknown, type: GraphQLOutputType, steps: readonly PathStep[], i: number): boolean {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const items = value as unknown[];
    const itemType = inner.ofType as GraphQLOutputType;
    for (let k = 0; k < items.length; k++) {
      const item = items[k];
      if (item === null || item === undefined) continue;
      if (descend(item, itemType, steps, i)) {
        items[k] = null;
        if (isNonNullType(itemType)) return true;
      }
    }
    return false;
  }
  return nullify(value as Record<string, unknown>, steps, i);
}

/**
 * How many non-null values the response holds at each audited coordinate,
 * a list counting its items (three offences are three records), never the
 * values themselves.
 */
export function countValues(
  data: Record<string, unknown> | null | undefined,
  occurrences: readonly FieldOccurrence[],
  variables: Variables,
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of occurrences) {
    if (!selected(o.conditions, variables)) continue;
    counts[o.coordinate] = (counts[o.coordinate] ?? 0) + (data ? countAt(data, o.steps, 0) : 0);
  }
  return counts;
}

function countAt(value: unknown, steps: readonly PathStep[], i: number): number {
  if (value === null || value === undefined) return 0;
  if (Array.isArray(value)) return value.reduce((n: number, item) => n + countAt(item, steps, i), 0);
  if (i === steps.length) return 1;
  return countAt((value as Record<string, unknown>)[(steps[i] as PathStep).key], steps, i + 1);
}
