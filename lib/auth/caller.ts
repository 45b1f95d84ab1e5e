/**
 * Who is asking. Every request context, in the gateway and in each subgraph,
 * carries one: the privacy policy is decided on it and nothing else.
 */

/** The roles of DESIGN.md section 2. */
export const ROLES = ["la_officer", "linkage", "researcher", "analyst", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export interface Caller {
  /** The token's subject: a person or a service account. */
  readonly subject: string;
  readonly role: Role;
  /** The council an `la_officer` is bound to (an ONS authority code); absent for other roles. */
  readonly localAuthority: string | undefined;
  /** Correlates logs, errors, audit rows and subgraph calls of one request. */
  readonly requestId: string;
}

/** ONS codes of upper-tier authorities: unitary (E06), metropolitan (E08), London (E09), county (E10). */
export const LOCAL_AUTHORITY_CODE = /^E(06|08|09|10)\d{6}$/;
