import type { Caller } from "../lib/auth/caller.js";
import type { GatewayAccess } from "./privacy.js";

/** The gateway's request context: the verified caller and the context signed for its subgraph calls. */
export interface GatewayContext {
  readonly caller: Caller;
  readonly requestId: string;
  /** Signed once per request, on first use, and shared by every subgraph call of the request. */
  readonly internalContext: Promise<string>;
  /** The operation's privacy plan, set before Apollo Server sees the request. */
  access?: GatewayAccess;
}
