import DataLoader from "dataloader";
import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Caller } from "../lib/auth/caller.js";
import type { Database } from "../lib/db/client.js";
import { rowScope, type DataClass } from "../lib/privacy/policy.js";

/**
 * DataLoader shapes every subgraph uses. A batch is one SQL statement whatever
 * its size (keys travel as one array parameter, so the statement text is the
 * same for 1 key or 2,000), results come back in key order, and a key with no
 * row fails only its own slot: null for one row, [] for a list.
 *
 * Because the text never changes, each loader's statement is prepared once
 * per database and reused by every request (PostgreSQL parses and plans it
 * once per connection instead of once per batch).
 */

/** `column = any($keys::type[])`: one parameter however many keys. */
export function anyOf(column: AnyPgColumn, pgType: "uuid" | "text" | "varchar"): SQL {
  return sql`${column} = any(${sql.placeholder("keys")}::${sql.raw(pgType)}[])`;
}

/**
 * Row scope as part of the statement: `$la is null or la_code = $la`, where
 * `$la` is the caller's authority under the policy's "own" access (a council
 * officer) and null for everyone else. Data access applies it; resolvers
 * never decide scope themselves.
 */
export function inScope(column: AnyPgColumn): SQL {
  return sql`(${sql.placeholder("la")}::varchar is null or ${column} = ${sql.placeholder("la")})`;
}

/** The `la` parameter of `inScope` for this caller and class of data. */
export function scopeOf(caller: Caller, dataClass: DataClass): string | null {
  return rowScope(caller, dataClass) ?? null;
}

const preparedByDatabase = new WeakMap<Database, Map<string, unknown>>();

/** A statement prepared once per database under `name`, built by `build` on first use. */
export function preparedOnce<T>(database: Database, name: string, build: () => T): T {
  let statements = preparedByDatabase.get(database);
  if (!statements) preparedByDatabase.set(database, (statements = new Map()));
  let statement = statements.get(name) as T | undefined;
  if (!statement) statements.set(name, (statement = build()));
  return statement;
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
