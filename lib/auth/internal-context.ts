import { jwtVerify, SignJWT } from "jose";
import { isRole } from "./caller.js";
import type { TokenIdentity } from "./verify-token.js";

/**
 * The context the gateway signs for its subgraph calls: who the caller is
 * (subject, role, authority), valid for one minute. Subgraphs accept no call
 * without one, so reaching a subgraph directly, `_entities` included, gets
 * nothing, and a subgraph applies the same policy the gateway did from a
 * caller it can trust. The request id travels beside it in `x-request-id`: it
 * correlates logs and grants nothing, so it needs no signature.
 */
export const INTERNAL_CONTEXT_HEADER = "x-tf-context";

const ISSUER = "troubled-families-gateway";
const AUDIENCE = "troubled-families-subgraph";
const LIFETIME_SECONDS = 60;
/** A signed context is reused while at least this much of its lifetime is left. */
const REUSE_MIN_LEFT_SECONDS = 30;
const CACHE_LIMIT = 10_000;

export class InternalContext {
  private readonly key: Uint8Array;
  /** Contexts signed for each caller identity: one signature serves a caller's requests for half a minute. */
  private readonly signed = new Map<string, { token: Promise<string>; expiresAt: number }>();
  /** Contexts already verified, until they expire. */
  private readonly verified = new Map<string, { identity: TokenIdentity; expiresAt: number }>();

  constructor(secret: string) {
    if (secret.length < 32) throw new Error("the internal context secret must be at least 32 characters");
    this.key = new TextEncoder().encode(secret);
  }

  /** The context for a caller: signed on first use and again when less than half its lifetime is left. */
  contextFor(caller: TokenIdentity): Promise<string> {
    const key = `${caller.subject}\u0000${caller.role}\u0000${caller.localAuthority ?? ""}`;
    const now = Date.now();
    const known = this.signed.get(key);
    if (known && known.expiresAt - now > REUSE_MIN_LEFT_SECONDS * 1000) return known.token;
    if (this.signed.size >= CACHE_LIMIT) this.signed.clear();
    const token = this.sign(caller);
    this.signed.set(key, { token, expiresAt: now + LIFETIME_SECONDS * 1000 });
    return token;
  }

  /** Signs a context. A longer lifetime is for tools only (the benchmark signs one for peer gateways). */
  async sign(caller: TokenIdentity, lifetimeSeconds = LIFETIME_SECONDS): Promise<string> {
    const claims: Record<string, unknown> = { role: caller.role };
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
  async verify(token: string | undefined): Promise<TokenIdentity | null> {
    if (!token) return null;
    const known = this.verified.get(token);
    if (known && known.expiresAt > Date.now()) return known.identity;
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ["HS256"],
        requiredClaims: ["sub", "exp"],
      });
      const { role, la, sub } = payload;
      if (!isRole(role) || typeof sub !== "string") return null;
      if (la !== undefined && typeof la !== "string") return null;
      if ((role === "la_officer") !== (la !== undefined)) return null;
      const identity: TokenIdentity = { subject: sub, role, localAuthority: la };
      if (this.verified.size >= CACHE_LIMIT) this.verified.clear();
      this.verified.set(token, { identity, expiresAt: (payload.exp as number) * 1000 });
      return identity;
    } catch {
      return null;
    }
  }
}
