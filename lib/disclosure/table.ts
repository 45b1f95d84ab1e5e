import { MAXIMUM_DEVIATION, releaseCount, type ReleasePolicy } from "./perturbation.js";
import {
  cellCoordinates,
  cellIndex,
  countsProblem,
  checkThreshold,
  primaryReason,
  tableShape,
  type CellCounts,
  type SuppressionReason,
  type TableDimension,
  type TableShape,
} from "./rules.js";
import { protectCells, suppressionCosts } from "./secondary.js";

/**
 * Disclosure control of one table, end to end: the threshold rule, secondary
 * suppression, then perturbation and rounding of what is released.
 *
 * A table may have several slices: the same cells for several time windows.
 * Each person is in every window, so a cell's population is the same in all
 * of them. Suppression therefore runs in two passes:
 *
 * 1. Population: cells whose people are below the threshold in any slice,
 *    with their hypercubes, are hidden in every slice alike. Otherwise a
 *    small population hidden in one window could be read from another, or
 *    recovered from another window's different pattern.
 * 2. Outcomes, per slice: cells failing the outcome or complement rule in
 *    that window, with their hypercubes, pass 1's cells being free partners.
 *    Outcome counts of different windows are different quantities, so each
 *    slice's pattern only has to protect itself.
 */

export { TOTAL } from "./rules.js";
export type { CellCounts, SuppressionReason, TableDimension } from "./rules.js";
export type { ReleasePolicy } from "./perturbation.js";

export interface TableSlice {
  /** The slice's name, e.g. the window ("BEFORE_12", "AFTER_6"). */
  readonly id: string;
  /** True counts for every cell, margins included; an omitted cell has nobody in it. */
  readonly cells: ReadonlyArray<{ readonly coordinates: readonly number[]; readonly counts: CellCounts }>;
}

export interface ControlOptions {
  readonly threshold: number;
  readonly release: ReleasePolicy;
  /**
   * Whether the table counts an outcome. When omitted it is inferred from the
   * cells, and a table with no outcome counts (or no cells at all, as an
   * empty filter gives) is population-only; say so to get OUTCOME anyway.
   */
  readonly outcome?: boolean;
}

/** A released cell of a table with an outcome. Numbers are null when suppressed. */
export interface OutcomeCell {
  readonly coordinates: readonly number[];
  readonly suppression: SuppressionReason | null;
  readonly people: number | null;
  readonly withOutcome: number | null;
  readonly withoutOutcome: number | null;
  /** Released withOutcome / released people. */
  readonly rate: number | null;
}

/** A released cell of a population-only table (a profile): only people. */
export interface PopulationCell extends OutcomeCell {
  readonly withOutcome: null;
  readonly withoutOutcome: null;
  readonly rate: null;
}

export interface ControlSummary {
  readonly threshold: number;
  /** Cells over all slices, margins included. */
  readonly cells: number;
  readonly released: number;
  readonly belowThreshold: number;
  readonly complementBelowThreshold: number;
  readonly secondary: number;
  readonly roundingBase: number | null;
  readonly perturbation: { readonly method: "CELL_KEY"; readonly maximumDeviation: typeof MAXIMUM_DEVIATION } | null;
}

interface ControlledSlices<Cell> {
  readonly slices: ReadonlyArray<{ readonly id: string; readonly cells: readonly Cell[] }>;
  readonly summary: ControlSummary;
}

/**
 * A controlled table. `kind` says which cells it holds: OUTCOME when the
 * caller gave outcome counts, POPULATION when none of its cells has one.
 * Cells come in slice order, then in coordinate order with TOTAL last in each
 * dimension (first dimension slowest).
 */
export type ControlledTable = ({ readonly kind: "OUTCOME" } & ControlledSlices<OutcomeCell>) | ({ readonly kind: "POPULATION" } & ControlledSlices<PopulationCell>);

