import { describe, expect, it } from "vitest";
import { designMatrix, fitLogistic, linearPredictor, type BinomialGroup } from "../../../lib/estimation/logistic.js";
import {
  MATCHING_METHOD,
  matchedDifferenceInDifferences,
  propensityCaliper,
  type OutcomeSplit,
  type PatternGroup,
} from "../../../lib/estimation/matching.js";
import { Random } from "../../../seed/random.js";

/** A pattern group whose record keys are 10 per person unless given (the key sums are then easy to check by eye). */
function group(pattern: string, cohort: PatternGroup["cohort"], logit: number, people: OutcomeSplit, keys?: OutcomeSplit): PatternGroup {
  return { pattern, cohort, logit, people, keys: keys ?? [people[0] * 10, people[1] * 10, people[2] * 10, people[3] * 10] };
}

/** Sample variance of a change in {-1, 0, 1} within one pattern: up (after only), down (before only), n people. */
const changeVariance = (up: number, down: number, n: number) => (up + down - (up - down) ** 2 / n) / (n - 1);

/** The estimate, failing the test when there is none. */
function estimate(groups: readonly PatternGroup[], caliper: number) {
  const result = matchedDifferenceInDifferences(groups, { caliper });
  if (!result) throw new Error("expected some treated people to be matched");
  return result;
}

