import { badInput } from "../lib/errors.js";

/**
 * Opaque ids. Families and people are keyed by random UUIDs that mean nothing
 * outside this service (never a case reference, NINo or UPN), and cursors are
 * the id of the last row seen, encoded so clients treat them as opaque.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** The id, lower-cased, or a BAD_USER_INPUT error naming the argument. */
export function requireId(value: unknown, argument: string, what: string): string {
  if (!isUuid(value)) throw badInput(`${argument} must be ${what} id as returned by this API.`);
  return value.toLowerCase();
}

export function encodeCursor(id: string): string {
  return Buffer.from(`c1:${id}`).toString("base64url");
}

export function decodeCursor(cursor: string, argument: string): string {
  const decoded = Buffer.from(cursor, "base64url").toString("utf8");
  const id = decoded.startsWith("c1:") ? decoded.slice(3) : "";
  if (!isUuid(id)) throw badInput(`${argument} must be a cursor returned by this API (pageInfo.endCursor).`);
  return id;
}
