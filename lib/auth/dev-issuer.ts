import fs from "node:fs";
import path from "node:path";
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type CryptoKey } from "jose";
import { DEFAULT_AUDIENCE, DEV_ISSUER } from "../config.js";
import { isRole, LOCAL_AUTHORITY_CODE, type Role } from "./caller.js";

/**
 * The local development issuer: an Ed25519 key pair made on first start in
 * `dataDir`, so `npm run token` can hand out tokens the gateway accepts with
 * no identity provider. Production verifies a configured issuer instead and
 * refuses these tokens (see lib/config.ts).
 */
const KEY_FILE = "dev-issuer.jwk.json";
const ALG = "EdDSA";

export interface DevIssuer {
  readonly publicKey: CryptoKey;
  readonly privateKey: CryptoKey;
  readonly kid: string;
}

export async function loadOrCreateDevIssuer(dataDir: string): Promise<DevIssuer> {
  const file = path.join(dataDir, KEY_FILE);
  let jwk: JWK;
  try {
    jwk = JSON.parse(fs.readFileSync(file, "utf8")) as JWK;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    const pair = await generateKeyPair(ALG, { crv: "Ed25519", extractable: true });
    jwk = { ...(await exportJWK(pair.privateKey)), kid: `dev-${Date.now().toString(36)}`, alg: ALG };
    fs.mkdirSync(dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, JSON.stringify(jwk), { flag: "wx", mode: 0o600 });
    } catch (writeErr) {
      if ((writeErr as NodeJS.ErrnoException).code !== "EEXIST") throw writeErr;
      jwk = JSON.parse(fs.readFileSync(file, "utf8")) as JWK;
    }
  }
  const { d: _private, ...publicJwk } = jwk;
  return {
    privateKey: (await importJWK(jwk, ALG)) as CryptoKey,
    publicKey: (await importJWK(publicJwk, ALG)) as CryptoKey,
    kid: jwk.kid ?? "dev",
  };
}

export interface DevTokenRequest {
  readonly role: Role;
  readonly localAuthority?: string | undefined;
  readonly subject?: string | undefined;
  /** Lifetime in seconds; default eight hours, a working day. */
  readonly ttlSeconds?: number | undefined;
  readonly audience?: string | undefined;
}

/** Signs a development token; refuses combinations the gateway would reject. */
export async function signDevToken(issuer: DevIssuer, request: DevTokenRequest): Promise<string> {
  if (!isRole(request.role)) throw new Error(`unknown role "${String(request.role)}"`);
  if (request.role === "la_officer") {
    if (!request.localAuthority || !LOCAL_AUTHORITY_CODE.test(request.localAuthority)) {
      throw new Error("la_officer tokens need --la with an authority code such as E08000003");
    }
  } else if (request.localAuthority) {
    throw new Error("only la_officer tokens are bound to a local authority; drop --la");
  }
  const claims: Record<string, unknown> = { role: request.role };
  if (request.localAuthority) claims.la = request.localAuthority;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: ALG, kid: issuer.kid, typ: "JWT" })
    .setIssuer(DEV_ISSUER)
    .setAudience(request.audience ?? DEFAULT_AUDIENCE)
    .setSubject(request.subject ?? `dev-${request.role}${request.localAuthority ? `-${request.localAuthority}` : ""}`)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + (request.ttlSeconds ?? 8 * 3600))
    .sign(issuer.privateKey);
}