describe("matching treated patterns to comparison patterns", () => {
  it("matches only within a stratum, however near another stratum's logit", () => {
    const inStratum = (g: PatternGroup, stratum: string): PatternGroup => ({ ...g, stratum });
    const groups = [
      // Treated with the outcome before; the only comparison pattern at the same logit never had it.
      inStratum(group("t-before", "TREATMENT", 0.5, [0, 0, 30, 10]), "before"),
      inStratum(group("c-not", "COMPARISON", 0.5, [50, 5, 0, 0]), "not before"),
      // Within the other stratum, a match at a distance.
      inStratum(group("t-not", "TREATMENT", 1.0, [40, 10, 0, 0]), "not before"),
    ];
    const result = estimate(groups, 1);
    expect(result.treatedUnmatched).toBe(40);
    expect(result.treatment.people).toBe(50);
    expect(result.comparison.people).toBe(55);
    // The change of the treated with nothing before (+0.2) against the comparison's (+5/55).
    expect(result.difference).toBeCloseTo(10 / 50 - 5 / 55, 12);
    // Without strata the treated with the outcome before would have been compared with people who never had it.
    const pooled = estimate(groups.map(({ stratum: _, ...g }) => g), 1);
    expect(pooled.treatedUnmatched).toBe(0);
    expect(pooled.difference).toBeLessThan(-0.3);
  });

  it("compares a treated pattern with the same pattern in the comparison cohort", () => {
    const result = estimate(
      [
        group("a", "TREATMENT", 0, [10, 5, 3, 2], [1000, 600, 300, 250]),
        group("a", "COMPARISON", 0, [30, 4, 10, 6], [3000, 500, 1200, 700]),
        group("b", "COMPARISON", 2, [5, 5, 5, 5]),
      ],
      0.5,
    );
    expect(result.treatment).toEqual({
      people: 20, withBefore: 5, withAfter: 7, peopleKey: 2150, withBeforeKey: 550, withAfterKey: 850,
      rateBefore: 0.25, rateAfter: 0.35, change: expect.closeTo(0.1, 12),
    });
    expect(result.comparison).toEqual({
      people: 50, withBefore: 16, withAfter: 10, peopleKey: 5400, withBeforeKey: 1900, withAfterKey: 1200,
      rateBefore: 0.32, rateAfter: 0.2, change: expect.closeTo(-0.12, 12),
    });
    expect(result.difference).toBeCloseTo(0.22, 12);
    // Changes: treated 5 up, 3 down of 20; comparison 4 up, 10 down of 50, every one used (K = 20 on n = 50).
    const se = Math.sqrt(changeVariance(5, 3, 20) / 20 + ((20 / 20) ** 2 * changeVariance(4, 10, 50)) / 50);
    expect(result.standardError).toBeCloseTo(se, 12);
    expect(result.lower).toBeCloseTo(0.22 - 1.959964 * se, 12);
    expect(result.upper).toBeCloseTo(0.22 + 1.959964 * se, 12);
    expect(result.treatedUnmatched).toBe(0);
    expect(result.caliper).toBe(0.5);
  });

  it("matches a treated pattern to the comparison pattern with the nearest logit when its own is absent", () => {
    const result = estimate(
      [
        group("a", "TREATMENT", 1.0, [8, 2, 0, 0]),
        group("d", "TREATMENT", 1.4, [4, 0, 1, 0]),
        group("b", "COMPARISON", 0.7, [15, 3, 2, 0]), // nearest to a (0.3 against 0.5)
        group("c", "COMPARISON", 1.5, [6, 0, 3, 1]), // nearest to d (0.1 against 0.7)
        group("e", "COMPARISON", -3, [50, 50, 50, 50]),
      ],
      1,
    );
    expect(result.treatment).toMatchObject({ people: 15, withBefore: 1, withAfter: 2 });
    expect(result.treatment.change).toBeCloseTo(1 / 15, 12);
    // a's 10 people are matched to b (K = 10 of 20), d's 5 to c (K = 5 of 10).
    expect(result.comparison).toMatchObject({ people: 30, withBefore: 6, withAfter: 4, peopleKey: 300, withBeforeKey: 60, withAfterKey: 40 });
    expect(result.comparison.rateBefore).toBeCloseTo((10 * (2 / 20) + 5 * (4 / 10)) / 15, 12);
    expect(result.comparison.rateAfter).toBeCloseTo((10 * (3 / 20) + 5 * (1 / 10)) / 15, 12);
    // (1/N) sum over treated of (own change - matches' change): (10 (0.2 - 0.05) + 5 (-0.2 + 0.3)) / 15.
    expect(result.difference).toBeCloseTo(2 / 15, 12);
    // Variances are pooled within patterns: treated a (2 up of 10) and d (1 down of 5), comparison b and c.
    const treatedPooled = (2 - 4 / 10 + (1 - 1 / 5)) / (9 + 4);
    const comparisonPooled = (3 + 2 - 1 / 20 + (0 + 3 - 9 / 10)) / (19 + 9);
    const se = Math.sqrt(treatedPooled / 15 + ((10 / 15) ** 2 / 20 + (5 / 15) ** 2 / 10) * comparisonPooled);
    expect(result.standardError).toBeCloseTo(se, 12);
  });

  it("shares a treated pattern between comparison patterns equally far on either side, in proportion to their people", () => {
    const result = estimate(
      [
        group("t", "TREATMENT", 1.0, [6, 2, 1, 1]),
        group("b", "COMPARISON", 0.5, [10, 6, 2, 2]),
        group("c", "COMPARISON", 1.5, [20, 0, 6, 4]),
      ],
      1,
    );
    // Every one of the 50 comparison people is a nearest match with equal
    // weight (K = 4 on b's 20, 6 on c's 30), so the comparison rates are
    // those of b and c pooled.
    expect(result.comparison.rateBefore).toBeCloseTo((4 + 10) / 50, 12);
    expect(result.comparison.rateAfter).toBeCloseTo((8 + 4) / 50, 12);
    expect(result.comparison.people).toBe(50);
    expect(result.difference).toBeCloseTo(0.1 - (12 / 50 - 14 / 50), 12);
    const pooled = (6 + 2 - 16 / 20 + (0 + 6 - 36 / 30)) / (19 + 29);
    const se = Math.sqrt(changeVariance(2, 1, 10) / 10 + ((0.4 ** 2 / 20 + 0.6 ** 2 / 30) * pooled));
    expect(result.standardError).toBeCloseTo(se, 12);
  });

  it("treats comparison patterns at the same logit (to a billionth) as one tie", () => {
    const treated = group("t", "TREATMENT", 0, [6, 2, 1, 1]);
    const apart = estimate(
      [treated, group("b", "COMPARISON", 0.25, [10, 6, 2, 2]), group("c", "COMPARISON", 0.25 + 1e-12, [20, 0, 6, 4]), group("far", "COMPARISON", 0.3, [1, 0, 0, 0])],
      1,
    );
    const together = estimate([treated, group("bc", "COMPARISON", 0.25, [30, 6, 8, 6])], 1);
    expect(apart.difference).toBeCloseTo(together.difference, 12);
    expect(apart.comparison.rateBefore).toBeCloseTo(together.comparison.rateBefore, 12);
    expect(apart.comparison.people).toBe(50);
    // Only the pooled within-pattern variance differs: b and c are two
    // patterns ((7.2 + 4.8) / 48), bc one (13.92 / 49); K^2 / n is 100 / 50 either way.
    expect(apart.standardError).toBeCloseTo(Math.sqrt(changeVariance(2, 1, 10) / 10 + (2 / 100) * (12 / 48)), 12);
    expect(together.standardError).toBeCloseTo(Math.sqrt(changeVariance(2, 1, 10) / 10 + (2 / 100) * (13.92 / 49)), 12);
  });

  it("drops a treated pattern with no comparison pattern within the caliper, and counts its people", () => {
    const groups = [
      group("near", "TREATMENT", 0, [10, 5, 3, 2]),
      group("edge", "TREATMENT", 0.75, [1, 1, 0, 0]),
      group("far", "TREATMENT", 5, [3, 2, 1, 1], [10, 20, 30, 40]),
      group("near", "COMPARISON", 0, [30, 4, 10, 6]),
      group("other", "COMPARISON", 1.25, [30, 4, 10, 6]),
    ];
    const result = estimate(groups, 0.5);
    expect(result.treatedUnmatched).toBe(7);
    expect(result.treatedUnmatchedKey).toBe(100);
    // "edge" is nearest to "other", exactly at the caliper: still matched.
    expect(result.treatment.people).toBe(22);
    expect(result.comparison.people).toBe(100);
    expect(matchedDifferenceInDifferences(groups, { caliper: 0.1 })?.treatment.people).toBe(20);
  });

  it("counts a comparison pattern used by several treated patterns once, but weights it by every use", () => {
    const result = estimate(
      [
        group("x", "TREATMENT", 0.1, [10, 0, 0, 0]),
        group("y", "TREATMENT", -0.1, [5, 0, 0, 5]),
        group("b", "COMPARISON", 0, [20, 5, 0, 0]),
      ],
      1,
    );
    expect(result.comparison).toMatchObject({ people: 25, withBefore: 0, withAfter: 5, peopleKey: 250, withAfterKey: 50 });
    expect(result.comparison.rateAfter).toBeCloseTo(0.2, 12);
    // Both treated patterns use b: K = 20 on its 25 people, all 15 + 5 = 20 treated people.
    const se = Math.sqrt(changeVariance(0, 0, 20) / 20 + ((20 / 20) ** 2 * changeVariance(5, 0, 25)) / 25);
    expect(result.standardError).toBeCloseTo(se, 12);
  });

  it("weights each comparison pattern's variance by how heavily its people are reused", () => {
    const result = estimate(
      [
        group("x", "TREATMENT", 0.1, [6, 2, 2, 0]),
        group("y", "TREATMENT", -0.1, [7, 1, 1, 1]),
        group("z", "TREATMENT", 2, [3, 1, 0, 1]),
        group("b", "COMPARISON", 0, [2, 1, 1, 1]), // 5 people stand in for x's and y's 20
        group("c", "COMPARISON", 2, [30, 10, 6, 4]), // 50 people stand in for z's 5
      ],
      1,
    );
    const treatedPooled = (4 - 0 + (2 - 0) + (1 - 1 / 5)) / (9 + 9 + 4);
    const comparisonPooled = (2 - 0 + (16 - 16 / 50)) / (4 + 49);
    // sum over m of (K_m / N)^2 / n_m, with N = 25: (20/25)^2 / 5 + (5/25)^2 / 50, far from 1 / 55 for 55 distinct people.
    const reuse = (20 / 25) ** 2 / 5 + (5 / 25) ** 2 / 50;
    expect(result.standardError).toBeCloseTo(Math.sqrt(treatedPooled / 25 + reuse * comparisonPooled), 12);
    expect(result.comparison.people).toBe(55);
  });

  it("falls back to the other arm's variance when an arm's variance is undefined", () => {
    const one = estimate([group("t", "TREATMENT", 0, [0, 1, 0, 0]), group("c", "COMPARISON", 0, [6, 2, 2, 0])], 0);
    const sC2 = changeVariance(2, 2, 10);
    expect(one.standardError).toBeCloseTo(Math.sqrt(sC2 / 1 + sC2 / 10), 12);
    const lonely = estimate([group("t", "TREATMENT", 0, [0, 1, 0, 0]), group("c", "COMPARISON", 0, [1, 0, 0, 0])], 0);
    expect(lonely.standardError).toBeCloseTo(Math.sqrt(1 + 1), 12);
  });

  it("gives no estimate when no treated person is matched", () => {
    expect(matchedDifferenceInDifferences([group("t", "TREATMENT", 0, [1, 2, 3, 4])], { caliper: 1 })).toBeNull();
    expect(matchedDifferenceInDifferences([group("c", "COMPARISON", 0, [1, 2, 3, 4])], { caliper: 1 })).toBeNull();
    expect(
      matchedDifferenceInDifferences([group("t", "TREATMENT", 0, [1, 2, 3, 4]), group("c", "COMPARISON", 3, [1, 2, 3, 4])], { caliper: 1 }),
    ).toBeNull();
    // A comparison pattern without people is no match.
    expect(
      matchedDifferenceInDifferences([group("t", "TREATMENT", 0, [1, 2, 3, 4]), group("c", "COMPARISON", 0, [0, 0, 0, 0])], { caliper: 1 }),
    ).toBeNull();
  });

  it("refuses a bad caliper or malformed groups, saying what arrived", () => {
    const fine = group("a", "TREATMENT", 0, [1, 1, 1, 1]);
    expect(() => matchedDifferenceInDifferences([fine], { caliper: -1 })).toThrow("The caliper must be a number >= 0 in logit units, got -1");
    expect(() => matchedDifferenceInDifferences([fine], { caliper: Number.NaN })).toThrow("got NaN");
    expect(() => matchedDifferenceInDifferences([{ ...fine, logit: Number.POSITIVE_INFINITY }], { caliper: 1 })).toThrow(
      'Pattern group 0 ("a", TREATMENT) has logit Infinity, expected a finite number',
    );
    expect(() => matchedDifferenceInDifferences([{ ...fine, people: [1, -1, 0, 0] }], { caliper: 1 })).toThrow(
      'Pattern group 0 ("a", TREATMENT) has people [1,-1,0,0], expected four counts >= 0',
    );
  });

  it("matches 20,000 patterns, accounting for every treated person", () => {
    const random = new Random(5);
    const groups: PatternGroup[] = [];
    for (let i = 0; i < 20_000; i++) {
      const people: OutcomeSplit = [random.int(0, 40), random.int(0, 5), random.int(0, 5), random.int(0, 3)];
      groups.push(group(`p${i}`, i % 2 === 0 ? "TREATMENT" : "COMPARISON", random.float() * 6 - 3, people));
    }
    const result = estimate(groups, 0.05);
    expect(result.treatment.people + result.treatedUnmatched).toBe(
      groups.filter((g) => g.cohort === "TREATMENT").reduce((sum, g) => sum + g.people[0] + g.people[1] + g.people[2] + g.people[3], 0),
    );
  });

  it("describes its method for users", () => {
    expect(MATCHING_METHOD).toMatch(/nearest logit of the propensity score/);
    expect(MATCHING_METHOD).toMatch(/with replacement/);
    expect(MATCHING_METHOD).toMatch(/average effect on the treated/);
  });
});

