/**
 * The vocabulary of disclosure control for count tables, and its first rule.
 *
 * A table has up to three breakdown dimensions (local authority, cohort,
 * headline problem, ...). Every cell is addressed by one coordinate per
 * dimension: a category index, or `TOTAL` for the margin over that dimension.
 * Margins are supplied by the caller rather than summed here, because along a
 * non-additive dimension (headline problem: one person, several problems) the
 * total counts distinct people and is not the sum of its categories.
 *
 * The threshold rule (ONS output checking, the "10-5 rule" family) is primary
 * suppression: a cell is withheld when its population, its count with the
 * outcome, or its count without the outcome is below the threshold, zero
 * included, since "nobody in this group" is itself a disclosure.
 *
 * Pure functions only: no database, no GraphQL, so the same code runs in the
 * gateway's double check and in tests.
 */

/** The coordinate of the margin over a dimension. */
export const TOTAL = -1;

/** The threshold when the caller sets none (ONS practice for linked data). */
export const DEFAULT_THRESHOLD = 10;

/**
 * At least 3: below that the complement rule is meaningless and the cell key
 * perturbation table (maximum deviation 3) could not keep released values
 * clear of the smallest, most disclosive counts.
 */
export const MINIMUM_THRESHOLD = 3;

/** Tables are cubes of at most three dimensions (the gateway's count cubes). */
export const MAXIMUM_DIMENSIONS = 3;

export interface TableDimension {
  readonly name: string;
  /** Category labels, in release order. */
  readonly categories: readonly string[];
  /**
   * True when the margin is the sum of the categories (each person in exactly
   * one category), so released cells constrain suppressed ones; false when a
   * person may count under several categories, and the margin is not a sum.
   */
  readonly additive: boolean;
}

/** The true, unrounded counts of one cell. */
export interface CellCounts {
  /** People in the cell: the population, the denominator of the rate. */
  readonly people: number;
  /** Of those, people with the outcome; absent for population-only tables. */
  readonly withOutcome?: number;
  /** Sum of the record keys (each person's fixed random key, 0..255) of the cell's people. */
  readonly peopleKey: number;
  /** Sum of the record keys of the people with the outcome; present exactly when `withOutcome` is. */
  readonly withOutcomeKey?: number;
}

export type SuppressionReason = "BELOW_THRESHOLD" | "COMPLEMENT_BELOW_THRESHOLD" | "SECONDARY";

/** Throws unless the threshold is an integer of at least `MINIMUM_THRESHOLD`. */
export function checkThreshold(threshold: number): void {
  if (!Number.isSafeInteger(threshold) || threshold < MINIMUM_THRESHOLD) {
    throw new Error(`Disclosure threshold must be an integer of at least ${MINIMUM_THRESHOLD}, got ${String(threshold)}`);
  }
}

/**
 * Why the threshold rule withholds this cell, or null when it passes. When
 * several parts fail, BELOW_THRESHOLD wins: it is the plainer reason, and a
 * complement is only worth naming when the counts themselves are large.
 */
export function primaryReason(counts: CellCounts, threshold: number): SuppressionReason | null {
  if (counts.people < threshold) return "BELOW_THRESHOLD";
  if (counts.withOutcome === undefined) return null;
  if (counts.withOutcome < threshold) return "BELOW_THRESHOLD";
  if (counts.people - counts.withOutcome < threshold) return "COMPLEMENT_BELOW_THRESHOLD";
  return null;
}

/**
 * What is wrong with counts no real table can hold, or null: negative or
 * fractional counts or key sums, more people with the outcome than people,
 * an outcome without its key sum (or the reverse). These are programming
 * errors, not user input; the caller adds which cell it was. (No closures
 * here: it runs for every cell of every request.)
 */
export function countsProblem(counts: CellCounts): string | null {
  const values = [counts.people, counts.withOutcome, counts.peopleKey, counts.withOutcomeKey];
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
      return `${COUNT_NAMES[i] as string} must be a non-negative integer, got ${String(value)}`;
    }
  }
  if ((counts.withOutcome === undefined) !== (counts.withOutcomeKey === undefined)) return "withOutcome and withOutcomeKey must be given together";
  if (counts.withOutcome !== undefined && counts.withOutcome > counts.people) {
    return `withOutcome (${counts.withOutcome}) exceeds people (${counts.people})`;
  }
  return null;
}
const COUNT_NAMES = ["people", "withOutcome", "peopleKey", "withOutcomeKey"] as const;

