import { describe, expect, it } from "vitest";
import { cellCoordinates, cellIndex, tableShape, TOTAL, type TableDimension, type TableShape } from "../../../lib/disclosure/rules.js";
import { cheapestHypercube, protectCells, suppressionCosts } from "../../../lib/disclosure/secondary.js";
import { Random } from "../../../seed/random.js";
import { recoverableCells } from "../../support/differencing.js";

const dimension = (name: string, n: number, additive = true): TableDimension => ({
  name,
  categories: Array.from({ length: n }, (_, i) => `${name}${i}`),
  additive,
});

/** People per cell from a function of the coordinates. */
const peopleBy = (shape: TableShape, f: (coordinates: number[]) => number) =>
  Float64Array.from({ length: shape.cellCount }, (_, i) => f(cellCoordinates(shape, i)));

/** Runs protectCells from nothing and returns the suppressed coordinates. */
function protect(dims: TableDimension[], primaries: number[][], people: (c: number[]) => number = () => 100): number[][] {
  const shape = tableShape(dims);
  const pattern = protectCells(
    shape,
    new Uint8Array(shape.cellCount),
    primaries.map((c) => cellIndex(shape, c)),
    suppressionCosts(shape, peopleBy(shape, people)),
  );
  return Array.from(pattern, (s, i) => (s ? cellCoordinates(shape, i) : null)).filter((c) => c !== null);
}

/** The same pattern as the attacker sees it. */
const released = (dims: TableDimension[], suppressed: number[][]) => {
  const shape = tableShape(dims);
  const hidden = new Set(suppressed.map((c) => c.join(",")));
  return Array.from({ length: shape.cellCount }, (_, i) => {
    const coordinates = cellCoordinates(shape, i);
    return { coordinates, suppression: hidden.has(coordinates.join(",")) ? "X" : null };
  });
};

describe("choosing a hypercube", () => {
  it("hides the smallest other category of a one-way table rather than its total", () => {
    const dims = [dimension("la", 3)];
    expect(protect(dims, [[0]], ([c]) => [5, 50, 20, 75][c === TOTAL ? 3 : (c as number)] as number)).toEqual([[0], [2]]);
  });

  it("pairs a single category with its total, the only other cell", () => {
    expect(protect([dimension("cohort", 1)], [[0]])).toEqual([[0], [TOTAL]]);
    expect(protect([dimension("cohort", 1)], [[TOTAL]])).toEqual([[0], [TOTAL]]);
  });

  it("hides a rectangle of interior cells in a two-way table, the smallest it can find", () => {
    const dims = [dimension("la", 3), dimension("sex", 2)];
    // Cell (1, 1) is the cheapest partner of (0, 0): rows and columns are cheap in proportion.
    const people = ([r, c]: number[]) => (r === TOTAL || c === TOTAL ? 1000 : [[5, 40], [30, 20], [60, 70]][r as number]![c as number]!);
    expect(protect(dims, [[0, 0]], people)).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
  });

  it("prefers partners that are already suppressed", () => {
    const dims = [dimension("la", 4), dimension("sex", 2)];
    // Two primaries in the same column share a rectangle: four cells, not six or eight.
    const suppressed = protect(dims, [
      [0, 0],
      [3, 1],
    ]);
    expect(suppressed).toEqual([
      [0, 0],
      [0, 1],
      [3, 0],
      [3, 1],
    ]);
  });

  it("uses a margin only when the categories offer nothing", () => {
    // With one category along the second dimension its partner must be the TOTAL.
    const dims = [dimension("la", 3), dimension("cohort", 1)];
    expect(protect(dims, [[0, 0]])).toEqual([
      [0, 0],
      [0, TOTAL],
      [1, 0],
      [1, TOTAL],
    ]);
  });

  it("stays within the sub-table of a non-additive dimension", () => {
    const dims = [dimension("la", 3), dimension("problem", 3, false)];
    const suppressed = protect(dims, [[0, 2]]);
    expect(suppressed).toHaveLength(2);
    expect(suppressed.every(([, p]) => p === 2)).toBe(true);
  });

  it("adds nothing when no dimension is additive", () => {
    expect(protect([dimension("problem", 3, false)], [[1]])).toEqual([[1]]);
    expect(protect([], [[]])).toEqual([[]]);
  });

  it("returns the cell itself as the first corner, then the corners of each partner", () => {
    const dims = [dimension("a", 2), dimension("b", 2), dimension("c", 2)];
    const shape = tableShape(dims);
    const corners = cheapestHypercube(shape, 0, new Uint8Array(shape.cellCount), suppressionCosts(shape, new Float64Array(shape.cellCount)));
    expect(corners).toHaveLength(8);
    expect(corners[0]).toBe(0);
    expect(new Set(corners).size).toBe(8);
  });

  it("leaves the input pattern unchanged and refuses cells outside the table", () => {
    const shape = tableShape([dimension("la", 3)]);
    const before = new Uint8Array(shape.cellCount);
    protectCells(shape, before, [0], suppressionCosts(shape, new Float64Array(shape.cellCount)));
    expect([...before]).toEqual([0, 0, 0, 0]);
    expect(() => protectCells(shape, before, [4], suppressionCosts(shape, new Float64Array(4)))).toThrow(/outside the table/);
  });
});

