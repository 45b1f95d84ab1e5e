import type { Benefit, ChildrenServicesEpisode, Dataset, HeadlineProblem, HealthSetting, Sex } from "../lib/domain.js";
import type { RowSink, SeedTable } from "./copy-rows.js";
import { addMonths, ageOn, fromParts, isoDay, parts } from "./days.js";
import { generateHousehold, TIMELINE_DAYS, type Household, type Member } from "./household.js";
import { pncId, postcode, reformatPostcode, typo } from "./identifiers.js";
import { PARAMETERS, type Curve, type EventOutcome, type OutcomeTarget, type StatusOutcome, type StatusTarget } from "./parameters.js";
import { Random, WeightedTable } from "./random.js";

/**
 * Departmental records for one household, drawn so that the proportions of
 * DESIGN.md section 6 hold in every window (see seed/parameters.ts for the
 * model). Records cover the whole period departments hold (2015/16 to 2020),
 * not only the evaluation windows, and each carries the department's own copy
 * of the person's identifiers, errors included.
 */

const P = PARAMETERS;
const { DATA_FROM, DATA_TO } = TIMELINE_DAYS;

type MultiplierGroup = keyof typeof P.riskMultipliers;

/** Who each outcome group applies to (age at the reference date), and its multiplier. */
const POPULATIONS = {
  offendingJuvenile: { group: "offending", minAge: 10, maxAge: 17 },
  offendingAdult: { group: "offending", minAge: 18, maxAge: 200 },
  school: { group: "school", minAge: 5, maxAge: 15 },
  childrenServices: { group: "childrenServices", minAge: 0, maxAge: 17 },
  benefits: { group: "benefits", minAge: 18, maxAge: 64 },
  health: { group: "health", minAge: 0, maxAge: 200 },
  drugs: { group: "drugs", minAge: 18, maxAge: 200 },
} as const satisfies Record<string, { group: MultiplierGroup; minAge: number; maxAge: number }>;

export type Population = keyof typeof POPULATIONS;

export function inPopulation(population: Population, age: number): boolean {
  const p = POPULATIONS[population];
  return age >= p.minAge && age <= p.maxAge;
}

function rawMultiplier(population: Population, problems: ReadonlySet<HeadlineProblem>): number {
  const m = P.riskMultipliers[POPULATIONS[population].group];
  return problems.has(m.problem) ? m.factor : 1;
}

/** A person's risk multiplier in a population, scaled to average 1 in the treatment cohort. */
export function riskMultiplier(population: Population, problems: ReadonlySet<HeadlineProblem>, normalisers: Record<Population, number>): number {
  return rawMultiplier(population, problems) / normalisers[population];
}

/**
 * Chance of at least one event in the six-month segment k from the reference
 * date (k = -2, -1: the 12 months before) for a person of multiplier 1:
 * half-year hazards that reproduce the cumulative curve.
 */
export function segmentHazard(target: OutcomeTarget, curve: Curve, k: number): number {
  if (k < 0) return 1 - Math.sqrt(1 - target.before12);
  const i = Math.min(k, 3);
  const now = curve[i] as number;
  const before = i === 0 ? 0 : (curve[i - 1] as number);
  return Math.max(0, 1 - (1 - now) / (1 - before));
}

/**
 * The chance the generator draws at least one event with, in a whole segment,
 * for a person of this multiplier. `exclude` is the hazard of another outcome
 * that counts as this one too (custody among convictions), taken out so the
 * two together follow this outcome's curve.
 */
export function eventChance(target: OutcomeTarget, curve: Curve, k: number, multiplier: number, exclude?: number): number {
  let q = segmentHazard(target, curve, k);
  if (exclude !== undefined) q = Math.max(0, 1 - (1 - q) / (1 - exclude));
  return Math.min(0.9, q * multiplier);
}

/** The chance of holding a status at the six-monthly point j from the reference date (j <= 0: the before target). */
export function statusChance(target: OutcomeTarget, curve: Curve, j: number, multiplier: number): number {
  const base = j <= 0 ? target.before12 : (curve[Math.min(j, 4) - 1] as number);
  return Math.min(0.95, base * multiplier);
}

/**
 * The treatment cohort's mean risk multiplier in each population, so that
 * multipliers can be scaled to average 1 there: estimated once from a fixed
 * sample of households drawn by the same generator.
 */
