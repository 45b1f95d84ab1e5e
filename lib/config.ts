import path from "node:path";
import { z } from "zod";
import { DEFAULT_THRESHOLD, MINIMUM_THRESHOLD } from "./disclosure/rules.js";

/**
 * The service's configuration, read from environment variables. This is the
 * only module that reads `process.env`: everything else receives a `Config`.
 * Every variable is validated at start and every problem is reported at once,
 * naming the variable, so an operator fixes a bad deployment in one pass.
 */

export const SUBGRAPH_NAMES = ["families", "eligibility", "outcomes", "evaluation", "audit"] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export interface Config {
  readonly host: string;
  readonly port: number;
  /** Port each subgraph listens on when started by this process. */
  readonly subgraphPorts: Readonly<Record<SubgraphName, number>>;
  /** Where the gateway finds each subgraph. */
  readonly subgraphUrls: Readonly<Record<SubgraphName, string>>;
  /** PostgreSQL connection string; unset means the embedded database. */
  readonly databaseUrl: string | undefined;
  /** Embedded database and development keys live here. */
  readonly dataDir: string;
  /** Families seeded on the first start of an empty database. */
  readonly seedFamilies: number;
  /** Random seed for the first-start seed. */
  readonly seed: number;
  readonly auth: AuthConfig;
  /** Reject a whole operation that asks for any field the caller may not see, instead of answering those fields null. */
  readonly rejectUnauthorized: boolean;
  /** HMAC key for the context the gateway signs for each subgraph call; generated in `dataDir` when unset. */
  readonly internalSecret: string | undefined;
  /** Key for the research extract's pseudonymous person and family keys. */
  readonly pseudonymKey: string | undefined;
  /** Aggregate cells whose population, count with the outcome or count without it is below this are suppressed (DESIGN.md section 5). */
  readonly disclosureThreshold: number;
  readonly logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  readonly production: boolean;
}

/**
 * How caller tokens are verified. `dev`: a local key pair made on first start
 * (`npm run token` signs with it). `issuer`: a configured identity provider,
 * through its JWKS URL or a public key.
 */
export type AuthConfig =
  | { readonly mode: "dev"; readonly issuer: string; readonly audience: string }
  | {
      readonly mode: "issuer";
      readonly issuer: string;
      readonly audience: string;
      readonly jwksUrl: string | undefined;
      readonly publicKeyPem: string | undefined;
      readonly algorithms: readonly string[];
    };

export const DEV_ISSUER = "urn:troubled-families:dev-issuer";
export const DEFAULT_AUDIENCE = "troubled-families-gateway";

const DEFAULT_PORTS: Record<SubgraphName, number> = {
  families: 4001,
  eligibility: 4002,
  outcomes: 4003,
  evaluation: 4004,
  audit: 4005,
};

const port = z.coerce
  .number({ error: "must be a number" })
  .int("must be a whole number")
  .min(0, "must be between 0 and 65535")
  .max(65535, "must be between 0 and 65535");

const url = z.url({ error: "must be a URL" });

const envSchema = z.object({
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: port.default(4000),
  FAMILIES_PORT: port.default(DEFAULT_PORTS.families),
  ELIGIBILITY_PORT: port.default(DEFAULT_PORTS.eligibility),
  OUTCOMES_PORT: port.default(DEFAULT_PORTS.outcomes),
  EVALUATION_PORT: port.default(DEFAULT_PORTS.evaluation),
  AUDIT_PORT: port.default(DEFAULT_PORTS.audit),
  FAMILIES_URL: url.optional(),
  ELIGIBILITY_URL: url.optional(),
  OUTCOMES_URL: url.optional(),
  EVALUATION_URL: url.optional(),
  AUDIT_URL: url.optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  SEED_FAMILIES: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(1_000_000, "must be at most 1000000")
    .default(5000),
  AUTHZ_REJECT_UNAUTHORIZED: z.enum(["true", "false"], { error: "must be true or false" }).default("false"),
  SEED: z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(0).default(2015),
  AUTH_ISSUER: z.string().min(1).optional(),
  AUTH_AUDIENCE: z.string().min(1).optional(),
  AUTH_JWKS_URL: url.optional(),
  AUTH_PUBLIC_KEY: z
    .string()
    .includes("BEGIN PUBLIC KEY", { message: "must be a PEM public key (-----BEGIN PUBLIC KEY-----)" })
    .optional(),
  AUTH_ALGORITHMS: z.string().default("RS256,ES256,EdDSA"),
  INTERNAL_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  PSEUDONYM_KEY: z.string().min(16, "must be at least 16 characters").optional(),
  DISCLOSURE_THRESHOLD: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(MINIMUM_THRESHOLD, `must be at least ${MINIMUM_THRESHOLD} (counts of 1 and 2 are never released)`)
    .max(1000, "must be at most 1000")
    .default(DEFAULT_THRESHOLD),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NODE_ENV: z.string().optional(),
});

