import { describe, expect, it } from "vitest";
import { designMatrix, fitLogistic, linearPredictor, type BinomialGroup, type CovariateColumn } from "../../../lib/estimation/logistic.js";
import { Random } from "../../../seed/random.js";

const sigmoid = (eta: number) => 1 / (1 + Math.exp(-eta));

/** A binomial draw as a sum of Bernoulli trials: slow for large n, but plainly right. */
function binomial(random: Random, n: number, p: number): number {
  let y = 0;
  for (let i = 0; i < n; i++) if (random.chance(p)) y++;
  return y;
}

/** Every combination of the columns' values, in the order the design names them. */
function allPatterns(columns: readonly CovariateColumn[]): Array<Record<string, string | boolean>> {
  let patterns: Array<Record<string, string | boolean>> = [{}];
  for (const column of columns) {
    const values = column.kind === "binary" ? [false, true] : column.categories;
    patterns = patterns.flatMap((pattern) => values.map((value) => ({ ...pattern, [column.name]: value })));
  }
  return patterns;
}

const COLUMNS: readonly CovariateColumn[] = [
  { name: "age", kind: "categorical", categories: ["0-15", "16-24", "25-49", "50+"] },
  { name: "female", kind: "binary" },
  { name: "region", kind: "categorical", categories: ["North", "Midlands", "South"] },
  { name: "troubled", kind: "binary" },
];
// intercept, age x3, female, region x2, troubled
const TRUE_BETA = [-1.2, 0.4, 0.9, -0.5, 0.3, -0.7, 0.25, 1.1];

