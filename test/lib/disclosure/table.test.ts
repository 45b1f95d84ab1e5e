import { describe, expect, it } from "vitest";
import { cellKey, perturb, roundCount } from "../../../lib/disclosure/perturbation.js";
import type { CellCounts } from "../../../lib/disclosure/rules.js";
import { controlTable, TOTAL, type ControlledTable, type ControlOptions, type TableDimension, type TableSlice } from "../../../lib/disclosure/table.js";
import { Random } from "../../../seed/random.js";
import { recoverableCells } from "../../support/differencing.js";
import { randomSpec, syntheticTable } from "./synthetic.js";

const researcher: ControlOptions = { threshold: 10, release: { perturb: false, roundingBase: null } };
const analyst: ControlOptions = { threshold: 10, release: { perturb: true, roundingBase: 5 } };

const dimension = (name: string, n: number, additive = true): TableDimension => ({
  name,
  categories: Array.from({ length: n }, (_, i) => `${name}${i}`),
  additive,
});

const counts = (people: number, withOutcome?: number): CellCounts =>
  withOutcome === undefined ? { people, peopleKey: people * 3 } : { people, peopleKey: people * 3, withOutcome, withOutcomeKey: withOutcome * 5 };

/** A one-way table's cells from its categories' counts and its total's. */
const oneWay = (cells: CellCounts[], total: CellCounts): TableSlice["cells"] => [
  ...cells.map((c, i) => ({ coordinates: [i], counts: c })),
  { coordinates: [TOTAL], counts: total },
];

/**
 * A two-way additive table's cells from its interior: margins are sums, of
 * the counts and of the record keys alike, as they would be from people.
 */
function twoWay(people: number[][], withOutcome?: number[][]): TableSlice["cells"] {
  const rows = people.length;
  const columns = people[0]?.length ?? 0;
  const pick = (i: number, coordinate: number) => coordinate === TOTAL || coordinate === i;
  const cells: Array<TableSlice["cells"][number]> = [];
  for (const r of [...Array(rows).keys(), TOTAL]) {
    for (const c of [...Array(columns).keys(), TOTAL]) {
      let p = 0;
      let w = 0;
      let pk = 0;
      let wk = 0;
      people.forEach((row, i) =>
        row.forEach((value, j) => {
          if (!pick(i, r) || !pick(j, c)) return;
          p += value;
          pk += value * 3 + i * 17 + j * 29;
          w += withOutcome?.[i]?.[j] ?? 0;
          wk += (withOutcome?.[i]?.[j] ?? 0) * 5 + i * 7;
        }),
      );
      cells.push({ coordinates: [r, c], counts: withOutcome ? { people: p, peopleKey: pk, withOutcome: w, withOutcomeKey: wk } : { people: p, peopleKey: pk } });
    }
  }
  return cells;
}

/** The suppressed coordinates of each slice, keyed by slice id. */
const suppressedBySlice = (table: ControlledTable) =>
  Object.fromEntries(table.slices.map((s) => [s.id, s.cells.filter((c) => c.suppression !== null).map((c) => [c.coordinates, c.suppression])]));

