import { desc } from "drizzle-orm";
import type { SubgraphContext } from "../../module.js";
import type { LinkageReport } from "../linkage-report.js";
import type { OutcomesLoaders } from "../loaders.js";
import { linkageRuns } from "../tables.js";

type Context = SubgraphContext<OutcomesLoaders>;

export const Query = {
  async linkageReport(_: unknown, __: unknown, ctx: Context) {
    const [run] = await ctx.database.db.select().from(linkageRuns).orderBy(desc(linkageRuns.id)).limit(1);
    if (!run) return null;
    return {
      startedAt: run.startedAt.toISOString(),
      finishedAt: run.finishedAt.toISOString(),
      records: run.records,
      linked: run.linked,
      missed: run.records - run.linked,
      datasets: (run.report as LinkageReport).datasets,
    };
  },
};