describe("protection of a hypercube pattern", () => {
  it("leaves no primary or secondary cell recoverable, in hand-built tables with many primaries", () => {
    const random = new Random(20240611, 1);
    for (let trial = 0; trial < 30; trial++) {
      const dims = [dimension("la", random.int(1, 6)), dimension("age", random.int(1, 4)), dimension("sex", random.int(1, 2))];
      const shape = tableShape(dims);
      const primaries = Array.from({ length: shape.cellCount }, (_, i) => i).filter(() => random.chance(0.2));
      const pattern = protectCells(shape, new Uint8Array(shape.cellCount), primaries, suppressionCosts(shape, peopleBy(shape, () => random.int(0, 99))));
      const suppressed = Array.from(pattern, (s, i) => (s ? cellCoordinates(shape, i) : null)).filter((c) => c !== null);
      expect(recoverableCells(dims, released(dims, suppressed))).toEqual([]);
    }
  });
});

describe("speed of secondary suppression", () => {
  // Times are logged, not asserted: shared machines are too noisy for that.
  // Tables of the gateway's largest shape (151 local authorities), half the
  // interior cells primary.
  const measure = (dims: TableDimension[]) => {
    const shape = tableShape(dims);
    const random = new Random(7, dims.length);
    const interior = Array.from({ length: shape.cellCount }, (_, i) => i).filter((i) => !cellCoordinates(shape, i).includes(TOTAL));
    const primaries = interior.filter(() => random.chance(0.5));
    const people = peopleBy(shape, () => random.int(0, 500));
    const times: number[] = [];
    let pattern: Uint8Array = new Uint8Array(0);
    for (let run = 0; run < 15; run++) {
      const started = performance.now();
      pattern = protectCells(shape, new Uint8Array(shape.cellCount), primaries, suppressionCosts(shape, people));
      times.push(performance.now() - started);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const hidden = pattern.reduce((n, s) => n + s, 0);
    console.log(
      `hypercube ${dims.map((d) => d.categories.length).join("x")}: ${primaries.length} primaries, ${hidden - primaries.length} secondary; ` +
        `first (cold) ${times[0]?.toFixed(2)} ms, median ${sorted[7]?.toFixed(2)} ms, min ${sorted[0]?.toFixed(2)} ms of ${times.length} runs`,
    );
    return { primaries, pattern };
  };

  it("protects a 151 x 9 table with half its interior primary", () => {
    const { primaries, pattern } = measure([dimension("la", 151), dimension("age", 9)]);
    for (const p of primaries) expect(pattern[p]).toBe(1);
  });

  it("protects a 151 x 9 x 2 table with half its interior primary", () => {
    const { primaries, pattern } = measure([dimension("la", 151), dimension("age", 9), dimension("sex", 2)]);
    for (const p of primaries) expect(pattern[p]).toBe(1);
  });
});