describe("the threshold rule in a table", () => {
  // A non-additive dimension has no equations, so no secondary suppression
  // gets in the way of seeing each rule alone.
  const problems = dimension("problem", 7, false);

  it("withholds each cell for its own reason, at the edges of the rule", () => {
    const table = controlTable(
      [problems],
      [
        {
          id: "AFTER_12",
          cells: oneWay([counts(0, 0), counts(9, 0), counts(40, 9), counts(40, 10), counts(40, 31), counts(40, 30), counts(20, 10)], counts(200, 100)),
        },
      ],
      researcher,
    );
    expect(table.kind).toBe("OUTCOME");
    expect(table.slices[0]?.cells.map((c) => [c.coordinates[0], c.suppression, c.people, c.withOutcome, c.withoutOutcome, c.rate])).toEqual([
      [0, "BELOW_THRESHOLD", null, null, null, null],
      [1, "BELOW_THRESHOLD", null, null, null, null],
      [2, "BELOW_THRESHOLD", null, null, null, null],
      [3, null, 40, 10, 30, 0.25],
      [4, "COMPLEMENT_BELOW_THRESHOLD", null, null, null, null],
      [5, null, 40, 30, 10, 0.75],
      [6, null, 20, 10, 10, 0.5],
      [TOTAL, null, 200, 100, 100, 0.5],
    ]);
    expect(table.summary).toEqual({
      threshold: 10,
      cells: 8,
      released: 4,
      belowThreshold: 3,
      complementBelowThreshold: 1,
      secondary: 0,
      roundingBase: null,
      perturbation: null,
    });
  });

  it("releases only people from a population-only table", () => {
    const table = controlTable([problems], [{ id: "PROFILE", cells: oneWay([counts(0), counts(9), counts(10), counts(11)], counts(60)) }], researcher);
    expect(table.kind).toBe("POPULATION");
    expect(table.slices[0]?.cells.map((c) => [c.coordinates[0], c.suppression, c.people, c.withOutcome, c.withoutOutcome, c.rate])).toEqual([
      [0, "BELOW_THRESHOLD", null, null, null, null],
      [1, "BELOW_THRESHOLD", null, null, null, null],
      [2, null, 10, null, null, null],
      [3, null, 11, null, null, null],
      [4, "BELOW_THRESHOLD", null, null, null, null],
      [5, "BELOW_THRESHOLD", null, null, null, null],
      [6, "BELOW_THRESHOLD", null, null, null, null],
      [TOTAL, null, 60, null, null, null],
    ]);
  });

  it("treats a cell the caller left out as empty, so withheld", () => {
    const table = controlTable([dimension("sex", 2, false)], [{ id: "W", cells: [{ coordinates: [0], counts: counts(50, 20) }] }], researcher);
    expect(table.slices[0]?.cells.map((c) => c.suppression)).toEqual([null, "BELOW_THRESHOLD", "BELOW_THRESHOLD"]);
  });

  it("controls a table without dimensions as a single cell", () => {
    const low = controlTable([], [{ id: "ALL", cells: [{ coordinates: [], counts: counts(30, 25) }] }], researcher);
    expect(low.slices[0]?.cells).toEqual([{ coordinates: [], suppression: "COMPLEMENT_BELOW_THRESHOLD", people: null, withOutcome: null, withoutOutcome: null, rate: null }]);
    const fine = controlTable([], [{ id: "ALL", cells: [{ coordinates: [], counts: counts(30, 15) }] }], researcher);
    expect(fine.slices[0]?.cells[0]?.people).toBe(30);
  });
});

describe("secondary suppression in a table", () => {
  it("hides the smallest other category when a total would give a small one away", () => {
    const dims = [dimension("la", 3)];
    const table = controlTable(dims, [{ id: "W", cells: oneWay([counts(3), counts(50), counts(20)], counts(73)) }], researcher);
    expect(suppressedBySlice(table)).toEqual({ W: [[[0], "BELOW_THRESHOLD"], [[2], "SECONDARY"]] });
    expect(table.summary.secondary).toBe(1);
    expect(recoverableCells(dims, table.slices[0]?.cells ?? [])).toEqual([]);
  });

  it("lists every cell in slice order, then coordinates with TOTAL last", () => {
    const table = controlTable(
      [dimension("la", 2), dimension("sex", 1)],
      [
        { id: "B", cells: twoWay([[20], [30]], [[10], [10]]) },
        { id: "A", cells: twoWay([[20], [30]], [[10], [10]]) },
      ],
      researcher,
    );
    expect(table.slices.map((s) => s.id)).toEqual(["B", "A"]);
    expect(table.slices[0]?.cells.map((c) => c.coordinates)).toEqual([
      [0, 0],
      [0, TOTAL],
      [1, 0],
      [1, TOTAL],
      [TOTAL, 0],
      [TOTAL, TOTAL],
    ]);
    expect(table.summary.cells).toBe(12);
  });
});

