import { execute, GraphQLError, parse, validate, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema } from "graphql";
import type { ApolloServerPlugin } from "@apollo/server";
import { LRUCache } from "lru-cache";
import type { Role } from "../lib/auth/caller.js";
import { withoutSuggestions } from "../lib/errors.js";
import { planAccess, type AccessPlan, type FieldOccurrence, type PrivacyModel } from "../lib/privacy/access-plan.js";
import { contractSchema, privacyModel } from "../lib/privacy/contract.js";
import { AUDITED_CLASSES, AUDITED_ROLES } from "../lib/privacy/policy.js";
import { countValues, nullRemoved, selected, unauthorizedErrors } from "../lib/privacy/response.js";
import type { Logger } from "../lib/logger.js";
import { AuditUnavailableError, documentHash, type AuditLog } from "./audit.js";
import type { GatewayContext } from "./context.js";
import { disclosureModel, enforceThreshold, planDisclosure, ReservedAliasError, type DisclosureModel, type DisclosurePlan } from "./disclosure.js";

/**
 * Privacy enforcement in the gateway, before anything is planned:
 *
 * 1. `prepare` (called by the HTTP layer with the request body) rewrites the
 *    operation so that fields the caller may not see are never planned or
 *    fetched, or answers introspection from the caller's own contract, or
 *    rejects the whole operation when AUTHZ_REJECT_UNAUTHORIZED is set. The
 *    rewritten text is what Apollo Server parses, caches and plans, so every
 *    cache downstream is keyed by what the caller may see.
 * 2. The plugin sets each removed field to null with an error, counts the
 *    identifier and linked-data values returned, and writes the audit row
 *    before the response leaves; if the row cannot be written, no data does.
 * 3. Aggregate cells are checked against the disclosure threshold on their
 *    way out (gateway/disclosure.ts): the counts they need are added to the
 *    operation in step 1, and a cell below the threshold is withheld.
 */

interface Body {
  readonly query: string;
  readonly operationName?: string | null;
  readonly variables?: Record<string, unknown> | null;
}

type Prepared =
  | { readonly kind: "pass" }
  | { readonly kind: "plan"; readonly plan: AccessPlan; readonly hash: string; readonly disclosure: DisclosurePlan | undefined }
  | { readonly kind: "reserved" }
  | { readonly kind: "introspection"; readonly document: DocumentNode; readonly hash: string }
  | { readonly kind: "mixed" };

export type PrepareResult = { readonly body: unknown } | { readonly status: number; readonly body: unknown };

/** What the plugin needs to finish an operation's enforcement. */
export interface GatewayAccess {
  readonly plan: AccessPlan;
  readonly hash: string;
  readonly operationName: string | undefined;
  readonly variables: Record<string, unknown> | undefined;
  readonly disclosure: DisclosurePlan | undefined;
}

const UNAUTHORIZED_REJECTION = "The operation asks for fields the caller may not see.";

function isBody(body: unknown): body is Body {
  return typeof body === "object" && body !== null && !Array.isArray(body) && typeof (body as Body).query === "string";
}

export class GatewayPrivacy {
  private model: PrivacyModel | undefined;
  private disclosure: DisclosureModel = { cells: new Map() };
  private readonly contracts = new Map<Role, GraphQLSchema>();
  private readonly prepared = new LRUCache<string, Prepared>({ max: 2_000 });

  constructor(
    private readonly options: {
      readonly rejectUnauthorized: boolean;
      readonly audit: AuditLog;
      readonly logger: Logger;
      /** Aggregate cells with a count below this never leave the gateway. */
      readonly disclosureThreshold: number;
    },
  ) {}

  /** Called whenever the gateway loads its supergraph: the classes come from the composed directives. */
  setSupergraph(apiSchema: GraphQLSchema, supergraphSdl: string): void {
    this.model = privacyModel(apiSchema, supergraphSdl);
    this.disclosure = disclosureModel(supergraphSdl);
    this.contracts.clear();
    this.prepared.clear();
  }

  private contract(role: Role): GraphQLSchema {
    let schema = this.contracts.get(role);
    if (!schema) {
      schema = contractSchema(this.requireModel(), role);
      this.contracts.set(role, schema);
    }
    return schema;
  }

