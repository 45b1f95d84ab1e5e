import type { SubgraphContext } from "../../module.js";
import type { FamiliesLoaders, LocalAuthorityRow } from "../loaders.js";

type Context = SubgraphContext<FamiliesLoaders>;

export const LocalAuthority = {
  __resolveReference: (ref: { code: string }, ctx: Context) =>
    typeof ref.code === "string" ? ctx.loaders.localAuthorityByCode.load(ref.code) : null,
  region: (la: LocalAuthorityRow) => ({ code: la.regionCode, name: la.regionName }),
};
