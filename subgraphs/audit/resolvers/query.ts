import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { badInput } from "../../../lib/errors.js";
import type { SubgraphContext } from "../../module.js";
import { accessLog } from "../tables.js";

type Context = SubgraphContext<unknown>;
const MAX_PAGE_SIZE = 500;

interface AuditLogArgs {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly subject?: string | null;
  readonly role?: string | null;
  readonly requestId?: string | null;
}

function decodeAfter(after: string): number {
  const id = Number(Buffer.from(after, "base64url").toString("utf8").replace(/^a1:/, ""));
  if (!Number.isSafeInteger(id) || id < 1) throw badInput("after must be a nextCursor returned by this API.");
  return id;
}

export const Query = {
  async auditLog(_: unknown, args: AuditLogArgs, ctx: Context) {
    const first = args.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}.`);
    const conditions: SQL[] = [];
    if (args.after != null) conditions.push(lt(accessLog.id, decodeAfter(args.after)));
    if (args.subject != null) conditions.push(eq(accessLog.subject, args.subject));
    if (args.role != null) conditions.push(eq(accessLog.role, args.role));
    if (args.requestId != null) conditions.push(eq(accessLog.requestId, args.requestId));
    const rows = await ctx.database.db
      .select()
      .from(accessLog)
      .where(and(...conditions))
      .orderBy(desc(accessLog.id))
      .limit(first + 1);
    const page = rows.slice(0, first);
    const last = page.at(-1);
    return {
      entries: page.map((row) => ({
        ...row,
        id: String(row.id),
        occurredAt: row.occurredAt.toISOString(),
        recordCounts: Object.entries(row.recordCounts as Record<string, number>).map(([coordinate, count]) => ({ coordinate, count })),
      })),
      nextCursor: rows.length > first && last ? Buffer.from(`a1:${last.id}`).toString("base64url") : null,
    };
  },
};