describe("the conventional caliper", () => {
  it("is 0.2 pooled standard deviations of the logit, over people", () => {
    const groups = [
      group("a", "TREATMENT", 0, [1, 0, 1, 0]),
      group("b", "TREATMENT", 2, [0, 1, 0, 1]),
      group("c", "COMPARISON", 1, [1, 1, 1, 0]),
    ];
    // Treated logits 0, 0, 2, 2: variance 4/3; comparison 1, 1, 1: variance 0.
    expect(propensityCaliper(groups)).toBeCloseTo(0.2 * Math.sqrt((4 / 3 + 0) / 2), 12);
    expect(propensityCaliper(groups, 0.1)).toBeCloseTo(0.1 * Math.sqrt(2 / 3), 12);
  });

  it("pools only the cohorts that have a variance", () => {
    expect(propensityCaliper([group("a", "TREATMENT", 0, [1, 0, 0, 0]), group("b", "COMPARISON", 0, [1, 0, 0, 0]), group("c", "COMPARISON", 3, [0, 0, 0, 1])])).toBeCloseTo(
      0.2 * Math.sqrt(4.5),
      12,
    );
    expect(propensityCaliper([group("a", "TREATMENT", 0, [1, 0, 0, 0])])).toBe(0);
  });
});

/**
 * A synthetic population with confounding, and a known effect. People have
 * an age band (4), sex, three headline-problem flags, a region (3) and the
 * outcome in the year before: 384 covariate patterns. Treatment is likelier
 * with more problems and with the outcome before; the outcome after depends
 * on the covariates and strongly on the outcome before (regression to the
 * mean), so the change itself depends on the covariates and an unmatched
 * difference in differences is biased. Treatment adds EFFECT to everyone's
 * probability of the outcome after, so the effect on the treated is EFFECT.
 */
