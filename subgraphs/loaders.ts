import DataLoader from "dataloader";
import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Caller } from "../lib/auth/caller.js";
import { rowScope, type DataClass } from "../lib/privacy/policy.js";

/**
 * DataLoader shapes every subgraph uses. A batch is one SQL statement whatever
 * its size (keys travel as one array parameter, so the statement text is the
 * same for 1 key or 2,000), results come back in key order, and a key with no
 * row fails only its own slot: null for one row, [] for a list.
 */

/** `column = any($1::type[])`: one parameter however many keys. */
export function anyOf(column: AnyPgColumn, keys: readonly unknown[], pgType: "uuid" | "text" | "varchar"): SQL {
  return sql`${column} = any(${sql.param(keys)}::${sql.raw(pgType)}[])`;
}

/**
 * The row-scope condition for a caller (`la_code = <their authority>` for a
 * council officer, under the policy's "own" access), or undefined for every
 * row. Data access applies it; resolvers never decide scope themselves.
 */
export function scopedTo(column: AnyPgColumn, caller: Caller, dataClass: DataClass): SQL | undefined {
  const la = rowScope(caller, dataClass);
  return la === undefined ? undefined : sql`${column} = ${la}`;
}

/** One row (or null) per key. */
export function rowLoader<K, R>(fetch: (keys: readonly K[]) => Promise<R[]>, keyOf: (row: R) => K): DataLoader<K, R | null> {
  return new DataLoader<K, R | null>(async (keys) => {
    const rows = await fetch(keys);
    const byKey = new Map<K, R>();
    for (const row of rows) byKey.set(keyOf(row), row);
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** All rows (possibly none) per key, in the order the query returned them. */
export function listLoader<K, R>(fetch: (keys: readonly K[]) => Promise<R[]>, keyOf: (row: R) => K): DataLoader<K, R[]> {
  return new DataLoader<K, R[]>(async (keys) => {
    const rows = await fetch(keys);
    const byKey = new Map<K, R[]>();
    for (const row of rows) {
      const key = keyOf(row);
      const list = byKey.get(key);
      if (list) list.push(row);
      else byKey.set(key, [row]);
    }
    return keys.map((key) => byKey.get(key) ?? []);
  });
}
