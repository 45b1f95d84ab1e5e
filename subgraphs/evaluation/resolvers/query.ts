import type { Window } from "../../../lib/domain.js";
import { MEASURE_DEFINITIONS, MEASURES, type Measure } from "../../../lib/measures.js";
import type { SubgraphContext } from "../../module.js";
import { readCube } from "../cubes.js";
import { estimateImpact } from "../estimates.js";
import type { EvaluationLoaders } from "../loaders.js";
import { controlledTable } from "../outcome-tables.js";
import { tableSpec, type Dimension, type OutcomeFilter, type TableArguments } from "../table-request.js";

type Context = SubgraphContext<EvaluationLoaders>;

/** A table for the caller: checked, read from the cubes, put through disclosure control. Null when the caller may see none of it. */
async function table(args: TableArguments, ctx: Context) {
  const spec = tableSpec(args, ctx.loaders.scope);
  if (!spec) return null;
  return controlledTable(spec, await readCube(ctx.database, spec), ctx.loaders.release);
}

export const Query = {
  outcomeTable: (_: unknown, args: TableArguments & { measure: Measure }, ctx: Context) => table(args, ctx),
  cohortProfile: (_: unknown, args: { by?: Dimension[] | null; filter?: OutcomeFilter | null }, ctx: Context) =>
    table({ measure: null, by: args.by, filter: args.filter }, ctx),
  impactEstimate: (_: unknown, args: { measure: Measure; window: Window; filter?: Omit<OutcomeFilter, "cohort"> | null }, ctx: Context) =>
    estimateImpact(ctx.database, args, ctx.loaders.scope, ctx.loaders.release),
  measures: () =>
    MEASURES.map((measure) => {
      const d = MEASURE_DEFINITIONS[measure];
      return { measure, description: d.description, kind: d.kind, minimumAge: d.minAge, maximumAge: d.maxAge };
    }),
};
