import path from "node:path";
import { fileURLToPath } from "node:url";
import { composeServices } from "@apollo/composition";
import { SUBGRAPH_NAMES } from "../lib/config.js";
import { SUBGRAPHS } from "../subgraphs/index.js";

/** The checked-in supergraph the gateway serves. */
export const SUPERGRAPH_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "supergraph.graphql");

/**
 * Default subgraph URLs written into the supergraph. The gateway replaces
 * them with its configuration (FAMILIES_URL, ...) at start, so the file stays
 * the same on every machine.
 */
const DEFAULT_PORTS = { families: 4001, eligibility: 4002, outcomes: 4003, evaluation: 4004 } as const;

export class CompositionError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Composition failed:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "CompositionError";
  }
}

/** Composes every subgraph's SDL into the supergraph SDL; every problem is reported at once. */
export function composeSupergraph(): string {
  const result = composeServices(
    SUBGRAPH_NAMES.map((name) => ({
      name,
      typeDefs: SUBGRAPHS[name].typeDefs,
      url: `http://127.0.0.1:${DEFAULT_PORTS[name]}/graphql`,
    })),
  );
  if (result.errors) throw new CompositionError(result.errors.map((e) => e.message));
  return result.supergraphSdl;
}
