import { isUuid } from "../../ids.js";
import type { SubgraphContext } from "../../module.js";
import type { FamiliesLoaders, FamilyRow } from "../loaders.js";

type Context = SubgraphContext<FamiliesLoaders>;

export const Family = {
  __resolveReference: (ref: { id: string }, ctx: Context) =>
    isUuid(ref.id) ? ctx.loaders.familyById.load(ref.id.toLowerCase()) : null,
  localAuthority: (family: FamilyRow, _: unknown, ctx: Context) =>
    ctx.loaders.localAuthorityByCode.load(family.localAuthorityCode),
  members: (family: FamilyRow, _: unknown, ctx: Context) => ctx.loaders.membersByFamilyId.load(family.id),
};
