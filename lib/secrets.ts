import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";

/**
 * Reads a development secret from `dataDir`, creating it (random, owner-only)
 * on first use, so that a bare `npm start` needs no configuration while every
 * process sharing the directory agrees on the value. Production sets the
 * secret through configuration instead.
 */
export function loadOrCreateSecret(dataDir: string, name: string, bytes = 32): string {
  const file = path.join(dataDir, name);
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const value = crypto.randomBytes(bytes).toString("base64url");
  try {
    fs.writeFileSync(file, value, { flag: "wx", mode: 0o600 });
    return value;
  } catch (err) {
    // Another process made it between our read and write: use theirs.
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return fs.readFileSync(file, "utf8").trim();
    throw err;
  }
}