const AGES = ["0-9", "10-17", "18-39", "40+"];
const REGIONS = ["North", "Midlands", "South"];
const PATTERNS = AGES.length * 2 * 8 * REGIONS.length * 2;
const EFFECT = -0.05;
const sigmoid = (eta: number) => 1 / (1 + Math.exp(-eta));
const propensityDesign = designMatrix([
  { name: "age", kind: "categorical", categories: AGES },
  { name: "female", kind: "binary" },
  { name: "crime", kind: "binary" },
  { name: "education", kind: "binary" },
  { name: "work", kind: "binary" },
  { name: "region", kind: "categorical", categories: REGIONS },
  { name: "before", kind: "binary" },
]);

/** Pattern number = ((((age * 2 + female) * 8 + problem bits) * 3 + region) * 2 + before. */
const patternTable = Array.from({ length: PATTERNS }, (_, pattern) => {
  const before = pattern % 2;
  const region = Math.floor(pattern / 2) % 3;
  const bits = Math.floor(pattern / 6) % 8;
  const female = Math.floor(pattern / 48) % 2;
  const age = Math.floor(pattern / 96);
  const problems = (bits & 1) + ((bits >> 1) & 1) + ((bits >> 2) & 1);
  return {
    x: propensityDesign.encode({ age: AGES[age] as string, female, crime: bits & 1, education: (bits >> 1) & 1, work: (bits >> 2) & 1, region: REGIONS[region] as string, before }),
    pBefore: sigmoid(-1.4 + 0.25 * age - 0.3 * female + 0.5 * problems + 0.2 * region),
    pTreated: sigmoid(-2.2 + 0.7 * problems + 0.8 * before - 0.15 * age + 0.1 * region),
    // At least 0.23, so adding EFFECT keeps it a probability.
    pAfter: sigmoid(-1.0 + 0.2 * age + 0.35 * problems + 0.9 * before - 0.2 * female),
  };
});

