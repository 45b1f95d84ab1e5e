import http, { type IncomingMessage, type ServerResponse } from "node:http";
import crypto from "node:crypto";
import type { AddressInfo } from "node:net";
import { HeaderMap, type ApolloServer, type ApolloServerOptions, type BaseContext } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from "@apollo/server/plugin/disabled";
import { errorReportingPlugin, formatError } from "../errors.js";
import type { Logger } from "../logger.js";

/**
 * The HTTP front of every GraphQL server here (gateway and subgraphs): reads
 * the body with a size limit, decides who is calling before anything
 * executes, and answers every failure as a GraphQL error body with the right
 * status: never an HTML page, stack trace or framework default.
 */

/** A refusal at the HTTP layer (no or bad credentials, unreadable body). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export interface GraphQLHttpOptions<C extends BaseContext> {
  readonly apollo: ApolloServer<C>;
  /** Builds the request context, or throws an `HttpError` to refuse the request. */
  readonly authenticate: (req: IncomingMessage, requestId: string) => Promise<C>;
  readonly logger: Logger;
  /** Answers `GET /healthz`: true when the service can serve. */
  readonly ready?: () => boolean;
  /**
   * Sees the parsed body before Apollo Server does: returns the body to
   * execute (possibly rewritten), or a response to send instead.
   */
  readonly prepare?: (body: unknown, context: C) => Promise<{ body: unknown } | { status: number; body: unknown }>;
  readonly maxBodyBytes?: number;
}

const GRAPHQL_PATH = "/graphql";
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function createGraphQLHandler<C extends BaseContext>(options: GraphQLHttpOptions<C>) {
  const maxBody = options.maxBodyBytes ?? 1_000_000;
  return (req: IncomingMessage, res: ServerResponse): void => {
    const incoming = req.headers["x-request-id"];
    const requestId = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    res.setHeader("x-request-id", requestId);
    handle(req, res, requestId).catch((err: unknown) => {
      if (err instanceof HttpError) {
        sendError(res, err, requestId);
        return;
      }
      options.logger.error({ requestId, errorClass: err instanceof Error ? err.name : typeof err }, "request failed");
      sendError(res, new HttpError(500, "INTERNAL_SERVER_ERROR", "Unexpected error."), requestId);
    });
  };

  async function handle(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/healthz" && req.method === "GET") {
      const ok = options.ready?.() ?? true;
      res.statusCode = ok ? 200 : 503;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ status: ok ? "ok" : "unavailable" }));
      return;
    }
    if (url.pathname !== GRAPHQL_PATH) {
      throw new HttpError(404, "NOT_FOUND", `Not found: GraphQL is served at ${GRAPHQL_PATH}.`);
    }
    // POST only: a query in a GET URL would also escape the `prepare` step,
    // and lands in access logs and browser history.
    if (req.method !== "POST") {
      throw new HttpError(405, "METHOD_NOT_ALLOWED", "Send GraphQL requests with POST.", { allow: "POST" });
    }
    // Authentication comes first: nothing is read, parsed, planned or
    // executed for a caller who is not who they claim.
    const context = await options.authenticate(req, requestId);
    let body = await readJsonBody(req, maxBody);
    if (options.prepare) {
      const prepared = await options.prepare(body, context);
      if ("status" in prepared) {
        res.statusCode = prepared.status;
        res.setHeader("content-type", "application/json; charset=utf-8");
        res.end(JSON.stringify(prepared.body));
        return;
      }
      body = prepared.body;
    }

    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const response = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method, headers, search: url.search, body },
      context: async () => context,
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }
}

async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) throw new HttpError(413, "BAD_REQUEST", `The request body is larger than ${limit} bytes.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, "BAD_REQUEST", `The request body is larger than ${limit} bytes.`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  const type = String(req.headers["content-type"] ?? "");
  if (!type.includes("application/json")) {
    // Apollo answers the missing content type (and its CSRF rule) itself.
    return text;
  }
  if (text.length === 0) throw new HttpError(400, "BAD_REQUEST", "The request body is empty; send a JSON GraphQL request.");
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "BAD_REQUEST", "The request body is not valid JSON.");
  }
}

function sendError(res: ServerResponse, error: HttpError, requestId: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.statusCode = error.status;
  for (const [key, value] of Object.entries(error.headers)) res.setHeader(key, value);
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify({ errors: [{ message: error.message, extensions: { code: error.code, requestId } }] }));
}

/**
 * Apollo Server options every server here shares: errors masked and stamped
 * with the request id, no stack traces or schema hints in responses, no
 * landing page or reporting to Apollo's cloud, no cache-control hints (its
 * plugin wraps every field resolver, a measured 8% of a subgraph's CPU), and
 * shutdown left to the process (Apollo's own signal handlers would race it).
 */
export function apolloOptions<C extends BaseContext & { requestId: string }>(logger: Logger) {
  return {
    formatError,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    stopOnTerminationSignals: false,
    plugins: [
      errorReportingPlugin<C>(logger),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
    ],
  } satisfies Partial<ApolloServerOptions<C>>;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Listens on `host:port` (port 0 picks a free one) and resolves once bound. */
export async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  host: string,
  port: number,
): Promise<RunningServer> {
  const server = http.createServer({ keepAliveTimeout: 65_000 }, handler);
  server.headersTimeout = 70_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}${GRAPHQL_PATH}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Listens with `handler` and, on close, stops the Apollo server behind it too. */
export async function serve(
  created: { handler: (req: IncomingMessage, res: ServerResponse) => void; stop: () => Promise<void> },
  host: string,
  port: number,
): Promise<RunningServer> {
  const server = await listen(created.handler, host, port);
  return {
    ...server,
    async close() {
      await server.close();
      await created.stop();
    },
  };
}