export function calibrate(sampleSize = 20_000): Record<Population, number> {
  const sums = Object.fromEntries(Object.keys(POPULATIONS).map((k) => [k, { total: 0, count: 0 }])) as Record<
    Population,
    { total: number; count: number }
  >;
  for (let i = 0; i < sampleSize; i++) {
    const household = generateHousehold(0x5eed, i);
    if (household.cohort !== "TREATMENT") continue;
    for (const member of household.members) {
      for (const population of Object.keys(POPULATIONS) as Population[]) {
        if (!inPopulation(population, member.age)) continue;
        sums[population].total += rawMultiplier(population, household.problems);
        sums[population].count++;
      }
    }
  }
  return Object.fromEntries(
    Object.entries(sums).map(([k, s]) => [k, s.count > 0 ? s.total / s.count : 1]),
  ) as Record<Population, number>;
}

export interface OutcomeOptions {
  readonly seed: number;
  /** Plant no effect: treatment curves equal comparison curves. */
  readonly noEffect: boolean;
  readonly normalisers: Record<Population, number>;
}

const offenceCategories = WeightedTable.of([
  ["VIOLENCE", 22],
  ["THEFT", 25],
  ["BURGLARY", 6],
  ["CRIMINAL_DAMAGE", 10],
  ["DRUGS", 12],
  ["PUBLIC_ORDER", 12],
  ["MOTORING", 8],
  ["OTHER", 5],
] as const);
const substances = WeightedTable.of([
  ["OPIATES", 45],
  ["NON_OPIATES", 15],
  ["ALCOHOL", 28],
  ["ALCOHOL_AND_NON_OPIATES", 12],
] as const);

/** A department's copy of a person's identifiers. */
interface HeldIdentity {
  readonly forename: string;
  readonly surname: string;
  readonly dateOfBirth: string;
  readonly sex: Sex;
  readonly postcode: string;
}

/** Generates and emits every row of one family: council submission, eligibility and departmental records. */
export class FamilyWriter {
  constructor(
    private readonly sink: RowSink,
    private readonly options: OutcomeOptions,
  ) {}

  write(index: number): Household {
    const household = generateHousehold(this.options.seed, index);
    new FamilyRecords(household, new Random(this.options.seed, index * 2 + 1), this.sink, this.options).emitAll();
    return household;
  }
}

class FamilyRecords {
  private readonly counters = new Map<SeedTable, number>();
  private readonly identities = new Map<string, HeldIdentity>();
  private readonly pncIds = new Map<number, string>();
  private readonly la: string;

  constructor(
    private readonly h: Household,
    private readonly random: Random,
    private readonly sink: RowSink,
    private readonly options: OutcomeOptions,
  ) {
    this.la = h.authority.code;
  }

  /** Ids derived from the family index: deterministic however generation is split. */
  private nextId(table: SeedTable, perFamily: number): number {
    const n = this.counters.get(table) ?? 0;
    if (n >= perFamily) throw new Error(`family ${this.h.index} has more than ${perFamily} rows in ${table}`);
    this.counters.set(table, n + 1);
    return this.h.index * perFamily + n;
  }

  private recordId(table: SeedTable): number {
    return this.nextId(table, 1024);
  }

  emitAll(): void {
    const h = this.h;
    this.sink.emit("families", [
      h.id,
      this.la,
      h.caseReference,
      h.cohort,
      h.status,
      isoDay(h.assessmentDate),
      h.interventionStart === null ? null : isoDay(h.interventionStart),
      h.interventionEnd === null ? null : isoDay(h.interventionEnd),
    ]);
    for (const m of h.members) {
      this.sink.emit("people", [
        m.id,
        h.id,
        this.la,
        m.givenName,
        m.familyName,
        isoDay(m.dateOfBirth),
        m.sex,
        h.postcode,
        m.councilNino,
        m.councilUpn,
        m.ethnicGroup,
        m.relationship,
      ]);
    }
    this.eligibility();
    for (const m of h.members) this.outcomes(m);
  }

  // ---- eligibility -------------------------------------------------------

