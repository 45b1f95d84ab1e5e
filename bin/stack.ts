import fs from "node:fs";
import type { Config, SubgraphName } from "../lib/config.js";
import { SUBGRAPH_NAMES } from "../lib/config.js";
import { InternalContext } from "../lib/auth/internal-context.js";
import { createTokenVerifier } from "../lib/auth/verify-token.js";
import type { Database } from "../lib/db/client.js";
import type { RunningServer } from "../lib/http/graphql-http.js";
import type { Logger } from "../lib/logger.js";
import { loadOrCreateSecret } from "../lib/secrets.js";
import { startGateway } from "../gateway/server.js";
import { SUPERGRAPH_PATH } from "../schema/compose.js";
import { SUBGRAPHS } from "../subgraphs/index.js";
import { DataReadiness } from "../subgraphs/readiness.js";
import { startSubgraph } from "../subgraphs/server.js";

/** Which services this process runs: everything (`npm start`), or one of them. */
export type Service = "gateway" | SubgraphName;

export interface Stack {
  /** The gateway's URL, when this process runs it. */
  readonly gatewayUrl: string | undefined;
  readonly subgraphUrls: Partial<Record<SubgraphName, string>>;
  close(): Promise<void>;
}

export interface StackOptions {
  readonly config: Config;
  readonly logger: Logger;
  /** Subgraphs read it; the gateway writes its audit log to it. */
  readonly database: Database;
  readonly services: readonly Service[];
}

/**
 * Starts the requested services, each as its own HTTP server. Subgraphs start
 * first so the gateway's first request finds them; when this process runs a
 * subgraph on a free port (port 0, as tests do), the gateway is pointed at
 * the port actually bound.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const { config, logger } = options;
  const internalContext = new InternalContext(config.internalSecret ?? loadOrCreateSecret(config.dataDir, "internal-secret"));
  const servers: RunningServer[] = [];
  const subgraphUrls: Partial<Record<SubgraphName, string>> = {};
  let gatewayUrl: string | undefined;
  // One readiness check shared by the data subgraphs of this process; the audit log does not depend on the seed.
  const readiness = new DataReadiness(options.database);
  try {
    for (const name of SUBGRAPH_NAMES) {
      if (!options.services.includes(name)) continue;
      const server = await startSubgraph(SUBGRAPHS[name], {
        database: options.database,
        internalContext,
        settings: { disclosureThreshold: config.disclosureThreshold },
        readiness: name === "audit" ? undefined : readiness,
        logger,
        host: config.host,
        port: config.subgraphPorts[name],
      });
      servers.push(server);
      subgraphUrls[name] = server.url;
    }
    if (options.services.includes("gateway")) {
      const gateway = await startGateway({
        supergraphSdl: fs.readFileSync(SUPERGRAPH_PATH, "utf8"),
        subgraphUrls: { ...config.subgraphUrls, ...subgraphUrls },
        verifyToken: await createTokenVerifier(config.auth, config.dataDir),
        internalContext,
        database: options.database,
        rejectUnauthorized: config.rejectUnauthorized,
        disclosureThreshold: config.disclosureThreshold,
        logger,
        host: config.host,
        port: config.port,
      });
      servers.push(gateway);
      gatewayUrl = gateway.url;
    }
  } catch (err) {
    await Promise.all(servers.map((s) => s.close()));
    throw err;
  }
  return {
    gatewayUrl,
    subgraphUrls,
    async close() {
      // The gateway first, so no request reaches a subgraph that has gone.
      for (const server of [...servers].reverse()) await server.close();
    },
  };
}
