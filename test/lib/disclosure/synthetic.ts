import { TOTAL, type CellCounts, type TableDimension } from "../../../lib/disclosure/rules.js";
import type { TableSlice } from "../../../lib/disclosure/table.js";
import { Random } from "../../../seed/random.js";

/**
 * Random but realistic count tables for the disclosure tests, built the way
 * the gateway's are: from people. Each person has a fixed record key, one
 * category on each additive dimension, one or more categories on a
 * non-additive one (several headline problems), and an outcome flag per
 * window. Every cell, margins included, is counted from the people, so
 * additive margins are sums, non-additive ones count distinct people, and
 * each cell's population is the same in every window, as in real tables.
 */

export interface SyntheticSpec {
  /** Categories per dimension (one entry per dimension, 0 to 3 of them). */
  readonly categories: readonly number[];
  readonly additive: readonly boolean[];
  readonly people: number;
  /** Windows (slices), each with its own outcomes. */
  readonly windows: number;
  /** Chance of the outcome per person in the first window (later ones vary around it); null for a population-only table. */
  readonly outcomeRate: number | null;
  /**
   * How uneven the categories are: 0 draws them uniformly; larger values give
   * some categories tiny weights, hence sparse cells and zeros.
   */
  readonly skew: number;
}

export interface SyntheticTable {
  readonly dimensions: TableDimension[];
  readonly slices: TableSlice[];
}

export function syntheticTable(random: Random, spec: SyntheticSpec): SyntheticTable {
  const dimensions: TableDimension[] = spec.categories.map((n, i) => ({
    name: `d${i}`,
    categories: Array.from({ length: n }, (_, c) => `c${c}`),
    additive: spec.additive[i] ?? true,
  }));
  const weights = spec.categories.map((n) => Array.from({ length: n }, () => Math.pow(random.float(), spec.skew) + 1e-9));
  const drawCategory = (d: number): number => {
    const w = weights[d] as number[];
    let target = random.float() * w.reduce((a, b) => a + b, 0);
    for (let c = 0; c < w.length; c++) if ((target -= w[c] as number) < 0) return c;
    return w.length - 1;
  };

  // Outcomes differ between windows, as they do before and after support, so
  // each window's suppression pattern differs too.
  const rates = Array.from({ length: spec.windows }, (_, w) => (spec.outcomeRate === null ? 0 : w === 0 ? spec.outcomeRate : Math.min(1, spec.outcomeRate * 2 * random.float())));
  const counts = Array.from({ length: spec.windows }, () => new Map<string, { people: number; withOutcome: number; peopleKey: number; withOutcomeKey: number }>());
  for (let p = 0; p < spec.people; p++) {
    const recordKey = random.int(0, 255);
    // The coordinates this person counts under, per dimension: their
    // categories and the TOTAL (once, however many categories they have).
    const options = dimensions.map((dimension, d) => {
      const first = drawCategory(d);
      if (dimension.additive) return [first, TOTAL];
      const more = dimension.categories.map((_, c) => c).filter((c) => c !== first && random.chance(0.3));
      return [first, ...more, TOTAL];
    });
    let tuples: number[][] = [[]];
    for (const values of options) tuples = tuples.flatMap((t) => values.map((v) => [...t, v]));
    const outcomes = rates.map((rate) => random.chance(rate));
    counts.forEach((window, w) => {
      for (const tuple of tuples) {
        const k = tuple.join(",");
        const cell = window.get(k) ?? { people: 0, withOutcome: 0, peopleKey: 0, withOutcomeKey: 0 };
        cell.people++;
        cell.peopleKey += recordKey;
        if (outcomes[w]) {
          cell.withOutcome++;
          cell.withOutcomeKey += recordKey;
        }
        window.set(k, cell);
      }
    });
  }

  // Empty cells are left out, as a database's GROUP BY leaves them out.
  const slices = counts.map((window, w) => ({
    id: `W${w}`,
    cells: [...window].map(([k, c]) => {
      const coordinates = k === "" ? [] : k.split(",").map(Number);
      const cellCounts: CellCounts =
        spec.outcomeRate === null ? { people: c.people, peopleKey: c.peopleKey } : { people: c.people, peopleKey: c.peopleKey, withOutcome: c.withOutcome, withOutcomeKey: c.withOutcomeKey };
      return { coordinates, counts: cellCounts };
    }),
  }));
  return { dimensions, slices };
}

/** A random spec: 0 to 3 dimensions of 1 to `maxCategories` categories, mixed sparsity. */
export function randomSpec(random: Random, dimensionCount: number, options: { maxCategories: number; nonAdditive: boolean; population?: boolean }): SyntheticSpec {
  const categories = Array.from({ length: dimensionCount }, () => random.int(1, options.maxCategories));
  const additive = categories.map(() => true);
  if (options.nonAdditive && dimensionCount > 0) additive[random.int(0, dimensionCount - 1)] = false;
  return {
    categories,
    additive,
    people: random.pick([0, 12, 60, 250, 800, 2500, 5000]),
    windows: random.int(1, 3),
    outcomeRate: options.population ? null : random.pick([0.03, 0.1, 0.3, 0.6, 0.9]),
    skew: random.pick([0, 1, 3, 6]),
  };
}
