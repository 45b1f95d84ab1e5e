import { createRemoteJWKSet, errors, importSPKI, jwtVerify, type JWTPayload, type JWTVerifyGetKey, type CryptoKey } from "jose";
import type { AuthConfig } from "../config.js";
import { LOCAL_AUTHORITY_CODES } from "../data/local-authorities.js";
import { isRole, type Caller } from "./caller.js";
import { loadOrCreateDevIssuer } from "./dev-issuer.js";

/** A caller as a token proves it, before a request id is attached. */
export type TokenIdentity = Omit<Caller, "requestId">;

/**
 * Why a token was refused. The message is safe to send to the client: it
 * never echoes claims, keys, or what another role would have been allowed.
 */
export class AuthenticationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AuthenticationError";
  }
}

export type TokenVerifier = (token: string) => Promise<TokenIdentity>;

const CACHE_LIMIT = 10_000;

/**
 * Builds the verifier for caller tokens: the development issuer's key, or the
 * configured issuer's JWKS URL or public key. Verified tokens are remembered
 * until they expire, because clients reuse one token for many requests and a
 * signature check costs more than the rest of a small query's gateway work.
 */
export async function createTokenVerifier(auth: AuthConfig, dataDir: string): Promise<TokenVerifier> {
  let key: CryptoKey | JWTVerifyGetKey;
  let algorithms: string[];
  if (auth.mode === "dev") {
    key = (await loadOrCreateDevIssuer(dataDir)).publicKey;
    algorithms = ["EdDSA"];
  } else if (auth.jwksUrl) {
    key = createRemoteJWKSet(new URL(auth.jwksUrl));
    algorithms = [...auth.algorithms];
  } else {
    algorithms = [...auth.algorithms];
    key = await importSPKI(auth.publicKeyPem ?? "", algorithms[0] ?? "RS256");
  }
  const cache = new Map<string, { identity: TokenIdentity; expiresAt: number }>();

  return async (token) => {
    const cached = cache.get(token);
    if (cached) {
      if (cached.expiresAt > Date.now()) return cached.identity;
      cache.delete(token);
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key as CryptoKey, {
        issuer: auth.issuer,
        audience: auth.audience,
        algorithms,
        clockTolerance: 30,
        requiredClaims: ["sub", "exp"],
      }));
    } catch (err) {
      if (err instanceof errors.JWTExpired) throw new AuthenticationError("The access token has expired.");
      throw new AuthenticationError("The access token is not valid.");
    }
    const identity = identityFrom(payload);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(token, { identity, expiresAt: (payload.exp ?? 0) * 1000 });
    return identity;
  };
}

function identityFrom(payload: JWTPayload): TokenIdentity {
  const role = payload.role;
  const la = payload.la;
  if (!isRole(role) || typeof payload.sub !== "string" || payload.sub.length === 0) {
    throw new AuthenticationError("The access token is not valid.");
  }
  if (role === "la_officer") {
    if (typeof la !== "string" || !LOCAL_AUTHORITY_CODES.has(la)) {
      throw new AuthenticationError("The access token is not valid.");
    }
    return { subject: payload.sub, role, localAuthority: la };
  }
  if (la !== undefined) throw new AuthenticationError("The access token is not valid.");
  return { subject: payload.sub, role, localAuthority: undefined };
}
