import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dataset, Window } from "../../lib/domain.js";
import { flagBit, MEASURE_DEFINITIONS, type Measure } from "../../lib/measures.js";
import { asLinked, plantedEffects, type PlantedEffect } from "../../seed/planted.js";
import { DRIVERS } from "../support/database.js";
import { startTestStack, type TestStack } from "../support/stack.js";

/**
 * Impact estimates against what the seed planted. A seed of 20,000 families
 * is the smallest where most of DESIGN.md section 6's estimates clear the
 * disclosure threshold in both arms; the planted effect is the generator's own
 * expectation for the seed's treated people (seed/planted.ts), seen through
 * linkage (a person whose records were not linked shows no outcome).
 */
const FAMILIES = 20_000;
/**
 * Each seed is one draw: a 95% interval misses one time in twenty, so with
 * eight headline estimates about a third of seeds show a miss somewhere. On
 * six seeds of this size with no planted effect, 2 of 45 headline intervals
 * missed zero and 89% to 100% of each seed's 64-68 intervals held it (the
 * estimates of a measure's four windows move together, so a seed's share
 * varies). The checks below are facts about these two seeds, where every
 * headline interval holds; the coverage checks are the statistical ones.
 */
const SEED = 11;
const NO_EFFECT_SEED = 14;

/** DESIGN.md section 6: the published results the seed is calibrated to, at the windows they were published for. */
const HEADLINES: ReadonlyArray<readonly [Measure, Window]> = [
  ["CAUTIONED", "AFTER_12"],
  ["CONVICTED", "AFTER_12"],
  ["LOOKED_AFTER", "AFTER_24"],
  ["ADULT_CUSTODY", "AFTER_24"],
  ["JUVENILE_CUSTODY", "AFTER_24"],
  ["JUVENILE_CONVICTION", "AFTER_24"],
  ["CLAIMING_JSA", "AFTER_24"],
  ["CHILD_IN_NEED", "AFTER_12"],
];

const ESTIMATE = /* GraphQL */ `
  query Estimate($measure: Measure!, $window: Window!, $filter: ImpactFilter) {
    impactEstimate(measure: $measure, window: $window, filter: $filter) {
      measure window method suppressed suppression difference standardError
      confidenceInterval { level lower upper }
      treatment { people withOutcomeBefore withoutOutcomeBefore withOutcomeAfter withoutOutcomeAfter rateBefore rateAfter change }
      comparison { people withOutcomeBefore withoutOutcomeBefore withOutcomeAfter withoutOutcomeAfter rateBefore rateAfter change }
    }
  }
`;

interface Arm {
  people: number;
  withOutcomeBefore: number;
  withoutOutcomeBefore: number;
  withOutcomeAfter: number;
  withoutOutcomeAfter: number;
  rateBefore: number;
  rateAfter: number;
  change: number;
}
interface Estimate {
  measure: Measure;
  window: Window;
  method: string;
  suppressed: boolean;
  suppression: string | null;
  difference: number | null;
  standardError: number | null;
  confidenceInterval: { level: number; lower: number; upper: number } | null;
  treatment: Arm | null;
  comparison: Arm | null;
}

async function estimate(t: TestStack, measure: Measure, window: Window, role: "researcher" | "analyst" = "researcher", filter?: Record<string, unknown>): Promise<Estimate> {
  const { status, body } = await t.query(role, ESTIMATE, { measure, window, filter });
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  return body.data!.impactEstimate as Estimate;
}

const contains = (e: Estimate, value: number) => e.confidenceInterval!.lower <= value && value <= e.confidenceInterval!.upper;

/** Share of each dataset's records that linkage found, from the seed's own report. */
function linkedShares(t: TestStack): (dataset: Dataset) => number {
  const shares = new Map(t.seed.linkage.report.datasets.map((d) => [d.dataset, (d.records - d.missed) / d.records]));
  return (dataset) => shares.get(dataset) ?? 1;
}

