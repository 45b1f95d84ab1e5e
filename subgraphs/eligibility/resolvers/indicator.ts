import type { IndicatorRow } from "../loaders.js";

export const Indicator = {
  person: (indicator: IndicatorRow) => (indicator.personId ? { id: indicator.personId } : null),
};
