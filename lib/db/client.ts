import fs from "node:fs";
import path from "node:path";
import { once } from "node:events";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Logger } from "drizzle-orm/logger";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { SqlStats } from "./sql-stats.js";

/** The drizzle database both drivers provide: request-time code is written once against it. */
export type Db = PgDatabase<PgQueryResultHKT>;

/**
 * A connection to the project's database, PostgreSQL or embedded, with what
 * the drivers differ in (bulk loading, raw statements, closing) behind one
 * interface. Every statement run through it is counted in `stats`.
 */
export interface Database {
  readonly kind: "postgres" | "pglite";
  readonly db: Db;
  readonly stats: SqlStats;
  /** Rows of one parameterised statement. */
  query<T extends Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs one or more statements without parameters (DDL, pipeline steps). */
  exec(text: string): Promise<void>;
  /**
   * Opens a bulk load of rows already encoded in PostgreSQL's COPY text format
   * into `table` (schema-qualified). PostgreSQL streams them as they come, on
   * a connection of their own; PGlite buffers them and loads in large blobs.
   */
  openCopy(table: string, columns: readonly string[]): Promise<CopyWriter>;
  /**
   * Re-reads the catalogue's types after DDL. PGlite serialises array
   * parameters by type and only knows the array types that existed when it
   * opened, so enums made by a migration need this; PostgreSQL does not.
   */
  refreshTypes(): Promise<void>;
  /** Runs `fn` on one session holding a Postgres advisory lock (serialises migrations across processes). */
  withLock<T>(key: string, fn: (session: Database) => Promise<T>): Promise<T>;
  /** Runs `fn` on a session of its own (temporary tables live as long as it). */
  session<T>(fn: (session: Database) => Promise<T>): Promise<T>;
  /** How many sessions can work side by side: the pool for PostgreSQL, one for PGlite. */
  readonly parallelism: number;
  close(): Promise<void>;
}

/** An open bulk load. `write` resolves when the writer can take more (back-pressure). */
export interface CopyWriter {
  write(chunk: string): Promise<void>;
  /** Finishes the load; the rows are committed when it resolves. */
  end(): Promise<void>;
  /** Abandons the load (its rows are not committed). */
  abort(): Promise<void>;
}

/** Loads `chunks` into `table` in one COPY. */
export async function copyInto(database: Database, table: string, columns: readonly string[], chunks: Iterable<string>): Promise<void> {
  const writer = await database.openCopy(table, columns);
  try {
    for (const chunk of chunks) await writer.write(chunk);
  } catch (err) {
    await writer.abort();
    throw err;
  }
  await writer.end();
}

export class DatabaseUnavailableError extends Error {
  constructor(readonly target: string, cause: unknown) {
    super(`Cannot reach the database at ${target}: ${describeCause(cause)}`);
    this.name = "DatabaseUnavailableError";
  }
}

export interface OpenOptions {
  /** PostgreSQL connection string; when absent the embedded database in `dataDir` is used. */
  readonly databaseUrl?: string | undefined;
  /** Directory for the embedded database; `memory://` for a throw-away one. */
  readonly dataDir?: string;
  readonly poolSize?: number;
  /**
   * Server settings for every PostgreSQL session of this connection, such as
   * `{ work_mem: "256MB" }` for the seed's large joins and aggregates.
   */
  readonly settings?: Readonly<Record<string, string>>;
}

/**
 * Server settings for the services' sessions. JIT compilation pays off for
 * long analytical queries, not for a request's: it added about 50 ms to a
 * national impact estimate (a 250 ms statement) and nothing but latency
 * elsewhere.
 */
export const SERVICE_SETTINGS: Readonly<Record<string, string>> = { jit: "off" };