/** One slice's true counts, dense over the table's cells (zero where omitted). */
interface DenseSlice {
  readonly id: string;
  readonly people: Float64Array;
  readonly withOutcome: Float64Array;
  readonly peopleKey: Float64Array;
  readonly withOutcomeKey: Float64Array;
}

/**
 * Applies disclosure control to one table: every cell of every slice comes
 * back, suppressed cells with null numbers and their reason, released ones
 * with counts as the release policy allows and rates from those counts. The
 * same input always gives the same output, whatever order cells come in.
 * Throws a plain Error on input no real table can produce.
 */
export function controlTable(dimensions: readonly TableDimension[], slices: readonly TableSlice[], options: ControlOptions): ControlledTable {
  const { threshold, release } = options;
  checkThreshold(threshold);
  if (release.roundingBase !== null && (!Number.isSafeInteger(release.roundingBase) || release.roundingBase < 1)) {
    throw new Error(`A rounding base must be a positive integer or null, got ${String(release.roundingBase)}`);
  }
  const shape = tableShape(dimensions);
  const { dense, hasOutcome } = densify(shape, slices, options.outcome);
  const costsFor = (people: ArrayLike<number>) => suppressionCosts(shape, people);

  // Pass 1: the population pattern, costed on the largest population any
  // slice gives a cell (they are equal for consistent input).
  const largest = new Float64Array(shape.cellCount);
  const populationPrimaries: number[] = [];
  for (let cell = 0; cell < shape.cellCount; cell++) {
    let small = false;
    for (const slice of dense) {
      const people = slice.people[cell] as number;
      largest[cell] = Math.max(largest[cell] as number, people);
      if (people < threshold) small = true;
    }
    if (small) populationPrimaries.push(cell);
  }
  const population = protectCells(shape, new Uint8Array(shape.cellCount), populationPrimaries, costsFor(largest));

  // Pass 2, per slice: the outcome rules on top of the population pattern.
  const reasonsBySlice = dense.map((slice) => {
    const reasons: Array<SuppressionReason | null> = new Array(shape.cellCount);
    for (let cell = 0; cell < shape.cellCount; cell++) reasons[cell] = primaryReason(countsOf(slice, cell, hasOutcome), threshold);
    return reasons;
  });
  const patterns = dense.map((slice, s) => {
    const reasons = reasonsBySlice[s] as Array<SuppressionReason | null>;
    const primaries: number[] = [];
    for (let cell = 0; cell < shape.cellCount; cell++) if (reasons[cell] !== null && !population[cell]) primaries.push(cell);
    return primaries.length === 0 ? population : protectCells(shape, population, primaries, costsFor(slice.people));
  });

  const tally = { released: 0, belowThreshold: 0, complementBelowThreshold: 0, secondary: 0 };
  const coordinates = Array.from({ length: shape.cellCount }, (_, cell) => Object.freeze(cellCoordinates(shape, cell)));
  const controlled = dense.map((slice, s) => {
    const reasons = reasonsBySlice[s] as Array<SuppressionReason | null>;
    const pattern = patterns[s] as Uint8Array;
    const cells = coordinates.map((coords, cell): OutcomeCell => {
      if (!pattern[cell]) {
        tally.released++;
        return releaseCell(coords, countsOf(slice, cell, hasOutcome), threshold, release);
      }
      const suppression = reasons[cell] ?? "SECONDARY";
      if (suppression === "BELOW_THRESHOLD") tally.belowThreshold++;
      else if (suppression === "COMPLEMENT_BELOW_THRESHOLD") tally.complementBelowThreshold++;
      else tally.secondary++;
      return { coordinates: coords, suppression, people: null, withOutcome: null, withoutOutcome: null, rate: null };
    });
    return { id: slice.id, cells };
  });

  const summary: ControlSummary = {
    threshold,
    cells: shape.cellCount * dense.length,
    ...tally,
    roundingBase: release.roundingBase,
    perturbation: release.perturb ? { method: "CELL_KEY", maximumDeviation: MAXIMUM_DEVIATION } : null,
  };
  // releaseCell leaves the outcome numbers null when the table has none.
  return hasOutcome
    ? { kind: "OUTCOME", slices: controlled, summary }
    : { kind: "POPULATION", slices: controlled as Array<{ id: string; cells: PopulationCell[] }>, summary };
}

