import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { Fetcher, FetcherResponse } from "@apollo/utils.fetcher";
import { GraphQLError } from "graphql";
import { INTERNAL_CONTEXT_HEADER } from "../lib/auth/internal-context.js";
import type { GatewayContext } from "./context.js";

/**
 * Calls one subgraph over HTTP with the caller's signed context attached.
 * Uses Node's own fetch (undici, keep-alive) rather than the gateway's default
 * make-fetch-happen, whose per-call overhead dominated small queries.
 */
export class SignedSubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string) {
    super({ url, fetcher: fetch as unknown as Fetcher });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    // Planning-time calls carry no caller; they never reach a subgraph here
    // (the supergraph is static), and without a context a subgraph answers 401.
    if (!context?.internalContext) return;
    request.http?.headers.set(INTERNAL_CONTEXT_HEADER, await context.internalContext);
  }

  /** A subgraph refusing while its data is reloaded is worth telling the caller; anything else stays masked. */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    if (response.status === 503) {
      return new GraphQLError("The data is being reloaded; try again shortly.", { extensions: { code: "SERVICE_UNAVAILABLE" } });
    }
    return super.errorFromResponse(response);
  }
}
