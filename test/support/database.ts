import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "../../lib/db/client.js";
import { migrate } from "../../lib/db/migrate.js";
import { TEST_DATABASE_URL } from "./env.js";

export type DriverName = "pglite" | "postgres";

/** The drivers the integration suites run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const DRIVERS: readonly DriverName[] = TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export interface TestDatabase {
  readonly database: Database;
  /** A directory of the test's own for the embedded database and development keys. */
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated database for one suite: PGlite in a temporary directory,
 * or a throw-away database created on the TEST_DATABASE_URL server (so suites
 * running side by side never share tables).
 */
export async function createTestDatabase(driver: DriverName): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tf-test-"));
  if (driver === "pglite") {
    const database = await openDatabase({ dataDir });
    await migrate(database);
    return {
      database,
      dataDir,
      databaseUrl: undefined,
      async dispose() {
        await database.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  if (!TEST_DATABASE_URL) throw new Error("TEST_DATABASE_URL is not set");
  const name = `tf_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = adminClient();
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  await migrate(database);
  return {
    database,
    dataDir,
    databaseUrl: url.toString(),
    async dispose() {
      await database.close();
      const cleanup = adminClient();
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function adminClient(): pg.Client {
  const url = new URL(TEST_DATABASE_URL as string);
  if (!url.username) url.username = "postgres";
  return new pg.Client({ connectionString: url.toString() });
}