  private eligibility(): void {
    const { h, random } = this;
    const identified = isoDay(h.assessmentDate);
    const ageAtAssessment = (m: Member) => ageOn(m.dateOfBirth, h.assessmentDate);
    const adults = h.members.filter((m) => ageAtAssessment(m) >= 18);
    const carer = h.members[0] as Member;
    for (const problem of h.problems) {
      this.sink.emit("familyProblems", [h.id, this.la, problem, identified]);
      let people: Member[];
      switch (problem) {
        case "CRIME_ASB": {
          const candidates = h.members.filter((m) => ageAtAssessment(m) >= 10);
          people = candidates.filter(() => random.chance(0.6));
          if (people.length === 0 && candidates.length > 0) people = [random.pick(candidates)];
          break;
        }
        case "EDUCATION":
          people = h.members.filter((m) => m.relationship === "CHILD" && ageAtAssessment(m) >= 5 && ageAtAssessment(m) <= 16);
          break;
        case "CHILDREN_IN_NEED":
          people = h.members.filter((m) => m.relationship === "CHILD");
          break;
        case "WORKLESSNESS":
          people = adults.filter((m) => m.relationship !== "CHILD");
          break;
        case "DOMESTIC_ABUSE":
          people = [carer];
          break;
        case "HEALTH":
          people = [random.chance(0.7) ? carer : random.pick(h.members)];
          break;
      }
      for (const m of people) this.sink.emit("personProblems", [m.id, h.id, this.la, problem, identified]);
    }
    this.indicators(adults);
  }

  private indicators(adults: readonly Member[]): void {
    const { h, random } = this;
    const emit = (kind: string, person: Member | null, value: number | null) =>
      this.sink.emit("indicators", [
        this.nextId("indicators", 64),
        h.id,
        person?.id ?? null,
        this.la,
        kind,
        isoDay(Math.max(DATA_FROM, h.assessmentDate - random.int(0, 365))),
        value,
      ]);
    const carer = h.members[0] as Member;
    const olderThan = (age: number) => h.members.filter((m) => ageOn(m.dateOfBirth, h.assessmentDate) >= age);
    if (h.problems.has("CRIME_ASB")) {
      const youth = olderThan(10);
      const who = youth.length > 0 ? random.pick(youth) : carer;
      emit(random.chance(0.6) ? "ASB_FURTHER_INVESTIGATION" : "ASB_NO_FURTHER_INVESTIGATION", who, null);
      if (random.chance(0.5)) emit("POLICE_CALL_OUT", null, null);
    }
    if (h.problems.has("DOMESTIC_ABUSE")) {
      emit("DOMESTIC_VIOLENCE", carer, null);
      if (random.chance(0.6)) emit("POLICE_CALL_OUT", null, null);
    }
    if (h.problems.has("WORKLESSNESS")) {
      if (random.chance(0.6)) emit("RENT_ARREARS", null, random.int(150, 3500));
      if (random.chance(0.1)) emit("EVICTION", null, null);
      if (random.chance(0.12)) {
        emit("HOMELESSNESS_APPLICATION", null, null);
        if (random.chance(0.5)) emit("WEEKS_HOMELESS", null, random.int(1, 26));
      }
    }
    if (h.problems.has("EDUCATION")) {
      const pupils = h.members.filter((m) => m.relationship === "CHILD" && ageOn(m.dateOfBirth, h.assessmentDate) >= 5);
      const missing = pupils.filter((m) => ageOn(m.dateOfBirth, h.assessmentDate) <= 15);
      if (missing.length > 0 && random.chance(0.2)) emit("MISSING_FROM_EDUCATION", random.pick(missing), null);
      const neet = h.members.filter((m) => {
        const age = ageOn(m.dateOfBirth, h.assessmentDate);
        return age >= 16 && age <= 24 && m.relationship !== "MAIN_CARER";
      });
      if (neet.length > 0 && random.chance(0.5)) emit("NEET", random.pick(neet), null);
    }
    if (h.problems.has("HEALTH")) {
      const adult = adults.length > 0 ? random.pick(adults) : carer;
      if (random.chance(0.6)) emit("MENTAL_HEALTH", adult, null);
      if (random.chance(0.2)) emit("ALCOHOL_DEPENDENCY", adult, null);
      if (random.chance(0.15)) emit("DRUG_DEPENDENCY", adult, null);
    }
  }

  // ---- outcomes ----------------------------------------------------------

  /** The person's multiplier in a population, scaled to average 1 in the treatment cohort. */
  private multiplier(population: Population): number {
    return riskMultiplier(population, this.h.problems, this.options.normalisers);
  }

  private curve(target: OutcomeTarget): Curve {
    return this.h.cohort === "TREATMENT" && !this.options.noEffect ? target.treatment : target.comparison;
  }

