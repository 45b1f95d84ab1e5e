/**
 * Logistic regression on grouped binomial data, for the propensity score of
 * the evaluation: P(treated | x) = 1 / (1 + exp(-x.beta)).
 *
 * The research extract has categorical covariates only, so its 1.2 million
 * people fall into a few tens of thousands of covariate patterns; the model is
 * fitted on one row per pattern (trials = people, successes = treated people),
 * which gives exactly the per-person maximum-likelihood estimate at a small
 * fraction of the cost.
 *
 * Fitting is Newton-Raphson (iteratively reweighted least squares) with a
 * Cholesky solve of the p x p information matrix, halving a step that would
 * make the fit worse. A tiny ridge penalty, lambda/2 * |beta|^2 with lambda =
 * 1e-6 times the mean diagonal of the information at beta = 0, keeps the
 * information matrix invertible and the estimate finite when a category is
 * empty (its coefficient stays 0, with a huge standard error) or separates the
 * outcome (its coefficient grows large but finite); for any identified
 * coefficient the penalty moves the estimate by far less than its standard
 * error.
 */

/** One covariate pattern: its covariate vector, people in it, and how many of them had the outcome. */
export interface BinomialGroup {
  /** Covariates, including a leading 1 if the model has an intercept (see `designMatrix`). */
  readonly x: ArrayLike<number>;
  /** People in the pattern (need not be an integer: expected counts work too). */
  readonly trials: number;
  /** People in the pattern with the outcome, 0 <= successes <= trials. */
  readonly successes: number;
}

export interface LogisticOptions {
  /** Newton steps allowed before giving up (default 50). */
  readonly maxIterations?: number;
  /** Stop once a step changes the penalised deviance by less than this, relative to it (default 1e-10). */
  readonly tolerance?: number;
  /** Ridge penalty relative to the mean diagonal of the information at beta = 0 (default 1e-6). */
  readonly ridge?: number;
}

export interface LogisticFit {
  readonly coefficients: Float64Array;
  /** Square roots of the diagonal of the inverse (penalised) information matrix. */
  readonly standardErrors: Float64Array;
  /** Newton steps taken. */
  readonly iterations: number;
  readonly converged: boolean;
  /** Residual deviance (without the penalty): twice the log-likelihood ratio against the saturated model. */
  readonly deviance: number;
  /** The absolute ridge penalty lambda actually used. */
  readonly lambda: number;
}

/** Coefficient steps smaller than this (in logit units) mean the fit has stopped moving. */
const STEP_TOLERANCE = 1e-8;
/** A step is halved at most this often before the fit is declared stuck. */
const MAX_HALVINGS = 30;

/** x.beta for one covariate vector: the logit of the fitted probability. */
export function linearPredictor(coefficients: ArrayLike<number>, x: ArrayLike<number>): number {
  if (x.length !== coefficients.length) throw new Error(`Expected ${coefficients.length} covariates, got ${x.length}`);
  let eta = 0;
  for (let j = 0; j < x.length; j++) eta += (x[j] as number) * (coefficients[j] as number);
  return eta;
}

