/**
 * The cell key method (ONS Census 2021, DWP Stat-Xplore) and rounding.
 *
 * Suppression alone does not stop differencing between overlapping queries
 * (Leeds, then Leeds without one ward...). So for callers who see aggregates
 * only, each released count moves by a small amount looked up from the true
 * count and the cell's key: the sum of its people's fixed random record keys,
 * modulo 256. The same people give the same key, hence the same released
 * value in every query and every table shape, and averaging repeated queries
 * learns nothing. The noise has zero mean over keys, so totals stay unbiased.
 */

/** Cell keys are record-key sums modulo this. */
export const CELL_KEY_MODULUS = 256;

/** The largest change the perturbation table ever makes to a count. */
export const MAXIMUM_DEVIATION = 3;

/** One row of the perturbation table: how many of the 256 keys map to each perturbation, in order -d..d. */
export type PerturbationRow = ReadonlyArray<{ readonly perturbation: number; readonly keys: number }>;

/**
 * The perturbation table, by allowed deviation d = min(3, value - threshold).
 * Each row is symmetric (zero mean over uniform keys) and covers all 256 keys.
 * Capping d at value - threshold means a released value is never below the
 * threshold: no perturbed count ever reads as a 1 or a 2.
 */
export const PERTURBATION_TABLE: readonly PerturbationRow[] = [
  [{ perturbation: 0, keys: 256 }],
  [
    { perturbation: -1, keys: 64 },
    { perturbation: 0, keys: 128 },
    { perturbation: 1, keys: 64 },
  ],
  [
    { perturbation: -2, keys: 32 },
    { perturbation: -1, keys: 48 },
    { perturbation: 0, keys: 96 },
    { perturbation: 1, keys: 48 },
    { perturbation: 2, keys: 32 },
  ],
  [
    { perturbation: -3, keys: 16 },
    { perturbation: -2, keys: 32 },
    { perturbation: -1, keys: 48 },
    { perturbation: 0, keys: 64 },
    { perturbation: 1, keys: 48 },
    { perturbation: 2, keys: 32 },
    { perturbation: 3, keys: 16 },
  ],
];

/** For documentation and the API: the method in words. */
export const PERTURBATION_DESCRIPTION =
  "Cell key perturbation (ONS Census 2021 / DWP Stat-Xplore method). Each person record carries a fixed random key 0-255; " +
  "a count's cell key is the sum of its records' keys modulo 256. A count v of at least the threshold T moves by a perturbation " +
  "looked up from (v, cell key): with d = min(3, v - T), keys are split in order over -d..d as " +
  "d=0 {0:256}; d=1 {-1:64, 0:128, 1:64}; d=2 {-2:32, -1:48, 0:96, 1:48, 2:32}; " +
  "d=3 {-3:16, -2:32, -1:48, 0:64, 1:48, 2:32, 3:16}. The perturbation has zero mean, never exceeds 3, never takes a count below T, " +
  "and is the same for the same cell in every query. Zero stays zero; counts between 0 and T are never released. " +
  "People, people with the outcome and people without it are perturbed separately (the last with the difference of the key sums), " +
  "then rounded if the caller's policy says so; rates are computed from the released counts.";

/** PERTURBATION_TABLE expanded to one perturbation per key, for a constant-time lookup. */
const BY_KEY: readonly Int8Array[] = PERTURBATION_TABLE.map((row) => {
  const byKey = new Int8Array(CELL_KEY_MODULUS);
  let key = 0;
  for (const { perturbation, keys } of row) byKey.fill(perturbation, key, (key += keys));
  if (key !== CELL_KEY_MODULUS) throw new Error("A perturbation table row must cover every cell key exactly once");
  return byKey;
});

/**
 * The cell key of a record-key sum: modulo 256, and non-negative even for a
 * difference of sums (the key of the people without the outcome).
 */
export function cellKey(keySum: number): number {
  if (!Number.isSafeInteger(keySum)) throw new Error(`A record-key sum must be an integer, got ${String(keySum)}`);
  return ((keySum % CELL_KEY_MODULUS) + CELL_KEY_MODULUS) % CELL_KEY_MODULUS;
}

/**
 * The perturbed value of a true count with this cell key. Throws for counts
 * between 0 and the threshold: those are suppressed, and perturbing them
 * would put a disclosive small number one mistake away from release.
 */
export function perturb(value: number, key: number, threshold: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`Only non-negative integer counts are perturbed, got ${String(value)}`);
  if (!Number.isInteger(key) || key < 0 || key >= CELL_KEY_MODULUS) throw new Error(`A cell key is an integer 0-255, got ${String(key)}`);
  if (value === 0) return 0;
  if (value < threshold) throw new Error(`A count below the threshold (${value} < ${threshold}) is never released, so never perturbed`);
  const deviation = Math.min(MAXIMUM_DEVIATION, value - threshold);
  return value + ((BY_KEY[deviation] as Int8Array)[key] as number);
}

/**
 * Rounds to the nearest multiple of the base, halves up; a result below the
 * threshold goes up to the smallest multiple at or above it, so that a
 * rounded count never reads as a small number (with T = 10 and base 5, never
 * 5). Zero stays zero.
 */
export function roundCount(value: number, base: number, threshold: number): number {
  if (!Number.isSafeInteger(base) || base < 1) throw new Error(`A rounding base must be a positive integer, got ${String(base)}`);
  if (value === 0) return 0;
  const rounded = Math.floor((2 * value + base) / (2 * base)) * base;
  return rounded >= threshold ? rounded : Math.ceil(threshold / base) * base;
}

/** What a caller's role allows: researchers see true counts, analysts perturbed and rounded ones. */
export interface ReleasePolicy {
  readonly perturb: boolean;
  readonly roundingBase: number | null;
}

/** The released value of one count that passed the threshold rule: perturbed, then rounded, as the policy says. */
export function releaseCount(value: number, keySum: number, threshold: number, policy: ReleasePolicy): number {
  const perturbed = policy.perturb ? perturb(value, cellKey(keySum), threshold) : value;
  return policy.roundingBase === null ? perturbed : roundCount(perturbed, policy.roundingBase, threshold);
}
