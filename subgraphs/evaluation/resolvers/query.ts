import { MEASURE_DEFINITIONS, MEASURES } from "../../../lib/measures.js";
import { rowScope } from "../../../lib/privacy/policy.js";
import type { SubgraphContext } from "../../module.js";
import { countOutcomes, type CountsRequest } from "../counts.js";

type Context = SubgraphContext<unknown>;

export const Query = {
  outcomeCounts: (_: unknown, args: CountsRequest, ctx: Context) =>
    countOutcomes(ctx.database, args, rowScope(ctx.caller, "aggregate")),
  measures: () =>
    MEASURES.map((measure) => {
      const d = MEASURE_DEFINITIONS[measure];
      return { measure, description: d.description, kind: d.kind, minimumAge: d.minAge, maximumAge: d.maxAge };
    }),
};
