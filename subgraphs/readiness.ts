import type { Database } from "../lib/db/client.js";
import { dataIsReady } from "../seed/runs.js";

/**
 * Whether the seeded data is whole: false from the moment a seed run starts
 * replacing it until the run finishes (or for good, if it was interrupted).
 * Read at most once a second and shared by every request in between, so a
 * subgraph never serves a half-loaded database and never asks more than that.
 */
export class DataReadiness {
  private value = false;
  private checkedAt = 0;
  private pending: Promise<boolean> | undefined;

  constructor(
    private readonly database: Database,
    private readonly maxAgeMs = 1_000,
  ) {}

  async ready(): Promise<boolean> {
    if (Date.now() - this.checkedAt < this.maxAgeMs) return this.value;
    this.pending ??= dataIsReady(this.database)
      .catch(() => false)
      .then((value) => {
        this.value = value;
        this.checkedAt = Date.now();
        this.pending = undefined;
        return value;
      });
    return this.pending;
  }

  /** The last answer, without waiting (for health checks). */
  get lastKnown(): boolean {
    return this.value;
  }
}