/** Fits the logistic model by penalised maximum likelihood; see the module comment. */
export function fitLogistic(groups: readonly BinomialGroup[], options: LogisticOptions = {}): LogisticFit {
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-10;
  const ridge = options.ridge ?? 1e-6;
  const first = groups[0];
  if (!first) throw new Error("fitLogistic needs at least one group");
  const p = first.x.length;
  if (p === 0) throw new Error("fitLogistic needs at least one covariate");
  const data = compress(groups, p);

  // The information at beta = 0 has diagonal sum_i n_i x_ij^2 / 4; its mean
  // sets the scale of the ridge so that the penalty means the same whether
  // the data hold a hundred people or a million. The floor of 1 keeps a data
  // set with no people at all solvable (every coefficient then stays 0).
  let trace = 0;
  for (let i = 0; i < data.rows; i++) {
    for (let k = data.start[i] as number; k < (data.start[i + 1] as number); k++) trace += ((data.trials[i] as number) * (data.value[k] as number) ** 2) / 4;
  }
  const lambda = ridge * Math.max(trace / p, 1);

  let beta: Float64Array = new Float64Array(p);
  let state = evaluate(data, p, beta, lambda);
  const step = new Float64Array(p);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    const factor = cholesky(state.information, p);
    solve(factor, p, state.gradient, step);

    // Newton's step maximises the quadratic approximation; far from the
    // optimum (or along a separating direction) it can overshoot, so halve it
    // until the penalised deviance does not get worse.
    let scale = 1;
    let candidate = addScaled(beta, step, scale);
    let next = evaluate(data, p, candidate, lambda);
    for (let h = 0; h < MAX_HALVINGS && !acceptable(next, state); h++) {
      scale /= 2;
      candidate = addScaled(beta, step, scale);
      next = evaluate(data, p, candidate, lambda);
    }
    // No step at all improves on beta: it is the optimum to the precision of
    // floating point, and stepping anywhere would only make the fit worse.
    if (!acceptable(next, state)) {
      converged = true;
      break;
    }
    let moved = 0;
    for (let j = 0; j < p; j++) moved = Math.max(moved, Math.abs((step[j] as number) * scale));
    const change = Math.abs(next.penalised - state.penalised) / (Math.abs(next.penalised) + 0.1);
    beta = candidate;
    state = next;
    if (change < tolerance || moved < STEP_TOLERANCE) {
      converged = true;
      break;
    }
  }

  // Standard errors come from the information at the final estimate, so they
  // describe the coefficients actually returned.
  const inverseDiagonal = inverseDiagonalOf(cholesky(state.information, p), p);
  const standardErrors = inverseDiagonal.map((v) => Math.sqrt(v));
  return { coefficients: beta, standardErrors, iterations, converged, deviance: state.deviance, lambda };
}

/**
 * Dummy coding for categorical covariates: a categorical column becomes one
 * 0/1 covariate per category except the first, which is the reference
 * category (its effect is in the intercept); a binary column is one 0/1
 * covariate. `names` lists the covariates in x order, so a stored model says
 * what each coefficient means: "intercept", then "column=category" for a
 * category and "column" for a binary column.
 */
export type CovariateColumn =
  | { readonly name: string; readonly kind: "categorical"; readonly categories: readonly string[] }
  | { readonly name: string; readonly kind: "binary" };

export type CovariateValue = string | number | boolean;

export interface Design {
  readonly names: readonly string[];
  /** The x vector for one pattern, given its raw values keyed by column name. */
  readonly encode: (values: Readonly<Record<string, CovariateValue>>) => Float64Array;
}

export function designMatrix(columns: readonly CovariateColumn[], options: { readonly intercept?: boolean } = {}): Design {
  const intercept = options.intercept ?? true;
  const names: string[] = intercept ? ["intercept"] : [];
  const seen = new Set<string>();
  // Where each column's covariates start in x, and for a categorical column
  // the position of each category (-1 for the reference category).
  const layout = columns.map((column) => {
    if (seen.has(column.name)) throw new Error(`Covariate column "${column.name}" appears twice`);
    seen.add(column.name);
    const offset = names.length;
    if (column.kind === "binary") {
      names.push(column.name);
      return { column, offset, position: new Map<string, number>() };
    }
    if (column.categories.length === 0) throw new Error(`Categorical column "${column.name}" needs at least one category`);
    const position = new Map<string, number>();
    column.categories.forEach((category, i) => {
      if (position.has(category)) throw new Error(`Categorical column "${column.name}" lists category "${category}" twice`);
      position.set(category, i - 1);
      if (i > 0) names.push(`${column.name}=${category}`);
    });
    return { column, offset, position };
  });
  const p = names.length;

  const encode = (values: Readonly<Record<string, CovariateValue>>): Float64Array => {
    const x = new Float64Array(p);
    if (intercept) x[0] = 1;
    for (const { column, offset, position } of layout) {
      const value = values[column.name];
      if (column.kind === "binary") {
        if (value === true || value === 1) x[offset] = 1;
        else if (value !== false && value !== 0) throw new Error(`Binary column "${column.name}" expects true, false, 1 or 0, got ${JSON.stringify(value)}`);
      } else {
        const at = typeof value === "string" ? position.get(value) : undefined;
        if (at === undefined) throw new Error(`Categorical column "${column.name}" expects one of ${column.categories.join(", ")}, got ${JSON.stringify(value)}`);
        if (at >= 0) x[offset + at] = 1;
      }
    }
    return x;
  };
  return { names, encode };
}

