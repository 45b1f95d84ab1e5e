import type { SubgraphContext } from "../../module.js";
import type { EvaluationLoaders } from "../loaders.js";
import type { TableArguments } from "../table-request.js";

type Context = SubgraphContext<EvaluationLoaders>;

export const LocalAuthority = {
  __resolveReference: (ref: { code: string }) => (typeof ref.code === "string" ? { code: ref.code } : null),
  /** Batched: every authority of the request with the same arguments is one statement (see loaders.ts). */
  outcomes: (la: { code: string }, args: TableArguments, ctx: Context) => ctx.loaders.authorityOutcomes.load({ code: la.code, args }),
};
