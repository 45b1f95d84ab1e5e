import { loadConfig, type Config } from "../../lib/config.js";
import type { Role } from "../../lib/auth/caller.js";
import { loadOrCreateDevIssuer, signDevToken } from "../../lib/auth/dev-issuer.js";
import { createLogger } from "../../lib/logger.js";
import { runSeed, type SeedSummary } from "../../seed/index.js";
import { startStack, type Stack } from "../../bin/stack.js";
import { SUBGRAPH_NAMES } from "../../lib/config.js";
import { createTestDatabase, type DriverName, type TestDatabase } from "./database.js";
import { TEST_LOG_LEVEL } from "./env.js";

export const TEST_PSEUDONYM_KEY = "test-pseudonym-key-0123456789";

export interface GraphQLResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: {
    data?: Record<string, any> | null;
    errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  };
}

export interface TestStack {
  readonly db: TestDatabase;
  readonly config: Config;
  readonly stack: Stack;
  readonly seed: SeedSummary;
  readonly gatewayUrl: string;
  token(role: Role, localAuthority?: string, ttlSeconds?: number): Promise<string>;
  /** Posts one operation to the gateway with a token for `role` (a council officer of `as.localAuthority`). */
  query(role: Role | null, query: string, variables?: Record<string, unknown>, as?: { localAuthority?: string; operationName?: string }): Promise<GraphQLResponse>;
  close(): Promise<void>;
}

export async function postGraphQL(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}

/**
 * The whole federation in this process, as `npm start` runs it: a seeded
 * database, every subgraph and the gateway, each a real HTTP server on a free
 * port, with development tokens from the suite's own key.
 */
export interface TestStackOptions {
  readonly families?: number;
  readonly seed?: number;
  /** Plant no treatment effect (see seed/parameters.ts). */
  readonly noEffect?: boolean;
  /** Further configuration, as environment variables. */
  readonly env?: Record<string, string>;
  /** Receives every log line (JSON) of the services, at level info and above. */
  readonly logs?: string[];
}

export async function startTestStack(driver: DriverName, options: TestStackOptions = {}): Promise<TestStack> {
  const db = await createTestDatabase(driver);
  const summary = await runSeed(db.database, {
    families: options.families ?? 150,
    seed: options.seed ?? 7,
    noEffect: options.noEffect ?? false,
    pseudonymKey: TEST_PSEUDONYM_KEY,
  });
  const config = loadConfig({
    DATA_DIR: db.dataDir,
    PORT: "0",
    ...Object.fromEntries(SUBGRAPH_NAMES.map((n) => [`${n.toUpperCase()}_PORT`, "0"])),
    LOG_LEVEL: "silent",
    ...options.env,
  });
  const logger = options.logs
    ? createLogger("info", "test", { write: (line) => void options.logs!.push(line) })
    : createLogger(TEST_LOG_LEVEL ?? "silent");
  const stack = await startStack({ config, logger, database: db.database, services: ["gateway", ...SUBGRAPH_NAMES] });
  const issuer = await loadOrCreateDevIssuer(config.dataDir);
  const token = (role: Role, localAuthority?: string, ttlSeconds?: number) =>
    signDevToken(issuer, { role, localAuthority, ttlSeconds });
  return {
    db,
    config,
    stack,
    seed: summary,
    gatewayUrl: stack.gatewayUrl as string,
    token,
    async query(role, query, variables, as) {
      const headers: Record<string, string> = role ? { authorization: `Bearer ${await token(role, as?.localAuthority)}` } : {};
      return postGraphQL(stack.gatewayUrl as string, { query, variables, operationName: as?.operationName }, headers);
    },
    async close() {
      await stack.close();
      await db.dispose();
    },
  };
}