/** People and record keys per (cohort, pattern, before * 2 + after), drawn person by person. */
function population(random: Random, size: number, effect: number) {
  const people = { TREATMENT: new Float64Array(PATTERNS * 4), COMPARISON: new Float64Array(PATTERNS * 4) };
  const keys = { TREATMENT: new Float64Array(PATTERNS * 4), COMPARISON: new Float64Array(PATTERNS * 4) };
  for (let i = 0; i < size; i++) {
    const age = random.int(0, 3);
    const female = random.chance(0.5) ? 1 : 0;
    const bits = (random.chance(0.35) ? 1 : 0) | (random.chance(0.35) ? 2 : 0) | (random.chance(0.35) ? 4 : 0);
    const region = random.int(0, 2);
    const withoutBefore = (((age * 2 + female) * 8 + bits) * 3 + region) * 2;
    const before = random.chance(patternTable[withoutBefore]?.pBefore as number) ? 1 : 0;
    const pattern = patternTable[withoutBefore + before] as (typeof patternTable)[number];
    const cohort = random.chance(pattern.pTreated) ? "TREATMENT" : "COMPARISON";
    const after = random.chance(pattern.pAfter + (cohort === "TREATMENT" ? effect : 0)) ? 1 : 0;
    const at = (withoutBefore + before) * 4 + before * 2 + after;
    people[cohort][at] = (people[cohort][at] as number) + 1;
    keys[cohort][at] = (keys[cohort][at] as number) + random.int(0, 255);
  }
  return { people, keys };
}

