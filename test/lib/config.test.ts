import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../lib/config.js";

function problems(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error("expected the configuration to be refused");
}

describe("configuration", () => {
  it("runs with nothing set: embedded database in .data, gateway on 4000, subgraphs on 4001-4005, local issuer", () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe(path.resolve(".data"));
    expect(config.subgraphPorts).toEqual({ families: 4001, eligibility: 4002, outcomes: 4003, evaluation: 4004, audit: 4005 });
    expect(config.rejectUnauthorized).toBe(false);
    expect(config.subgraphUrls.outcomes).toBe("http://127.0.0.1:4003/graphql");
    expect(config.auth.mode).toBe("dev");
    expect(config.seedFamilies).toBe(5000);
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ DATABASE_URL: "", PORT: "" }).port).toBe(4000);
  });

  it("names every bad variable at once", () => {
    expect(problems({ PORT: "eighty", DATABASE_URL: "mysql://x", SEED_FAMILIES: "0", LOG_LEVEL: "loud" })).toEqual([
      "PORT: must be a number",
      "DATABASE_URL: must be a postgres:// or postgresql:// URL",
      "SEED_FAMILIES: must be at least 1",
      expect.stringMatching(/^LOG_LEVEL: /),
    ]);
    expect(problems({ FAMILIES_PORT: "70000" })).toEqual(["FAMILIES_PORT: must be between 0 and 65535"]);
  });

  it("verifies a configured issuer instead of the local one", () => {
    const config = loadConfig({ AUTH_JWKS_URL: "https://idp.example/jwks.json", AUTH_ISSUER: "https://idp.example/" });
    expect(config.auth).toMatchObject({ mode: "issuer", jwksUrl: "https://idp.example/jwks.json", issuer: "https://idp.example/" });
    expect(problems({ AUTH_JWKS_URL: "https://idp.example/jwks.json" })).toEqual([
      "AUTH_ISSUER: required when AUTH_JWKS_URL or AUTH_PUBLIC_KEY is set",
    ]);
  });

  it("refuses development tokens and generated secrets in production", () => {
    expect(problems({ NODE_ENV: "production" })).toEqual([
      expect.stringMatching(/^AUTH_JWKS_URL: production/),
      expect.stringMatching(/^INTERNAL_SECRET: required in production/),
      "PSEUDONYM_KEY: required in production",
    ]);
  });

  it("points the gateway at subgraphs elsewhere when told", () => {
    expect(loadConfig({ FAMILIES_URL: "http://families.internal:8080/graphql" }).subgraphUrls.families).toBe(
      "http://families.internal:8080/graphql",
    );
    expect(problems({ OUTCOMES_URL: "not a url" })).toEqual(["OUTCOMES_URL: must be a URL"]);
  });
});
