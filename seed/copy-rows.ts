/**
 * The tables the seed writes, their COPY column lists, and the encoding of a
 * row in PostgreSQL's COPY text format (tab-separated, \N for null).
 */
export const SEED_TABLES = {
  families: {
    table: "families.families",
    columns: ["id", "la_code", "case_reference", "cohort", "status", "assessment_date", "intervention_start", "intervention_end"],
  },
  people: {
    table: "families.people",
    columns: [
      "id",
      "family_id",
      "la_code",
      "given_name",
      "family_name",
      "date_of_birth",
      "sex",
      "postcode",
      "nino",
      "upn",
      "ethnic_group",
      "relationship",
    ],
  },
  familyProblems: { table: "eligibility.family_problems", columns: ["family_id", "la_code", "problem", "identified_on"] },
  personProblems: {
    table: "eligibility.person_problems",
    columns: ["person_id", "family_id", "la_code", "problem", "identified_on"],
  },
  indicators: {
    table: "eligibility.indicators",
    columns: ["id", "family_id", "person_id", "la_code", "kind", "recorded_on", "value"],
  },
  pncOffences: {
    table: "outcomes.pnc_offences",
    columns: ["id", "pnc_id", "forename", "surname", "date_of_birth", "sex", "postcode", "offence_date", "category", "disposal", "disposal_date"],
  },
  npdAttendance: {
    table: "outcomes.npd_attendance",
    columns: [
      "id",
      "upn",
      "forename",
      "surname",
      "date_of_birth",
      "sex",
      "postcode",
      "academic_year",
      "term",
      "term_start",
      "sessions_possible",
      "sessions_authorised_absence",
      "sessions_unauthorised_absence",
    ],
  },
  npdExclusions: {
    table: "outcomes.npd_exclusions",
    columns: ["id", "upn", "forename", "surname", "date_of_birth", "sex", "postcode", "exclusion_date", "category", "sessions"],
  },
  dwpBenefitSpells: {
    table: "outcomes.dwp_benefit_spells",
    columns: ["id", "nino", "forename", "surname", "date_of_birth", "sex", "postcode", "benefit", "start_date", "end_date"],
  },
  dfeChildrenServices: {
    table: "outcomes.dfe_children_services",
    columns: ["id", "upn", "forename", "surname", "date_of_birth", "sex", "postcode", "episode", "start_date", "end_date"],
  },
  healthContacts: {
    table: "outcomes.health_contacts",
    columns: ["id", "forename", "surname", "date_of_birth", "sex", "postcode", "setting", "contact_date"],
  },
  ndtmsEpisodes: {
    table: "outcomes.ndtms_episodes",
    columns: ["id", "forename", "surname", "date_of_birth", "sex", "postcode", "substance", "start_date", "end_date"],
  },
} as const;

export type SeedTable = keyof typeof SEED_TABLES;
export const SEED_TABLE_NAMES = Object.keys(SEED_TABLES) as SeedTable[];

export type CopyValue = string | number | boolean | null;

const NEEDS_ESCAPE = /[\\\t\n\r]/;

function encode(value: CopyValue): string {
  if (value === null) return "\\N";
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") return String(value);
  return NEEDS_ESCAPE.test(value)
    ? value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r")
    : value;
}

/** One row as a COPY text line, newline included. */
export function copyLine(values: readonly CopyValue[]): string {
  let line = encode(values[0] as CopyValue);
  for (let i = 1; i < values.length; i++) line += `\t${encode(values[i] as CopyValue)}`;
  return `${line}\n`;
}

/** Where generated rows go: one COPY line at a time, per table. */
export interface RowSink {
  emit(table: SeedTable, values: readonly CopyValue[]): void;
}
