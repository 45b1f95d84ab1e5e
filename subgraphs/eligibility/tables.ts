import { bigint, date, index, numeric, pgSchema, primaryKey, uuid, varchar } from "drizzle-orm/pg-core";
import { HEADLINE_PROBLEMS, INDICATOR_KINDS } from "../../lib/domain.js";

/**
 * What councils submit about eligibility: the headline problems each family and
 * person met, and the dated local indicators (seeds/002). Families and people
 * are referred to by their opaque ids only; the submitting authority is kept on
 * every row so that this subgraph can apply row scope on its own.
 */
export const eligibilitySchema = pgSchema("eligibility");

export const headlineProblemEnum = eligibilitySchema.enum("headline_problem", HEADLINE_PROBLEMS);
export const indicatorKindEnum = eligibilitySchema.enum("indicator_kind", INDICATOR_KINDS);

export const familyProblems = eligibilitySchema.table(
  "family_problems",
  {
    familyId: uuid("family_id").notNull(),
    localAuthorityCode: varchar("la_code", { length: 9 }).notNull(),
    problem: headlineProblemEnum("problem").notNull(),
    identifiedOn: date("identified_on", { mode: "string" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.familyId, t.problem] })],
);

export const personProblems = eligibilitySchema.table(
  "person_problems",
  {
    personId: uuid("person_id").notNull(),
    familyId: uuid("family_id").notNull(),
    localAuthorityCode: varchar("la_code", { length: 9 }).notNull(),
    problem: headlineProblemEnum("problem").notNull(),
    identifiedOn: date("identified_on", { mode: "string" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.problem] }), index("person_problems_family_id").on(t.familyId)],
);

export const indicators = eligibilitySchema.table(
  "indicators",
  {
    id: bigint("id", { mode: "number" }).primaryKey(),
    familyId: uuid("family_id").notNull(),
    /** Null when the indicator is about the household rather than one person. */
    personId: uuid("person_id"),
    localAuthorityCode: varchar("la_code", { length: 9 }).notNull(),
    kind: indicatorKindEnum("kind").notNull(),
    recordedOn: date("recorded_on", { mode: "string" }).notNull(),
    /** Weeks for WEEKS_HOMELESS, pounds for RENT_ARREARS; null where the indicator is a yes/no. */
    value: numeric("value", { precision: 10, scale: 2, mode: "number" }),
  },
  (t) => [index("indicators_family_id").on(t.familyId), index("indicators_person_id").on(t.personId)],
);