  private requireModel(): PrivacyModel {
    if (!this.model) throw new Error("the gateway has not loaded its supergraph");
    return this.model;
  }

  private prepare0(role: Role, body: Body): Prepared {
    const key = `${role}\u0000${body.operationName ?? ""}\u0000${body.query}`;
    const cached = this.prepared.get(key);
    if (cached) return cached;
    const model = this.requireModel();
    let result: Prepared = { kind: "pass" };
    let document: DocumentNode | undefined;
    try {
      document = parse(body.query);
    } catch {
      // Apollo Server reports the syntax error itself; nothing runs.
    }
    // Invalid operations pass untouched: Apollo Server answers them with 400 and runs nothing.
    if (document && validate(model.schema, document).length === 0) {
      const plan = planAccess(model, role, document, body.operationName, body.query);
      if (plan?.introspection) result = plan.data ? { kind: "mixed" } : { kind: "introspection", document, hash: documentHash(body.query) };
      else if (plan) {
        try {
          const kept = plan.changed ? parse(plan.query) : document;
          const disclosure = planDisclosure(this.disclosure, model.schema, kept, body.operationName);
          result = { kind: "plan", plan, hash: documentHash(body.query), disclosure };
        } catch (err) {
          if (!(err instanceof ReservedAliasError)) throw err;
          result = { kind: "reserved" };
        }
      }
    }
    this.prepared.set(key, result);
    return result;
  }

  /** Decides what to do with a request body; see the module comment. */
  async prepare(body: unknown, context: GatewayContext): Promise<PrepareResult> {
    if (!isBody(body)) return { body };
    const { caller } = context;
    const prepared = this.prepare0(caller.role, body);
    const variables = body.variables ?? undefined;
    switch (prepared.kind) {
      case "pass":
        return { body };
      case "mixed":
        return {
          status: 400,
          body: {
            errors: [
              {
                message: "Send introspection (__schema, __type) in an operation of its own.",
                extensions: { code: "BAD_REQUEST", requestId: caller.requestId },
              },
            ],
          },
        };
      case "reserved":
        return {
          status: 400,
          body: { errors: [{ message: new ReservedAliasError().message, extensions: { code: "BAD_REQUEST", requestId: caller.requestId } }] },
        };
      case "introspection":
        return this.introspect(prepared.document, prepared.hash, body, context);
      case "plan": {
        const { plan } = prepared;
        if (this.options.rejectUnauthorized) {
          const errors = unauthorizedErrors(plan.removed, variables);
          if (errors.length > 0) {
            await this.audit(context, plan, prepared.hash, body.operationName ?? undefined, variables, undefined);
            return {
              status: 403,
              body: {
                errors: [
                  { message: UNAUTHORIZED_REJECTION, extensions: { code: "UNAUTHORIZED_FIELD_OR_TYPE", requestId: caller.requestId } },
                  ...errors.map((e) => ({ ...e, extensions: { ...e.extensions, requestId: caller.requestId } })),
                ],
              },
            };
          }
        }
        const { disclosure } = prepared;
        context.access = { plan, hash: prepared.hash, operationName: body.operationName ?? undefined, variables, disclosure };
        const query = disclosure?.query ?? (plan.changed ? plan.query : undefined);
        return { body: query ? { ...body, query } : body };
      }
    }
  }

  /** Introspection answers from the caller's contract: what the role may query, nothing else. */
  private async introspect(document: DocumentNode, hash: string, body: Body, context: GatewayContext): Promise<PrepareResult> {
    const schema = this.contract(context.caller.role);
    const requestId = context.caller.requestId;
    const invalid = validate(schema, document);
    if (invalid.length > 0) {
      return {
        status: 400,
        body: {
          errors: invalid.map((e) => ({ message: withoutSuggestions(e.message), extensions: { code: "GRAPHQL_VALIDATION_FAILED", requestId } })),
        },
      };
    }
    const result = await execute({ schema, document, operationName: body.operationName, variableValues: body.variables ?? undefined });
    if (AUDITED_ROLES.has(context.caller.role)) {
      try {
        await this.options.audit.record({
          caller: context.caller,
          operationName: body.operationName ?? undefined,
          documentHash: hash,
          coordinates: [],
          recordCounts: {},
          denied: [],
        });
      } catch (err) {
        if (err instanceof AuditUnavailableError) return auditFailure(requestId);
        throw err;
      }
    }
    const errors = result.errors?.map((e: GraphQLError) => ({ message: e.message, path: e.path, extensions: { code: "BAD_USER_INPUT", requestId } }));
    return { status: 200, body: errors ? { data: result.data, errors } : { data: result.data } };
  }

