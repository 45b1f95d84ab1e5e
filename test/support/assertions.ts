import { expect } from "vitest";

/**
 * Error bodies must never carry internals: stack frames, SQL, module paths or
 * internal URLs.
 */
export function expectNoInternals(body: unknown): void {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\.ts:\d+/);
  expect(text).not.toMatch(/\b(select|insert|update|delete)\b[^"]*\b(from|into|set)\b/i);
  expect(text).not.toMatch(/127\.0\.0\.1|localhost|:\d{4,5}\/graphql/);
  expect(text).not.toMatch(/Did you mean/);
}
