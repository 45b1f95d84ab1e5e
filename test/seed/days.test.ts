import { describe, expect, it } from "vitest";
import { addMonths, ageOn, day, fromParts, isoDay, parts } from "../../seed/days.js";

describe("integer calendar arithmetic", () => {
  it("agrees with the JavaScript calendar on every day from 1900 to 2100", () => {
    const start = Date.UTC(1900, 0, 1) / 86_400_000;
    const end = Date.UTC(2100, 11, 31) / 86_400_000;
    for (let d = start; d <= end; d++) {
      const js = new Date(d * 86_400_000);
      expect(parts(d)).toEqual({ year: js.getUTCFullYear(), month: js.getUTCMonth() + 1, day: js.getUTCDate() });
      if (d % 97 === 0) expect(isoDay(d)).toBe(js.toISOString().slice(0, 10));
    }
    expect(fromParts(2016, 2, 29)).toBe(Date.UTC(2016, 1, 29) / 86_400_000);
  });

  it("adds months as PostgreSQL does, clamping the day to the month", () => {
    expect(isoDay(addMonths(day("2019-01-31"), 1))).toBe("2019-02-28");
    expect(isoDay(addMonths(day("2016-01-31"), 1))).toBe("2016-02-29");
    expect(isoDay(addMonths(day("2017-08-31"), -6))).toBe("2017-02-28");
    expect(isoDay(addMonths(day("2018-12-15"), 24))).toBe("2020-12-15");
  });

  it("counts whole years of age", () => {
    expect(ageOn(day("2008-03-01"), day("2018-02-28"))).toBe(9);
    expect(ageOn(day("2008-03-01"), day("2018-03-01"))).toBe(10);
  });
});