describe("two passes across windows", () => {
  const dims = [dimension("la", 3), dimension("sex", 2)];
  const people = [
    [5, 40],
    [30, 50],
    [60, 70],
  ];

  it("suppresses a small population in every window, with the same partners", () => {
    const table = controlTable(
      dims,
      [
        { id: "BEFORE_12", cells: twoWay(people, [[2, 20], [15, 25], [30, 35]]) },
        // Here (2, 1) also fails: 5 people without the outcome.
        { id: "AFTER_12", cells: twoWay(people, [[2, 20], [15, 25], [30, 65]]) },
      ],
      researcher,
    );
    const population = [
      [[0, 0], "BELOW_THRESHOLD"],
      [[0, 1], "SECONDARY"],
      [[1, 0], "SECONDARY"],
      [[1, 1], "SECONDARY"],
    ];
    expect(suppressedBySlice(table)).toEqual({
      BEFORE_12: population,
      AFTER_12: [...population.slice(0, 4), [[2, 0], "SECONDARY"], [[2, 1], "COMPLEMENT_BELOW_THRESHOLD"]],
    });
    for (const slice of table.slices) expect(recoverableCells(dims, slice.cells)).toEqual([]);
  });

  it("keeps a small population unrecoverable from what the other windows release", () => {
    // Suppressing each window on its own would hide cell 2 with cell 0 in
    // one window and cell 1 in the other, and 0's people would be the total
    // less 1's people from the first window and 2's from the second.
    const la = [dimension("la", 3)];
    const slices = [
      { id: "BEFORE_12", cells: oneWay([counts(5, 0), counts(40, 20), counts(30, 15)], counts(75, 35)) },
      { id: "AFTER_12", cells: oneWay([counts(5, 0), counts(40, 2), counts(30, 15)], counts(75, 17)) },
    ];
    const table = controlTable(la, slices, researcher);
    const hiddenEverywhere = [0, 1, 2, 3].map((i) => ({
      coordinates: table.slices[0]?.cells[i]?.coordinates ?? [],
      suppression: table.slices.every((s) => s.cells[i]?.suppression !== null) ? "X" : null,
    }));
    expect(hiddenEverywhere.filter((c) => c.suppression).map((c) => c.coordinates)).toEqual([[0], [2]]);
    expect(recoverableCells(la, hiddenEverywhere)).toEqual([]);
    expect(suppressedBySlice(table).AFTER_12).toEqual([
      [[0], "BELOW_THRESHOLD"],
      [[1], "BELOW_THRESHOLD"],
      [[2], "SECONDARY"],
    ]);
  });

  it("suppresses a population that is small in any window in all of them", () => {
    const table = controlTable(
      [dimension("la", 3)],
      [
        { id: "W0", cells: oneWay([counts(5), counts(40), counts(30)], counts(75)) },
        { id: "W1", cells: oneWay([counts(12), counts(40), counts(30)], counts(82)) },
      ],
      researcher,
    );
    expect(suppressedBySlice(table)).toEqual({
      W0: [
        [[0], "BELOW_THRESHOLD"],
        [[2], "SECONDARY"],
      ],
      W1: [
        [[0], "SECONDARY"],
        [[2], "SECONDARY"],
      ],
    });
  });
});

