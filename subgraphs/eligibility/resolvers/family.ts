import { isUuid } from "../../ids.js";
import type { SubgraphContext } from "../../module.js";
import type { EligibilityLoaders } from "../loaders.js";

type Context = SubgraphContext<EligibilityLoaders>;
interface FamilyRef {
  readonly id: string;
}

export const Family = {
  // This subgraph only adds fields to families: a reference needs no lookup.
  __resolveReference: (ref: FamilyRef) => (isUuid(ref.id) ? { id: ref.id.toLowerCase() } : null),
  problems: (family: FamilyRef, _: unknown, ctx: Context) => ctx.loaders.problemsByFamilyId.load(family.id),
  indicators: (family: FamilyRef, _: unknown, ctx: Context) => ctx.loaders.indicatorsByFamilyId.load(family.id),
};
