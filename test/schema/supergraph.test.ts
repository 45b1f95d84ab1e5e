import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { compose, SUPERGRAPH_PATH } from "../../schema/compose.js";

describe("the checked-in supergraph", () => {
  it("is what the subgraphs compose to today (run npm run compose when this fails)", () => {
    expect(fs.readFileSync(SUPERGRAPH_PATH, "utf8")).toBe(compose().supergraphSdl);
  });

  it("joins entities on opaque ids and authority codes only", () => {
    const keys = [...compose().supergraphSdl.matchAll(/key: "([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(keys)).toEqual(new Set(["id", "code"]));
  });
});
