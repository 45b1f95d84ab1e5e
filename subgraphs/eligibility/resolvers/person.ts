import { isUuid } from "../../ids.js";
import type { SubgraphContext } from "../../module.js";
import type { EligibilityLoaders } from "../loaders.js";

type Context = SubgraphContext<EligibilityLoaders>;
interface PersonRef {
  readonly id: string;
}

export const Person = {
  __resolveReference: (ref: PersonRef) => (isUuid(ref.id) ? { id: ref.id.toLowerCase() } : null),
  problems: (person: PersonRef, _: unknown, ctx: Context) => ctx.loaders.problemsByPersonId.load(person.id),
  indicators: (person: PersonRef, _: unknown, ctx: Context) => ctx.loaders.indicatorsByPersonId.load(person.id),
};
