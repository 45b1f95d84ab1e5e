import DataLoader from "dataloader";
import type { Caller } from "../../lib/auth/caller.js";
import type { Database } from "../../lib/db/client.js";
import { AGGREGATE_RELEASE, rowScope } from "../../lib/privacy/policy.js";
import type { SubgraphSettings } from "../module.js";
import { readCube } from "./cubes.js";
import { controlledTable, type ControlledTableResult, type ReleaseOptions } from "./outcome-tables.js";
import { tableSpec, type Dimension, type TableArguments, type TableSpec } from "./table-request.js";
import { badInput } from "../../lib/errors.js";

/**
 * Per-request loaders of the evaluation subgraph. `LocalAuthority.outcomes`
 * is asked once per authority when a list of authorities is resolved; the
 * loader reads every authority's table with the same arguments in one
 * statement (the cube rows partitioned by authority), then applies the
 * disclosure rules to each authority's table on its own.
 */
export interface EvaluationLoaders {
  /** The caller's disclosure settings: threshold and how their role's counts are released. */
  readonly release: ReleaseOptions;
  /** The authority a council officer's aggregates are limited to. */
  readonly scope: string | undefined;
  readonly authorityOutcomes: DataLoader<AuthorityTableKey, ControlledTableResult | null, string>;
}

export interface AuthorityTableKey {
  readonly code: string;
  readonly args: TableArguments;
}

export function createEvaluationLoaders(database: Database, caller: Caller, settings: SubgraphSettings): EvaluationLoaders {
  const release: ReleaseOptions = { threshold: settings.disclosureThreshold, release: AGGREGATE_RELEASE[caller.role] };
  const scope = rowScope(caller, "aggregate");
  const authorityOutcomes = new DataLoader<AuthorityTableKey, ControlledTableResult | null, string>(
    async (keys) => {
      // Keys with the same arguments share one statement.
      const groups = new Map<string, AuthorityTableKey[]>();
      for (const key of keys) {
        const group = groups.get(JSON.stringify(key.args));
        if (group) group.push(key);
        else groups.set(JSON.stringify(key.args), [key]);
      }
      const results = new Map<AuthorityTableKey, ControlledTableResult | null | Error>();
      for (const group of groups.values()) {
        try {
          const specs = new Map<string, TableSpec | null>();
          for (const key of group) specs.set(key.code, authoritySpec(key, scope));
          const codes = [...specs].filter(([, spec]) => spec !== null).map(([code]) => code);
          const first = [...specs.values()].find((s): s is TableSpec => s !== null);
          const rows = first ? await readCube(database, first, codes) : [];
          for (const key of group) {
            const spec = specs.get(key.code) ?? null;
            results.set(key, spec && controlledTable(spec, rows.filter((r) => r.partition === key.code), release));
          }
        } catch (err) {
          // A bad argument fails every slot that shares it, and only those.
          for (const key of group) results.set(key, err as Error);
        }
      }
      return keys.map((key) => results.get(key) ?? null);
    },
    { cacheKeyFn: (key) => `${key.code}\u0000${JSON.stringify(key.args)}` },
  );
  return { release, scope, authorityOutcomes };
}

const PLACE: readonly Dimension[] = ["LOCAL_AUTHORITY", "REGION"];

/** One authority's table: the arguments with the authority as the filter (null for one the caller may not see). */
function authoritySpec(key: AuthorityTableKey, scope: string | undefined): TableSpec | null {
  if (key.args.by?.some((d) => PLACE.includes(d))) {
    throw badInput("An authority's outcomes cannot be broken down by LOCAL_AUTHORITY or REGION: use outcomeTable for that.");
  }
  return tableSpec({ ...key.args, filter: { ...key.args.filter, localAuthority: key.code } }, scope);
}
