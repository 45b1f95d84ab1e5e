import {
  buildASTSchema,
  getNamedType,
  isObjectType,
  Kind,
  parse,
  print,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type SelectionNode,
  type SelectionSetNode,
} from "graphql";
import { visitFields, type PathStep } from "../lib/privacy/access-plan.js";
import { nullAt, selected } from "../lib/privacy/response.js";

/**
 * The gateway's safety net for aggregates (DESIGN.md section 5): whatever a
 * subgraph answers, no statistical cell below the disclosure threshold
 * leaves the gateway.
 *
 * Types marked `@disclosureCell(counts: "...")` in the supergraph are cells;
 * `counts` selects the counts of people the threshold rule applies to. Before
 * planning, every selection of a cell type gets those counts added under
 * reserved aliases (`_dc_...`), so they are fetched whatever the client
 * selected (a client asking only for a rate is checked too); where the
 * selection already holds every count as a plain field, those are read
 * instead and nothing is added (tables are large: 7,600 cells by authority
 * and age band). After
 * execution, each cell's hidden counts are checked: if any is below the
 * threshold (zero included), every number the client selected in the cell is
 * nulled, `suppressed` reads true and `suppression` BELOW_THRESHOLD; the
 * hidden counts are always removed. Incidents are logged by type and count,
 * never with values.
 */

/** Aliases the gateway adds; clients may not use them. */
export const RESERVED_ALIAS_PREFIX = "_dc_";

export interface DisclosureModel {
  /** Each cell type's counts selection, as `@disclosureCell(counts:)` gives it. */
  readonly cells: ReadonlyMap<string, SelectionSetNode>;
}

/** Reads the cell types from the supergraph SDL (the API schema does not keep composed directives). */
export function disclosureModel(supergraphSdl: string): DisclosureModel {
  const supergraph = buildASTSchema(parse(supergraphSdl), { assumeValid: true, assumeValidSDL: true });
  const cells = new Map<string, SelectionSetNode>();
  for (const type of Object.values(supergraph.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const directive of [...(type.astNode?.directives ?? []), ...type.extensionASTNodes.flatMap((n) => n.directives ?? [])]) {
      if (directive.name.value !== "disclosureCell") continue;
      const counts = directive.arguments?.find((a) => a.name.value === "counts")?.value;
      if (counts?.kind !== Kind.STRING) continue;
      const operation = parse(`{ ${counts.value} }`).definitions[0];
      if (operation?.kind === Kind.OPERATION_DEFINITION) cells.set(type.name, operation.selectionSet);
    }
  }
  return { cells };
}

/** One place in the response where cells of a type appear, and what the client selected in them. */
interface CellOccurrence {
  readonly type: string;
  readonly steps: readonly PathStep[];
  readonly conditions: readonly DirectiveNode[];
  /** Response keys of the counts when the client selected them all plainly; otherwise they are fetched under reserved aliases. */
  readonly countKeys: readonly string[] | null;
  /** Numbers (Int, Float) selected in the cell, as paths below it. */
  readonly numbers: PathStep[][];
  /** Response keys of the cell's own `suppressed` and `suppression` fields. */
  readonly flags: string[];
  readonly reasons: string[];
}

export interface DisclosurePlan {
  /** The operation with the hidden counts added; undefined when the client's selections already hold them all. */
  readonly query: string | undefined;
  readonly cells: readonly CellOccurrence[];
}

/**
 * The response keys of a cell selection's counts, when the selection holds
 * every count as a field of its own, without a selection of its own or any
 * @skip/@include: then the response holds them wherever it holds the cell.
 * Null otherwise (nested counts, or some missing or conditional).
 */
