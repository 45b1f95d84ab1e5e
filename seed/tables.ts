import { integer, jsonb, pgSchema, serial, text, timestamp } from "drizzle-orm/pg-core";

/**
 * State of the seed-link-extract pipeline. A run is `loading` from the moment
 * it starts replacing data until everything (linkage and extract included) is
 * in place; services refuse to serve a database whose latest run is not
 * `ready`, so an interrupted run is never half-served.
 */
export const pipelineSchema = pgSchema("pipeline");

export const runStatusEnum = pipelineSchema.enum("run_status", ["loading", "ready", "failed"]);

export const runs = pipelineSchema.table("runs", {
  id: serial("id").primaryKey(),
  status: runStatusEnum("status").notNull(),
  seed: integer("seed").notNull(),
  families: integer("families").notNull(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
  summary: jsonb("summary"),
  note: text("note"),
});