describe("fitting a logistic regression to grouped counts", () => {
  const design = designMatrix(COLUMNS);
  const patterns = allPatterns(COLUMNS).map((values) => design.encode(values));

  // "Exactly" is up to the ridge penalty, which moves a coefficient by about
  // 1e-6 of its size times the ratio of mean to own information: 1e-5 at most here.
  it("recovers the coefficients exactly when every group has its expected successes", () => {
    const groups: BinomialGroup[] = patterns.map((x, i) => {
      const trials = 50 + 37 * i;
      return { x, trials, successes: trials * sigmoid(linearPredictor(TRUE_BETA, x)) };
    });
    const fit = fitLogistic(groups);
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBeLessThan(10);
    fit.coefficients.forEach((b, j) => expect(b).toBeCloseTo(TRUE_BETA[j] as number, 4));
    // The fitted rates are the observed ones, so nothing is left unexplained.
    expect(fit.deviance).toBeLessThan(1e-5);
  });

  it("recovers the coefficients from random draws to within their standard errors, with a deviance near its degrees of freedom", () => {
    const random = new Random(20240611);
    const groups: BinomialGroup[] = [];
    // Each pattern several times over, as different regions' authorities would be.
    for (let copy = 0; copy < 20; copy++) {
      for (const x of patterns) groups.push({ x, trials: 80, successes: binomial(random, 80, sigmoid(linearPredictor(TRUE_BETA, x))) });
    }
    const fit = fitLogistic(groups);
    expect(fit.converged).toBe(true);
    fit.coefficients.forEach((b, j) => {
      expect(Math.abs(b - (TRUE_BETA[j] as number))).toBeLessThan(4 * (fit.standardErrors[j] as number));
    });
    const freedom = groups.length - TRUE_BETA.length;
    expect(fit.deviance).toBeGreaterThan(freedom - 4 * Math.sqrt(2 * freedom));
    expect(fit.deviance).toBeLessThan(freedom + 4 * Math.sqrt(2 * freedom));
  });

  it("gives the textbook estimates and standard errors for a two-by-two table", () => {
    // Unexposed: 30 of 200; exposed: 45 of 120. The model is saturated, so
    // beta1 is the log odds ratio with SE sqrt(1/a + 1/b + 1/c + 1/d) (equal
    // here up to the ridge's nudge of a few millionths).
    const fit = fitLogistic([
      { x: [1, 0], trials: 200, successes: 30 },
      { x: [1, 1], trials: 120, successes: 45 },
    ]);
    expect(fit.coefficients[0]).toBeCloseTo(Math.log(30 / 170), 4);
    expect(fit.coefficients[1]).toBeCloseTo(Math.log(45 / 75) - Math.log(30 / 170), 4);
    expect(fit.standardErrors[0]).toBeCloseTo(Math.sqrt(1 / 30 + 1 / 170), 5);
    expect(fit.standardErrors[1]).toBeCloseTo(Math.sqrt(1 / 30 + 1 / 170 + 1 / 45 + 1 / 75), 5);
  });

  it("gives standard errors that match the spread of the estimates over repeated samples", () => {
    const small = designMatrix([
      { name: "group", kind: "categorical", categories: ["a", "b", "c"] },
      { name: "flag", kind: "binary" },
    ]);
    const beta = [-0.8, 0.6, -0.4, 0.9];
    const xs = allPatterns([
      { name: "group", kind: "categorical", categories: ["a", "b", "c"] },
      { name: "flag", kind: "binary" },
    ]).map((values) => small.encode(values));
    const random = new Random(7);
    const estimates: number[][] = beta.map(() => []);
    const errors: number[][] = beta.map(() => []);
    for (let replication = 0; replication < 400; replication++) {
      const fit = fitLogistic(xs.map((x) => ({ x, trials: 60, successes: binomial(random, 60, sigmoid(linearPredictor(beta, x))) })));
      fit.coefficients.forEach((b, j) => estimates[j]?.push(b));
      fit.standardErrors.forEach((se, j) => errors[j]?.push(se));
    }
    beta.forEach((_, j) => {
      const values = estimates[j] as number[];
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const spread = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
      const meanError = (errors[j] as number[]).reduce((a, b) => a + b, 0) / values.length;
      expect(meanError / spread).toBeGreaterThan(0.85);
      expect(meanError / spread).toBeLessThan(1.15);
    });
  });

  it("stays finite when a category is empty and another has the outcome for everyone", () => {
    const quasi = designMatrix([
      { name: "region", kind: "categorical", categories: ["North", "Midlands", "South", "Islands"] },
      { name: "female", kind: "binary" },
    ]);
    const rows: Array<{ region: string; female: boolean; trials: number; successes: number }> = [
      { region: "North", female: false, trials: 100, successes: 20 },
      { region: "North", female: true, trials: 120, successes: 40 },
      { region: "Midlands", female: false, trials: 90, successes: 30 },
      { region: "Midlands", female: true, trials: 80, successes: 35 },
      // Everyone in the South has the outcome (quasi-separation) ...
      { region: "South", female: false, trials: 40, successes: 40 },
      { region: "South", female: true, trials: 30, successes: 30 },
      // ... and nobody lives on the Islands (an empty category).
      { region: "Islands", female: true, trials: 0, successes: 0 },
    ];
    const fit = fitLogistic(rows.map((r) => ({ x: quasi.encode(r), trials: r.trials, successes: r.successes })));
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBeLessThanOrEqual(50);
    for (const v of [...fit.coefficients, ...fit.standardErrors, fit.deviance]) expect(Number.isFinite(v)).toBe(true);
    const [, , south, islands] = fit.coefficients;
    expect(south).toBeGreaterThan(8);
    expect(islands).toBe(0);
    expect(fit.standardErrors[3]).toBeGreaterThan(100);
    // The identified coefficients are those of the fit without the South and the Islands.
    const rest = designMatrix([
      { name: "region", kind: "categorical", categories: ["North", "Midlands"] },
      { name: "female", kind: "binary" },
    ]);
    const reference = fitLogistic(rows.slice(0, 4).map((r) => ({ x: rest.encode(r), trials: r.trials, successes: r.successes })));
    expect(fit.coefficients[0]).toBeCloseTo(reference.coefficients[0] as number, 4);
    expect(fit.coefficients[1]).toBeCloseTo(reference.coefficients[1] as number, 4);
    expect(fit.coefficients[4]).toBeCloseTo(reference.coefficients[2] as number, 4);
    expect(fit.standardErrors[4]).toBeCloseTo(reference.standardErrors[2] as number, 4);
  });

  it("fits 20,000 patterns with 25 covariates, recovering the coefficients within their standard errors", () => {
    const national = designMatrix([
      { name: "age", kind: "categorical", categories: ["0", "1", "2", "3", "4", "5", "6", "7", "8"] },
      { name: "female", kind: "binary" },
      ...["p1", "p2", "p3", "p4", "p5", "p6"].map((name) => ({ name, kind: "binary" as const })),
      { name: "region", kind: "categorical", categories: ["r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8"] },
      { name: "before", kind: "binary" },
    ]);
    expect(national.names).toHaveLength(25);
    const random = new Random(99);
    const beta = national.names.map((_, j) => (j === 0 ? -2 : random.float() - 0.5));
    const groups: BinomialGroup[] = [];
    for (let i = 0; i < 20_000; i++) {
      const x = national.encode({
        age: String(random.int(0, 8)),
        female: random.chance(0.5),
        p1: random.chance(0.4),
        p2: random.chance(0.4),
        p3: random.chance(0.4),
        p4: random.chance(0.4),
        p5: random.chance(0.4),
        p6: random.chance(0.4),
        region: `r${random.int(0, 8)}`,
        before: random.chance(0.3),
      });
      const trials = random.int(1, 120);
      groups.push({ x, trials, successes: binomial(random, trials, sigmoid(linearPredictor(beta, x))) });
    }
    // How fast is for the benchmark (npm run bench), not for a test on a shared machine.
    const fit = fitLogistic(groups);
    expect(fit.converged).toBe(true);
    fit.coefficients.forEach((b, j) => expect(Math.abs(b - (beta[j] as number))).toBeLessThan(5 * (fit.standardErrors[j] as number)));
  });

  it("refuses groups that do not add up, saying what arrived", () => {
    expect(() => fitLogistic([])).toThrow("fitLogistic needs at least one group");
    expect(() => fitLogistic([{ x: [1], trials: 5, successes: 6 }])).toThrow("Group 0 has 6 successes, expected a number between 0 and its 5 trials");
    expect(() => fitLogistic([{ x: [1, 0], trials: 5, successes: 1 }, { x: [1], trials: 5, successes: 1 }])).toThrow("Group 1 has 1 covariates, expected 2 like group 0");
    expect(() => fitLogistic([{ x: [1, Number.NaN], trials: 5, successes: 1 }])).toThrow("Group 0 has covariate 1 = NaN, expected a finite number");
    expect(() => linearPredictor([1, 2], [1])).toThrow("Expected 2 covariates, got 1");
  });
});