/** Thrown when the environment is invalid; its message lists every problem. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Reads and validates the configuration; throws a `ConfigError` naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "unset": shells and CI templates often export VAR= .
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];
  const production = e.NODE_ENV === "production";

  const subgraphPorts: Record<SubgraphName, number> = {
    families: e.FAMILIES_PORT,
    eligibility: e.ELIGIBILITY_PORT,
    outcomes: e.OUTCOMES_PORT,
    evaluation: e.EVALUATION_PORT,
    audit: e.AUDIT_PORT,
  };
  const explicitUrls: Record<SubgraphName, string | undefined> = {
    families: e.FAMILIES_URL,
    eligibility: e.ELIGIBILITY_URL,
    outcomes: e.OUTCOMES_URL,
    evaluation: e.EVALUATION_URL,
    audit: e.AUDIT_URL,
  };
  const subgraphUrls = Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [
      name,
      explicitUrls[name] ?? `http://${urlHost(e.HOST)}:${subgraphPorts[name]}/graphql`,
    ]),
  ) as Record<SubgraphName, string>;

  let auth: AuthConfig;
  if (e.AUTH_JWKS_URL || e.AUTH_PUBLIC_KEY) {
    if (!e.AUTH_ISSUER) problems.push("AUTH_ISSUER: required when AUTH_JWKS_URL or AUTH_PUBLIC_KEY is set");
    if (e.AUTH_JWKS_URL && e.AUTH_PUBLIC_KEY) {
      problems.push("AUTH_PUBLIC_KEY: set either AUTH_JWKS_URL or AUTH_PUBLIC_KEY, not both");
    }
    auth = {
      mode: "issuer",
      issuer: e.AUTH_ISSUER ?? "",
      audience: e.AUTH_AUDIENCE ?? DEFAULT_AUDIENCE,
      jwksUrl: e.AUTH_JWKS_URL,
      publicKeyPem: e.AUTH_PUBLIC_KEY,
      algorithms: e.AUTH_ALGORITHMS.split(",").map((a) => a.trim()).filter(Boolean),
    };
  } else {
    if (production) {
      problems.push("AUTH_JWKS_URL: production (NODE_ENV=production) needs AUTH_JWKS_URL or AUTH_PUBLIC_KEY; development tokens are refused");
    }
    if (e.AUTH_ISSUER) problems.push("AUTH_ISSUER: set AUTH_JWKS_URL or AUTH_PUBLIC_KEY with it");
    auth = { mode: "dev", issuer: DEV_ISSUER, audience: e.AUTH_AUDIENCE ?? DEFAULT_AUDIENCE };
  }
  if (production && !e.INTERNAL_SECRET) {
    problems.push("INTERNAL_SECRET: required in production (the same value for the gateway and every subgraph)");
  }
  if (production && !e.PSEUDONYM_KEY) {
    problems.push("PSEUDONYM_KEY: required in production");
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    host: e.HOST,
    port: e.PORT,
    subgraphPorts,
    subgraphUrls,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    seedFamilies: e.SEED_FAMILIES,
    seed: e.SEED,
    auth,
    rejectUnauthorized: e.AUTHZ_REJECT_UNAUTHORIZED === "true",
    internalSecret: e.INTERNAL_SECRET,
    pseudonymKey: e.PSEUDONYM_KEY,
    disclosureThreshold: e.DISCLOSURE_THRESHOLD,
    logLevel: e.LOG_LEVEL,
    production,
  };
}

function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}
