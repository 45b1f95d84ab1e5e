import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { Database } from "./client.js";

/** The committed drizzle-kit migrations. */
export const MIGRATIONS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../migrations");

/**
 * Applies the committed migrations. Services may start side by side against
 * one PostgreSQL, so the run holds an advisory lock: the first migrates, the
 * others find nothing left to do.
 */
export async function migrate(database: Database): Promise<void> {
  await database.withLock("troubled-families:migrate", async (session) => {
    if (session.kind === "postgres") {
      await migratePg(session.db as unknown as NodePgDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
    } else {
      await migratePglite(session.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
    }
  });
  await database.refreshTypes();
}
