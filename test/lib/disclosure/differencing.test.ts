import { describe, expect, it } from "vitest";
import { TOTAL, type TableDimension } from "../../../lib/disclosure/rules.js";
import { controlTable, type ControlledTable } from "../../../lib/disclosure/table.js";
import { Random } from "../../../seed/random.js";
import { allCoordinates, recoverableCells, singleUnknownLines } from "../../support/differencing.js";
import { randomSpec, syntheticTable } from "./synthetic.js";

const dimension = (name: string, n: number, additive = true): TableDimension => ({
  name,
  categories: Array.from({ length: n }, (_, i) => `${name}${i}`),
  additive,
});

/** A pattern with exactly these cells withheld. */
const pattern = (dims: TableDimension[], hidden: number[][]) => {
  const keys = new Set(hidden.map((c) => c.join(",")));
  return allCoordinates(dims).map((coordinates) => ({ coordinates, suppression: keys.has(coordinates.join(",")) ? "X" : null }));
};

describe("the differencing oracle", () => {
  it("recovers a lone suppressed cell of a row from its total", () => {
    const dims = [dimension("la", 3)];
    expect(recoverableCells(dims, pattern(dims, [[1]]))).toEqual([[1]]);
    expect(singleUnknownLines(dims, pattern(dims, [[1]]))).toHaveLength(1);
  });

  it("recovers a lone suppressed total", () => {
    const dims = [dimension("la", 3), dimension("sex", 2)];
    expect(recoverableCells(dims, pattern(dims, [[TOTAL, TOTAL]]))).toEqual([[TOTAL, TOTAL]]);
  });

  it("recovers a cell that no single line gives away, by combining four lines", () => {
    // Row 0 gives a + b + c; columns 1 and 2 give b + f and c + g; row 2
    // gives f + g; so b + c, hence a = (0, 0), is known.
    const dims = [dimension("r", 3), dimension("c", 3)];
    const hidden = [[0, 0], [0, 1], [0, 2], [1, 0], [1, TOTAL], [2, 1], [2, 2], [TOTAL, 0], [TOTAL, TOTAL]];
    expect(singleUnknownLines(dims, pattern(dims, hidden))).toEqual([]);
    expect(recoverableCells(dims, pattern(dims, hidden))).toEqual([[0, 0]]);
  });

  it("recovers nothing from a suppressed rectangle, or along a non-additive dimension", () => {
    const dims = [dimension("la", 3), dimension("sex", 2)];
    const rectangle = [
      [0, 0],
      [0, 1],
      [2, 0],
      [2, 1],
    ];
    expect(recoverableCells(dims, pattern(dims, rectangle))).toEqual([]);
    const problems = [dimension("problem", 3, false)];
    expect(recoverableCells(problems, pattern(problems, [[1]]))).toEqual([]);
  });

  it("recovers a cell of an additive sub-table alongside a non-additive dimension", () => {
    const dims = [dimension("la", 2), dimension("problem", 3, false)];
    expect(recoverableCells(dims, pattern(dims, [[0, 1]]))).toEqual([[0, 1]]);
  });
});

/**
 * Checks one controlled table the way an attacker would: per slice, no
 * suppressed cell is determined by the released ones; across slices, where
 * populations are equal, no small population is determined by the cells
 * released in any window.
 */
function attack(dims: TableDimension[], smallPopulations: Set<string>, table: ControlledTable): { hidden: number; found: string[] } {
  const found: string[] = [];
  let hidden = 0;
  for (const slice of table.slices) {
    hidden += slice.cells.filter((c) => c.suppression !== null).length;
    for (const cell of recoverableCells(dims, slice.cells)) found.push(`slice ${slice.id} recovers [${cell.join(", ")}]`);
    for (const line of singleUnknownLines(dims, slice.cells)) found.push(`slice ${slice.id} line of [${line.total.join(", ")}] has one unknown`);
  }
  // People are the same in every window: an attacker knows a cell's people
  // if any window releases it, so only cells hidden in all windows are unknown.
  const everywhere = (table.slices[0]?.cells ?? []).map((cell, i) => ({
    coordinates: cell.coordinates,
    suppression: table.slices.every((s) => s.cells[i]?.suppression !== null) ? "X" : null,
  }));
  for (const cell of recoverableCells(dims, everywhere)) {
    if (smallPopulations.has(cell.join(","))) found.push(`people of [${cell.join(", ")}] recovered across windows`);
  }
  return { hidden, found };
}

describe("secondary suppression against differencing", () => {
  const configurations = [
    { dimensions: 1, maxCategories: 8, nonAdditive: false, tables: 150 },
    { dimensions: 1, maxCategories: 8, nonAdditive: true, tables: 40 },
    { dimensions: 2, maxCategories: 6, nonAdditive: false, tables: 150 },
    { dimensions: 2, maxCategories: 6, nonAdditive: true, tables: 80 },
    { dimensions: 3, maxCategories: 4, nonAdditive: false, tables: 100 },
    { dimensions: 3, maxCategories: 4, nonAdditive: true, tables: 100 },
  ];

  for (const config of configurations) {
    const label = `${config.dimensions}-way tables${config.nonAdditive ? " with a non-additive dimension" : ""}`;
    it(`leaves no suppressed cell recoverable in random ${label}`, () => {
      const random = new Random(424242, config.dimensions * 10 + (config.nonAdditive ? 1 : 0));
      let hidden = 0;
      let secondary = 0;
      let singleCategory = 0;
      for (let t = 0; t < config.tables; t++) {
        const spec = randomSpec(random, config.dimensions, { ...config, population: random.chance(0.25) });
        const { dimensions, slices } = syntheticTable(random, spec);
        const threshold = random.pick([3, 5, 10, 10, 20]);
        const table = controlTable(dimensions, slices, { threshold, release: { perturb: false, roundingBase: null } });
        // Cells whose people are below the threshold in some window (an omitted cell has none).
        const people = slices.map((s) => new Map(s.cells.map((c) => [c.coordinates.join(","), c.counts.people])));
        const small = new Set(
          allCoordinates(dimensions)
            .map((c) => c.join(","))
            .filter((k) => people.some((p) => (p.get(k) ?? 0) < threshold)),
        );
        const result = attack(dimensions, small, table);
        expect(result.found, `table ${t}: ${JSON.stringify(spec)}, threshold ${threshold}`).toEqual([]);
        hidden += result.hidden;
        secondary += table.summary.secondary;
        if (spec.categories.includes(1)) singleCategory++;
      }
      // The sweep must actually exercise suppression, secondary included.
      expect(hidden).toBeGreaterThan(config.tables);
      if (config.dimensions > 0 && !(config.dimensions === 1 && config.nonAdditive)) expect(secondary).toBeGreaterThan(0);
      if (config.dimensions > 1) expect(singleCategory).toBeGreaterThan(0);
    });
  }

  it("leaves a table without dimensions as it is: one cell, nothing to difference", () => {
    const random = new Random(5);
    for (let t = 0; t < 10; t++) {
      const { dimensions, slices } = syntheticTable(random, { categories: [], additive: [], people: random.int(0, 30), windows: 2, outcomeRate: 0.5, skew: 0 });
      const table = controlTable(dimensions, slices, { threshold: 10, release: { perturb: false, roundingBase: null } });
      expect(table.summary.cells).toBe(2);
      expect(table.summary.secondary).toBe(0);
    }
  });
});