  private segmentCache: Array<{ k: number; from: number; to: number; share: number }> | undefined;
  private pointCache: Array<{ j: number; t: number }> | undefined;

  /** Six-month segments from the reference date, clipped to the data period (the same for every member). */
  private segments(): Array<{ k: number; from: number; to: number; share: number }> {
    if (this.segmentCache) return this.segmentCache;
    const r = this.h.referenceDate;
    const result = [];
    for (let k = -4; k < 8; k++) {
      const start = addMonths(r, 6 * k);
      const end = addMonths(r, 6 * (k + 1));
      const from = Math.max(start, DATA_FROM);
      const to = Math.min(end, DATA_TO + 1);
      if (to > from) result.push({ k, from, to, share: (to - from) / (end - start) });
    }
    this.segmentCache = result;
    return result;
  }

  /** Six-monthly points from the reference date within the data period, where statuses are observed. */
  private points(): Array<{ j: number; t: number }> {
    if (this.pointCache) return this.pointCache;
    const r = this.h.referenceDate;
    const result = [];
    for (let j = -4; j <= 8; j++) {
      const t = addMonths(r, 6 * j);
      if (t >= DATA_FROM && t <= DATA_TO) result.push({ j, t });
    }
    this.pointCache = result;
    return result;
  }

  /** Event days for one outcome over the data period; `exclude` as in eventChance. */
  private eventDays(target: OutcomeTarget, multiplier: number, exclude?: OutcomeTarget): number[] {
    const days: number[] = [];
    const curve = this.curve(target);
    for (const s of this.segments()) {
      const excluded = exclude ? segmentHazard(exclude, this.curve(exclude), s.k) : undefined;
      const p = eventChance(target, curve, s.k, multiplier, excluded) * s.share;
      if (!this.random.chance(p)) continue;
      do days.push(this.random.int(s.from, s.to - 1));
      while (this.random.chance(P.outcomes.repeatEventShare));
    }
    return days.sort((a, b) => a - b);
  }

  /**
   * Status episodes over the data period: a two-state chain observed every six
   * months from the reference date, whose marginals follow the target; each
   * run of "in status" points becomes one episode that covers exactly those
   * points, so the extract reads back the chain.
   */
  private episodes(target: StatusTarget, multiplier: number): Array<{ start: number; end: number | null }> {
    const points: number[] = [];
    const marginals: number[] = [];
    const c = this.curve(target);
    for (const { j, t } of this.points()) {
      points.push(t);
      marginals.push(statusChance(target, c, j, multiplier));
    }
    const states: boolean[] = [];
    marginals.forEach((pi, i) => {
      if (i === 0) {
        states.push(this.random.chance(pi));
        return;
      }
      const prev = marginals[i - 1] as number;
      let stay = target.persistence;
      let enter = (pi - prev * stay) / (1 - prev);
      if (enter < 0) {
        enter = 0;
        stay = pi / prev;
      }
      states.push(this.random.chance(states[i - 1] ? Math.min(1, stay) : Math.min(1, enter)));
    });
    const result: Array<{ start: number; end: number | null }> = [];
    for (let i = 0; i < states.length; i++) {
      if (!states[i]) continue;
      let j = i;
      while (j + 1 < states.length && states[j + 1]) j++;
      const first = points[i] as number;
      const last = points[j] as number;
      const previous = i > 0 ? (points[i - 1] as number) : Math.max(DATA_FROM, addMonths(first, -6)) - 1;
      const start = Math.max(DATA_FROM, first - this.random.int(0, Math.max(0, first - previous - 1)));
      let end: number | null;
      if (j + 1 < points.length) end = last + this.random.int(0, (points[j + 1] as number) - last - 1);
      else end = this.random.chance(0.6) ? null : this.random.int(last, DATA_TO);
      result.push({ start, end });
      i = j;
    }
    return result;
  }

