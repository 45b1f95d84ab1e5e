import { totalsIn, type TableShape } from "./rules.js";

/**
 * Secondary suppression by the hypercube method (Repsilber; as in tau-Argus
 * and sdcTable's "HYPERCUBE"): withholding a cell is useless if it can be
 * recovered by subtraction from its margins and neighbours, so each primary
 * cell is hidden together with the other corners of a hypercube.
 *
 * Why a hypercube protects: along each additive dimension, pick a partner
 * position for the cell. The per-dimension vector +1/-1 on two categories, or
 * +1/+1 on a category and its TOTAL, satisfies that dimension's constraint
 * (TOTAL = sum of categories); their tensor product satisfies every
 * constraint of the table and is non-zero exactly on the 2^k corners. Adding
 * any multiple of it to the true table changes no released cell, so no corner
 * is determined by the released ones, however they are combined.
 *
 * Non-additive dimensions (headline problem) give no equations, so the cube
 * spans only the additive ones: fixing the non-additive coordinates, TOTAL
 * included, leaves independent sub-tables. With no additive dimension there
 * is nothing to subtract from, and a primary cell needs no partner.
 *
 * The cube is chosen for least cost, where a corner already suppressed is
 * free, and a new one costs a large unit per new suppression (more for
 * margins, which readers value most) plus its people (hide small cells rather
 * than large). The search is branch and bound over partners sorted by cost,
 * stopping at the first cube with nothing new to hide, because this runs on
 * every request.
 */

/**
 * Cost of suppressing each cell when it is not already suppressed:
 * unit * (1 + TOTAL coordinates) + people. The unit exceeds the people of any
 * cube (at most 2^3 corners), so people only break ties between cubes with
 * the same weighted number of new suppressions.
 */
export function suppressionCosts(shape: TableShape, people: ArrayLike<number>): Float64Array {
  let largest = 0;
  for (let i = 0; i < shape.cellCount; i++) largest = Math.max(largest, people[i] ?? 0);
  const unit = 8 * (largest + 1);
  const costs = new Float64Array(shape.cellCount);
  for (let i = 0; i < shape.cellCount; i++) costs[i] = unit * (1 + totalsIn(shape, i)) + (people[i] ?? 0);
  return costs;
}

/**
 * The corners (flat indices, the cell itself first) of the cheapest hypercube
 * through `cell`, given what is suppressed now. Ties go to the first cube in
 * partner order (by cost, then position), so the choice is deterministic.
 */