/** What the evaluation subgraph will do: fit the propensity model on the patterns, then match within the conventional caliper. */
function evaluate({ people, keys }: ReturnType<typeof population>) {
  const split = (counts: Float64Array, pattern: number): OutcomeSplit => [
    counts[pattern * 4] as number,
    counts[pattern * 4 + 1] as number,
    counts[pattern * 4 + 2] as number,
    counts[pattern * 4 + 3] as number,
  ];
  const sum = (s: OutcomeSplit) => s[0] + s[1] + s[2] + s[3];
  const model: BinomialGroup[] = [];
  for (let pattern = 0; pattern < PATTERNS; pattern++) {
    const treated = sum(split(people.TREATMENT, pattern));
    model.push({ x: patternTable[pattern]?.x as Float64Array, trials: treated + sum(split(people.COMPARISON, pattern)), successes: treated });
  }
  const fit = fitLogistic(model);
  const groups: PatternGroup[] = [];
  for (let pattern = 0; pattern < PATTERNS; pattern++) {
    const logit = linearPredictor(fit.coefficients, patternTable[pattern]?.x as Float64Array);
    for (const cohort of ["TREATMENT", "COMPARISON"] as const) {
      groups.push({ pattern: String(pattern), cohort, logit, people: split(people[cohort], pattern), keys: split(keys[cohort], pattern) });
    }
  }
  const matched = estimate(groups, propensityCaliper(groups));
  // Unmatched: everyone in one group per cohort, so every treated person is
  // compared with the whole comparison cohort.
  const pooled = (cohort: PatternGroup["cohort"]): PatternGroup => {
    const mine = groups.filter((g) => g.cohort === cohort);
    const all = (i: 0 | 1 | 2 | 3) => mine.reduce((sum, g) => sum + g.people[i], 0);
    return { pattern: "everyone", cohort, logit: 0, people: [all(0), all(1), all(2), all(3)], keys: [0, 0, 0, 0] };
  };
  const naive = estimate([pooled("TREATMENT"), pooled("COMPARISON")], 0);
  return { matched, naive, fit };
}

/** Replications of the whole evaluation, each on its own seeded population. */
function replicate(replications: number, size: number, effect: number, stream: number) {
  const results = Array.from({ length: replications }, (_, r) => evaluate(population(new Random(1000 + r, stream), size, effect)));
  const covers = (e: { lower: number; upper: number }) => e.lower <= effect && effect <= e.upper;
  const estimates = results.map((r) => r.matched.difference);
  const mean = estimates.reduce((a, b) => a + b, 0) / replications;
  return {
    coverage: results.filter((r) => covers(r.matched)).length / replications,
    naiveCoverage: results.filter((r) => covers(r.naive)).length / replications,
    mean,
    spread: Math.sqrt(estimates.reduce((a, b) => a + (b - mean) ** 2, 0) / (replications - 1)),
    meanStandardError: results.reduce((a, r) => a + r.matched.standardError, 0) / replications,
    allConverged: results.every((r) => r.fit.converged),
  };
}

describe("estimating a planted effect in a confounded population", () => {
  it("finds the effect where the unmatched difference in differences misses it by more than its interval", () => {
    const { matched, naive } = evaluate(population(new Random(1), 200_000, EFFECT));
    expect(naive.upper).toBeLessThan(EFFECT);
    expect(Math.abs(naive.difference - EFFECT)).toBeGreaterThan(0.1);
    expect(matched.lower).toBeLessThanOrEqual(EFFECT);
    expect(matched.upper).toBeGreaterThanOrEqual(EFFECT);
    expect(matched.standardError).toBeLessThan(0.005);
    // Matching balances the outcome before, which is one of the covariates.
    expect(matched.comparison.rateBefore).toBeCloseTo(matched.treatment.rateBefore, 2);
    expect(matched.treatedUnmatched).toBe(0);
  });

  it("covers the true effect with its 95% interval in 90-99% of 250 replications", () => {
    const runs = replicate(250, 10_000, EFFECT, 0);
    expect(runs.allConverged).toBe(true);
    expect(runs.coverage).toBeGreaterThanOrEqual(0.9);
    expect(runs.coverage).toBeLessThanOrEqual(0.99);
    expect(runs.naiveCoverage).toBeLessThan(0.05);
    // Unbiased to within a fifth of a standard error, whose size matches the estimates' spread.
    expect(Math.abs(runs.mean - EFFECT)).toBeLessThan(0.2 * runs.meanStandardError);
    expect(runs.meanStandardError / runs.spread).toBeGreaterThan(0.8);
    expect(runs.meanStandardError / runs.spread).toBeLessThan(1.25);
  });

  it("covers zero at the same rate when there is no effect", () => {
    const runs = replicate(250, 10_000, 0, 1);
    expect(runs.coverage).toBeGreaterThanOrEqual(0.9);
    expect(runs.coverage).toBeLessThanOrEqual(0.99);
    expect(runs.naiveCoverage).toBeLessThan(0.05);
    expect(Math.abs(runs.mean)).toBeLessThan(0.2 * runs.meanStandardError);
    expect(runs.meanStandardError / runs.spread).toBeGreaterThan(0.8);
    expect(runs.meanStandardError / runs.spread).toBeLessThan(1.25);
  });
});
