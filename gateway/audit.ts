import crypto from "node:crypto";
import type { Caller } from "../lib/auth/caller.js";
import type { Database } from "../lib/db/client.js";
import { accessLog } from "../subgraphs/audit/tables.js";

/** What one audited operation did: coordinates and counts, never values. */
export interface AuditEntry {
  readonly caller: Caller;
  readonly operationName: string | undefined;
  readonly documentHash: string;
  readonly coordinates: readonly string[];
  readonly recordCounts: Readonly<Record<string, number>>;
  readonly denied: readonly string[];
}

/** Raised when an audit row cannot be written: the operation must then fail. */
export class AuditUnavailableError extends Error {
  constructor() {
    super("The audit log could not be written.");
    this.name = "AuditUnavailableError";
  }
}

export function documentHash(source: string): string {
  return crypto.createHash("sha256").update(source).digest("hex");
}

interface Pending {
  readonly row: typeof accessLog.$inferInsert;
  resolve(): void;
  reject(error: Error): void;
}

/** Rows written in one statement at most. */
const BATCH_LIMIT = 200;

/**
 * Appends rows to the audit log (audit.access_log), which the database keeps
 * append-only. `record` resolves only once its row is committed, so no
 * response leaves before its audit row exists. Rows recorded while a write is
 * in flight go together in the next INSERT: under load, concurrent requests
 * share one statement and one commit instead of one each.
 */
export class AuditLog {
  private queue: Pending[] = [];
  private writing = false;

  constructor(private readonly database: Database) {}

  record(entry: AuditEntry): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({
        row: {
          requestId: entry.caller.requestId,
          subject: entry.caller.subject,
          role: entry.caller.role,
          localAuthority: entry.caller.localAuthority ?? null,
          operationName: entry.operationName ?? null,
          documentHash: entry.documentHash,
          coordinates: [...entry.coordinates],
          recordCounts: entry.recordCounts,
          denied: [...entry.denied],
        },
        resolve,
        reject,
      });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, BATCH_LIMIT);
        try {
          await this.database.db.insert(accessLog).values(batch.map((p) => p.row));
          for (const p of batch) p.resolve();
        } catch {
          for (const p of batch) p.reject(new AuditUnavailableError());
        }
      }
    } finally {
      this.writing = false;
    }
  }
}