export function cheapestHypercube(shape: TableShape, cell: number, suppressed: Uint8Array, costs: Float64Array): number[] {
  const dimensions = shape.additiveDimensions;
  const depthCount = dimensions.length;
  if (depthCount === 0) return [cell];
  const cost = (index: number): number => (suppressed[index] ? 0 : (costs[index] as number));

  // Per additive dimension, the partners as flat-index offsets from the cell,
  // in order of the cost of the corner that differs from the cell only there
  // (position order among equals). Partners already suppressed come first and
  // need no sorting; the rest are sorted only if the search gets that far,
  // which it rarely does once a table has many suppressed cells.
  const partners = dimensions.map((dimension) => {
    const stride = shape.strides[dimension] as number;
    const extent = shape.extents[dimension] as number;
    const own = Math.floor(cell / stride) % extent;
    const offsets: number[] = [];
    const edges: number[] = [];
    const rest: number[] = [];
    let cheapest = Infinity;
    for (let position = 0; position < extent; position++) {
      if (position === own) continue;
      const offset = (position - own) * stride;
      const edge = cost(cell + offset);
      cheapest = Math.min(cheapest, edge);
      if (edge === 0) {
        offsets.push(offset);
        edges.push(0);
      } else rest.push(offset);
    }
    return { offsets, edges, rest, cheapest };
  });
  const extend = (depth: number): boolean => {
    const p = partners[depth] as (typeof partners)[number];
    if (p.rest.length === 0) return false;
    const rest = p.rest.map((offset) => ({ offset, edge: cost(cell + offset) })).sort((a, b) => a.edge - b.edge);
    for (const { offset, edge } of rest) {
      p.offsets.push(offset);
      p.edges.push(edge);
    }
    p.rest = [];
    return true;
  };
  // A lower bound on what the dimensions still to choose will add: each adds
  // at least its cheapest edge corner (the other new corners cost >= 0).
  const floorAfter = new Array<number>(depthCount + 1).fill(0);
  for (let d = depthCount - 1; d >= 0; d--) floorAfter[d] = (floorAfter[d + 1] as number) + (partners[d] as (typeof partners)[number]).cheapest;

  let best = Infinity;
  const bestChoice = new Array<number>(depthCount).fill(0);
  const chosen = new Array<number>(depthCount).fill(0);
  // corners[d] holds the offsets of the 2^d corners fixed by the partners
  // chosen above depth d (the cell first); choosing partner `delta` at depth
  // d keeps them and adds each shifted by delta. Preallocated: this is the
  // hot loop of every table.
  const corners = Array.from({ length: depthCount + 1 }, (_, d) => new Float64Array(1 << d));
  // Returns true once a free cube is found: nothing can beat it.
  const search = (depth: number, spent: number): boolean => {
    if (depth === depthCount) {
      best = spent;
      for (let d = 0; d < depthCount; d++) bestChoice[d] = chosen[d] as number;
      return best === 0;
    }
    const { offsets: deltas, edges } = partners[depth] as (typeof partners)[number];
    const after = floorAfter[depth + 1] as number;
    const fixed = corners[depth] as Float64Array;
    const next = corners[depth + 1] as Float64Array;
    for (let i = 0; i < deltas.length || extend(depth); i++) {
      // Partners are sorted by edge cost, so once the bound fails here it
      // fails for every later partner too.
      let total = spent + (edges[i] as number);
      if (total + after >= best) break;
      const delta = deltas[i] as number;
      for (let c = 1; c < fixed.length && total + after < best; c++) {
        const corner = cell + delta + (fixed[c] as number);
        if (!suppressed[corner]) total += costs[corner] as number;
      }
      if (total + after >= best) continue;
      chosen[depth] = delta;
      next.set(fixed);
      for (let c = 0; c < fixed.length; c++) next[fixed.length + c] = (fixed[c] as number) + delta;
      if (search(depth + 1, total)) return true;
    }
    return false;
  };
  search(0, 0);

  let cube = [0];
  for (const delta of bestChoice) cube = cube.concat(cube.map((o) => o + delta));
  return cube.map((o) => cell + o);
}

/**
 * Suppresses the primaries and enough further cells that none of them can be
 * recovered, and returns the new pattern (the input is not changed).
 *
 * `suppressed` must hold only cells that are already protected (a previous
 * pass's result): they cost nothing to reuse, and primaries among them need
 * no further work. Primaries are processed in ascending order; all of them
 * are marked first, since they will be hidden anyway and are free partners.
 */
export function protectCells(shape: TableShape, suppressed: Uint8Array, primaries: readonly number[], costs: Float64Array): Uint8Array {
  if (suppressed.length !== shape.cellCount || costs.length !== shape.cellCount) {
    throw new Error(`Suppression pattern and costs need ${shape.cellCount} cells`);
  }
  const result = Uint8Array.from(suppressed);
  // Corners of chosen cubes (and the already protected input): a primary
  // found here is already hidden by a cube, so searching again would only
  // find a free cube and add nothing.
  const covered = Uint8Array.from(suppressed);
  const ordered = [...primaries].sort((a, b) => a - b);
  for (const cell of ordered) {
    if (!Number.isInteger(cell) || cell < 0 || cell >= shape.cellCount) throw new Error(`Primary cell ${cell} is outside the table`);
    result[cell] = 1;
  }
  for (const cell of ordered) {
    if (covered[cell]) continue;
    for (const corner of cheapestHypercube(shape, cell, result, costs)) {
      result[corner] = 1;
      covered[corner] = 1;
    }
  }
  return result;
}
