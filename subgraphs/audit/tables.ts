import { bigserial, index, jsonb, pgSchema, text, timestamp, varchar } from "drizzle-orm/pg-core";

/**
 * The audit log of access to identifiers and person-level linked data (and of
 * every operation by an administrator). Append-only: the database refuses
 * UPDATE, DELETE and TRUNCATE on it (migrations/0001_audit_append_only.sql).
 * It records who asked for what and how many records came back, never the
 * values themselves.
 */
export const auditSchema = pgSchema("audit");

export const accessLog = auditSchema.table(
  "access_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    requestId: varchar("request_id", { length: 64 }).notNull(),
    subject: text("subject").notNull(),
    role: varchar("role", { length: 16 }).notNull(),
    localAuthority: varchar("la_code", { length: 9 }),
    operationName: text("operation_name"),
    /** SHA-256 of the operation text the caller sent. */
    documentHash: varchar("document_hash", { length: 64 }).notNull(),
    /** Schema coordinates of the identifier and linked-data fields returned. */
    coordinates: text("coordinates").array().notNull(),
    /** Non-null values returned per coordinate. */
    recordCounts: jsonb("record_counts").notNull(),
    /** Coordinates asked for and refused. */
    denied: text("denied").array().notNull(),
  },
  (t) => [index("access_log_occurred_at").on(t.occurredAt), index("access_log_subject").on(t.subject)],
);
