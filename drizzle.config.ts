import { defineConfig } from "drizzle-kit";

/**
 * drizzle-kit reads the table definitions of every subgraph (each owns one
 * Postgres schema) and writes SQL migrations to `migrations/`, which are
 * committed and applied on start by `lib/db/migrate.ts`.
 */
export default defineConfig({
  dialect: "postgresql",
  schema: ["./subgraphs/*/tables.ts", "./seed/tables.ts"],
  out: "./migrations",
  schemaFilter: ["families", "eligibility", "outcomes", "evaluation", "pipeline", "audit"],
});