/** Opens PostgreSQL when a URL is given, otherwise the embedded PGlite database. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 24, options.settings ?? {});
  return openPglite(options.dataDir ?? "memory://");
}

function countingLogger(stats: SqlStats): Logger {
  return { logQuery: (query) => stats.record(query) };
}

/** A connection string with the password hidden, fit for messages and logs. */
export function redactUrl(databaseUrl: string): string {
  try {
    const u = new URL(databaseUrl);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

async function openPostgres(databaseUrl: string, poolSize: number, settings: Readonly<Record<string, string>>): Promise<Database> {
  // pg falls back to $USER for a role the URL does not name, and fails when
  // USER is unset (as in some CI shells): name the role in the URL itself.
  const url = new URL(databaseUrl);
  if (!url.username) url.username = "postgres";
  const pool = new pg.Pool({
    connectionString: url.toString(),
    options: Object.entries(settings)
      .map(([name, value]) => `-c ${name}=${value}`)
      .join(" "),
    max: poolSize,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its server must not crash the process; the next
  // query fails with a clear error instead.
  pool.on("error", () => undefined);
  const target = redactUrl(databaseUrl);
  try {
    await pool.query("select 1");
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new DatabaseUnavailableError(target, err);
  }
  const stats = new SqlStats();
  return postgresDatabase(pool, stats, async () => pool.end());
}

function postgresDatabase(
  client: pg.Pool | pg.PoolClient,
  stats: SqlStats,
  close: () => Promise<void>,
): Database {
  const db = drizzlePg(client, { logger: countingLogger(stats) }) as unknown as Db;
  const self: Database = {
    kind: "postgres",
    db,
    stats,
    async query<T extends Record<string, unknown>>(text: string, params: readonly unknown[] = []) {
      stats.record(text);
      const result = await client.query(text, params as unknown[]);
      return result.rows as T[];
    },
    async exec(text) {
      stats.record(text);
      await client.query(text);
    },
    async openCopy(table, columns) {
      const pooled = !("release" in client);
      const session = pooled ? await (client as pg.Pool).connect() : (client as pg.PoolClient);
      const statement = `COPY ${table} (${columns.map(quoteIdent).join(", ")}) FROM STDIN`;
      stats.record(statement);
      const stream = session.query(copyFrom(statement));
      let failure: unknown;
      const finished = new Promise<void>((resolve, reject) => {
        stream.on("finish", resolve);
        stream.on("error", (err) => {
          failure = err;
          reject(err);
        });
      });
      finished.catch(() => undefined);
      let released = false;
      const release = (err?: Error) => {
        if (released || !pooled) return;
        released = true;
        (session as pg.PoolClient).release(err);
      };
      return {
        async write(chunk) {
          if (failure) throw failure;
          if (!stream.write(chunk)) await Promise.race([once(stream, "drain"), finished]);
        },
        async end() {
          stream.end();
          try {
            await finished;
          } finally {
            release(failure as Error | undefined);
          }
        },
        async abort() {
          // Destroying the stream fails the COPY, which rolls its rows back;
          // the connection is discarded rather than returned mid-protocol.
          stream.destroy(new Error("bulk load abandoned"));
          await finished.catch(() => undefined);
          release(new Error("bulk load abandoned"));
        },
      };
    },
    async refreshTypes() {},
    parallelism: "release" in client ? 1 : (client as pg.Pool).options.max ?? 1,
    async session(fn) {
      if ("release" in client) return fn(self);
      const session = await (client as pg.Pool).connect();
      let failed: Error | undefined;
      try {
        return await fn(postgresDatabase(session, stats, async () => undefined));
      } catch (err) {
        failed = err as Error;
        throw err;
      } finally {
        // A session that failed mid-statement may hold temporary state: discard it.
        session.release(failed);
      }
    },
    async withLock(key, fn) {
      return self.session(async (session) => {
        await session.exec(`select pg_advisory_lock(hashtext('${key.replace(/'/g, "''")}'))`);
        try {
          return await fn(session);
        } finally {
          await session.exec(`select pg_advisory_unlock(hashtext('${key.replace(/'/g, "''")}'))`);
        }
      });
    },
    close,
  };
  return self;
}

/** PGlite loads a blob at a time; larger blobs amortise the per-COPY cost. */
const PGLITE_COPY_BYTES = 32 * 1024 * 1024;

async function openPglite(dataDir: string): Promise<Database> {
  const memory = dataDir.startsWith("memory://");
  let releaseLock = (): void => undefined;
  let pglite: PGlite;
  if (memory) {
    pglite = new PGlite();
  } else {
    fs.mkdirSync(dataDir, { recursive: true });
    releaseLock = lockDataDir(dataDir);
    try {
      pglite = new PGlite(path.join(dataDir, "pgdata"));
    } catch (err) {
      releaseLock();
      throw err;
    }
  }
  try {
    await pglite.waitReady;
  } catch (err) {
    releaseLock();
    throw new DatabaseUnavailableError(`the embedded database in ${dataDir}`, err);
  }
  const stats = new SqlStats();
  const db = drizzlePglite(pglite, { logger: countingLogger(stats) }) as unknown as Db;
  const self: Database = {
    kind: "pglite",
    db,
    stats,
    async query<T extends Record<string, unknown>>(text: string, params: readonly unknown[] = []) {
      stats.record(text);
      const result = await pglite.query<T>(text, params as unknown[]);
      return result.rows;
    },
    async exec(text) {
      stats.record(text);
      await pglite.exec(text);
    },
    async openCopy(table, columns) {
      const statement = `COPY ${table} (${columns.map(quoteIdent).join(", ")}) FROM '/dev/blob'`;
      let parts: string[] = [];
      let size = 0;
      const flush = async () => {
        // PGlite's COPY wedges when given no blob: never issue one without rows.
        if (parts.length === 0) return;
        const blob = new Blob(parts);
        parts = [];
        size = 0;
        stats.record(statement);
        await pglite.query(statement, [], { blob });
      };
      return {
        async write(chunk) {
          parts.push(chunk);
          size += chunk.length;
          if (size >= PGLITE_COPY_BYTES) await flush();
        },
        end: flush,
        async abort() {
          parts = [];
        },
      };
    },
    async refreshTypes() {
      await pglite.refreshArrayTypes();
    },
    parallelism: 1,
    async session(fn) {
      return fn(self);
    },
    // One embedded instance per process and directory (see lockDataDir): there
    // is no other session to serialise against.
    async withLock(_key, fn) {
      return fn(self);
    },
    async close() {
      try {
        await pglite.close();
      } finally {
        releaseLock();
      }
    },
  };
  return self;
}

/**
 * PGlite keeps no lock of its own, and two processes opening one directory
 * corrupt it: hold a pid file while open, and refuse one held by a live process.
 */
function lockDataDir(dataDir: string): () => void {
  const lockPath = path.join(dataDir, "pglite.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      return () => fs.rmSync(lockPath, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = Number(fs.readFileSync(lockPath, "utf8"));
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new DatabaseUnavailableError(
          `the embedded database in ${dataDir}`,
          holder === process.pid
            ? "it is already open in this process"
            : `it is open in another process (pid ${holder}); stop that process or set DATA_DIR to another directory`,
        );
      }
      // Left behind by a process that has gone: take it over.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DatabaseUnavailableError(`the embedded database in ${dataDir}`, "could not take its lock file");
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function describeCause(cause: unknown): string {
  if (typeof cause === "string") return cause;
  if (cause instanceof AggregateError && cause.errors.length > 0) return describeCause(cause.errors[0]);
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code && !cause.message.includes(code) ? `${cause.message} (${code})` : cause.message || String(code);
  }
  return String(cause);
}