  /**
   * Writes the audit row when the operation touched (or was refused)
   * identifiers or linked data, or the caller is an administrator.
   */
  private async audit(
    context: GatewayContext,
    plan: AccessPlan,
    hash: string,
    operationName: string | undefined,
    variables: Record<string, unknown> | undefined,
    data: Record<string, unknown> | null | undefined,
  ): Promise<void> {
    const model = this.requireModel();
    const audited = (o: FieldOccurrence) => [...(model.classes.get(o.coordinate) ?? [])].some((c) => AUDITED_CLASSES.has(c));
    const touched = plan.audited.filter((o) => selected(o.conditions, variables));
    const denied = plan.removed.filter((o) => selected(o.conditions, variables));
    if (touched.length === 0 && !denied.some(audited) && !AUDITED_ROLES.has(context.caller.role)) return;
    await this.options.audit.record({
      caller: context.caller,
      operationName,
      documentHash: hash,
      coordinates: [...new Set(touched.map((o) => o.coordinate))],
      recordCounts: countValues(data, touched, variables),
      denied: [...new Set(denied.map((o) => o.coordinate))],
    });
  }

  /** The threshold check of every aggregate cell in a response; a cell that fails is withheld and the incident logged, without values. */
  private checkCells(
    result: { data?: Record<string, unknown> | null; errors?: readonly GraphQLFormattedError[] },
    plan: DisclosurePlan,
    variables: Record<string, unknown> | undefined,
    requestId: string,
  ): void {
    try {
      const { withheld } = enforceThreshold(result.data, plan, variables, this.options.disclosureThreshold);
      for (const [type, cells] of Object.entries(withheld)) {
        this.options.logger.warn({ requestId, type, cells }, "aggregate cells below the disclosure threshold withheld at the gateway");
      }
    } catch {
      // A cell that cannot be withheld on its own: nothing of the response leaves.
      this.options.logger.error({ requestId }, "aggregate cells could not be checked: response withheld");
      result.data = null;
      result.errors = [{ message: "Unexpected error.", extensions: { code: "INTERNAL_SERVER_ERROR", requestId } }];
    }
  }

  /** Finishes enforcement on the response, and audits it, before it is sent. */
  plugin(): ApolloServerPlugin<GatewayContext> {
    return {
      requestDidStart: async () => ({
        willSendResponse: async ({ response, contextValue }) => {
          const access = contextValue.access;
          if (!access || response.body.kind !== "single") return;
          const result = response.body.singleResult;
          // Removed fields answer null, with one error each; the rest of the operation stands.
          if ("data" in result) result.data = nullRemoved(result.data, access.plan.removed, access.variables);
          const errors: GraphQLFormattedError[] = unauthorizedErrors(access.plan.removed, access.variables);
          if (errors.length > 0) result.errors = [...(result.errors ?? []), ...errors];
          if (access.disclosure) this.checkCells(result, access.disclosure, access.variables, contextValue.requestId);
          try {
            await this.audit(contextValue, access.plan, access.hash, access.operationName, access.variables, result.data);
          } catch (err) {
            if (!(err instanceof AuditUnavailableError)) throw err;
            this.options.logger.error({ requestId: contextValue.requestId }, "audit row not written: response withheld");
            const failure = auditFailure(contextValue.requestId);
            response.http.status = failure.status;
            response.body.singleResult = failure.body as typeof result;
          }
        },
      }),
    };
  }
}

function auditFailure(requestId: string): { status: number; body: unknown } {
  return {
    status: 503,
    body: {
      errors: [
        {
          message: "The access could not be recorded in the audit log, so no data is returned. Try again later.",
          extensions: { code: "AUDIT_UNAVAILABLE", requestId },
        },
      ],
    },
  };
}
