import type { TableCell } from "../outcome-tables.js";
import { regionName } from "../table-request.js";

/** Dimension fields of a table cell (outcome or profile): the category when the cell has one, else null. */
const cellFields = {
  cohort: (cell: TableCell) => cell.values.COHORT ?? null,
  localAuthority: (cell: TableCell) => (cell.values.LOCAL_AUTHORITY ? { code: cell.values.LOCAL_AUTHORITY } : null),
  region: (cell: TableCell) => (cell.values.REGION ? { code: cell.values.REGION, name: regionName(cell.values.REGION) } : null),
  headlineProblem: (cell: TableCell) => cell.values.HEADLINE_PROBLEM ?? null,
  ageBand: (cell: TableCell) => cell.values.AGE_BAND ?? null,
  sex: (cell: TableCell) => cell.values.SEX ?? null,
};

export const OutcomeCell = cellFields;
export const ProfileCell = cellFields;
