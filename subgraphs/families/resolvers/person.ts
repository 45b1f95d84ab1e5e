import { isUuid } from "../../ids.js";
import type { SubgraphContext } from "../../module.js";
import { ageOn, type FamiliesLoaders, type PersonRow } from "../loaders.js";

type Context = SubgraphContext<FamiliesLoaders>;

export const Person = {
  __resolveReference: (ref: { id: string }, ctx: Context) =>
    isUuid(ref.id) ? ctx.loaders.personById.load(ref.id.toLowerCase()) : null,
  family: (person: PersonRow, _: unknown, ctx: Context) => ctx.loaders.familyById.load(person.familyId),
  async ageAtAssessment(person: PersonRow, _: unknown, ctx: Context) {
    const family = await ctx.loaders.familyById.load(person.familyId);
    return family ? ageOn(person.dateOfBirth, family.assessmentDate) : null;
  },
};
