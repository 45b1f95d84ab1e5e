import type { Caller } from "../lib/auth/caller.js";
import type { GatewayAccess } from "./privacy.js";

/** The gateway's request context: the verified caller and the context signed for its subgraph calls. */
export interface GatewayContext {
  readonly caller: Caller;
  readonly requestId: string;
  /** The caller's signed context for subgraph calls (one signature serves a caller's requests for half a minute). */
  readonly internalContext: Promise<string>;
  /** The operation's privacy plan, set before Apollo Server sees the request. */
  access?: GatewayAccess;
}
