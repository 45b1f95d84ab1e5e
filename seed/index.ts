import type { CopyWriter, Database } from "../lib/db/client.js";
import { copyInto } from "../lib/db/client.js";
import { LOCAL_AUTHORITIES } from "../lib/data/local-authorities.js";
import { createSecondary, dropSecondary, repairInterruptedRun, secondaryObjects } from "./bulk.js";
import { copyLine, SEED_TABLE_NAMES, SEED_TABLES, type CopyValue, type RowSink, type SeedTable } from "./copy-rows.js";
import { buildExtract, type ExtractResult } from "./extract.js";
import { linkRecords, type LinkageResult } from "./linkage.js";
import { calibrate, FamilyWriter } from "./outcomes.js";
import { failRun, finishRun, startRun } from "./runs.js";

export interface SeedOptions {
  readonly families: number;
  readonly seed: number;
  /** Key for the research extract's pseudonyms. */
  readonly pseudonymKey: string;
  /** Plant no treatment effect (for checking that estimates then contain zero). */
  readonly noEffect?: boolean;
  readonly onProgress?: (progress: SeedProgress) => void;
}

export interface SeedProgress {
  readonly phase: "generate" | "index" | "link" | "extract";
  readonly families: number;
  readonly totalFamilies: number;
  readonly rows: number;
  readonly elapsedMs: number;
}

export interface SeedSummary {
  readonly seed: number;
  readonly families: number;
  readonly noEffect: boolean;
  readonly rows: Readonly<Record<SeedTable, number>>;
  readonly linkage: LinkageResult;
  readonly extract: ExtractResult;
  readonly timingsMs: Readonly<Record<"generate" | "index" | "link" | "extract" | "total", number>>;
}

/** Families generated between flushes to the bulk loaders. */
const BATCH_FAMILIES = 500;

/** Tables the seed owns and replaces, children before parents. */
const REPLACED_TABLES = [
  "evaluation.cells",
  "evaluation.problem_cells",
  "evaluation.region_cells",
  "evaluation.region_problem_cells",
  "evaluation.person_windows",
  "evaluation.people",
  "evaluation.propensity_models",
  "outcomes.linkage",
  "outcomes.linkage_runs",
  ...SEED_TABLE_NAMES.map((t) => SEED_TABLES[t].table).reverse(),
  "families.local_authorities",
];

/** Collects COPY lines per table for one batch of families. */
class BatchSink implements RowSink {
  readonly lines = new Map<SeedTable, string[]>();
  readonly counts = Object.fromEntries(SEED_TABLE_NAMES.map((t) => [t, 0])) as Record<SeedTable, number>;

  emit(table: SeedTable, values: readonly CopyValue[]): void {
    let list = this.lines.get(table);
    if (!list) this.lines.set(table, (list = []));
    list.push(copyLine(values));
    this.counts[table]++;
  }

  /** The batch's lines as one chunk per table, and an empty batch for the next. */
  take(): Map<SeedTable, string> {
    const chunks = new Map<SeedTable, string>();
    for (const [table, list] of this.lines) chunks.set(table, list.join(""));
    this.lines.clear();
    return chunks;
  }
}

/**
 * Replaces the seeded data: generates `families` families (council
 * submissions, eligibility, departmental records), bulk-loads them, links the
 * departmental records to people and builds the research extract. The run is
 * recorded as `loading` until all of that is in place, so services never
 * serve a half-loaded database, and what it drops for speed is saved so an
 * interrupted run is repaired by the next.
 */
export async function runSeed(database: Database, options: SeedOptions): Promise<SeedSummary> {
  const started = Date.now();
  const progress = (phase: SeedProgress["phase"], families: number, rows: number) =>
    options.onProgress?.({ phase, families, totalFamilies: options.families, rows, elapsedMs: Date.now() - started });

  await repairInterruptedRun(database);
  const secondary = await secondaryObjects(database);
  const runId = await startRun(database, options.seed, options.families, secondary);
  try {
    await database.exec(`truncate ${REPLACED_TABLES.join(", ")} restart identity`);
    await dropSecondary(database, secondary);

    await copyInto(database, "families.local_authorities", ["code", "name", "region_code", "region_name", "dfe_number"], [
      LOCAL_AUTHORITIES.map((la) => copyLine([la.code, la.name, la.regionCode, la.regionName, la.dfeNumber])).join(""),
    ]);

    const generateStarted = Date.now();
    const rows = await generate(database, options, (families, total) => progress("generate", families, total));
    const generateMs = Date.now() - generateStarted;
    const totalRows = Object.values(rows).reduce((a, b) => a + b, 0);

    // Statistics for the planner; keys and indexes come back once, at the end.
    await database.exec(`analyze ${SEED_TABLE_NAMES.map((t) => SEED_TABLES[t].table).join(", ")}`);

    progress("link", options.families, totalRows);
    const linkStarted = Date.now();
    const linkage = await linkRecords(database);
    const linkMs = Date.now() - linkStarted;

    progress("extract", options.families, totalRows);
    const extractStarted = Date.now();
    const extract = await buildExtract(database, options.pseudonymKey);
    const extractMs = Date.now() - extractStarted;

    progress("index", options.families, totalRows);
    const indexStarted = Date.now();
    await createSecondary(database, secondary);
    const indexMs = Date.now() - indexStarted;

    const summary: SeedSummary = {
      seed: options.seed,
      families: options.families,
      noEffect: options.noEffect ?? false,
      rows,
      linkage,
      extract,
      timingsMs: { generate: generateMs, index: indexMs, link: linkMs, extract: extractMs, total: Date.now() - started },
    };
    await finishRun(database, runId, summary);
    return summary;
  } catch (err) {
    await failRun(database, runId, err instanceof Error ? err.name : "error").catch(() => undefined);
    throw err;
  }
}

async function generate(
  database: Database,
  options: SeedOptions,
  onBatch: (families: number, rows: number) => void,
): Promise<Record<SeedTable, number>> {
  const writers = new Map<SeedTable, CopyWriter>();
  for (const table of SEED_TABLE_NAMES) {
    writers.set(table, await database.openCopy(SEED_TABLES[table].table, SEED_TABLES[table].columns));
  }
  const sink = new BatchSink();
  const writer = new FamilyWriter(sink, { seed: options.seed, noEffect: options.noEffect ?? false, normalisers: calibrate() });
  try {
    for (let start = 0; start < options.families; start += BATCH_FAMILIES) {
      const end = Math.min(options.families, start + BATCH_FAMILIES);
      for (let index = start; index < end; index++) writer.write(index);
      const chunks = sink.take();
      // Writes to different tables proceed together; each waits only for its own stream.
      await Promise.all([...chunks].map(([table, chunk]) => (writers.get(table) as CopyWriter).write(chunk)));
      onBatch(end, Object.values(sink.counts).reduce((a, b) => a + b, 0));
    }
    for (const table of SEED_TABLE_NAMES) await (writers.get(table) as CopyWriter).end();
  } catch (err) {
    await Promise.all([...writers.values()].map((w) => w.abort()));
    throw err;
  }
  return sink.counts;
}
