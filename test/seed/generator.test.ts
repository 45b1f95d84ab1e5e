import { describe, expect, it } from "vitest";
import { LOCAL_AUTHORITIES } from "../../lib/data/local-authorities.js";
import { copyLine, SEED_TABLES, type CopyValue, type RowSink, type SeedTable } from "../../seed/copy-rows.js";
import { ageOn, day, isoDay } from "../../seed/days.js";
import { generateHousehold } from "../../seed/household.js";
import { NINO_FORMAT, upnCheckLetter } from "../../seed/identifiers.js";
import { calibrate, FamilyWriter } from "../../seed/outcomes.js";
import { PARAMETERS } from "../../seed/parameters.js";

class CollectingSink implements RowSink {
  readonly rows: Array<[SeedTable, string]> = [];
  emit(table: SeedTable, values: readonly CopyValue[]): void {
    this.rows.push([table, copyLine(values)]);
  }
}

const normalisers = calibrate(2_000);

function generate(seed: number, indices: readonly number[], noEffect = false): Array<[SeedTable, string]> {
  const sink = new CollectingSink();
  const writer = new FamilyWriter(sink, { seed, noEffect, normalisers });
  for (const index of indices) writer.write(index);
  return sink.rows;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("the seed generator", () => {
  it("gives the same rows for the same seed", () => {
    expect(generate(11, range(60))).toEqual(generate(11, range(60)));
  });

  it("gives different rows for a different seed", () => {
    const a = generate(11, range(20)).map(([, line]) => line);
    const b = generate(12, range(20)).map(([, line]) => line);
    expect(a).not.toEqual(b);
  });

  it("gives a family the same rows however generation is split into batches", () => {
    const together = generate(5, [0, 1, 2, 3]).filter(([, line]) => line.includes(generateHousehold(5, 3).id));
    const alone = generate(5, [3]).filter(([, line]) => line.includes(generateHousehold(5, 3).id));
    expect(alone.length).toBeGreaterThan(0);
    expect(alone).toEqual(together);
  });

  it("plants no effect when asked: only departmental records differ", () => {
    const withEffect = generate(3, range(30));
    const without = generate(3, range(30), true);
    const council = (rows: Array<[SeedTable, string]>) => rows.filter(([t]) => ["families", "people", "familyProblems"].includes(t));
    expect(council(without)).toEqual(council(withEffect));
    expect(without).not.toEqual(withEffect);
  });
});

describe("seeded households look like what councils hold", () => {
  const households = range(400).map((i) => generateHousehold(2015, i));
  const people = households.flatMap((h) => h.members.map((m) => ({ h, m })));
  const timeline = PARAMETERS.timeline;

  it("use real authorities, weighted by population", () => {
    const codes = new Set(LOCAL_AUTHORITIES.map((la) => la.code));
    for (const h of households) expect(codes.has(h.authority.code)).toBe(true);
  });

  it("give valid National Insurance numbers, only to people 16 or over by the end of the data", () => {
    for (const { m } of people) {
      if (m.nino) expect(m.nino).toMatch(NINO_FORMAT);
      expect(m.nino !== null).toBe(ageOn(m.dateOfBirth, day(timeline.dataTo)) >= 16);
      if (m.councilNino) expect(m.councilNino).toBe(m.nino);
    }
    const ninos = people.map(({ m }) => m.nino).filter(Boolean);
    expect(new Set(ninos).size).toBe(ninos.length);
  });

  it("give Unique Pupil Numbers whose DfE check letter is right", () => {
    const upns = people.map(({ m }) => m.upn).filter((u): u is string => u !== null);
    expect(upns.length).toBeGreaterThan(100);
    for (const upn of upns) {
      expect(upn).toMatch(/^[A-Z]\d{12}$/);
      expect(upn[0]).toBe(upnCheckLetter(upn.slice(1)));
    }
    expect(new Set(upns).size).toBe(upns.length);
  });

  it("give postcodes in Royal Mail's format, in the authority's postcode area", () => {
    for (const h of households) {
      expect(h.postcode).toMatch(/^[A-Z]{1,2}\d{1,2} \d[ABD-HJLNP-UW-Z]{2}$/);
      expect(h.authority.postcodeAreas).toContain(h.postcode.match(/^[A-Z]+/)![0]);
    }
  });

  it("give ages that fit each relationship", () => {
    for (const h of households) {
      const carer = h.members[0]!;
      expect(carer.relationship).toBe("MAIN_CARER");
      expect(carer.age).toBeGreaterThanOrEqual(18);
      for (const m of h.members) {
        if (m.relationship === "CHILD") {
          expect(m.age).toBeLessThanOrEqual(17);
          expect(carer.age - m.age).toBeGreaterThanOrEqual(16);
          expect(carer.age - m.age).toBeLessThanOrEqual(45);
        } else {
          expect(m.age).toBeGreaterThanOrEqual(18);
        }
        expect(ageOn(m.dateOfBirth, h.referenceDate)).toBe(m.age);
      }
    }
  });

  it("date everything inside the programme's 2015-2020 timeline", () => {
    const from = timeline.dataFrom;
    const to = timeline.dataTo;
    for (const h of households) {
      for (const d of [h.assessmentDate, h.referenceDate, h.interventionStart, h.interventionEnd]) {
        if (d === null) continue;
        expect(isoDay(d) >= from && isoDay(d) <= to).toBe(true);
      }
      if (h.cohort === "TREATMENT") {
        expect(h.interventionStart).toBe(h.referenceDate);
        expect(h.assessmentDate).toBeLessThan(h.referenceDate);
      } else {
        expect(h.status).toBe("ELIGIBLE");
        expect(h.interventionStart).toBeNull();
      }
      expect(h.problems.size).toBeGreaterThanOrEqual(2);
    }
    // Every date column of every table, dates of birth aside.
    const outOfRange: string[] = [];
    let checked = 0;
    for (const [table, line] of generate(2015, range(80))) {
      const values = line.trimEnd().split("\t");
      SEED_TABLES[table].columns.forEach((column, i) => {
        const value = values[i] as string;
        if (column === "date_of_birth" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return;
        checked++;
        if (value < from || value > to) outOfRange.push(`${table}.${column} ${value}`);
      });
    }
    expect(checked).toBeGreaterThan(1000);
    expect(outOfRange).toEqual([]);
  });

  it("select more troubled families for treatment, which matching must undo", () => {
    const many = range(4000).map((i) => generateHousehold(99, i));
    const mean = (cohort: string) => {
      const group = many.filter((h) => h.cohort === cohort);
      return group.reduce((n, h) => n + h.problems.size, 0) / group.length;
    };
    expect(mean("TREATMENT")).toBeGreaterThan(mean("COMPARISON") + 0.2);
  });
});
