import { GraphQLError, type GraphQLSchema } from "graphql";
import type { ApolloServerPlugin } from "@apollo/server";
import { LRUCache } from "lru-cache";
import { planAccess, type AccessPlan, type PrivacyModel } from "../lib/privacy/access-plan.js";
import { readClasses } from "../lib/privacy/classes.js";
import { selected, UNAUTHORIZED_CODE, UNAUTHORIZED_MESSAGE } from "../lib/privacy/response.js";
import type { SubgraphContext } from "./module.js";

/**
 * The subgraph's own enforcement of the policy, from the classes in its own
 * SDL. The gateway has already removed what the caller may not see, so a
 * legitimate call never trips it: anything that does (a call that reached
 * the subgraph some other way, `_entities` included) is refused whole, before
 * it executes. Introspection and the SDL (`_service`) are not served.
 */
export function subgraphPrivacyPlugin(schema: GraphQLSchema): ApolloServerPlugin<SubgraphContext<unknown>> {
  const model: PrivacyModel = {
    schema,
    classes: readClasses(schema),
    // Entities are resolved field by field; each field is checked on its own.
    alwaysAllowed: new Set(["Query._entities"]),
  };
  const plans = new LRUCache<string, AccessPlan | "none">({ max: 2_000 });
  return {
    requestDidStart: async ({ contextValue }) => ({
      didResolveOperation: async ({ document, operationName, source, request }) => {
        const key = `${contextValue.caller.role}\u0000${operationName ?? ""}\u0000${source}`;
        let plan = plans.get(key);
        if (plan === undefined) {
          plan = planAccess(model, contextValue.caller.role, document, operationName, source) ?? "none";
          plans.set(key, plan);
        }
        if (plan === "none") return;
        if (plan.introspection || plan.removed.some((r) => selected(r.conditions, request.variables))) {
          throw new GraphQLError(UNAUTHORIZED_MESSAGE, { extensions: { code: UNAUTHORIZED_CODE, http: { status: 403 } } });
        }
      },
    }),
  };
}