  /** The department's copy of a person's identifiers, with its errors: one per person and dataset. */
  private held(m: Member, dataset: Dataset): HeldIdentity {
    const key = `${m.slot}:${dataset}`;
    const known = this.identities.get(key);
    if (known) return known;
    const e = P.departmentalErrors;
    const r = this.random;
    let dob = m.dateOfBirth;
    if (r.chance(e.dateOfBirthDayMonthSwap)) {
      const d = parts(dob);
      if (d.day <= 12 && d.day !== d.month) dob = fromParts(d.year, d.day, d.month);
      else dob += 1;
    } else if (r.chance(e.dateOfBirthOffByOneDay)) {
      dob += r.chance(0.5) ? 1 : -1;
    }
    let code = this.h.postcode;
    if (r.chance(e.postcodeOutOfDate)) code = postcode(this.h.authority.postcodeAreas, r);
    if (r.chance(e.postcodeFormatting)) code = reformatPostcode(code, r);
    const identity: HeldIdentity = {
      forename: r.chance(e.forenameTypo) ? typo(m.givenName, r) : m.givenName,
      surname: r.chance(e.surnameTypo) ? typo(m.familyName, r) : m.familyName,
      dateOfBirth: isoDay(dob),
      sex: r.chance(e.sexMiscoded) ? (m.sex === "FEMALE" ? "MALE" : "FEMALE") : m.sex,
      postcode: code,
    };
    this.identities.set(key, identity);
    return identity;
  }

  private identityColumns(m: Member, dataset: Dataset) {
    const id = this.held(m, dataset);
    return [id.forename, id.surname, id.dateOfBirth, id.sex, id.postcode] as const;
  }

  private outcomes(m: Member): void {
    const age = m.age;
    const o = P.outcomes;
    if (inPopulation("offendingJuvenile", age) || inPopulation("offendingAdult", age)) {
      const juvenile = age <= 17;
      const population: Population = juvenile ? "offendingJuvenile" : "offendingAdult";
      const mult = this.multiplier(population);
      const caution = juvenile ? o.events.cautionJuvenile : o.events.cautionAdult;
      const conviction = juvenile ? o.events.convictionJuvenile : o.events.convictionAdult;
      const custody = juvenile ? o.events.custodyJuvenile : o.events.custodyAdult;
      this.offences(m, this.eventDays(caution, mult), "CAUTION");
      this.offences(m, this.eventDays(custody, mult), "CUSTODIAL_SENTENCE");
      // Non-custodial convictions make up the rest of the conviction curve.
      this.offences(m, this.eventDays(conviction, mult, custody), "CONVICTION");
    }
    if (inPopulation("school", age)) {
      this.attendance(m, this.multiplier("school"));
      for (const d of this.eventDays(o.events.exclusion, this.multiplier("school"))) {
        const permanent = this.random.chance(0.03);
        this.sink.emit("npdExclusions", [
          this.recordId("npdExclusions"),
          m.upn,
          ...this.identityColumns(m, "NPD_EXCLUSIONS"),
          isoDay(d),
          permanent ? "PERMANENT" : "FIXED_PERIOD",
          permanent ? 0 : this.random.int(1, 10),
        ]);
      }
    }
    if (inPopulation("childrenServices", age)) {
      const mult = this.multiplier("childrenServices");
      const kinds: Array<[ChildrenServicesEpisode, StatusOutcome]> = [
        ["CHILD_IN_NEED", "childInNeed"],
        ["CHILD_PROTECTION_PLAN", "childProtectionPlan"],
        ["LOOKED_AFTER", "lookedAfter"],
      ];
      for (const [episode, outcome] of kinds) {
        for (const e of this.episodes(o.statuses[outcome], mult)) {
          const withUpn = m.upn && this.random.chance(P.departmentalErrors.childrenServicesUpnShare);
          this.sink.emit("dfeChildrenServices", [
            this.recordId("dfeChildrenServices"),
            withUpn ? m.upn : null,
            ...this.identityColumns(m, "DFE_CHILDREN_SERVICES"),
            episode,
            isoDay(e.start),
            e.end === null ? null : isoDay(e.end),
          ]);
        }
      }
    }
    if (inPopulation("benefits", age) && m.nino) {
      const mult = this.multiplier("benefits");
      const kinds: Array<[Benefit, StatusOutcome]> = [
        ["IS", "incomeSupport"],
        ["JSA", "jobseekersAllowance"],
        ["ESA", "employmentSupportAllowance"],
        ["UC", "universalCredit"],
      ];
      for (const [benefit, outcome] of kinds) {
        for (const e of this.episodes(o.statuses[outcome], mult)) {
          this.sink.emit("dwpBenefitSpells", [
            this.recordId("dwpBenefitSpells"),
            m.nino,
            ...this.identityColumns(m, "DWP_BENEFIT_SPELLS"),
            benefit,
            isoDay(e.start),
            e.end === null ? null : isoDay(e.end),
          ]);
        }
      }
    }
    const health: Array<[HealthSetting, EventOutcome]> = [
      ["A_AND_E", "aeAttendance"],
      ["MENTAL_HEALTH", "mentalHealthContact"],
    ];
    for (const [setting, outcome] of health) {
      for (const d of this.eventDays(o.events[outcome], this.multiplier("health"))) {
        this.sink.emit("healthContacts", [this.recordId("healthContacts"), ...this.identityColumns(m, "HEALTH_CONTACTS"), setting, isoDay(d)]);
      }
    }
    if (inPopulation("drugs", age)) {
      for (const e of this.episodes(o.statuses.drugTreatment, this.multiplier("drugs"))) {
        this.sink.emit("ndtmsEpisodes", [
          this.recordId("ndtmsEpisodes"),
          ...this.identityColumns(m, "NDTMS_EPISODES"),
          substances.pick(this.random),
          isoDay(e.start),
          e.end === null ? null : isoDay(e.end),
        ]);
      }
    }
  }

