import { controlTable, TOTAL, type ControlSummary, type ReleasePolicy, type SuppressionReason, type TableDimension } from "../../lib/disclosure/table.js";
import type { Measure } from "../../lib/measures.js";
import type { CubeRow } from "./cubes.js";
import { regionName, type Dimension, type TableSpec } from "./table-request.js";

/**
 * A table as the API returns it: the cube's true counts put through the
 * disclosure rules (lib/disclosure) for the caller's role. Every cell of the
 * requested breakdowns is present, and every total over them, in every
 * window: a combination with nobody in it is a suppressed cell, not a
 * missing row, so a table's shape never tells that a group is empty.
 */
export interface TableCell {
  readonly window: string;
  /** The breakdowns this cell totals over (empty inside the table). */
  readonly totalOver: readonly Dimension[];
  /** The category of each breakdown the cell does not total over; null otherwise (plain fields: tables run to thousands of cells). */
  readonly cohort: string | null;
  readonly localAuthority: { readonly code: string } | null;
  readonly region: { readonly code: string; readonly name: string } | null;
  readonly headlineProblem: string | null;
  readonly ageBand: string | null;
  readonly sex: string | null;
  readonly people: number | null;
  readonly withOutcome: number | null;
  readonly withoutOutcome: number | null;
  readonly rate: number | null;
  readonly suppressed: boolean;
  readonly suppression: SuppressionReason | null;
}

export interface ControlledTableResult {
  readonly measure: Measure | null;
  readonly windows: readonly string[];
  readonly by: readonly Dimension[];
  readonly cells: readonly TableCell[];
  readonly disclosure: ControlSummary;
}

export interface ReleaseOptions {
  readonly threshold: number;
  readonly release: ReleasePolicy;
}

/** Whether a dimension's total is the sum of its categories: not for headline problems, where a person counts under each of theirs. */
const additive = (d: Dimension) => d !== "HEADLINE_PROBLEM";

export function controlledTable(spec: TableSpec, rows: readonly CubeRow[], options: ReleaseOptions): ControlledTableResult {
  const dimensions: TableDimension[] = spec.by.map((d) => ({ name: d, categories: spec.categories[d] ?? [], additive: additive(d) }));
  const index = dimensions.map((d) => new Map(d.categories.map((c, i) => [c, i])));
  const byWindow = new Map<string, CubeRow[]>();
  for (const row of rows) {
    const list = byWindow.get(row.window);
    if (list) list.push(row);
    else byWindow.set(row.window, [row]);
  }
  const slices = spec.windows.map((window) => ({
    id: window,
    cells: (byWindow.get(window) ?? []).flatMap((row) => {
      const coordinates = spec.by.map((d, i) => {
        const value = row.values[d];
        return value == null ? TOTAL : (index[i]?.get(value) ?? -2);
      });
      // The statement's conditions keep every row inside the categories; anything else is not this table's.
      if (coordinates.includes(-2)) return [];
      const counts =
        row.withOutcome === null || row.withOutcomeKey === null
          ? { people: row.people, peopleKey: row.peopleKey }
          : { people: row.people, peopleKey: row.peopleKey, withOutcome: row.withOutcome, withOutcomeKey: row.withOutcomeKey };
      return [{ coordinates, counts }];
    }),
  }));
  // Outcome tables say so even when nobody matched (no cells say it for them).
  const controlled = controlTable(dimensions, slices, { ...options, outcome: spec.measure !== null });
  const cells: TableCell[] = [];
  for (const slice of controlled.slices) {
    for (const cell of slice.cells) {
      const values: Partial<Record<Dimension, string>> = {};
      const totalOver: Dimension[] = [];
      spec.by.forEach((d, i) => {
        const c = cell.coordinates[i] as number;
        if (c === TOTAL) totalOver.push(d);
        else values[d] = dimensions[i]?.categories[c] as string;
      });
      const la = values.LOCAL_AUTHORITY;
      const region = values.REGION;
      cells.push({
        window: slice.id,
        totalOver,
        cohort: values.COHORT ?? null,
        localAuthority: la ? { code: la } : null,
        region: region ? { code: region, name: regionName(region) } : null,
        headlineProblem: values.HEADLINE_PROBLEM ?? null,
        ageBand: values.AGE_BAND ?? null,
        sex: values.SEX ?? null,
        people: cell.people,
        withOutcome: cell.withOutcome,
        withoutOutcome: cell.withoutOutcome,
        rate: cell.rate,
        suppressed: cell.suppression !== null,
        suppression: cell.suppression,
      });
    }
  }
  return { measure: spec.measure, windows: spec.windows, by: spec.by, cells, disclosure: controlled.summary };
}
