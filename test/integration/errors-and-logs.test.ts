import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DRIVERS } from "../support/database.js";
import { startTestStack, type TestStack } from "../support/stack.js";
import { expectNoInternals } from "../support/assertions.js";

describe.each(DRIVERS)("errors and logs on %s", (driver) => {
  let t: TestStack;
  const logs: string[] = [];
  let names: string[];

  beforeAll(async () => {
    t = await startTestStack(driver, { families: 30, logs });
    names = (await t.db.database.query<{ family_name: string }>(`select distinct family_name from families.people`)).map((r) => r.family_name);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("a failure inside a subgraph reaches the client as 'Unexpected error.' with a request id, and the log says what failed without SQL or values", async () => {
    await t.db.database.exec(`alter table families.people rename to people_away`);
    let requestId: string;
    try {
      const response = await t.query("admin", `{ families(first: 5) { edges { node { id members { familyName } } } } }`);
      requestId = response.headers.get("x-request-id")!;
      const members = response.body.errors!.find((e) => JSON.stringify(e.path).includes("members"));
      expect(members).toMatchObject({ message: "Unexpected error.", extensions: { code: "INTERNAL_SERVER_ERROR", requestId } });
      expectNoInternals(response.body);
    } finally {
      await t.db.database.exec(`alter table families.people_away rename to people`);
    }
    const lines = logs.filter((l) => l.includes(requestId));
    expect(lines.length).toBeGreaterThan(0);
    const failure = lines.map((l) => JSON.parse(l)).find((l) => l.subgraph === "families");
    expect(failure).toMatchObject({ level: 50, requestId, sqlState: "42P01", msg: "request failed with an unexpected error" });
    const text = logs.join("\n");
    expect(text).not.toMatch(/select |from "families"|people_away|\bat \w+ \(|Bearer|eyJ/i);
    for (const name of names) expect(text).not.toContain(`"${name}"`);
  });
});
