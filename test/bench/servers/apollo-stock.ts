import fs from "node:fs";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";

/**
 * The peer a user would pick instead: a stock @apollo/gateway in Apollo
 * Server with default settings (default fetcher, no enforcement, no audit).
 * The only addition is passing on the subgraph context the benchmark signed,
 * which our subgraphs require.
 */
const supergraphSdl = fs.readFileSync(process.env.SUPERGRAPH_PATH as string, "utf8");
const gateway = new ApolloGateway({
  supergraphSdl,
  buildService: ({ url }) =>
    new RemoteGraphQLDataSource<{ context?: string }>({
      url,
      willSendRequest({ request, context }) {
        if (context.context) request.http?.headers.set("x-tf-context", context.context);
      },
    }),
});
// Introspection stays on (production turns it off by default) so that scenario (d) can run.
const server = new ApolloServer<{ context?: string }>({ gateway, introspection: true });
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(process.env.PORT), host: "127.0.0.1" },
  context: async ({ req }) => ({ context: req.headers["x-tf-context"] as string | undefined }),
});
console.log(`stock Apollo gateway ready at ${url}`);