/** The groups in compressed sparse rows: dummy-coded designs are mostly zeros, and skipping them is most of the speed. */
interface Compressed {
  readonly rows: number;
  readonly start: Int32Array;
  readonly column: Int32Array;
  readonly value: Float64Array;
  readonly trials: Float64Array;
  readonly successes: Float64Array;
  /** Log-likelihood of the saturated model (each group's own rate), for the deviance. */
  readonly saturated: number;
}

function compress(groups: readonly BinomialGroup[], p: number): Compressed {
  let nonZero = 0;
  groups.forEach((group, i) => {
    const { x, trials, successes } = group;
    if (x.length !== p) throw new Error(`Group ${i} has ${x.length} covariates, expected ${p} like group 0`);
    if (!(Number.isFinite(trials) && trials >= 0)) throw new Error(`Group ${i} has ${trials} trials, expected a finite number >= 0`);
    if (!(Number.isFinite(successes) && successes >= 0 && successes <= trials)) {
      throw new Error(`Group ${i} has ${successes} successes, expected a number between 0 and its ${trials} trials`);
    }
    for (let j = 0; j < p; j++) {
      const v = x[j] as number;
      if (!Number.isFinite(v)) throw new Error(`Group ${i} has covariate ${j} = ${v}, expected a finite number`);
      if (v !== 0) nonZero++;
    }
  });
  const rows = groups.length;
  const start = new Int32Array(rows + 1);
  const column = new Int32Array(nonZero);
  const value = new Float64Array(nonZero);
  const trials = new Float64Array(rows);
  const successes = new Float64Array(rows);
  let saturated = 0;
  let k = 0;
  groups.forEach((group, i) => {
    start[i] = k;
    for (let j = 0; j < p; j++) {
      const v = group.x[j] as number;
      if (v !== 0) {
        column[k] = j;
        value[k] = v;
        k++;
      }
    }
    const n = group.trials;
    const y = group.successes;
    trials[i] = n;
    successes[i] = y;
    if (y > 0) saturated += y * Math.log(y / n);
    if (n - y > 0) saturated += (n - y) * Math.log((n - y) / n);
  });
  start[rows] = k;
  return { rows, start, column, value, trials, successes, saturated };
}

interface Evaluation {
  readonly deviance: number;
  /** Deviance plus the ridge penalty lambda * |beta|^2: the quantity Newton's method minimises. */
  readonly penalised: number;
  /** Score of the penalised log-likelihood. */
  readonly gradient: Float64Array;
  /** Penalised information matrix, full p x p, row-major. */
  readonly information: Float64Array;
}

