import type { Database } from "../lib/db/client.js";
import { latestRun } from "./runs.js";

/**
 * Bulk loading without secondary indexes and foreign keys, restored after:
 * COPY into bare tables is several times faster, and concurrent COPY streams
 * (one per table on PostgreSQL) cannot respect a foreign key between tables
 * still loading. Definitions are read from the catalogue (migrations stay the
 * only place they are written) and saved with the run, so a run that dies
 * half-way is repaired by the next one.
 */
const SEEDED_SCHEMAS = ["families", "eligibility", "outcomes", "evaluation"];

/** One index or foreign key: how to drop it and how to make it again. */
export interface SecondaryObject {
  readonly kind: "index" | "foreign-key";
  readonly schema: string;
  readonly name: string;
  readonly create: string;
  readonly drop: string;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Secondary indexes, then foreign keys: the order to create them in (and to drop them in reverse). */
export async function secondaryObjects(database: Database): Promise<SecondaryObject[]> {
  const schemas = `(${SEEDED_SCHEMAS.map((s) => `'${s}'`).join(", ")})`;
  const indexes = await database.query<{ schemaname: string; indexname: string; indexdef: string }>(
    `select i.schemaname, i.indexname, i.indexdef
       from pg_indexes i
      where i.schemaname in ${schemas}
        and not exists (select 1 from pg_constraint c
                         where c.conname = i.indexname and c.connamespace = i.schemaname::regnamespace)
      order by 1, 2`,
  );
  const foreignKeys = await database.query<{ schemaname: string; tablename: string; conname: string; def: string }>(
    `select n.nspname as schemaname, t.relname as tablename, c.conname, pg_get_constraintdef(c.oid) as def
       from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
      where c.contype = 'f' and n.nspname in ${schemas}
      order by 1, 2, 3`,
  );
  return [
    ...indexes.map((i) => ({
      kind: "index" as const,
      schema: i.schemaname,
      name: i.indexname,
      create: i.indexdef,
      drop: `drop index if exists ${q(i.schemaname)}.${q(i.indexname)}`,
    })),
    ...foreignKeys.map((f) => ({
      kind: "foreign-key" as const,
      schema: f.schemaname,
      name: f.conname,
      create: `alter table ${q(f.schemaname)}.${q(f.tablename)} add constraint ${q(f.conname)} ${f.def}`,
      drop: `alter table ${q(f.schemaname)}.${q(f.tablename)} drop constraint if exists ${q(f.conname)}`,
    })),
  ];
}

async function exists(database: Database, object: SecondaryObject): Promise<boolean> {
  const [row] =
    object.kind === "index"
      ? await database.query<{ found: boolean }>(`select to_regclass($1) is not null as found`, [`${q(object.schema)}.${q(object.name)}`])
      : await database.query<{ found: boolean }>(
          `select exists(select 1 from pg_constraint where conname = $1 and connamespace = $2::regnamespace) as found`,
          [object.name, object.schema],
        );
  return row?.found === true;
}

export async function dropSecondary(database: Database, objects: readonly SecondaryObject[]): Promise<void> {
  for (const object of [...objects].reverse()) await database.exec(object.drop);
}

export async function createSecondary(database: Database, objects: readonly SecondaryObject[]): Promise<void> {
  for (const object of objects) if (!(await exists(database, object))) await database.exec(object.create);
}

/** Recreates what an interrupted run dropped, before anything reads the catalogue again. */
export async function repairInterruptedRun(database: Database): Promise<void> {
  const run = await latestRun(database);
  if (!run || run.status === "ready") return;
  const saved = (run.summary as { secondary?: SecondaryObject[] } | null)?.secondary ?? [];
  await createSecondary(database, saved);
}
