import fs from "node:fs";
import { composeSupergraph, CompositionError, SUPERGRAPH_PATH } from "../schema/compose.js";

/** `npm run compose`: regenerates schema/supergraph.graphql from the subgraphs' SDL. */
try {
  const sdl = composeSupergraph();
  const previous = fs.existsSync(SUPERGRAPH_PATH) ? fs.readFileSync(SUPERGRAPH_PATH, "utf8") : "";
  fs.writeFileSync(SUPERGRAPH_PATH, sdl);
  console.log(`${previous === sdl ? "Unchanged" : "Wrote"} ${SUPERGRAPH_PATH} (${sdl.split("\n").length} lines).`);
} catch (err) {
  if (err instanceof CompositionError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
