import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { exportSPKI } from "jose";
import { DEV_ISSUER, loadConfig, SUBGRAPH_NAMES, type SubgraphName } from "../../lib/config.js";
import { InternalContext } from "../../lib/auth/internal-context.js";
import { loadOrCreateDevIssuer, signDevToken } from "../../lib/auth/dev-issuer.js";
import { openDatabase, redactUrl } from "../../lib/db/client.js";
import { dataIsReady } from "../../seed/runs.js";
import { SUPERGRAPH_PATH } from "../../schema/compose.js";
import { scenarios, type Scenario } from "./scenarios.js";
import type { Role } from "../../lib/auth/caller.js";

/**
 * `npm run bench`: every query shape through our gateway and two peers (a
 * stock Apollo gateway, and Hive Gateway with its Rust query planner), over
 * the same subgraphs, supergraph and PostgreSQL, with the load generated from
 * this process and every server in its own. See README "Benchmark".
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const PEERS = path.join(ROOT, "test/bench/peers");
const TARGETS = ["ours", "apollo", "hive"] as const;
type Target = (typeof TARGETS)[number] | "direct";

const PORTS = { ours: 4100, apollo: 4110, hive: 4120, stats: 4199, subgraph: 4101 } as const;
const subgraphPort = (name: SubgraphName) => PORTS.subgraph + SUBGRAPH_NAMES.indexOf(name);
const subgraphUrl = (name: SubgraphName) => `http://127.0.0.1:${subgraphPort(name)}/graphql`;

const USAGE = `Usage: npm run bench -- [--duration seconds] [--latency-duration seconds] [--connections n] [--targets ours,apollo,hive]
                       [--scenarios a,b,c,d,e,e-via,t-...,i] [--role researcher] [--json] [--profile]

Needs DATABASE_URL: a seeded PostgreSQL (npm run seed -- --scale national for the
published numbers). Installs the peer gateways under test/bench/peers on first use.`;

interface Row {
  readonly scenario: string;
  readonly title: string;
  readonly target: Target;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly requests: number;
  /** Median and 99th percentile with one connection: latency, not queueing. */
  readonly p50LightMs: number;
  readonly p99LightMs: number;
  /** SQL statements per request, per schema (subgraphs), plus audit rows written by our gateway. */
  readonly sqlPerRequest: Record<string, number>;
}

