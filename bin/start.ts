import { loadConfig, SUBGRAPH_NAMES } from "../lib/config.js";
import { openDatabase, redactUrl, SERVICE_SETTINGS } from "../lib/db/client.js";
import { migrate } from "../lib/db/migrate.js";
import { createLogger } from "../lib/logger.js";
import { loadOrCreateSecret } from "../lib/secrets.js";
import { runSeed } from "../seed/index.js";
import { latestRun } from "../seed/runs.js";
import { cli, run } from "./cli.js";
import { startStack, type Service } from "./stack.js";

const USAGE = `Usage: npm start [-- --only gateway|${SUBGRAPH_NAMES.join("|")}]

Without --only: the gateway and every subgraph in this process, on the
embedded database (or DATABASE_URL), migrated and seeded on first start.
With --only: that one service, for deployment as separate services (they then
need DATABASE_URL, seeded beforehand with npm run seed; the gateway writes its
audit log there).`;

const { fail, parse } = cli(USAGE);

run(async () => {
  const { only } = parse({ only: { type: "string" } });
  if (only && only !== "gateway" && !(SUBGRAPH_NAMES as readonly string[]).includes(only)) {
    fail(`--only must be gateway or one of ${SUBGRAPH_NAMES.join(", ")}.`);
  }
  const services: Service[] = only ? [only as Service] : ["gateway", ...SUBGRAPH_NAMES];
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const started = Date.now();

  const where = config.databaseUrl ? redactUrl(config.databaseUrl) : `the embedded database in ${config.dataDir}`;
  console.log(`Opening ${where} ...`);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, settings: SERVICE_SETTINGS });
  await migrate(database);
  const last = await latestRun(database);
  if (last?.status !== "ready") {
    if (only) {
      console.error(
        `${where} holds no complete seed (${last ? `the last run is ${last.status}` : "it was never seeded"}). Run npm run seed first.`,
      );
      await database.close();
      process.exit(1);
    }
    console.log(
      `${last ? `The last seed ${last.note ? `needs running again (${last.note})` : "did not finish"}; seeding again` : "First start: seeding"} ${config.seedFamilies} families (seed ${config.seed}) ...`,
    );
    const summary = await runSeed(database, {
      families: config.seedFamilies,
      seed: config.seed,
      pseudonymKey: config.pseudonymKey ?? loadOrCreateSecret(config.dataDir, "pseudonym-key"),
    });
    console.log(
      `Seeded ${summary.families} families, ${summary.extract.people} people; linked ${summary.linkage.linked} of ${summary.linkage.records} departmental records (${(summary.timingsMs.total / 1000).toFixed(1)} s).`,
    );
  }

  const stack = await startStack({ config, logger, database, services });
  for (const [name, url] of Object.entries(stack.subgraphUrls)) console.log(`Subgraph ${name} at ${url}`);
  if (stack.gatewayUrl) {
    console.log(`
Gateway ready at ${stack.gatewayUrl} (${((Date.now() - started) / 1000).toFixed(1)} s after start).
${
  config.auth.mode === "dev"
    ? `Get a development token, then query:
  TOKEN=$(npm run --silent token -- --role researcher)
  curl -s ${stack.gatewayUrl} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\
    -d '{"query":"{ families(first: 2) { edges { node { id cohort members { relationship } } } } }"}'
Roles: la_officer (with --la E08000003), linkage, researcher, analyst, admin.`
    : `Tokens are verified against ${config.auth.issuer}.`
}`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    await stack.close();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
});
