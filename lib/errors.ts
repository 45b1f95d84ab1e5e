import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { ApolloServerPlugin } from "@apollo/server";
import type { Logger } from "./logger.js";

/**
 * Error codes a client may see with their own message. Anything else (a
 * database failure, a bug, a subgraph that is down) reaches the client as
 * "Unexpected error." with the request id, and the detail goes to the log
 * without values, SQL text, stack traces or internal URLs.
 */
export const PUBLIC_ERROR_CODES: ReadonlySet<string> = new Set([
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "UNAUTHORIZED_FIELD_OR_TYPE",
  "SERVICE_UNAVAILABLE",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);

export function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });
}

function isPublic(code: unknown): code is string {
  return typeof code === "string" && PUBLIC_ERROR_CODES.has(code);
}

/**
 * Apollo Server's `formatError`: known errors pass with their message
 * (suggestions such as "Did you mean ..." removed, so field names are never
 * offered) and only their code; the rest are masked.
 */
export function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (isPublic(code)) {
    return {
      message: withoutSuggestions(formatted.message),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code },
    };
  }
  return {
    message: "Unexpected error.",
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  };
}

/** graphql-js appends "Did you mean ...?" to validation errors; it would reveal field and type names. */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, "");
}

/** The SQLSTATE of a database error, found through drizzle's wrapping (`cause`). */
function sqlStateOf(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/**
 * Logs the errors that get masked (class, SQLSTATE and path only: messages
 * can quote values) and stamps every error the client sees with the request
 * id, so a user's report finds the log line.
 */
export function errorReportingPlugin<C extends { requestId: string }>(logger: Logger): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (isPublic(error.extensions?.code)) continue;
            const original = error.originalError ?? error;
            logger.error(
              {
                requestId: contextValue.requestId,
                code: error.extensions?.code,
                errorClass: original.name,
                sqlState: sqlStateOf(original),
                path: error.path,
              },
              "request failed with an unexpected error",
            );
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== "single") return;
          const errors = response.body.singleResult.errors;
          if (!errors) return;
          response.body.singleResult.errors = errors.map((e) => ({
            ...e,
            extensions: { ...e.extensions, requestId: contextValue.requestId },
          }));
        },
      };
    },
  };
}
