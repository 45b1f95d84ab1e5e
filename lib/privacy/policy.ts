import type { Role } from "../auth/caller.js";

/**
 * The privacy policy: for each role and each class of data, whether the role
 * may see it, and whether rows are scoped to the caller's own local
 * authority. This table is the whole policy: the gateway and every subgraph
 * decide from it, and nothing else grants access.
 *
 * - `all`: every row.
 * - `own`: only rows of the caller's own local authority (council officers).
 * - `none`: never; the field is removed before planning and answers null.
 */
export const DATA_CLASSES = ["pii", "linked", "record", "aggregate", "reference", "linkageQuality", "auditTrail"] as const;
export type DataClass = (typeof DATA_CLASSES)[number];
export type Access = "all" | "own" | "none";

export const POLICY: Readonly<Record<Role, Readonly<Record<DataClass, Access>>>> = {
  //            identifiers  linked outcomes  records  aggregates  reference  linkage quality  audit log
  la_officer: { pii: "own", linked: "none", record: "own", aggregate: "own", reference: "all", linkageQuality: "none", auditTrail: "none" },
  linkage: { pii: "all", linked: "none", record: "all", aggregate: "none", reference: "all", linkageQuality: "all", auditTrail: "none" },
  researcher: { pii: "none", linked: "all", record: "all", aggregate: "all", reference: "all", linkageQuality: "all", auditTrail: "none" },
  analyst: { pii: "none", linked: "none", record: "none", aggregate: "all", reference: "all", linkageQuality: "none", auditTrail: "none" },
  admin: { pii: "all", linked: "all", record: "all", aggregate: "all", reference: "all", linkageQuality: "all", auditTrail: "all" },
};

/**
 * How aggregates are released to each role, on top of the threshold rule and
 * secondary suppression that apply to everyone (DESIGN.md section 5):
 * `analyst` output is public-facing (dashboards, integration partners), so
 * its counts are perturbed by the cell key method and rounded to base 5, the
 * publication standard; the other roles work in the secure environment and
 * see exact counts of the cells that pass.
 */
export interface AggregateRelease {
  /** Cell key perturbation (same cell, same released value, in every query). */
  readonly perturb: boolean;
  /** Counts rounded to a multiple of this, or null for exact counts. */
  readonly roundingBase: number | null;
}

export const AGGREGATE_RELEASE: Readonly<Record<Role, AggregateRelease>> = {
  la_officer: { perturb: false, roundingBase: null },
  linkage: { perturb: false, roundingBase: null },
  researcher: { perturb: false, roundingBase: null },
  analyst: { perturb: true, roundingBase: 5 },
  admin: { perturb: false, roundingBase: null },
};

/** Classes whose every access is written to the audit log. */
export const AUDITED_CLASSES: ReadonlySet<DataClass> = new Set(["pii", "linked"]);
/** Roles whose every operation is written to the audit log. */
export const AUDITED_ROLES: ReadonlySet<Role> = new Set(["admin"]);

/**
 * Whether a role may see a field of these classes. No class means undecided,
 * and undecided is denied; several classes must all allow it.
 */
export function mayAccess(role: Role, classes: ReadonlySet<DataClass> | undefined): boolean {
  if (!classes || classes.size === 0) return false;
  for (const c of classes) if (POLICY[role][c] === "none") return false;
  return true;
}

/**
 * The local authority rows of this class are limited to for this caller, or
 * undefined for every row. Data access layers apply it; resolvers never
 * decide scope themselves.
 */
export function rowScope(caller: { role: Role; localAuthority: string | undefined }, dataClass: DataClass): string | undefined {
  const access = POLICY[caller.role][dataClass];
  if (access === "own") {
    // A council role without its authority sees nothing rather than everything.
    return caller.localAuthority ?? "\u0000none";
  }
  return undefined;
}
