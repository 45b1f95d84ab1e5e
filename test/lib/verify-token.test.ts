import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { loadConfig } from "../../lib/config.js";
import { AuthenticationError, createTokenVerifier } from "../../lib/auth/verify-token.js";

const ISSUER = "https://idp.example.gov.uk/";

async function sign(key: CryptoKey, claims: Record<string, unknown>, issuer = ISSUER, kid = "k1") {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "RS256", kid })
    .setIssuer(issuer)
    .setAudience("troubled-families-gateway")
    .setSubject("analyst-7")
    .setExpirationTime("10m")
    .sign(key);
}

describe("verifying tokens from a configured issuer", () => {
  let keys: Awaited<ReturnType<typeof generateKeyPair>>;
  let jwks: http.Server;
  let jwksUrl: string;

  beforeAll(async () => {
    keys = await generateKeyPair("RS256", { extractable: true });
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: "k1", alg: "RS256", use: "sig" };
    jwks = http.createServer((_, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, "127.0.0.1", resolve));
    jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => jwks.close(() => resolve())));

  it("accepts the issuer's tokens through its JWKS URL", async () => {
    const config = loadConfig({ AUTH_JWKS_URL: jwksUrl, AUTH_ISSUER: ISSUER, DATA_DIR: "/nonexistent" });
    const verify = await createTokenVerifier(config.auth, config.dataDir);
    await expect(verify(await sign(keys.privateKey, { role: "analyst" }))).resolves.toEqual({
      subject: "analyst-7",
      role: "analyst",
      localAuthority: undefined,
    });
  });

  it("accepts the issuer's tokens through a PEM public key", async () => {
    const config = loadConfig({ AUTH_PUBLIC_KEY: await exportSPKI(keys.publicKey), AUTH_ISSUER: ISSUER, AUTH_ALGORITHMS: "RS256" });
    const verify = await createTokenVerifier(config.auth, config.dataDir);
    await expect(verify(await sign(keys.privateKey, { role: "la_officer", la: "E08000003" }))).resolves.toMatchObject({
      role: "la_officer",
      localAuthority: "E08000003",
    });
  });

  it.each([
    ["another issuer", async () => sign(keys.privateKey, { role: "analyst" }, "https://elsewhere.example/")],
    ["a council officer without an authority", async () => sign(keys.privateKey, { role: "la_officer" })],
    ["a council officer of an authority that does not exist", async () => sign(keys.privateKey, { role: "la_officer", la: "E08000999" })],
    ["an authority on a role that has none", async () => sign(keys.privateKey, { role: "researcher", la: "E08000003" })],
    ["a role that does not exist", async () => sign(keys.privateKey, { role: "root" })],
  ])("refuses %s", async (_, token) => {
    const config = loadConfig({ AUTH_JWKS_URL: jwksUrl, AUTH_ISSUER: ISSUER });
    const verify = await createTokenVerifier(config.auth, config.dataDir);
    await expect(verify(await token())).rejects.toEqual(new AuthenticationError("The access token is not valid."));
  });
});
