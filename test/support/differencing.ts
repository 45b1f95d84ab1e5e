import { TOTAL, type TableDimension } from "../../lib/disclosure/rules.js";

/**
 * An exact differencing attacker, to check secondary suppression from the
 * outside. It knows the table's additive constraints (along each additive
 * dimension, for every fixed assignment of the other coordinates, TOTAL
 * included: the TOTAL cell equals the sum of the category cells) and which
 * cells were released. A suppressed cell is recoverable when some linear
 * combination of the constraints involves it and no other unknown, that is
 * when its unit vector lies in the row space of the constraint matrix
 * restricted to the unknowns.
 *
 * It shares no code with the library's geometry (cells are keyed by their
 * coordinates as text) and decides with exact integer arithmetic (BigInt,
 * fraction-free Gauss-Jordan elimination), so a floating-point near-zero can
 * never hide a recovery.
 */

export interface ReleasedCellPattern {
  readonly coordinates: readonly number[];
  /** Anything non-null means the cell was withheld. */
  readonly suppression: string | null;
}

/** One equation: the total cell equals the sum of the part cells. */
export interface ConstraintLine {
  readonly total: readonly number[];
  readonly parts: ReadonlyArray<readonly number[]>;
}

const key = (coordinates: readonly number[]) => coordinates.join(",");

/** Every coordinate tuple of the table, margins included. */
export function allCoordinates(dimensions: readonly TableDimension[]): number[][] {
  let tuples: number[][] = [[]];
  for (const dimension of dimensions) {
    const values = [...dimension.categories.map((_, i) => i), TOTAL];
    tuples = tuples.flatMap((tuple) => values.map((v) => [...tuple, v]));
  }
  return tuples;
}

/** The additive constraints of the table: one line per additive dimension and assignment of the others. */
export function constraintLines(dimensions: readonly TableDimension[]): ConstraintLine[] {
  const lines: ConstraintLine[] = [];
  dimensions.forEach((dimension, i) => {
    if (!dimension.additive) return;
    for (const tuple of allCoordinates(dimensions)) {
      if (tuple[i] !== TOTAL) continue;
      lines.push({
        total: tuple,
        parts: dimension.categories.map((_, c) => tuple.map((v, j) => (j === i ? c : v))),
      });
    }
  });
  return lines;
}

/** Which cells are unknown to the attacker; every cell of the table must be listed. */
function unknownsOf(dimensions: readonly TableDimension[], cells: readonly ReleasedCellPattern[]): Set<string> {
  const given = new Map(cells.map((c) => [key(c.coordinates), c.suppression !== null]));
  const unknown = new Set<string>();
  for (const tuple of allCoordinates(dimensions)) {
    const suppressed = given.get(key(tuple));
    if (suppressed === undefined) throw new Error(`Released table lacks cell [${tuple.join(", ")}]`);
    if (suppressed) unknown.add(key(tuple));
  }
  return unknown;
}

/**
 * The literal check an analyst with a spreadsheet would do: lines where
 * subtracting the released cells from the released total (or the released
 * parts from each other) leaves exactly one unknown.
 */
export function singleUnknownLines(dimensions: readonly TableDimension[], cells: readonly ReleasedCellPattern[]): ConstraintLine[] {
  const unknown = unknownsOf(dimensions, cells);
  return constraintLines(dimensions).filter((line) => [line.total, ...line.parts].filter((c) => unknown.has(key(c))).length === 1);
}

const abs = (x: bigint) => (x < 0n ? -x : x);
function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Divides a sparse row by the gcd of its entries, so numbers stay small. */
function normalise(row: Map<number, bigint>): void {
  let g = 0n;
  for (const v of row.values()) g = gcd(g, v);
  if (g > 1n) for (const [c, v] of row) row.set(c, v / g);
}

/**
 * The suppressed cells (coordinates) that the released cells determine
 * exactly. Empty means the suppression pattern holds against any linear
 * differencing through the table's own totals.
 */
export function recoverableCells(dimensions: readonly TableDimension[], cells: readonly ReleasedCellPattern[]): number[][] {
  const unknown = [...unknownsOf(dimensions, cells)];
  const column = new Map(unknown.map((k, i) => [k, i]));
  // Each constraint restricted to the unknowns: +1 for the total, -1 for each
  // part. Released cells move to the right-hand side, which does not matter
  // for whether a cell is determined.
  const rows: Array<Map<number, bigint>> = [];
  for (const line of constraintLines(dimensions)) {
    const row = new Map<number, bigint>();
    const add = (coordinates: readonly number[], coefficient: bigint) => {
      const c = column.get(key(coordinates));
      if (c !== undefined) row.set(c, (row.get(c) ?? 0n) + coefficient);
    };
    add(line.total, 1n);
    for (const part of line.parts) add(part, -1n);
    for (const [c, v] of row) if (v === 0n) row.delete(c);
    if (row.size > 0) rows.push(row);
  }

  // Fraction-free Gauss-Jordan: afterwards each pivot column is non-zero in
  // its pivot row only, so the row space is spanned by rows whose pivot
  // entries are independent, and a unit vector e_u lies in it exactly when u
  // is a pivot column whose row has no other non-zero entry.
  const pivotRows: Array<{ column: number; row: Map<number, bigint> }> = [];
  let pending = rows;
  for (let c = 0; c < unknown.length; c++) {
    const index = pending.findIndex((row) => row.has(c));
    if (index < 0) continue;
    const pivot = pending[index] as Map<number, bigint>;
    pending = pending.filter((_, i) => i !== index);
    const eliminate = (row: Map<number, bigint>) => {
      const b = row.get(c);
      if (b === undefined) return;
      const a = pivot.get(c) as bigint;
      for (const [col, v] of row) row.set(col, v * a);
      for (const [col, v] of pivot) {
        const next = (row.get(col) ?? 0n) - v * b;
        if (next === 0n) row.delete(col);
        else row.set(col, next);
      }
      normalise(row);
    };
    for (const row of pending) eliminate(row);
    for (const done of pivotRows) eliminate(done.row);
    pending = pending.filter((row) => row.size > 0);
    pivotRows.push({ column: c, row: pivot });
  }
  return pivotRows
    .filter(({ row }) => row.size === 1)
    .map(({ column: c }) => (unknown[c] as string).split(",").filter((s) => s !== "").map(Number));
}
