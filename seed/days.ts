/**
 * Dates as whole days since 1970-01-01 (UTC): the generator does millions of
 * date sums, and integers are cheap. Month arithmetic follows PostgreSQL's
 * (the day is clamped to the target month's length), so the generator and the
 * extract's `date + interval 'n months'` agree on every window boundary.
 */
const MS_PER_DAY = 86_400_000;

export function day(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
}

const formatted = new Map<number, string>();

export function isoDay(d: number): string {
  let s = formatted.get(d);
  if (s === undefined) {
    s = new Date(d * MS_PER_DAY).toISOString().slice(0, 10);
    if (formatted.size < 100_000) formatted.set(d, s);
  }
  return s;
}

export function parts(d: number): { year: number; month: number; day: number } {
  const date = new Date(d * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function fromParts(year: number, month: number, dayOfMonth: number): number {
  return Math.round(Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
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