  private offences(m: Member, days: readonly number[], disposal: "CAUTION" | "CONVICTION" | "CUSTODIAL_SENTENCE"): void {
    for (const d of days) {
      let id = this.pncIds.get(m.slot);
      if (!id) {
        id = pncId(m.slot, this.options.seed, parts(d).year);
        this.pncIds.set(m.slot, id);
      }
      this.sink.emit("pncOffences", [
        this.recordId("pncOffences"),
        id,
        ...this.identityColumns(m, "PNC_OFFENCES"),
        isoDay(Math.max(DATA_FROM, d - this.random.int(7, 120))),
        offenceCategories.pick(this.random),
        disposal,
        isoDay(d),
      ]);
    }
  }

  /**
   * Termly attendance while the child is of compulsory school age, for the
   * terms the evaluation asked the National Pupil Database for (12 months
   * before the reference date to 24 months after). Whether a term is
   * persistently absent (over 10% of sessions missed) follows a chain over
   * terms whose marginals follow the persistent-absence target.
   */
  private attendance(m: Member, multiplier: number): void {
    if (!m.upn) return;
    const target = P.outcomes.statuses.persistentAbsence;
    const r = this.h.referenceDate;
    const c = this.curve(target);
    const requestFrom = addMonths(r, -12);
    const requestTo = addMonths(r, 24);
    let previous: { pa: boolean; pi: number } | null = null;
    // Academic years 2014/15 (its summer term) to 2020/21 (its autumn term).
    for (let year = 2014; year <= 2020; year++) {
      const terms: Array<[string, number, number]> = [
        ["AUTUMN", fromParts(year, 9, 1), 140],
        ["SPRING", fromParts(year + 1, 1, 4), 116],
        ["SUMMER", fromParts(year + 1, 4, 20), 124],
      ];
      for (const [term, start, sessions] of terms) {
        if (start < requestFrom || start >= requestTo) continue;
        const age = ageOn(m.dateOfBirth, start);
        if (age < 5 || age > 15) continue;
        const monthsFromReference = (start - r) / 30.44;
        const k = Math.floor(monthsFromReference / 6);
        const base = k < 0 ? target.before12 : (c[Math.min(k, 3)] as number);
        const pi = Math.min(0.95, base * multiplier);
        let pa: boolean;
        if (!previous) pa = this.random.chance(pi);
        else {
          let stay: number = target.persistence;
          let enter = (pi - previous.pi * stay) / (1 - previous.pi);
          if (enter < 0) {
            enter = 0;
            stay = pi / previous.pi;
          }
          pa = this.random.chance(previous.pa ? stay : enter);
        }
        previous = { pa, pi };
        const possible = sessions + this.random.int(-4, 4);
        const missed = Math.round(possible * (pa ? 0.11 + this.random.float() * 0.24 : this.random.float() * 0.085));
        const authorised = Math.round(missed * (0.45 + this.random.float() * 0.3));
        this.sink.emit("npdAttendance", [
          this.recordId("npdAttendance"),
          m.upn,
          ...this.identityColumns(m, "NPD_ATTENDANCE"),
          `${year}/${String((year + 1) % 100).padStart(2, "0")}`,
          term,
          isoDay(start),
          possible,
          authorised,
          missed - authorised,
        ]);
      }
    }
  }
}
