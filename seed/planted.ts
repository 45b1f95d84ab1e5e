import { WINDOWS, type Window } from "../lib/domain.js";
import { MEASURE_DEFINITIONS, MEASURES, type Measure } from "../lib/measures.js";
import { generateHousehold, type Member } from "./household.js";
import { calibrate, eventChance, inPopulation, riskMultiplier, segmentHazard, statusChance, type Population } from "./outcomes.js";
import { PARAMETERS, type Curve, type OutcomeTarget } from "./parameters.js";

/**
 * The effects a seed plants, as the generator's own model expects them: for
 * the treatment cohort of a seed (the same seed and number of families), the
 * expected share with each measure's outcome in each window as treated and as
 * if untreated, and the difference (the effect on the treated that an
 * impact estimate should recover). It is computed from the households and the
 * outcome probabilities the generator draws with (seed/outcomes.ts), person by
 * person, so it is exact for the model: risk multipliers, caps and the
 * cumulative event curves included, no sampling.
 *
 * What the research extract can show is this effect seen through linkage: a
 * person whose records linkage missed has no outcome in the extract, in either
 * window, so the expected difference in differences is the planted effect
 * times the share of the dataset's records that were linked (see
 * `asLinked`).
 *
 * Persistent absence is left out: its flag is a share of sessions over the
 * terms of a window, drawn term by term, which has no closed form here.
 */
export interface PlantedEffect {
  readonly measure: Measure;
  readonly window: Window;
  /** Treated people in the measure's population. */
  readonly people: number;
  /** Expected share with the outcome, as treated and as if untreated. */
  readonly treated: number;
  readonly untreated: number;
  /** treated - untreated: the planted effect on the treated. */
  readonly effect: number;
}

const O = PARAMETERS.outcomes;

/** Six-month segments of a window (k from the reference date), and the six-monthly point where statuses are read. */
const SEGMENTS: Readonly<Record<Window, readonly number[]>> = {
  BEFORE_12: [-2, -1],
  AFTER_6: [0],
  AFTER_12: [0, 1],
  AFTER_18: [0, 1, 2],
  AFTER_24: [0, 1, 2, 3],
};
const POINT: Readonly<Record<Window, number>> = { BEFORE_12: 0, AFTER_6: 1, AFTER_12: 2, AFTER_18: 3, AFTER_24: 4 };

/** One outcome's events that make up a measure's flag: a target, and (convictions) a target whose hazard was taken out of it. */
interface EventPart {
  readonly target: OutcomeTarget;
  readonly exclude?: OutcomeTarget;
}

type Model =
  | { readonly kind: "events"; readonly population: Population; readonly parts: readonly EventPart[] }
  | { readonly kind: "status"; readonly population: Population; readonly target: OutcomeTarget };

/** How the generator draws the outcome behind a measure's flag, for a person of this age (null: not drawn, or no closed form). */
function modelOf(measure: Measure, age: number): Model | null {
  const juvenile = age <= 17;
  const offending: Population = juvenile ? "offendingJuvenile" : "offendingAdult";
  const caution = juvenile ? O.events.cautionJuvenile : O.events.cautionAdult;
  const conviction = juvenile ? O.events.convictionJuvenile : O.events.convictionAdult;
  const custody = juvenile ? O.events.custodyJuvenile : O.events.custodyAdult;
  // A custodial sentence is a conviction too: convictions are the non-custodial ones plus custody.
  const convictions: EventPart[] = [{ target: conviction, exclude: custody }, { target: custody }];
  switch (measure) {
    case "CAUTIONED":
      return { kind: "events", population: offending, parts: [{ target: caution }] };
    case "CONVICTED":
    case "JUVENILE_CONVICTION":
      return { kind: "events", population: offending, parts: convictions };
    case "ADULT_CUSTODY":
    case "JUVENILE_CUSTODY":
      return { kind: "events", population: offending, parts: [{ target: custody }] };
    case "EXCLUDED":
      return { kind: "events", population: "school", parts: [{ target: O.events.exclusion }] };
    case "AE_ATTENDANCE":
      return { kind: "events", population: "health", parts: [{ target: O.events.aeAttendance }] };
    case "MENTAL_HEALTH_CONTACT":
      return { kind: "events", population: "health", parts: [{ target: O.events.mentalHealthContact }] };
    case "CLAIMING_IS":
      return { kind: "status", population: "benefits", target: O.statuses.incomeSupport };
    case "CLAIMING_JSA":
      return { kind: "status", population: "benefits", target: O.statuses.jobseekersAllowance };
    case "CLAIMING_ESA":
      return { kind: "status", population: "benefits", target: O.statuses.employmentSupportAllowance };
    case "CLAIMING_UC":
      return { kind: "status", population: "benefits", target: O.statuses.universalCredit };
    case "CHILD_IN_NEED":
      return { kind: "status", population: "childrenServices", target: O.statuses.childInNeed };
    case "CHILD_PROTECTION_PLAN":
      return { kind: "status", population: "childrenServices", target: O.statuses.childProtectionPlan };
    case "LOOKED_AFTER":
      return { kind: "status", population: "childrenServices", target: O.statuses.lookedAfter };
    case "DRUG_TREATMENT":
      return { kind: "status", population: "drugs", target: O.statuses.drugTreatment };
    case "PERSISTENT_ABSENCE":
      return null;
  }
}

