import type { CountRow } from "../counts.js";

export const OutcomeCount = {
  localAuthority: (row: CountRow) => (row.localAuthorityCode ? { code: row.localAuthorityCode } : null),
  region: (row: CountRow) => (row.regionCode ? { code: row.regionCode, name: row.regionName } : null),
  rate: (row: CountRow) => (row.people > 0 ? row.withOutcome / row.people : null),
};
