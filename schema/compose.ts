import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { composeServices } from "@apollo/composition";
import { SUBGRAPH_NAMES } from "../lib/config.js";
import { ROLES, type Role } from "../lib/auth/caller.js";
import { privacyProblems } from "../lib/privacy/checks.js";
import { apiSchemaOf, printContract, privacyModel } from "../lib/privacy/contract.js";
import { SUBGRAPHS } from "../subgraphs/index.js";
import type { SubgraphModule } from "../subgraphs/module.js";

const SCHEMA_DIR = path.dirname(fileURLToPath(import.meta.url));
/** The checked-in supergraph the gateway serves. */
export const SUPERGRAPH_PATH = path.join(SCHEMA_DIR, "supergraph.graphql");
/** What each role may query, for integration partners. */
export const CONTRACTS_DIR = path.join(SCHEMA_DIR, "contracts");

/**
 * Default subgraph URLs written into the supergraph. The gateway replaces
 * them with its configuration (FAMILIES_URL, ...) at start, so the file stays
 * the same on every machine.
 */
const DEFAULT_PORTS: Readonly<Record<string, number>> = Object.fromEntries(SUBGRAPH_NAMES.map((name, i) => [name, 4001 + i]));

export class CompositionError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Composition failed:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "CompositionError";
  }
}

export interface Composed {
  readonly supergraphSdl: string;
  /** Each role's contract schema, printed. */
  readonly contracts: Readonly<Record<Role, string>>;
}

/**
 * Composes the subgraphs' SDL into the supergraph and checks its privacy
 * classification; every problem, of composition or classification, is
 * reported at once.
 */
export function compose(modules: readonly SubgraphModule[] = SUBGRAPH_NAMES.map((n) => SUBGRAPHS[n])): Composed {
  const result = composeServices(
    modules.map((m) => ({ name: m.name, typeDefs: m.typeDefs, url: `http://127.0.0.1:${DEFAULT_PORTS[m.name] ?? 4000}/graphql` })),
  );
  if (result.errors) throw new CompositionError(result.errors.map((e) => e.message));
  const supergraphSdl = result.supergraphSdl;
  const model = privacyModel(apiSchemaOf(supergraphSdl), supergraphSdl);
  const problems = privacyProblems(model, supergraphSdl);
  if (problems.length > 0) throw new CompositionError(problems);
  const contracts = Object.fromEntries(ROLES.map((role) => [role, printContract(model, role)])) as Record<Role, string>;
  return { supergraphSdl, contracts };
}

export function contractPath(role: Role): string {
  return path.join(CONTRACTS_DIR, `${role}.graphql`);
}

/** Writes the supergraph and the contracts; returns the files whose content changed. */
export function writeComposed(composed: Composed): string[] {
  fs.mkdirSync(CONTRACTS_DIR, { recursive: true });
  const files: Array<[string, string]> = [
    [SUPERGRAPH_PATH, composed.supergraphSdl],
    ...ROLES.map((role) => [contractPath(role), composed.contracts[role]] as [string, string]),
  ];
  const changed: string[] = [];
  for (const [file, content] of files) {
    const previous = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    if (previous !== content) {
      fs.writeFileSync(file, content);
      changed.push(file);
    }
  }
  return changed;
}