describe("dummy coding categorical covariates", () => {
  const design = designMatrix([
    { name: "sex", kind: "categorical", categories: ["FEMALE", "MALE"] },
    { name: "region", kind: "categorical", categories: ["E12000001", "E12000002", "E12000003"] },
    { name: "crime", kind: "binary" },
  ]);

  it("names an intercept, one covariate per category but the first, and one per binary column", () => {
    expect(design.names).toEqual(["intercept", "sex=MALE", "region=E12000002", "region=E12000003", "crime"]);
  });

  it("codes the first category of each column as the reference, all zeros", () => {
    expect([...design.encode({ sex: "FEMALE", region: "E12000001", crime: false })]).toEqual([1, 0, 0, 0, 0]);
    expect([...design.encode({ sex: "MALE", region: "E12000003", crime: true })]).toEqual([1, 1, 0, 1, 1]);
    expect([...design.encode({ sex: "FEMALE", region: "E12000002", crime: 1 })]).toEqual([1, 0, 1, 0, 1]);
  });

  it("leaves the intercept out when asked", () => {
    const bare = designMatrix([{ name: "crime", kind: "binary" }], { intercept: false });
    expect(bare.names).toEqual(["crime"]);
    expect([...bare.encode({ crime: true })]).toEqual([1]);
  });

  it("refuses values it cannot code, naming the column and what was expected", () => {
    expect(() => design.encode({ sex: "X", region: "E12000001", crime: false })).toThrow('Categorical column "sex" expects one of FEMALE, MALE, got "X"');
    expect(() => design.encode({ sex: "MALE", region: "E12000001" })).toThrow('Binary column "crime" expects true, false, 1 or 0, got undefined');
    expect(() => designMatrix([{ name: "a", kind: "binary" }, { name: "a", kind: "binary" }])).toThrow('Covariate column "a" appears twice');
    expect(() => designMatrix([{ name: "a", kind: "categorical", categories: ["x", "x"] }])).toThrow('Categorical column "a" lists category "x" twice');
  });
});
