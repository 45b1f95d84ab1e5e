import type { Dataset } from "../../lib/domain.js";

/** What one linkage run did for one dataset. */
export interface DatasetLinkage {
  readonly dataset: Dataset;
  readonly records: number;
  readonly linkedByNino: number;
  readonly linkedByUpn: number;
  readonly linkedByNameDobPostcode: number;
  readonly missed: number;
  readonly ambiguous: number;
}

/** The report a linkage run writes to `outcomes.linkage_runs.report`. */
export interface LinkageReport {
  readonly datasets: readonly DatasetLinkage[];
}
