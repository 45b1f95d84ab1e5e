import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper/resolverMap.js";
import { INTERNAL_CONTEXT_HEADER, type InternalContext } from "../lib/auth/internal-context.js";
import type { Database } from "../lib/db/client.js";
import { apolloOptions, createGraphQLHandler, HttpError, serve, type RunningServer } from "../lib/http/graphql-http.js";
import type { Logger } from "../lib/logger.js";
import type { SubgraphContext, SubgraphModule, SubgraphSettings } from "./module.js";
import { subgraphPrivacyPlugin } from "./privacy.js";
import type { DataReadiness } from "./readiness.js";

export interface SubgraphServerOptions {
  readonly database: Database;
  /** Data subgraphs answer 503 while the seeded data is being replaced; absent for those that do not depend on it. */
  readonly readiness?: DataReadiness;
  readonly internalContext: InternalContext;
  readonly settings: SubgraphSettings;
  readonly logger: Logger;
}

/**
 * One subgraph as an HTTP service. It answers only calls carrying a context
 * signed by the gateway (401 otherwise, before anything is parsed), and builds
 * a fresh set of loaders for every request.
 */
export async function createSubgraphHandler<L>(module: SubgraphModule<L>, options: SubgraphServerOptions) {
  const logger = options.logger.child({ subgraph: module.name });
  const schema = buildSubgraphSchema({
    typeDefs: module.typeDefs,
    // Resolvers are typed against this subgraph's context; the helper's map is context-agnostic.
    resolvers: module.resolvers as GraphQLResolverMap<unknown>,
  });
  const shared = apolloOptions<SubgraphContext<L>>(logger);
  const apollo = new ApolloServer<SubgraphContext<L>>({
    schema,
    ...shared,
    plugins: [subgraphPrivacyPlugin(schema) as ApolloServerPlugin<SubgraphContext<L>>, ...shared.plugins],
    persistedQueries: false,
  });
  await apollo.start();
  const handler = createGraphQLHandler<SubgraphContext<L>>({
    apollo,
    logger,
    ready: () => options.readiness?.lastKnown ?? true,
    async authenticate(req, requestId) {
      const header = req.headers[INTERNAL_CONTEXT_HEADER];
      const identity = await options.internalContext.verify(typeof header === "string" ? header : undefined);
      if (!identity) {
        throw new HttpError(401, "UNAUTHENTICATED", "This service only answers calls from the gateway.");
      }
      if (options.readiness && !(await options.readiness.ready())) {
        throw new HttpError(503, "UNAVAILABLE", "The data is being reloaded; try again shortly.", { "retry-after": "5" });
      }
      // The gateway's request id (sent as x-request-id, which the HTTP layer took) ties the logs together.
      const caller = { ...identity, requestId };
      return {
        caller,
        requestId,
        database: options.database,
        settings: options.settings,
        loaders: module.createLoaders(options.database, caller, options.settings),
      };
    },
  });
  return { handler, stop: () => apollo.stop() };
}

/** Starts a subgraph listening on `host:port`. */
export async function startSubgraph<L>(
  module: SubgraphModule<L>,
  options: SubgraphServerOptions & { readonly host: string; readonly port: number },
): Promise<RunningServer> {
  return serve(await createSubgraphHandler(module, options), options.host, options.port);
}
