import { desc, eq } from "drizzle-orm";
import type { Database } from "../lib/db/client.js";
import { runs } from "./tables.js";

export type RunRow = typeof runs.$inferSelect;

/** The latest pipeline run, or null for a database never seeded. */
export async function latestRun(database: Database): Promise<RunRow | null> {
  const [run] = await database.db.select().from(runs).orderBy(desc(runs.id)).limit(1);
  return run ?? null;
}

/** True when the latest run finished: the data is whole and may be served. */
export async function dataIsReady(database: Database): Promise<boolean> {
  return (await latestRun(database))?.status === "ready";
}

/** Records a run as loading, with what it will drop, so an interrupted run can be repaired. */
export async function startRun(database: Database, seed: number, families: number, secondary: unknown): Promise<number> {
  const [row] = await database.db
    .insert(runs)
    .values({ status: "loading", seed, families, summary: { secondary } })
    .returning({ id: runs.id });
  return (row as { id: number }).id;
}

export async function finishRun(database: Database, id: number, summary: unknown): Promise<void> {
  await database.db.update(runs).set({ status: "ready", finishedAt: new Date(), summary }).where(eq(runs.id, id));
}

export async function failRun(database: Database, id: number, note: string): Promise<void> {
  await database.db.update(runs).set({ status: "failed", finishedAt: new Date(), note }).where(eq(runs.id, id));
}
