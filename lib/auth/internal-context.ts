import { jwtVerify, SignJWT } from "jose";
import { isRole, type Caller } from "./caller.js";

/**
 * The context the gateway signs for each subgraph call: who the caller is
 * (role, authority) and the request id, valid for one minute. Subgraphs
 * accept no call without one, so reaching a subgraph directly, `_entities`
 * included, gets nothing, and a subgraph applies the same policy the gateway
 * did from a caller it can trust.
 */
export const INTERNAL_CONTEXT_HEADER = "x-tf-context";

const ISSUER = "troubled-families-gateway";
const AUDIENCE = "troubled-families-subgraph";
const LIFETIME_SECONDS = 60;

export class InternalContext {
  private readonly key: Uint8Array;
  /** Contexts already verified, until they expire: every subgraph call of a request carries the same one. */
  private readonly verified = new Map<string, { caller: Caller; expiresAt: number }>();

  constructor(secret: string) {
    if (secret.length < 32) throw new Error("the internal context secret must be at least 32 characters");
    this.key = new TextEncoder().encode(secret);
  }

  /**
   * One token per request, reused for every subgraph call the request makes.
   * A longer lifetime is for tools only (the benchmark signs one for peer
   * gateways, which cannot sign their own).
   */
  async sign(caller: Caller, lifetimeSeconds = LIFETIME_SECONDS): Promise<string> {
    const claims: Record<string, unknown> = { role: caller.role, rid: caller.requestId };
    if (caller.localAuthority) claims.la = caller.localAuthority;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(caller.subject)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + lifetimeSeconds)
      .sign(this.key);
  }

  /** The caller a signed context carries, or null when it is missing, expired, forged or malformed. */
  async verify(token: string | undefined): Promise<Caller | null> {
    if (!token) return null;
    const known = this.verified.get(token);
    if (known && known.expiresAt > Date.now()) return known.caller;
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ["HS256"],
        requiredClaims: ["sub", "exp", "rid"],
      });
      const { role, la, rid, sub } = payload;
      if (!isRole(role) || typeof rid !== "string" || typeof sub !== "string") return null;
      if (la !== undefined && typeof la !== "string") return null;
      if ((role === "la_officer") !== (la !== undefined)) return null;
      const caller: Caller = { subject: sub, role, localAuthority: la, requestId: rid };
      if (this.verified.size >= 10_000) this.verified.clear();
      this.verified.set(token, { caller, expiresAt: (payload.exp as number) * 1000 });
      return caller;
    } catch {
      return null;
    }
  }
}
