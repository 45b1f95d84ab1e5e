import type { IncomingMessage } from "node:http";
import { ApolloServer } from "@apollo/server";
import { ApolloGateway } from "@apollo/gateway";
import type { SubgraphName } from "../lib/config.js";
import type { InternalContext } from "../lib/auth/internal-context.js";
import type { Database } from "../lib/db/client.js";
import { AuthenticationError, type TokenVerifier } from "../lib/auth/verify-token.js";
import { apolloOptions, createGraphQLHandler, HttpError, serve, type RunningServer } from "../lib/http/graphql-http.js";
import type { Logger } from "../lib/logger.js";
import type { GatewayContext } from "./context.js";
import { AuditLog } from "./audit.js";
import { SignedSubgraphDataSource } from "./data-source.js";
import { GatewayPrivacy } from "./privacy.js";

export interface GatewayOptions {
  readonly supergraphSdl: string;
  readonly subgraphUrls: Readonly<Record<SubgraphName, string>>;
  readonly verifyToken: TokenVerifier;
  readonly internalContext: InternalContext;
  /** Where the audit log is written. */
  readonly database: Database;
  readonly rejectUnauthorized: boolean;
  /** Aggregate cells with a count below this never leave the gateway (DESIGN.md section 5). */
  readonly disclosureThreshold: number;
  readonly logger: Logger;
}

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * The gateway: Apollo Gateway over the static supergraph, inside Apollo
 * Server, behind the project's HTTP layer. Every request needs a valid Bearer
 * token; without one it is answered 401 before anything is parsed.
 */
export async function createGatewayHandler(options: GatewayOptions) {
  const logger = options.logger.child({ service: "gateway" });
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name }) => {
      const url = options.subgraphUrls[name as SubgraphName];
      if (!url) throw new Error(`The supergraph names a subgraph "${name}" that is not configured.`);
      return new SignedSubgraphDataSource(url);
    },
  });
  const privacy = new GatewayPrivacy({
    rejectUnauthorized: options.rejectUnauthorized,
    disclosureThreshold: options.disclosureThreshold,
    audit: new AuditLog(options.database),
    logger,
  });
  // The privacy classes come from the composed directives in the supergraph
  // SDL; the API schema the gateway serves no longer carries them.
  gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => privacy.setSupergraph(apiSchema, coreSupergraphSdl));
  const shared = apolloOptions<GatewayContext>(logger);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    ...shared,
    // Enforcement runs before error stamping, so its errors carry the request id too.
    plugins: [privacy.plugin(), ...shared.plugins],
    // Clients send the operation text: a hash alone would bypass enforcement.
    persistedQueries: false,
  });
  await apollo.start();

  const handler = createGraphQLHandler<GatewayContext>({
    apollo,
    logger,
    prepare: (body, context) => privacy.prepare(body, context),
    async authenticate(req: IncomingMessage, requestId: string) {
      const header = req.headers.authorization;
      const token = typeof header === "string" ? BEARER.exec(header)?.[1] : undefined;
      if (!token) {
        throw new HttpError(401, "UNAUTHENTICATED", "Authentication required: send Authorization: Bearer <token>.", {
          "www-authenticate": 'Bearer realm="troubled-families"',
        });
      }
      try {
        const identity = await options.verifyToken(token);
        const caller = { ...identity, requestId };
        return {
          caller,
          requestId,
          get internalContext() {
            return options.internalContext.contextFor(identity);
          },
        };
      } catch (err) {
        if (err instanceof AuthenticationError) {
          throw new HttpError(401, "UNAUTHENTICATED", err.message, {
            "www-authenticate": 'Bearer realm="troubled-families", error="invalid_token"',
          });
        }
        throw err;
      }
    },
  });
  return { handler, stop: () => apollo.stop() };
}

export async function startGateway(options: GatewayOptions & { readonly host: string; readonly port: number }): Promise<RunningServer> {
  return serve(await createGatewayHandler(options), options.host, options.port);
}
