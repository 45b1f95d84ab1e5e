import { loadConfig } from "../lib/config.js";
import { isRole, ROLES } from "../lib/auth/caller.js";
import { loadOrCreateDevIssuer, signDevToken } from "../lib/auth/dev-issuer.js";
import { LOCAL_AUTHORITY_CODES } from "../lib/data/local-authorities.js";
import { cli, run } from "./cli.js";

const USAGE = `Usage: npm run token -- --role <${ROLES.join("|")}> [--la <authority code>] [--sub <subject>] [--ttl <seconds>]

Prints a development token signed by the local key in DATA_DIR (made on first
use). la_officer tokens need --la, such as E08000003 (Manchester).`;

const { fail, parse } = cli(USAGE);

run(async () => {
  const args = parse({ role: { type: "string" }, la: { type: "string" }, sub: { type: "string" }, ttl: { type: "string" } });
  if (!isRole(args.role)) return fail(args.role ? `Unknown role "${args.role}".` : "--role is required.");
  if (args.la !== undefined && !LOCAL_AUTHORITY_CODES.has(args.la)) fail(`--la ${args.la} is not an English upper-tier local authority code.`);
  const ttl = args.ttl === undefined ? undefined : Number(args.ttl);
  if (ttl !== undefined && (!Number.isInteger(ttl) || ttl < 1)) fail("--ttl must be a whole number of seconds.");
  const config = loadConfig();
  if (config.auth.mode !== "dev") fail("Development tokens are only for the local issuer; this configuration verifies a real issuer.");
  const issuer = await loadOrCreateDevIssuer(config.dataDir);
  try {
    console.log(
      await signDevToken(issuer, { role: args.role, localAuthority: args.la, subject: args.sub, ttlSeconds: ttl, audience: config.auth.audience }),
    );
  } catch (err) {
    fail((err as Error).message);
  }
});
