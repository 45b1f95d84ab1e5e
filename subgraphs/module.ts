import fs from "node:fs";
import { parse, type DocumentNode } from "graphql";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper/resolverMap.js";
import type { SubgraphName } from "../lib/config.js";
import type { Caller } from "../lib/auth/caller.js";
import type { Database } from "../lib/db/client.js";

/**
 * What every subgraph request sees: the caller the gateway vouched for, the
 * database, and this request's own DataLoaders (never shared between
 * requests: a shared cache would serve one caller's rows to another).
 */
export interface SubgraphContext<L> {
  readonly caller: Caller;
  readonly requestId: string;
  readonly database: Database;
  readonly settings: SubgraphSettings;
  readonly loaders: L;
}

/** Configuration a subgraph's resolvers decide with (from lib/config.ts, never read from the environment here). */
export interface SubgraphSettings {
  /** Aggregate cells below this are suppressed (DESIGN.md section 5). */
  readonly disclosureThreshold: number;
}

/**
 * Every subgraph has this one shape, so that the same modules run as HTTP
 * services (`npm start`, or one at a time) and compose into the supergraph.
 */
export interface SubgraphModule<L = unknown> {
  readonly name: SubgraphName;
  /** The SDL file beside the module, parsed. */
  readonly typeDefs: DocumentNode;
  readonly resolvers: GraphQLResolverMap<SubgraphContext<L>>;
  /** A fresh set of loaders for one request. */
  createLoaders(database: Database, caller: Caller, settings: SubgraphSettings): L;
}

/** The privacy directives, declared once for every subgraph (schema/privacy.graphql). */
export const PRIVACY_SPEC_URL = new URL("../schema/privacy.graphql", import.meta.url);
const privacySpec = fs.readFileSync(PRIVACY_SPEC_URL, "utf8");

/**
 * Reads and parses the SDL file that sits beside a module
 * (`new URL("x.graphql", import.meta.url)`), with the privacy directives'
 * definitions it imports through @link.
 */
export function loadSdl(url: URL): DocumentNode {
  return withPrivacySpec(fs.readFileSync(url, "utf8"));
}

/** Parses subgraph SDL together with the privacy directives' definitions. */
export function withPrivacySpec(sdl: string): DocumentNode {
  return parse(`${privacySpec}\n${sdl}`);
}
