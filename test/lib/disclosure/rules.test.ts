import { describe, expect, it } from "vitest";
import { cellCoordinates, cellIndex, checkThreshold, countsProblem, primaryReason, tableShape, TOTAL, totalsIn, type CellCounts } from "../../../lib/disclosure/rules.js";

const cell = (people: number, withOutcome?: number): CellCounts =>
  withOutcome === undefined ? { people, peopleKey: 0 } : { people, peopleKey: 0, withOutcome, withOutcomeKey: 0 };

describe("the threshold rule", () => {
  it("withholds a population below the threshold, zero included, and releases one at the threshold", () => {
    expect(primaryReason(cell(0), 10)).toBe("BELOW_THRESHOLD");
    expect(primaryReason(cell(1), 10)).toBe("BELOW_THRESHOLD");
    expect(primaryReason(cell(9), 10)).toBe("BELOW_THRESHOLD");
    expect(primaryReason(cell(10), 10)).toBeNull();
  });

  it("withholds an outcome count below the threshold, zero included", () => {
    expect(primaryReason(cell(100, 0), 10)).toBe("BELOW_THRESHOLD");
    expect(primaryReason(cell(100, 9), 10)).toBe("BELOW_THRESHOLD");
    expect(primaryReason(cell(100, 10), 10)).toBeNull();
  });

  it("withholds a cell whose count without the outcome is below the threshold", () => {
    expect(primaryReason(cell(100, 100), 10)).toBe("COMPLEMENT_BELOW_THRESHOLD");
    expect(primaryReason(cell(100, 91), 10)).toBe("COMPLEMENT_BELOW_THRESHOLD");
    expect(primaryReason(cell(100, 90), 10)).toBeNull();
    expect(primaryReason(cell(20, 10), 10)).toBeNull();
  });

  it("names the count itself when both the count and its complement are small", () => {
    expect(primaryReason(cell(15, 8), 10)).toBe("BELOW_THRESHOLD");
    expect(primaryReason(cell(5, 5), 10)).toBe("BELOW_THRESHOLD");
    expect(primaryReason(cell(0, 0), 10)).toBe("BELOW_THRESHOLD");
  });

  it("applies the caller's threshold, not the default", () => {
    expect(primaryReason(cell(3, 0), 3)).toBe("BELOW_THRESHOLD");
    expect(primaryReason(cell(6, 3), 3)).toBeNull();
    expect(primaryReason(cell(5, 3), 3)).toBe("COMPLEMENT_BELOW_THRESHOLD");
    expect(primaryReason(cell(10), 11)).toBe("BELOW_THRESHOLD");
  });

  it("judges a population-only cell on its people alone", () => {
    expect(primaryReason(cell(10), 10)).toBeNull();
    expect(primaryReason(cell(9), 10)).toBe("BELOW_THRESHOLD");
  });

  it("refuses thresholds below 3 or fractional", () => {
    expect(() => checkThreshold(2)).toThrow(/at least 3/);
    expect(() => checkThreshold(10.5)).toThrow(/integer/);
    expect(() => checkThreshold(3)).not.toThrow();
  });
});

describe("counts a table can hold", () => {
  it("refuses negative or fractional counts and key sums", () => {
    expect(countsProblem({ people: -1, peopleKey: 0 })).toBe("people must be a non-negative integer, got -1");
    expect(countsProblem({ people: 1.5, peopleKey: 0 })).toMatch(/^people/);
    expect(countsProblem({ people: 1, peopleKey: -3 })).toMatch(/^peopleKey/);
    expect(countsProblem({ people: 10, peopleKey: 0, withOutcome: 2, withOutcomeKey: 0.5 })).toMatch(/^withOutcomeKey/);
  });

  it("refuses more people with the outcome than people", () => {
    expect(countsProblem(cell(10, 11))).toBe("withOutcome (11) exceeds people (10)");
    expect(countsProblem(cell(10, 10))).toBeNull();
  });

  it("needs an outcome and its key sum together", () => {
    expect(countsProblem({ people: 10, peopleKey: 0, withOutcome: 3 })).toMatch(/together/);
    expect(countsProblem({ people: 10, peopleKey: 0, withOutcomeKey: 3 })).toMatch(/together/);
  });
});

describe("table shape", () => {
  const dims = [
    { name: "la", categories: ["a", "b", "c"], additive: true },
    { name: "sex", categories: ["F", "M"], additive: true },
  ];

  it("counts every cell, margins included", () => {
    expect(tableShape(dims).cellCount).toBe(4 * 3);
    expect(tableShape([]).cellCount).toBe(1);
  });

  it("orders cells with the first dimension slowest and TOTAL last", () => {
    const shape = tableShape(dims);
    const order = Array.from({ length: shape.cellCount }, (_, i) => cellCoordinates(shape, i));
    expect(order.slice(0, 4)).toEqual([
      [0, 0],
      [0, 1],
      [0, TOTAL],
      [1, 0],
    ]);
    expect(order.at(-1)).toEqual([TOTAL, TOTAL]);
    order.forEach((coordinates, i) => expect(cellIndex(shape, coordinates)).toBe(i));
    expect(totalsIn(shape, cellIndex(shape, [TOTAL, TOTAL]))).toBe(2);
    expect(totalsIn(shape, cellIndex(shape, [2, TOTAL]))).toBe(1);
  });

  it("refuses coordinates that address no cell", () => {
    const shape = tableShape(dims);
    expect(() => cellIndex(shape, [3, 0])).toThrow(/Coordinate 3 of dimension 0 is neither TOTAL nor a category index below 3/);
    expect(() => cellIndex(shape, [0, -2])).toThrow(/dimension 1/);
    expect(() => cellIndex(shape, [0])).toThrow(/need 2 entries/);
    expect(() => cellIndex(shape, [0.5, 0])).toThrow(/Coordinate 0.5/);
  });

  it("refuses more than three dimensions, empty dimensions and repeated names", () => {
    const d = (name: string) => ({ name, categories: ["x"], additive: true });
    expect(() => tableShape([d("a"), d("b"), d("c"), d("e")])).toThrow(/at most 3/);
    expect(() => tableShape([{ name: "a", categories: [], additive: true }])).toThrow(/no categories/);
    expect(() => tableShape([d("a"), d("a")])).toThrow(/appears twice/);
    expect(() => tableShape([{ name: "a", categories: ["x", "x"], additive: true }])).toThrow(/repeats/);
  });
});
