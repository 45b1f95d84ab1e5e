import http from "node:http";
import { loadConfig, SUBGRAPH_NAMES } from "../../../lib/config.js";
import { openDatabase, SERVICE_SETTINGS } from "../../../lib/db/client.js";
import { createLogger } from "../../../lib/logger.js";
import { startStack } from "../../../bin/stack.js";

/**
 * Every subgraph in one process, for the benchmark, plus a bench-only
 * endpoint (BENCH_STATS_PORT) that reports and resets the SQL statements the
 * subgraphs ran, counted by the project's own instrumentation (SqlStats).
 */
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, settings: SERVICE_SETTINGS });
const stack = await startStack({ config, logger: createLogger(config.logLevel), database, services: [...SUBGRAPH_NAMES] });
const statsPort = Number(process.env.BENCH_STATS_PORT ?? 4199);
const stats = http.createServer((req, res) => {
  if (req.method === "POST") database.stats.reset();
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify({ total: database.stats.total, bySchema: database.stats.bySchema() }));
});
stats.listen(statsPort, "127.0.0.1", () => console.log(`bench subgraphs ready: ${Object.values(stack.subgraphUrls).join(" ")}`));
process.on("SIGTERM", async () => {
  stats.close();
  await stack.close();
  await database.close();
  process.exit(0);
});
