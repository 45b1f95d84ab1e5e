import path from "node:path";
import { ROLES } from "../lib/auth/caller.js";
import { compose, CompositionError, writeComposed } from "../schema/compose.js";

/** `npm run compose`: regenerates schema/supergraph.graphql and schema/contracts/<role>.graphql. */
try {
  const changed = writeComposed(compose());
  const relative = (f: string) => path.relative(process.cwd(), f);
  console.log(
    changed.length === 0
      ? `Supergraph and ${ROLES.length} role contracts unchanged.`
      : `Wrote ${changed.map(relative).join(", ")}.`,
  );
} catch (err) {
  if (err instanceof CompositionError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
