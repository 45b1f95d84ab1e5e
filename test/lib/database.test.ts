import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DatabaseUnavailableError, openDatabase } from "../../lib/db/client.js";

describe("opening the database", () => {
  it("fails fast, naming the server, when PostgreSQL does not answer", async () => {
    const started = Date.now();
    const opening = openDatabase({ databaseUrl: "postgres://tf:secret@127.0.0.1:1/nothing" });
    await expect(opening).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(opening).rejects.toThrow(/^Cannot reach the database at postgres:\/\/tf:\*\*\*@127\.0\.0\.1:1\/nothing: .*ECONNREFUSED/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("refuses to open an embedded database that is already open", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tf-lock-"));
    const first = await openDatabase({ dataDir: dir });
    try {
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/is already open in this process/);
    } finally {
      await first.close();
    }
    const again = await openDatabase({ dataDir: dir });
    await again.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
