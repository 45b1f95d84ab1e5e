import { describe, expect, it } from "vitest";
import {
  CELL_KEY_MODULUS,
  cellKey,
  MAXIMUM_DEVIATION,
  perturb,
  PERTURBATION_DESCRIPTION,
  PERTURBATION_TABLE,
  releaseCount,
  roundCount,
} from "../../../lib/disclosure/perturbation.js";

const keys = Array.from({ length: CELL_KEY_MODULUS }, (_, k) => k);

describe("the perturbation table", () => {
  it("gives every one of the 256 keys exactly one perturbation in every row", () => {
    for (const row of PERTURBATION_TABLE) expect(row.reduce((sum, r) => sum + r.keys, 0)).toBe(256);
    expect(PERTURBATION_TABLE).toHaveLength(MAXIMUM_DEVIATION + 1);
  });

  it("has zero mean and deviation d in row d, exactly", () => {
    PERTURBATION_TABLE.forEach((row, d) => {
      expect(row.reduce((sum, r) => sum + r.perturbation * r.keys, 0)).toBe(0);
      expect(row.map((r) => r.perturbation)).toEqual(Array.from({ length: 2 * d + 1 }, (_, i) => i - d));
    });
  });

  it("has zero mean over all keys for every value it perturbs", () => {
    for (const threshold of [3, 5, 10]) {
      for (let value = threshold; value < threshold + 10; value++) {
        const sum = keys.reduce((s, k) => s + (perturb(value, k, threshold) - value), 0);
        expect(sum, `value ${value}, threshold ${threshold}`).toBe(0);
      }
    }
  });

  it("never moves a count by more than 3, and uses all of -3..3 for large counts", () => {
    const moves = new Set(keys.map((k) => perturb(1000, k, 10) - 1000));
    expect([...moves].sort((a, b) => a - b)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
  });

  it("never releases a value between 1 and the threshold", () => {
    const small: string[] = [];
    for (const threshold of [3, 4, 5, 10, 20]) {
      for (let value = threshold; value < threshold + 50; value++) {
        for (const k of keys) if (perturb(value, k, threshold) < threshold) small.push(`${value}@${k}/T${threshold}`);
      }
    }
    expect(small).toEqual([]);
  });

  it("follows the documented key ranges", () => {
    // d = 3 (value 13 at threshold 10): keys 0-15 -> -3, 16-47 -> -2, 48-95 -> -1, 96-159 -> 0, ...
    expect([0, 15, 16, 47, 48, 95, 96, 159, 160, 207, 208, 239, 240, 255].map((k) => perturb(13, k, 10) - 13)).toEqual([
      -3, -3, -2, -2, -1, -1, 0, 0, 1, 1, 2, 2, 3, 3,
    ]);
    // d = 1 (value 11): keys 0-63 -> -1, 64-191 -> 0, 192-255 -> +1.
    expect([0, 63, 64, 191, 192, 255].map((k) => perturb(11, k, 10))).toEqual([10, 10, 11, 11, 12, 12]);
    // At the threshold itself nothing moves.
    expect(keys.every((k) => perturb(10, k, 10) === 10)).toBe(true);
  });

  it("is deterministic: the same value and key give the same result", () => {
    for (const k of keys) expect(perturb(57, k, 10)).toBe(perturb(57, k, 10));
  });

  it("keeps zero at zero and refuses to perturb a small count", () => {
    expect(keys.every((k) => perturb(0, k, 10) === 0)).toBe(true);
    expect(() => perturb(9, 0, 10)).toThrow(/never released/);
    expect(() => perturb(1, 0, 10)).toThrow(/never released/);
    expect(() => perturb(20, 256, 10)).toThrow(/cell key/);
  });

  it("describes itself with the numbers it uses", () => {
    expect(PERTURBATION_DESCRIPTION).toContain("d=3 {-3:16, -2:32, -1:48, 0:64, 1:48, 2:32, 3:16}");
  });
});

describe("cell keys", () => {
  it("are key sums modulo 256, non-negative for differences", () => {
    expect(cellKey(0)).toBe(0);
    expect(cellKey(255)).toBe(255);
    expect(cellKey(256 * 7 + 3)).toBe(3);
    expect(cellKey(10 - 300)).toBe(222);
  });
});

describe("rounding", () => {
  it("rounds to the nearest multiple of the base, halves up", () => {
    expect([10, 12, 13, 17, 18, 102].map((v) => roundCount(v, 5, 10))).toEqual([10, 10, 15, 15, 20, 100]);
    expect(roundCount(15, 10, 10)).toBe(20);
    expect(roundCount(14, 10, 10)).toBe(10);
  });

  it("never rounds a count below the threshold", () => {
    expect(roundCount(7, 5, 10)).toBe(10);
    expect(roundCount(3, 5, 3)).toBe(5);
    expect(roundCount(11, 5, 12)).toBe(15);
    expect(roundCount(0, 5, 10)).toBe(0);
  });

  it("gives analysts multiples of 5 of at least 10 for every count and key", () => {
    const wrong: string[] = [];
    const seen = new Set<number>();
    for (let value = 10; value < 200; value++) {
      for (const k of keys) {
        const released = releaseCount(value, k, 10, { perturb: true, roundingBase: 5 });
        seen.add(released);
        // Perturbation moves by 3 at most, rounding by 2 more (or up to the threshold).
        if (released % 5 !== 0 || released < 10 || Math.abs(released - value) > 3 + 2) wrong.push(`${value}@${k} -> ${released}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(Math.min(...seen)).toBe(10);
  });

  it("leaves a researcher's counts exact", () => {
    expect(releaseCount(13, 200, 10, { perturb: false, roundingBase: null })).toBe(13);
  });
});