/** The chance the generator gives this person of having the flag in the window, with the curves of one arm. */
function chance(model: Model, window: Window, multiplier: number, curveOf: (t: OutcomeTarget) => Curve): number {
  if (model.kind === "status") return statusChance(model.target, curveOf(model.target), POINT[window], multiplier);
  let none = 1;
  for (const k of SEGMENTS[window]) {
    for (const part of model.parts) {
      const excluded = part.exclude ? segmentHazard(part.exclude, curveOf(part.exclude), k) : undefined;
      none *= 1 - eventChance(part.target, curveOf(part.target), k, multiplier, excluded);
    }
  }
  return 1 - none;
}

function inMeasure(measure: Measure, member: Member): boolean {
  const d = MEASURE_DEFINITIONS[measure];
  return member.age >= d.minAge && (d.maxAge === null || member.age <= d.maxAge);
}

/**
 * Expected effects of every measure (but persistent absence) in every window
 * after the reference date, over the treated people of the first `families`
 * families of `seed`. With `noEffect` every effect is zero, as the seed then
 * plants none.
 */
export function plantedEffects(seed: number, families: number, options: { readonly noEffect?: boolean } = {}): PlantedEffect[] {
  const normalisers = calibrate();
  const treatedCurve = (t: OutcomeTarget) => (options.noEffect ? t.comparison : t.treatment);
  const untreatedCurve = (t: OutcomeTarget) => t.comparison;
  const windows = WINDOWS.filter((w) => w !== "BEFORE_12");
  const measures = MEASURES.filter((m) => m !== "PERSISTENT_ABSENCE");
  const sums = new Map<string, { people: number; treated: number; untreated: number }>();
  for (let index = 0; index < families; index++) {
    const household = generateHousehold(seed, index);
    if (household.cohort !== "TREATMENT") continue;
    for (const member of household.members) {
      for (const measure of measures) {
        if (!inMeasure(measure, member)) continue;
        const model = modelOf(measure, member.age);
        if (!model || !inPopulation(model.population, member.age)) continue;
        const multiplier = riskMultiplier(model.population, household.problems, normalisers);
        for (const window of windows) {
          const key = `${measure}:${window}`;
          const sum = sums.get(key) ?? { people: 0, treated: 0, untreated: 0 };
          sum.people++;
          sum.treated += chance(model, window, multiplier, treatedCurve);
          sum.untreated += chance(model, window, multiplier, untreatedCurve);
          sums.set(key, sum);
        }
      }
    }
  }
  return measures.flatMap((measure) =>
    windows.map((window) => {
      const sum = sums.get(`${measure}:${window}`) ?? { people: 0, treated: 0, untreated: 0 };
      const treated = sum.people > 0 ? sum.treated / sum.people : 0;
      const untreated = sum.people > 0 ? sum.untreated / sum.people : 0;
      return { measure, window, people: sum.people, treated, untreated, effect: treated - untreated };
    }),
  );
}

/** The planted effect as the linked extract can show it: scaled by the share of the measure's dataset that linkage found. */
export function asLinked(effect: PlantedEffect, linkedShare: (dataset: (typeof MEASURE_DEFINITIONS)[Measure]["source"]) => number): number {
  return effect.effect * linkedShare(MEASURE_DEFINITIONS[effect.measure].source);
}
