import type { Database } from "../lib/db/client.js";
import { latestRun } from "./runs.js";

/**
 * Bulk loading into bare tables (no primary keys, indexes or foreign keys),
 * all restored when the run ends: COPY and INSERT ... SELECT into bare tables
 * are several times faster, one index build beats millions of insertions,
 * and concurrent COPY streams (one per table on PostgreSQL) cannot respect a
 * foreign key between tables still loading. Duplicate keys still fail the
 * run, when the primary keys are restored. Definitions are read from the catalogue (migrations stay the
 * only place they are written) and saved with the run, so a run that dies
 * half-way is repaired by the next one.
 */
const SEEDED_SCHEMAS = ["families", "eligibility", "outcomes", "evaluation"];

/** One primary key, index or foreign key: how to drop it and how to make it again. */
export interface SecondaryObject {
  readonly kind: "primary-key" | "index" | "foreign-key";
  readonly schema: string;
  readonly name: string;
  readonly create: string;
  readonly drop: string;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Primary keys, indexes, then foreign keys: the order to create them in (and to drop them in reverse). */
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
  const constraints = (type: "p" | "f") =>
    database.query<{ schemaname: string; tablename: string; conname: string; def: string }>(
      `select n.nspname as schemaname, t.relname as tablename, c.conname, pg_get_constraintdef(c.oid) as def
         from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
        where c.contype = '${type}' and n.nspname in ${schemas}
        order by 1, 2, 3`,
    );
  const primaryKeys = await constraints("p");
  const foreignKeys = await constraints("f");
  return [
    ...primaryKeys.map((p) => ({
      kind: "primary-key" as const,
      schema: p.schemaname,
      name: p.conname,
      create: `alter table ${q(p.schemaname)}.${q(p.tablename)} add constraint ${q(p.conname)} ${p.def}`,
      drop: `alter table ${q(p.schemaname)}.${q(p.tablename)} drop constraint if exists ${q(p.conname)}`,
    })),
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
