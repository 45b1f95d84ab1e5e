import type { Caller } from "../lib/auth/caller.js";

/** The gateway's request context: the verified caller and the context signed for its subgraph calls. */
export interface GatewayContext {
  readonly caller: Caller;
  readonly requestId: string;
  /** Signed once per request, on first use, and shared by every subgraph call of the request. */
  readonly internalContext: Promise<string>;
}
