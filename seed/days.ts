/**
 * Dates as whole days since 1970-01-01: the generator does millions of date
 * sums, and integers are cheap. Conversions use Howard Hinnant's civil-date
 * algorithms (no Date objects). Month arithmetic follows PostgreSQL's (the
 * day is clamped to the target month's length), so the generator and the
 * extract's `date + interval 'n months'` agree on every window boundary.
 */

/** Days since 1970-01-01 of a proleptic Gregorian date. */
export function fromParts(year: number, month: number, dayOfMonth: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + dayOfMonth - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function parts(d: number): { year: number; month: number; day: number } {
  const z = d + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day: doy - Math.floor((153 * mp + 2) / 5) + 1 };
}

export function day(iso: string): number {
  return fromParts(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

const formatted = new Map<number, string>();

export function isoDay(d: number): string {
  let s = formatted.get(d);
  if (s === undefined) {
    const p = parts(d);
    s = `${p.year}-${p.month < 10 ? "0" : ""}${p.month}-${p.day < 10 ? "0" : ""}${p.day}`;
    if (formatted.size < 100_000) formatted.set(d, s);
  }
  return s;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return MONTH_DAYS[month - 1] as number;
}

/** `d + months`, with the day clamped to the target month (as PostgreSQL does). */
export function addMonths(d: number, months: number): number {
  const p = parts(d);
  const index = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return fromParts(year, month, Math.min(p.day, daysInMonth(year, month)));
}

/** Whole years from a date of birth to a date. */
export function ageOn(dateOfBirth: number, on: number): number {
  const b = parts(dateOfBirth);
  const o = parts(on);
  return o.year - b.year - (o.month < b.month || (o.month === b.month && o.day < b.day) ? 1 : 0);
}

/** The year of a date. */
export function yearOf(d: number): number {
  return parts(d).year;
}