/**
 * Validates the slices and spreads their cells over dense arrays. A table is
 * an outcome table when the caller says so or, if it does not, when any cell
 * gives an outcome count; then every given cell must, since a missing outcome
 * would otherwise pass for zero, and a population-only table has none.
 */
function densify(shape: TableShape, slices: readonly TableSlice[], outcome: boolean | undefined): { dense: DenseSlice[]; hasOutcome: boolean } {
  if (slices.length === 0) throw new Error("A table needs at least one slice");
  const ids = new Set<string>();
  for (const slice of slices) {
    if (ids.has(slice.id)) throw new Error(`Slice ${slice.id} appears twice`);
    ids.add(slice.id);
  }
  const hasOutcome = outcome ?? slices.some((slice) => slice.cells.some((c) => c.counts.withOutcome !== undefined));
  const dense = slices.map((slice): DenseSlice => {
    const d = {
      id: slice.id,
      people: new Float64Array(shape.cellCount),
      withOutcome: new Float64Array(shape.cellCount),
      peopleKey: new Float64Array(shape.cellCount),
      withOutcomeKey: new Float64Array(shape.cellCount),
    };
    const seen = new Uint8Array(shape.cellCount);
    for (const { coordinates, counts } of slice.cells) {
      const cell = cellIndex(shape, coordinates);
      let problem = countsProblem(counts);
      if (seen[cell]) problem = "is given twice";
      else if (hasOutcome && counts.withOutcome === undefined) problem = "has no withOutcome, but the table counts an outcome";
      else if (!hasOutcome && counts.withOutcome !== undefined) problem = "has a withOutcome, but the table is population-only";
      // The message is built only on failure: this loop runs for every cell.
      if (problem !== null) throw new Error(`Cell [${coordinates.join(", ")}] of slice ${slice.id}: ${problem}`);
      seen[cell] = 1;
      d.people[cell] = counts.people;
      d.withOutcome[cell] = counts.withOutcome ?? 0;
      d.peopleKey[cell] = counts.peopleKey;
      d.withOutcomeKey[cell] = counts.withOutcomeKey ?? 0;
    }
    return d;
  });
  return { dense, hasOutcome };
}

function countsOf(slice: DenseSlice, cell: number, hasOutcome: boolean): CellCounts {
  const people = slice.people[cell] as number;
  const peopleKey = slice.peopleKey[cell] as number;
  if (!hasOutcome) return { people, peopleKey };
  return { people, peopleKey, withOutcome: slice.withOutcome[cell] as number, withOutcomeKey: slice.withOutcomeKey[cell] as number };
}

/**
 * The released numbers of a cell that passed suppression. The three counts
 * are perturbed separately, each with its own cell key, as the ONS does: so
 * withOutcome + withoutOutcome need not equal people. A subset is capped at
 * the released whole, which only matters for thresholds below 6 (with
 * T >= 6 the perturbation cannot reorder them); the rate comes from the
 * released counts, so it is consistent with what the reader sees.
 */
function releaseCell(coordinates: readonly number[], counts: CellCounts, threshold: number, policy: ReleasePolicy): OutcomeCell {
  const people = releaseCount(counts.people, counts.peopleKey, threshold, policy);
  if (counts.withOutcome === undefined || counts.withOutcomeKey === undefined) {
    return { coordinates, suppression: null, people, withOutcome: null, withoutOutcome: null, rate: null };
  }
  const withOutcome = Math.min(people, releaseCount(counts.withOutcome, counts.withOutcomeKey, threshold, policy));
  const withoutOutcome = Math.min(people, releaseCount(counts.people - counts.withOutcome, counts.peopleKey - counts.withOutcomeKey, threshold, policy));
  return { coordinates, suppression: null, people, withOutcome, withoutOutcome, rate: withOutcome / people };
}