function parse() {
  try {
    return parseArgs({
      options: {
        duration: { type: "string", default: "15" },
        "latency-duration": { type: "string", default: "5" },
        connections: { type: "string", default: "16" },
        targets: { type: "string", default: TARGETS.join(",") },
        scenarios: { type: "string", default: "a,b,c,d,e,e-via,t-none,t-region,t-la,t-cohort-sex,t-region-age,t-la-cohort,t-la-age,t-la-age-1w,t-problem-age,i" },
        role: { type: "string", default: "researcher" },
        json: { type: "boolean", default: false },
        profile: { type: "boolean", default: false },
      },
      strict: true,
    }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}

const args = parse();
const log = (line: string) => (args.json ? console.error(line) : console.log(line));

function start(name: string, command: string, argv: string[], env: Record<string, string>, ready: RegExp, cwd = ROOT): Promise<ChildProcess> {
  const child = spawn(command, argv, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 120 s:\n${output.slice(-2000)}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) before it was ready:\n${output.slice(-2000)}`));
    });
  });
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  // Hive Gateway does not exit on the first SIGTERM.
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

function ensurePeersInstalled(): void {
  if (fs.existsSync(path.join(PEERS, "node_modules/.bin/hive-gateway"))) return;
  log("Installing the peer gateways under test/bench/peers (first run only) ...");
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: PEERS, stdio: "inherit" });
  if (result.status !== 0) throw new Error("could not install the peer gateways");
}

async function sqlStats(reset: boolean): Promise<Record<string, number>> {
  const response = await fetch(`http://127.0.0.1:${PORTS.stats}/`, { method: reset ? "POST" : "GET" });
  return ((await response.json()) as { bySchema: Record<string, number> }).bySchema;
}

async function load(url: string, headers: Record<string, string>, scenario: Scenario, seconds: number, connections: number) {
  let graphqlErrors = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        setupRequest: (request) => ({ ...request, body: JSON.stringify({ query: scenario.query, variables: scenario.variables() }) }),
        onResponse: (status, body) => {
          if (status === 200 && body.includes('"errors"')) graphqlErrors++;
        },
      },
    ],
  });
  return { result, graphqlErrors };
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl) {
    console.error(`The benchmark needs PostgreSQL: set DATABASE_URL.\n\n${USAGE}`);
    process.exit(2);
  }
  const seconds = Number(args.duration);
  const connections = Number(args.connections);
  const targets = args.targets.split(",").filter((t): t is (typeof TARGETS)[number] => (TARGETS as readonly string[]).includes(t));
  const database = await openDatabase({ databaseUrl: config.databaseUrl, poolSize: 2 });
  if (!(await dataIsReady(database))) throw new Error("the database holds no finished seed: run npm run seed first");
  const [{ families } = { families: 0 }] = await database.query<{ families: number }>(`select count(*)::int as families from families.families`);
  const familyIds = (await database.query<{ id: string }>(`select id from families.families order by random() limit 5000`)).map((r) => r.id);
  const chosen = scenarios(familyIds).filter((s) => args.scenarios.split(",").includes(s.id));
  log(`Benchmark on ${redactUrl(config.databaseUrl)}: ${families.toLocaleString("en-GB")} families; ${seconds} s a run, ${connections} connections, role ${args.role}.`);

  const secret = crypto.randomBytes(32).toString("base64url");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tf-bench-"));
  const supergraph = path.join(dataDir, "supergraph.graphql");
  fs.writeFileSync(
    supergraph,
    fs.readFileSync(SUPERGRAPH_PATH, "utf8").replace(/http:\/\/127\.0\.0\.1:400(\d)\/graphql/g, (_, n) => `http://127.0.0.1:${PORTS.subgraph + Number(n) - 1}/graphql`),
  );
  // Every process runs as production runs it (NODE_ENV=production: graphql-js
  // then skips its development-mode checks), so our services verify tokens
  // from a configured issuer: the benchmark's own key, given as a public key.
  const issuer = await loadOrCreateDevIssuer(dataDir);
  const production = { NODE_ENV: "production" };
  const common = {
    ...production,
    DATABASE_URL: config.databaseUrl,
    INTERNAL_SECRET: secret,
    PSEUDONYM_KEY: crypto.randomBytes(16).toString("hex"),
    AUTH_PUBLIC_KEY: await exportSPKI(issuer.publicKey),
    AUTH_ISSUER: DEV_ISSUER,
    AUTH_ALGORITHMS: "EdDSA",
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
  };
  const portEnv = Object.fromEntries(SUBGRAPH_NAMES.flatMap((n) => [[`${n.toUpperCase()}_PORT`, String(subgraphPort(n))], [`${n.toUpperCase()}_URL`, subgraphUrl(n)]]));
  const tsx = ["--import", "tsx"];
  // Our services' runtime flags, as in the start script.
  const ourFlags = ["--max-semi-space-size=32"];
  const children: ChildProcess[] = [];
  try {
    const profile = args.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.join(ROOT, ".bench/profiles")}`] : [];
    children.push(
      await start("subgraphs", process.execPath, [...ourFlags, ...profile, ...tsx, "test/bench/servers/subgraphs.ts"], { ...common, ...portEnv, BENCH_STATS_PORT: String(PORTS.stats) }, /bench subgraphs ready/),
    );
    const urls: Partial<Record<Target, string>> = { direct: subgraphUrl("families") };
    if (targets.includes("ours")) {
      children.push(await start("our gateway", process.execPath, [...ourFlags, ...profile, ...tsx, "bin/start.ts", "--only", "gateway"], { ...common, ...portEnv, PORT: String(PORTS.ours) }, /Gateway ready/));
      urls.ours = `http://127.0.0.1:${PORTS.ours}/graphql`;
    }
    if (targets.includes("apollo")) {
      children.push(await start("stock Apollo gateway", process.execPath, [...tsx, "test/bench/servers/apollo-stock.ts"], { ...production, SUPERGRAPH_PATH: supergraph, PORT: String(PORTS.apollo) }, /ready at/));
      urls.apollo = `http://127.0.0.1:${PORTS.apollo}/`;
    }
    if (targets.includes("hive")) {
      ensurePeersInstalled();
      children.push(
        await start(
          "Hive Gateway",
          path.join(PEERS, "node_modules/.bin/hive-gateway"),
          ["supergraph", supergraph, "--hive-router-runtime", "--port", String(PORTS.hive), "--host", "127.0.0.1", "-c", path.join(PEERS, "gateway.config.ts")],
          production,
          /listening|Serving|started/i,
          PEERS,
        ),
      );
      urls.hive = `http://127.0.0.1:${PORTS.hive}/graphql`;
    }

    const role = args.role as Role;
    const tokens = new Map<Role, string>();
    for (const r of new Set<Role>([role, ...chosen.flatMap((s) => (s.role ? [s.role] : []))])) {
      tokens.set(r, await signDevToken(issuer, { role: r, ttlSeconds: 3600 }));
    }
    const context = await new InternalContext(secret).sign({ subject: "bench", role, localAuthority: undefined }, 3600);
    const headersFor = (target: Target, scenario: Scenario): Record<string, string> =>
      target === "ours" ? { authorization: `Bearer ${tokens.get(scenario.role ?? role)}` } : { "x-tf-context": context };

    log(`scenario target   throughput (${connections} connections)                      | latency at light load        | SQL statements per request`);
    const rows: Row[] = [];
    for (const scenario of chosen) {
      // A scenario with a role of its own needs a gateway that knows roles: ours.
      const runOn: Target[] = scenario.via === "families-subgraph" ? ["direct"] : scenario.role ? targets.filter((t) => t === "ours") : targets;
      for (const target of runOn) {
        const url = urls[target] as string;
        await load(url, headersFor(target, scenario), scenario, Math.min(3, seconds), connections); // warm-up
        await sqlStats(true);
        const [{ n: auditBefore } = { n: 0 }] = await database.query<{ n: number }>(`select count(*)::int as n from audit.access_log`);
        const { result, graphqlErrors } = await load(url, headersFor(target, scenario), scenario, seconds, connections);
        const sql = await sqlStats(false);
        const [{ n: auditAfter } = { n: 0 }] = await database.query<{ n: number }>(`select count(*)::int as n from audit.access_log`);
        const light = await load(url, headersFor(target, scenario), scenario, Number(args["latency-duration"]), 1);
        const requests = Math.max(1, result.requests.total);
        const sqlPerRequest = Object.fromEntries(Object.entries(sql).map(([schema, n]) => [schema, round(n / requests, 2)]));
        if (auditAfter > auditBefore) sqlPerRequest.audit = round((auditAfter - auditBefore) / requests, 2);
        const row: Row = {
          scenario: scenario.id,
          title: scenario.title,
          target,
          requestsPerSecond: round(result.requests.average, 1),
          p50Ms: result.latency.p50,
          p99Ms: result.latency.p99,
          errors: result.errors + result.non2xx + result.timeouts + graphqlErrors,
          requests: result.requests.total,
          p50LightMs: light.result.latency.p50,
          p99LightMs: light.result.latency.p99,
          sqlPerRequest,
        };
        rows.push(row);
        log(formatRow(row));
      }
    }
    report(rows);
  } finally {
    for (const child of children.reverse()) await stop(child);
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function formatRow(r: Row): string {
  const sql = Object.entries(r.sqlPerRequest).map(([k, v]) => `${k} ${v}`).join(", ") || "none";
  return `(${r.scenario.padEnd(5)}) ${r.target.padEnd(7)} ${String(r.requestsPerSecond).padStart(8)} req/s  p50 ${String(r.p50Ms).padStart(5)} ms  p99 ${String(r.p99Ms).padStart(5)} ms  | 1 connection: p50 ${String(r.p50LightMs).padStart(4)} ms  p99 ${String(r.p99LightMs).padStart(4)} ms | errors ${String(r.errors).padStart(3)}  SQL/request: ${sql}`;
}

function report(rows: readonly Row[]): void {
  const rate = (scenario: string, target: Target) => rows.find((r) => r.scenario === scenario && r.target === target)?.requestsPerSecond;
  const ratios: Record<string, number> = {};
  for (const scenario of ["a", "b", "c", "d", "e-via"]) {
    for (const peer of ["apollo", "hive"] as const) {
      const ours = rate(scenario, "ours");
      const theirs = rate(scenario, peer);
      if (ours && theirs) ratios[`${scenario}: ours/${peer}`] = round(ours / theirs, 2);
    }
  }
  const direct = rate("e", "direct");
  for (const target of TARGETS) {
    const via = rate("e-via", target);
    if (via && direct) ratios[`e: ${target} via gateway / direct`] = round(via / direct, 2);
  }
  if (args.json) {
    console.log(JSON.stringify({ rows, ratios }, null, 2));
    return;
  }
  console.log("\nRatios (requests per second):");
  for (const [k, v] of Object.entries(ratios)) console.log(`  ${k.padEnd(34)} ${v.toFixed(2)}x`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
