import { isUuid } from "../../ids.js";
import type { SubgraphContext } from "../../module.js";
import type { OutcomesLoaders } from "../loaders.js";

type Context = SubgraphContext<OutcomesLoaders>;
interface PersonRef {
  readonly id: string;
}

export const Person = {
  // Outcomes only adds fields to people: a reference needs no lookup.
  __resolveReference: (ref: PersonRef) => (isUuid(ref.id) ? { id: ref.id.toLowerCase() } : null),
  offences: (p: PersonRef, _: unknown, ctx: Context) => ctx.loaders.offences.load(p.id),
  schoolAttendance: (p: PersonRef, _: unknown, ctx: Context) => ctx.loaders.schoolAttendance.load(p.id),
  exclusions: (p: PersonRef, _: unknown, ctx: Context) => ctx.loaders.exclusions.load(p.id),
  benefitSpells: (p: PersonRef, _: unknown, ctx: Context) => ctx.loaders.benefitSpells.load(p.id),
  childrenInNeedEpisodes: (p: PersonRef, _: unknown, ctx: Context) => ctx.loaders.childrenInNeedEpisodes.load(p.id),
  healthContacts: (p: PersonRef, _: unknown, ctx: Context) => ctx.loaders.healthContacts.load(p.id),
  drugTreatment: (p: PersonRef, _: unknown, ctx: Context) => ctx.loaders.drugTreatment.load(p.id),
  linkedRecords: (p: PersonRef, _: unknown, ctx: Context) => ctx.loaders.linkedRecords.load(p.id),
};
