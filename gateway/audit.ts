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

/** Appends rows to the audit log (audit.access_log), which the database keeps append-only. */
export class AuditLog {
  constructor(private readonly database: Database) {}

  async record(entry: AuditEntry): Promise<void> {
    try {
      await this.database.db.insert(accessLog).values({
        requestId: entry.caller.requestId,
        subject: entry.caller.subject,
        role: entry.caller.role,
        localAuthority: entry.caller.localAuthority ?? null,
        operationName: entry.operationName ?? null,
        documentHash: entry.documentHash,
        coordinates: [...entry.coordinates],
        recordCounts: entry.recordCounts,
        denied: [...entry.denied],
      });
    } catch {
      throw new AuditUnavailableError();
    }
  }
}