describe("release to analysts", () => {
  it("perturbs each count with its own cell key, then rounds to base 5", () => {
    const cell: CellCounts = { people: 137, peopleKey: 1000, withOutcome: 41, withOutcomeKey: 300 };
    const table = controlTable([], [{ id: "W", cells: [{ coordinates: [], counts: cell }] }], analyst);
    const people = roundCount(perturb(137, cellKey(1000), 10), 5, 10);
    const withOutcome = roundCount(perturb(41, cellKey(300), 10), 5, 10);
    const withoutOutcome = roundCount(perturb(96, cellKey(700), 10), 5, 10);
    expect(table.slices[0]?.cells[0]).toEqual({ coordinates: [], suppression: null, people, withOutcome, withoutOutcome, rate: withOutcome / people });
    expect(table.summary.perturbation).toEqual({ method: "CELL_KEY", maximumDeviation: 3 });
    expect(table.summary.roundingBase).toBe(5);
  });

  it("releases only multiples of 5 of at least 10, and rates from the released counts", () => {
    const random = new Random(99);
    let released = 0;
    const wrong: string[] = [];
    for (let t = 0; t < 150; t++) {
      const spec = randomSpec(random, random.int(0, 3), { maxCategories: 5, nonAdditive: random.chance(0.3), population: random.chance(0.2) });
      const { dimensions, slices } = syntheticTable(random, spec);
      const table = controlTable(dimensions, slices, { ...analyst, outcome: spec.outcomeRate !== null });
      expect(table.kind).toBe(spec.outcomeRate === null ? "POPULATION" : "OUTCOME");
      for (const slice of table.slices) {
        for (const c of slice.cells) {
          const numbers = [c.people, c.withOutcome, c.withoutOutcome];
          if (c.suppression !== null) {
            if (numbers.some((n) => n !== null) || c.rate !== null) wrong.push(`suppressed cell with numbers ${JSON.stringify(c)}`);
            continue;
          }
          released++;
          if (table.kind === "POPULATION") {
            if (c.withOutcome !== null || c.withoutOutcome !== null || c.rate !== null) wrong.push(`outcome in a profile ${JSON.stringify(c)}`);
            numbers.length = 1;
          }
          for (const n of numbers) if (n === null || n % 5 !== 0 || n < 10) wrong.push(`count ${String(n)} in ${JSON.stringify(c)}`);
          if (table.kind === "POPULATION") continue;
          if (c.people === null || c.withOutcome === null || c.rate !== c.withOutcome / c.people) wrong.push(`rate of ${JSON.stringify(c)}`);
          if (c.rate === null || c.rate > 1 || c.rate < 0) wrong.push(`rate out of range in ${JSON.stringify(c)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(released).toBeGreaterThan(100);
  });

  it("never lets a subset exceed its whole, even at a threshold of 3", () => {
    // people 9 with key 0 moves down 3; withOutcome 6 with key 240 moves up 3.
    const table = controlTable([], [{ id: "W", cells: [{ coordinates: [], counts: { people: 9, peopleKey: 0, withOutcome: 6, withOutcomeKey: 240 } }] }], {
      threshold: 3,
      release: { perturb: true, roundingBase: null },
    });
    expect(perturb(6, 240, 3)).toBe(9);
    expect(table.slices[0]?.cells[0]).toMatchObject({ people: 6, withOutcome: 6, withoutOutcome: 3, rate: 1 });
  });
});

describe("consistency across queries", () => {
  it("releases the same value for the same cell in differently shaped tables", () => {
    const random = new Random(2024);
    let compared = 0;
    for (let t = 0; t < 20; t++) {
      const { dimensions, slices } = syntheticTable(random, { categories: [6, 3], additive: [true, true], people: 600, windows: 1, outcomeRate: 0.4, skew: 1 });
      const wide = controlTable(dimensions, slices, analyst);
      // The same people by sex alone: the wide table's margin over local
      // authority, given as the interior of a one-way table.
      const bySex = (slices[0]?.cells ?? []).filter((c) => c.coordinates[0] === TOTAL).map((c) => ({ coordinates: [c.coordinates[1] as number], counts: c.counts }));
      const narrow = controlTable([dimensions[1] as TableDimension], [{ id: "W0", cells: bySex }], analyst);
      for (const cell of narrow.slices[0]?.cells ?? []) {
        const same = wide.slices[0]?.cells.find((c) => c.coordinates[0] === TOTAL && c.coordinates[1] === cell.coordinates[0]);
        if (cell.suppression !== null || same?.suppression !== null) continue;
        expect([same.people, same.withOutcome, same.withoutOutcome]).toEqual([cell.people, cell.withOutcome, cell.withoutOutcome]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  it("gives the same answer every time it is asked", () => {
    const random = new Random(7);
    const { dimensions, slices } = syntheticTable(random, { categories: [5, 4, 2], additive: [true, false, true], people: 300, windows: 3, outcomeRate: 0.3, skew: 3 });
    expect(controlTable(dimensions, slices, analyst)).toEqual(controlTable(dimensions, [...slices].map((s) => ({ ...s, cells: [...s.cells].reverse() })), analyst));
  });
});

describe("programming errors", () => {
  const la = [dimension("la", 2)];
  const slice = (cells: TableSlice["cells"]) => [{ id: "W", cells }];

  it("refuses coordinates outside the table", () => {
    expect(() => controlTable(la, slice([{ coordinates: [2], counts: counts(10) }]), researcher)).toThrow(/Coordinate 2 of dimension 0/);
    expect(() => controlTable(la, slice([{ coordinates: [0, 0], counts: counts(10) }]), researcher)).toThrow(/need 1 entries/);
  });

  it("refuses impossible counts, naming the cell", () => {
    expect(() => controlTable(la, slice([{ coordinates: [1], counts: counts(10, 11) }]), researcher)).toThrow("Cell [1] of slice W: withOutcome (11) exceeds people (10)");
    expect(() => controlTable(la, slice([{ coordinates: [TOTAL], counts: counts(-1) }]), researcher)).toThrow("Cell [-1] of slice W: people must be a non-negative integer, got -1");
  });

  it("refuses a cell given twice, or an outcome on some cells only", () => {
    expect(() => controlTable(la, slice([{ coordinates: [0], counts: counts(10) }, { coordinates: [0], counts: counts(10) }]), researcher)).toThrow(/given twice/);
    expect(() => controlTable(la, slice([{ coordinates: [0], counts: counts(10, 5) }, { coordinates: [1], counts: counts(10) }]), researcher)).toThrow(/has no withOutcome/);
    expect(() => controlTable(la, slice([{ coordinates: [0], counts: counts(10, 5) }]), { ...researcher, outcome: false })).toThrow(/population-only/);
  });

  it("infers the kind of table from its cells unless told", () => {
    expect(controlTable(la, slice([]), researcher).kind).toBe("POPULATION");
    expect(controlTable(la, slice([]), { ...researcher, outcome: true }).kind).toBe("OUTCOME");
    expect(controlTable(la, slice([{ coordinates: [0], counts: counts(10, 5) }]), researcher).kind).toBe("OUTCOME");
  });

  it("refuses bad options and empty tables", () => {
    expect(() => controlTable(la, slice([]), { threshold: 2, release: researcher.release })).toThrow(/at least 3/);
    expect(() => controlTable(la, slice([]), { threshold: 10, release: { perturb: false, roundingBase: 0 } })).toThrow(/rounding base/);
    expect(() => controlTable(la, [], researcher)).toThrow(/at least one slice/);
    expect(() => controlTable(la, [...slice([]), ...slice([])], researcher)).toThrow(/appears twice/);
  });
});