function plainCounts(counts: SelectionSetNode, selectionSet: SelectionSetNode): string[] | null {
  const keys: string[] = [];
  for (const count of counts.selections) {
    if (count.kind !== Kind.FIELD || count.selectionSet) return null;
    const found = selectionSet.selections.find(
      (s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === count.name.value && !s.selectionSet && (s.directives?.length ?? 0) === 0,
    );
    if (!found) return null;
    keys.push(found.alias?.value ?? found.name.value);
  }
  return keys;
}

export class ReservedAliasError extends Error {
  constructor() {
    super(`Aliases beginning with ${RESERVED_ALIAS_PREFIX} are reserved by the gateway.`);
    this.name = "ReservedAliasError";
  }
}

/**
 * Plans the check of one operation (valid against `schema`, privacy already
 * applied): undefined when it selects no cell. Throws ReservedAliasError when
 * the client used one of the gateway's aliases.
 */
export function planDisclosure(
  model: DisclosureModel,
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
): DisclosurePlan | undefined {
  visit(document, {
    Field(node) {
      if (node.alias?.value.startsWith(RESERVED_ALIAS_PREFIX)) throw new ReservedAliasError();
    },
  });
  const cells: CellOccurrence[] = [];
  type Context = { readonly cell: CellOccurrence; readonly below: readonly PathStep[] } | null;
  visitFields<Context>(schema, document, operationName, null, ({ node, field, parent, occurrence, context }) => {
    const named = getNamedType(field.type);
    const step = occurrence.steps[occurrence.steps.length - 1] as PathStep;
    if (context) {
      const path = [...context.below, step];
      if (named.name === "Int" || named.name === "Float") context.cell.numbers.push(path);
      if (context.below.length === 0 && parent.name === context.cell.type) {
        if (field.name === "suppressed") context.cell.flags.push(step.key);
        if (field.name === "suppression") context.cell.reasons.push(step.key);
      }
    }
    const counts = model.cells.get(named.name);
    if (counts) {
      const countKeys = node.selectionSet ? plainCounts(counts, node.selectionSet) : null;
      const cell: CellOccurrence = { type: named.name, steps: occurrence.steps, conditions: occurrence.conditions, countKeys, numbers: [], flags: [], reasons: [] };
      cells.push(cell);
      return { descend: true, context: { cell, below: [] } };
    }
    return { descend: true, context: context && { cell: context.cell, below: [...context.below, step] } };
  });
  if (cells.length === 0) return undefined;
  if (cells.every((c) => c.countKeys)) return { query: undefined, cells };

  // Every selection of a cell type without its counts fetches them under the reserved aliases.
  const typeInfo = new TypeInfo(schema);
  const rewritten = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        leave(node: FieldNode) {
          const type = typeInfo.getType();
          const counts = type && model.cells.get(getNamedType(type).name);
          if (!counts || !node.selectionSet || plainCounts(counts, node.selectionSet)) return undefined;
          const hidden: SelectionNode[] = counts.selections.map((s) =>
            s.kind === Kind.FIELD ? { ...s, alias: { kind: Kind.NAME, value: `${RESERVED_ALIAS_PREFIX}${s.name.value}` } } : s,
          );
          return { ...node, selectionSet: { ...node.selectionSet, selections: [...node.selectionSet.selections, ...hidden] } };
        },
      },
    }),
  );
  return { query: print(rewritten), cells };
}

/** Every number in a value (the hidden counts, however nested). */
function numbersIn(value: unknown, into: number[]): void {
  if (typeof value === "number") into.push(value);
  else if (Array.isArray(value)) for (const item of value) numbersIn(item, into);
  else if (value && typeof value === "object") for (const v of Object.values(value)) numbersIn(v, into);
}

/** The cell objects at `steps` below `value` (through lists). */
function cellsAt(value: unknown, steps: readonly PathStep[], i: number, into: Record<string, unknown>[]): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (const item of value) cellsAt(item, steps, i, into);
    return;
  }
  if (i === steps.length) {
    into.push(value as Record<string, unknown>);
    return;
  }
  cellsAt((value as Record<string, unknown>)[(steps[i] as PathStep).key], steps, i + 1, into);
}

export interface ThresholdOutcome {
  /** Cells withheld, by type. */
  readonly withheld: Readonly<Record<string, number>>;
}

/**
 * Checks every cell of the response against the threshold, in place: see the
 * module comment. Throws when a cell's numbers cannot be nulled without
 * nulling the cell itself (a schema that compose should have refused), so the
 * response fails closed.
 */
export function enforceThreshold(
  data: Record<string, unknown> | null | undefined,
  plan: DisclosurePlan,
  variables: Record<string, unknown> | undefined,
  threshold: number,
): ThresholdOutcome {
  const withheld: Record<string, number> = {};
  if (!data) return { withheld };
  // A cell selected twice (merged fields) is one object: decide it once, from every count it carries.
  const verdicts = new Map<Record<string, unknown>, boolean>();
  const found: Array<{ occurrence: CellOccurrence; cells: Record<string, unknown>[] }> = [];
  for (const occurrence of plan.cells) {
    if (!selected(occurrence.conditions, variables)) continue;
    const cells: Record<string, unknown>[] = [];
    cellsAt(data, occurrence.steps, 0, cells);
    found.push({ occurrence, cells });
    for (const cell of cells) {
      const counts: number[] = [];
      for (const key of Object.keys(cell)) if (key.startsWith(RESERVED_ALIAS_PREFIX)) numbersIn(cell[key], counts);
      for (const key of occurrence.countKeys ?? []) numbersIn(cell[key], counts);
      const below = counts.some((n) => n < threshold);
      verdicts.set(cell, (verdicts.get(cell) ?? false) || below);
    }
  }
  const counted = new Set<Record<string, unknown>>();
  for (const { occurrence, cells } of found) {
    for (const cell of cells) {
      if (!verdicts.get(cell)) continue;
      if (!counted.has(cell)) {
        counted.add(cell);
        withheld[occurrence.type] = (withheld[occurrence.type] ?? 0) + 1;
      }
      for (const path of occurrence.numbers) {
        if (nullAt(cell, path)) throw new Error(`a number of ${occurrence.type} cannot be nulled without nulling the cell`);
      }
      for (const key of occurrence.flags) cell[key] = true;
      for (const key of occurrence.reasons) cell[key] = "BELOW_THRESHOLD";
    }
  }
  for (const cell of verdicts.keys()) {
    for (const key of Object.keys(cell)) if (key.startsWith(RESERVED_ALIAS_PREFIX)) delete cell[key];
  }
  return { withheld };
}