/** One pass over the data: deviance, score and information at beta. */
function evaluate(data: Compressed, p: number, beta: Float64Array, lambda: number): Evaluation {
  const gradient = new Float64Array(p);
  const information = new Float64Array(p * p);
  const { start, column, value, trials, successes } = data;
  let logLikelihood = 0;
  for (let i = 0; i < data.rows; i++) {
    const n = trials[i] as number;
    if (n === 0) continue;
    const y = successes[i] as number;
    const from = start[i] as number;
    const to = start[i + 1] as number;
    let eta = 0;
    for (let k = from; k < to; k++) eta += (value[k] as number) * (beta[column[k] as number] as number);
    // Written through e = exp(-|eta|) so that neither mu nor 1 - mu loses
    // its digits when the fitted probability is close to 0 or 1.
    const e = Math.exp(-Math.abs(eta));
    const q = 1 / (1 + e);
    const mu = eta >= 0 ? q : e * q;
    const oneMinusMu = eta >= 0 ? e * q : q;
    logLikelihood += y * eta - n * (Math.max(eta, 0) + Math.log1p(e));
    const residual = y * oneMinusMu - (n - y) * mu;
    const weight = n * e * q * q;
    for (let a = from; a < to; a++) {
      const ja = column[a] as number;
      const va = value[a] as number;
      gradient[ja] = (gradient[ja] as number) + va * residual;
      const wa = weight * va;
      const rowBase = ja * p;
      // Columns within a row are increasing, so this fills the upper triangle.
      for (let b = a; b < to; b++) {
        const at = rowBase + (column[b] as number);
        information[at] = (information[at] as number) + wa * (value[b] as number);
      }
    }
  }
  let squares = 0;
  for (let j = 0; j < p; j++) {
    const bj = beta[j] as number;
    squares += bj * bj;
    gradient[j] = (gradient[j] as number) - lambda * bj;
    information[j * p + j] = (information[j * p + j] as number) + lambda;
    for (let k = j + 1; k < p; k++) information[k * p + j] = information[j * p + k] as number;
  }
  const deviance = Math.max(0, 2 * (data.saturated - logLikelihood));
  return { deviance, penalised: deviance + lambda * squares, gradient, information };
}

/** A step may not raise the penalised deviance beyond rounding (NaN is never acceptable). */
function acceptable(next: Evaluation, current: Evaluation): boolean {
  return next.penalised <= current.penalised + 1e-12 * Math.abs(current.penalised);
}

function addScaled(beta: Float64Array, step: Float64Array, scale: number): Float64Array {
  const out = new Float64Array(beta.length);
  for (let j = 0; j < beta.length; j++) out[j] = (beta[j] as number) + scale * (step[j] as number);
  return out;
}

/** Lower-triangular L with L L' = a (a is symmetric positive definite thanks to the ridge). */
function cholesky(a: Float64Array, p: number): Float64Array {
  const l = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    let diagonal = a[j * p + j] as number;
    for (let k = 0; k < j; k++) diagonal -= (l[j * p + k] as number) ** 2;
    if (!(diagonal > 0)) throw new Error(`The information matrix is not positive definite (pivot ${j} is ${diagonal}); is a covariate infinite or the ridge 0?`);
    const root = Math.sqrt(diagonal);
    l[j * p + j] = root;
    for (let i = j + 1; i < p; i++) {
      let s = a[i * p + j] as number;
      for (let k = 0; k < j; k++) s -= (l[i * p + k] as number) * (l[j * p + k] as number);
      l[i * p + j] = s / root;
    }
  }
  return l;
}

/** Solves L L' x = b into out. */
function solve(l: Float64Array, p: number, b: Float64Array, out: Float64Array): void {
  for (let i = 0; i < p; i++) {
    let s = b[i] as number;
    for (let k = 0; k < i; k++) s -= (l[i * p + k] as number) * (out[k] as number);
    out[i] = s / (l[i * p + i] as number);
  }
  for (let i = p - 1; i >= 0; i--) {
    let s = out[i] as number;
    for (let k = i + 1; k < p; k++) s -= (l[k * p + i] as number) * (out[k] as number);
    out[i] = s / (l[i * p + i] as number);
  }
}

/** Diagonal of (L L')^-1, one unit-vector solve per coefficient (p is small). */
function inverseDiagonalOf(l: Float64Array, p: number): Float64Array {
  const diagonal = new Float64Array(p);
  const unit = new Float64Array(p);
  const column = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    unit.fill(0);
    unit[j] = 1;
    solve(l, p, unit, column);
    diagonal[j] = column[j] as number;
  }
  return diagonal;
}