/**
 * A table's cells laid out flat, so that the suppression search works on
 * typed arrays rather than coordinate lists. Position p of dimension i is
 * category p, and position n_i is its TOTAL, so the flat order (first
 * dimension slowest) is the release order, TOTAL last in each dimension.
 */
export interface TableShape {
  /** Positions per dimension: categories plus the TOTAL. */
  readonly extents: readonly number[];
  /** Flat-index step of one position along each dimension. */
  readonly strides: readonly number[];
  readonly additive: readonly boolean[];
  /** The additive dimensions, in order: the only ones that constrain. */
  readonly additiveDimensions: readonly number[];
  /** prod(n_i + 1): every cell, margins included (1 for no dimensions). */
  readonly cellCount: number;
}

/** Validates the dimensions and lays out their cells. */
export function tableShape(dimensions: readonly TableDimension[]): TableShape {
  if (dimensions.length > MAXIMUM_DIMENSIONS) {
    throw new Error(`A table has at most ${MAXIMUM_DIMENSIONS} dimensions, got ${dimensions.length}`);
  }
  const names = new Set<string>();
  for (const dimension of dimensions) {
    if (names.has(dimension.name)) throw new Error(`Dimension ${dimension.name} appears twice`);
    names.add(dimension.name);
    // A dimension without categories has a TOTAL that is an empty sum: no
    // real breakdown looks like that, so it is a caller's mistake.
    if (dimension.categories.length === 0) throw new Error(`Dimension ${dimension.name} has no categories`);
    if (new Set(dimension.categories).size !== dimension.categories.length) {
      throw new Error(`Dimension ${dimension.name} repeats a category`);
    }
  }
  const extents = dimensions.map((d) => d.categories.length + 1);
  const strides = extents.map(() => 1);
  for (let i = extents.length - 2; i >= 0; i--) strides[i] = (strides[i + 1] as number) * (extents[i + 1] as number);
  const additive = dimensions.map((d) => d.additive);
  return {
    extents,
    strides,
    additive,
    additiveDimensions: additive.flatMap((a, i) => (a ? [i] : [])),
    cellCount: extents.reduce((product, n) => product * n, 1),
  };
}

/** The flat index of a cell; throws when the coordinates do not address one. */
export function cellIndex(shape: TableShape, coordinates: readonly number[]): number {
  if (coordinates.length !== shape.extents.length) {
    throw new Error(`Cell coordinates [${coordinates.join(", ")}] need ${shape.extents.length} entries`);
  }
  let index = 0;
  for (let i = 0; i < coordinates.length; i++) {
    const coordinate = coordinates[i] as number;
    const categories = (shape.extents[i] as number) - 1;
    if (coordinate !== TOTAL && !(Number.isInteger(coordinate) && coordinate >= 0 && coordinate < categories)) {
      throw new Error(`Coordinate ${String(coordinate)} of dimension ${i} is neither TOTAL nor a category index below ${categories}`);
    }
    index += (coordinate === TOTAL ? categories : coordinate) * (shape.strides[i] as number);
  }
  return index;
}

/** The coordinates of a flat index (TOTAL for the last position). */
export function cellCoordinates(shape: TableShape, index: number): number[] {
  return shape.extents.map((extent, i) => {
    const position = Math.floor(index / (shape.strides[i] as number)) % extent;
    return position === extent - 1 ? TOTAL : position;
  });
}

/** How many of a cell's coordinates are TOTAL: how much of a margin it is. */
export function totalsIn(shape: TableShape, index: number): number {
  let totals = 0;
  for (let i = 0; i < shape.extents.length; i++) {
    const extent = shape.extents[i] as number;
    if (Math.floor(index / (shape.strides[i] as number)) % extent === extent - 1) totals++;
  }
  return totals;
}