describe.each(DRIVERS)("impact estimates on %s", (driver) => {
  describe("on a seed with the planted effects", () => {
    let t: TestStack;
    let planted: Map<string, PlantedEffect>;

    beforeAll(async () => {
      t = await startTestStack(driver, { families: FAMILIES, seed: SEED });
      planted = new Map(plantedEffects(SEED, FAMILIES).map((p) => [`${p.measure}:${p.window}`, p]));
    });
    afterAll(async () => {
      await t?.close();
    });

    it("recovers each effect of DESIGN.md section 6 within its 95% confidence interval, or withholds it when an arm is too small", async () => {
      const share = linkedShares(t);
      for (const [measure, window] of HEADLINES) {
        const e = await estimate(t, measure, window);
        const effect = asLinked(planted.get(`${measure}:${window}`)!, share);
        if (e.suppressed) {
          // Only juvenile custody is that rare at this size: a few dozen young people with a custodial sentence in a
          // window, and fewer still in one arm's matched people.
          expect(measure).toBe("JUVENILE_CUSTODY");
          const [row] = await t.db.database.query<{ n: number }>(
            `select least(count(*) filter (where (outcomes_before_12 & $1) <> 0), count(*) filter (where (outcomes_after_24 & $1) <> 0))::int as n
               from evaluation.people where cohort = 'COMPARISON' and age_band in ('AGE_10_15', 'AGE_16_17')`,
            [flagBit("custodial_sentence")],
          );
          expect(row!.n).toBeLessThan(30);
          expect([e.difference, e.confidenceInterval, e.treatment, e.comparison]).toEqual([null, null, null, null]);
          continue;
        }
        expect(contains(e, effect), `${measure} ${window}: ${e.difference} [${e.confidenceInterval!.lower}, ${e.confidenceInterval!.upper}] vs planted ${effect}`).toBe(true);
        expect(e.difference).toBeCloseTo(e.treatment!.change - e.comparison!.change, 12);
        expect(e.confidenceInterval!.level).toBe(0.95);
      }
    });

    it("tells the published story: cautions fall by about a quarter, convictions by about a tenth, after 12 months in the treatment cohort", async () => {
      const cautions = await estimate(t, "CAUTIONED", "AFTER_12");
      const convictions = await estimate(t, "CONVICTED", "AFTER_12");
      const relative = (arm: Arm) => arm.rateAfter / arm.rateBefore - 1;
      // Planted: -25.3% for juveniles and adults alike; -10.4% for convictions.
      expect(relative(cautions.treatment!)).toBeGreaterThan(-0.4);
      expect(relative(cautions.treatment!)).toBeLessThan(-0.12);
      expect(relative(convictions.treatment!)).toBeGreaterThan(-0.3);
      expect(relative(convictions.treatment!)).toBeLessThan(0.05);
      // And the matched comparison cohort, untreated, does not fall as far.
      expect(cautions.difference!).toBeLessThan(0);
      expect(cautions.confidenceInterval!.upper).toBeLessThan(0);
    });

    it("covers the planted effect in about 95% of all its estimates (at least 85% on one seed)", async () => {
      const share = linkedShares(t);
      let released = 0;
      let covered = 0;
      const misses: string[] = [];
      for (const p of planted.values()) {
        const e = await estimate(t, p.measure, p.window);
        if (e.suppressed) continue;
        released++;
        if (contains(e, asLinked(p, share))) covered++;
        else misses.push(`${p.measure} ${p.window}`);
      }
      expect(released).toBeGreaterThanOrEqual(56);
      expect(covered / released, misses.join(", ")).toBeGreaterThanOrEqual(0.85);
    });

    it("withholds an estimate whose arms fall below the threshold, saying why, though people in it were matched", async () => {
      // An authority with plenty of treated people aged 10 and over, but fewer than ten of them cautioned in the year before:
      // matching finds comparison people for them, and only the threshold rule can withhold the estimate.
      const [la] = await t.db.database.query<{ la_code: string; treated: number; before: number }>(
        `select la_code, count(*)::int as treated, count(*) filter (where (outcomes_before_12 & $1) <> 0)::int as before
           from evaluation.people
          where cohort = 'TREATMENT' and age_band not in ('AGE_0_4', 'AGE_5_9')
          group by la_code having count(*) >= 60 and count(*) filter (where (outcomes_before_12 & $1) <> 0) between 1 and 9
          order by la_code limit 1`,
        [flagBit("cautioned")],
      );
      expect(la).toBeDefined();
      const e = await estimate(t, "CAUTIONED", "AFTER_12", "researcher", { localAuthority: la!.la_code });
      expect(e).toMatchObject({ suppressed: true, suppression: "BELOW_THRESHOLD", difference: null, confidenceInterval: null, treatment: null, comparison: null });
      expect(e.method).toMatch(/propensity score/);
      // The same authority's estimate of a common outcome is released, every count of both arms at or above the threshold.
      const common = await estimate(t, "AE_ATTENDANCE", "AFTER_12", "researcher", { localAuthority: la!.la_code });
      if (!common.suppressed) {
        for (const arm of [common.treatment!, common.comparison!]) {
          for (const n of [arm.people, arm.withOutcomeBefore, arm.withoutOutcomeBefore, arm.withOutcomeAfter, arm.withoutOutcomeAfter]) expect(n).toBeGreaterThanOrEqual(10);
        }
      }
    });

    it("estimates within a filter from the filter's own people, and gives the same answer every time", async () => {
      const women = await estimate(t, "AE_ATTENDANCE", "AFTER_24", "researcher", { sex: "FEMALE" });
      const all = await estimate(t, "AE_ATTENDANCE", "AFTER_24");
      expect(women.suppressed).toBe(false);
      expect(women.treatment!.people).toBeLessThan(all.treatment!.people);
      const [treatedWomen] = await t.db.database.query<{ n: number }>(
        `select count(*)::int as n from evaluation.people where cohort = 'TREATMENT' and sex = 'FEMALE'`,
      );
      expect(women.treatment!.people).toBeLessThanOrEqual(treatedWomen!.n);
      expect(women.treatment!.people).toBeGreaterThan(0.9 * treatedWomen!.n);
      expect(await estimate(t, "AE_ATTENDANCE", "AFTER_24", "researcher", { sex: "FEMALE" })).toEqual(women);
    });

    it("gives analysts the same estimate with counts perturbed and rounded to 5 and figures to three decimal places", async () => {
      const exact = await estimate(t, "CHILD_IN_NEED", "AFTER_12");
      const published = await estimate(t, "CHILD_IN_NEED", "AFTER_12", "analyst");
      expect(published.suppressed).toBe(false);
      for (const arm of [published.treatment!, published.comparison!]) {
        for (const count of [arm.people, arm.withOutcomeBefore, arm.withoutOutcomeBefore, arm.withOutcomeAfter, arm.withoutOutcomeAfter]) {
          expect(count % 5).toBe(0);
          expect(count).toBeGreaterThanOrEqual(10);
        }
      }
      for (const [figure, truth] of [
        [published.difference, exact.difference],
        [published.standardError, exact.standardError],
        [published.confidenceInterval!.lower, exact.confidenceInterval!.lower],
        [published.confidenceInterval!.upper, exact.confidenceInterval!.upper],
      ] as Array<[number, number]>) {
        expect(Math.round(figure * 1000)).toBe(figure * 1000);
        expect(Math.abs(figure - truth)).toBeLessThanOrEqual(0.0005 + 1e-12);
      }
      expect(published.treatment!.rateBefore).toBe(published.treatment!.withOutcomeBefore / published.treatment!.people);
    });
  });

  describe("on a seed with no effect", () => {
    let t: TestStack;

    beforeAll(async () => {
      t = await startTestStack(driver, { families: FAMILIES, seed: NO_EFFECT_SEED, noEffect: true });
    });
    afterAll(async () => {
      await t?.close();
    });

    it("finds no effect: each estimate of DESIGN.md section 6 has a confidence interval containing zero", async () => {
      for (const [measure, window] of HEADLINES) {
        const e = await estimate(t, measure, window);
        if (e.suppressed) continue;
        expect(contains(e, 0), `${measure} ${window}: [${e.confidenceInterval!.lower}, ${e.confidenceInterval!.upper}]`).toBe(true);
      }
    });

    it("covers zero in about 95% of all its estimates (at least 85% on one seed)", async () => {
      let released = 0;
      let covered = 0;
      for (const measure of Object.keys(MEASURE_DEFINITIONS) as Measure[]) {
        for (const window of ["AFTER_6", "AFTER_12", "AFTER_18", "AFTER_24"] as const) {
          const e = await estimate(t, measure, window);
          if (e.suppressed) continue;
          released++;
          if (contains(e, 0)) covered++;
        }
      }
      expect(released).toBeGreaterThanOrEqual(60);
      expect(covered / released).toBeGreaterThanOrEqual(0.85);
    });
  });
});
