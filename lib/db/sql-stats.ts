/**
 * Counts the SQL statements a database connection runs, in total and by the
 * schema each one touches first. Tests use it to prove that batching holds
 * (a page of 100 costs what a page of 10 costs) and the benchmark to report
 * statements per request; nothing here sees parameter values.
 */
export class SqlStats {
  private totalCount = 0;
  private readonly perSchema = new Map<string, number>();

  record(statement: string): void {
    this.totalCount++;
    const schema = SCHEMA_REFERENCE.exec(statement)?.[1] ?? "other";
    this.perSchema.set(schema, (this.perSchema.get(schema) ?? 0) + 1);
  }

  get total(): number {
    return this.totalCount;
  }

  /** Statements per schema since the last reset, e.g. `{ families: 2, outcomes: 1 }`. */
  bySchema(): Record<string, number> {
    return Object.fromEntries(this.perSchema);
  }

  reset(): void {
    this.totalCount = 0;
    this.perSchema.clear();
  }
}

const SCHEMA_REFERENCE = /"?(families|eligibility|outcomes|evaluation|audit|pipeline)"?\./;
