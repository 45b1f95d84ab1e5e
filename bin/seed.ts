import { loadConfig } from "../lib/config.js";
import { openDatabase, redactUrl } from "../lib/db/client.js";
import { migrate } from "../lib/db/migrate.js";
import { loadOrCreateSecret } from "../lib/secrets.js";
import { runSeed, type SeedProgress, type SeedSummary } from "../seed/index.js";
import { cli, run } from "./cli.js";

const SCALES = { test: 200, default: 5_000, national: 400_000 } as const;

const USAGE = `Usage: npm run seed -- [--families N | --scale test|default|national] [--seed N] [--no-effect]

Replaces the data in the database (DATABASE_URL, or the embedded one in DATA_DIR)
with a synthetic, deterministic seed: families, people, eligibility, departmental
records, linkage and the research extract.`;

const { fail, parse } = cli(USAGE);

run(async () => {
  const args = parse({
    families: { type: "string" },
    scale: { type: "string" },
    seed: { type: "string" },
    "no-effect": { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  });
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  if (args.families && args.scale) fail("Give --families or --scale, not both.");
  let families = config.seedFamilies;
  if (args.scale) {
    if (!(args.scale in SCALES)) fail(`--scale must be one of ${Object.keys(SCALES).join(", ")}.`);
    families = SCALES[args.scale as keyof typeof SCALES];
  }
  if (args.families !== undefined) {
    families = Number(args.families);
    if (!Number.isInteger(families) || families < 1 || families > 2_000_000) fail("--families must be a whole number from 1 to 2000000.");
  }
  const seed = args.seed === undefined ? config.seed : Number(args.seed);
  if (!Number.isInteger(seed) || seed < 0) fail("--seed must be a whole number, 0 or more.");

  const target = config.databaseUrl ? redactUrl(config.databaseUrl) : `the embedded database in ${config.dataDir}`;
  console.error(`Seeding ${families} families (seed ${seed}${args["no-effect"] ? ", no planted effect" : ""}) into ${target}.`);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    // Linkage and the extract hash-join and aggregate millions of rows; the
    // default 4 MB per operation sends them to disk.
    settings: { work_mem: "256MB", maintenance_work_mem: "512MB" },
  });
  try {
    await migrate(database);
    const summary = await runSeed(database, {
      families,
      seed,
      noEffect: args["no-effect"],
      pseudonymKey: config.pseudonymKey ?? loadOrCreateSecret(config.dataDir, "pseudonym-key"),
      onProgress: showProgress,
    });
    printSummary(summary);
  } finally {
    await database.close();
  }
});

const PHASES: Record<SeedProgress["phase"], string> = {
  generate: "generating and loading",
  index: "restoring keys and indexes",
  link: "linking departmental records",
  extract: "building the research extract",
};

function showProgress(p: SeedProgress): void {
  const seconds = p.elapsedMs / 1000;
  let line = `${PHASES[p.phase]}: ${p.families}/${p.totalFamilies} families, ${p.rows.toLocaleString("en-GB")} rows, ${seconds.toFixed(1)} s`;
  if (p.phase === "generate" && p.families > 0 && p.families < p.totalFamilies) {
    const rate = p.rows / seconds;
    const left = (seconds / p.families) * (p.totalFamilies - p.families);
    line += `, ${Math.round(rate).toLocaleString("en-GB")} rows/s, about ${Math.ceil(left)} s left`;
  }
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${line}`);
  else if (p.phase !== "generate" || p.families === p.totalFamilies) console.error(line);
}

function printSummary(s: SeedSummary): void {
  if (process.stderr.isTTY) process.stderr.write("\n");
  const n = (x: number) => x.toLocaleString("en-GB");
  console.log(`Seeded ${n(s.families)} families with seed ${s.seed}${s.noEffect ? " (no planted effect)" : ""} in ${(s.timingsMs.total / 1000).toFixed(1)} s.`);
  console.log("Rows:");
  for (const [table, count] of Object.entries(s.rows)) console.log(`  ${table.padEnd(22)} ${n(count).padStart(12)}`);
  console.log(`Linkage: ${n(s.linkage.linked)} of ${n(s.linkage.records)} departmental records linked (${((100 * s.linkage.linked) / Math.max(1, s.linkage.records)).toFixed(1)}%), ${n(s.linkage.records - s.linkage.linked)} missed.`);
  for (const d of s.linkage.report.datasets) {
    console.log(
      `  ${d.dataset.padEnd(22)} ${n(d.records).padStart(10)} records: NINo ${n(d.linkedByNino)}, UPN ${n(d.linkedByUpn)}, name+DOB+postcode ${n(d.linkedByNameDobPostcode)}, missed ${n(d.missed)} (ambiguous ${n(d.ambiguous)})`,
    );
  }
  console.log(`Research extract: ${n(s.extract.people)} people, ${n(s.extract.rows)} person-window rows.`);
  const t = s.timingsMs;
  console.log(`Time: generate+load ${(t.generate / 1000).toFixed(1)} s, link ${(t.link / 1000).toFixed(1)} s, extract ${(t.extract / 1000).toFixed(1)} s, keys and indexes ${(t.index / 1000).toFixed(1)} s.`);
}

