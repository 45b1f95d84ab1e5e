import { and, asc, eq, gt, type SQL } from "drizzle-orm";
import type { Cohort, FamilyStatus } from "../../../lib/domain.js";
import { badInput } from "../../../lib/errors.js";
import { decodeCursor, encodeCursor, requireId } from "../../ids.js";
import type { SubgraphContext } from "../../module.js";
import { requireLocalAuthority } from "../../validation.js";
import type { FamiliesLoaders } from "../loaders.js";
import { families, localAuthorities } from "../tables.js";

type Context = SubgraphContext<FamiliesLoaders>;

export const MAX_PAGE_SIZE = 500;

interface FamiliesArgs {
  readonly localAuthority?: string | null;
  readonly cohort?: Cohort | null;
  readonly status?: FamilyStatus | null;
  readonly first?: number | null;
  readonly after?: string | null;
}

export const Query = {
  family: (_: unknown, args: { id: string }, ctx: Context) =>
    ctx.loaders.familyById.load(requireId(args.id, "id", "a family")),

  person: (_: unknown, args: { id: string }, ctx: Context) =>
    ctx.loaders.personById.load(requireId(args.id, "id", "a person")),

  async families(_: unknown, args: FamiliesArgs, ctx: Context) {
    const first = args.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}.`);
    }
    const conditions: Array<SQL | undefined> = [];
    if (ctx.loaders.scope !== null) conditions.push(eq(families.localAuthorityCode, ctx.loaders.scope));
    if (args.localAuthority != null) {
      conditions.push(eq(families.localAuthorityCode, requireLocalAuthority(args.localAuthority, "localAuthority")));
    }
    if (args.cohort != null) conditions.push(eq(families.cohort, args.cohort));
    if (args.status != null) conditions.push(eq(families.status, args.status));
    if (args.after != null) conditions.push(gt(families.id, decodeCursor(args.after, "after")));

    // One row more than asked says whether another page follows.
    const rows = await ctx.database.db
      .select()
      .from(families)
      .where(and(...conditions))
      .orderBy(asc(families.id))
      .limit(first + 1);
    const page = rows.slice(0, first);
    for (const row of page) ctx.loaders.familyById.prime(row.id, row);
    const last = page.at(-1);
    return {
      edges: page.map((node) => ({ cursor: encodeCursor(node.id), node })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(last.id) : null },
    };
  },

  localAuthorities: (_: unknown, __: unknown, ctx: Context) =>
    ctx.database.db.select().from(localAuthorities).orderBy(asc(localAuthorities.code)),

  localAuthority: (_: unknown, args: { code: string }, ctx: Context) =>
    ctx.loaders.localAuthorityByCode.load(requireLocalAuthority(args.code, "code")),
};
