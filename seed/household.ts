import type { Cohort, EthnicGroup, FamilyStatus, HeadlineProblem, Relationship, Sex } from "../lib/domain.js";
import { ETHNIC_GROUPS, HEADLINE_PROBLEMS } from "../lib/domain.js";
import { LOCAL_AUTHORITIES, type LocalAuthorityRecord } from "../lib/data/local-authorities.js";
import { birthEra, FAMILY_NAMES, GIVEN_NAMES } from "./data/names.js";
import { addMonths, ageOn, day, yearOf } from "./days.js";
import { nationalInsuranceNumber, postcode, uniquePupilNumber } from "./identifiers.js";
import { PARAMETERS } from "./parameters.js";
import { Random, WeightedTable } from "./random.js";

/**
 * A family as the council knows it: the household, its headline problems,
 * its cohort and dates. Drawn from the family's own random stream, so the same
 * (seed, index) always gives the same household; outcomes are drawn from a
 * second stream (seed/outcomes.ts).
 */
export interface Member {
  /** Unique across the run: family index x 16 + position. */
  readonly slot: number;
  readonly id: string;
  readonly relationship: Relationship;
  readonly sex: Sex;
  readonly dateOfBirth: number;
  /** Age at the reference date. */
  readonly age: number;
  readonly givenName: string;
  readonly familyName: string;
  readonly ethnicGroup: EthnicGroup;
  /** The person's real identifiers, which departments hold. */
  readonly nino: string | null;
  readonly upn: string | null;
  /** What the council recorded of them. */
  readonly councilNino: string | null;
  readonly councilUpn: string | null;
}

export interface Household {
  readonly index: number;
  readonly id: string;
  readonly authority: LocalAuthorityRecord;
  readonly caseReference: string;
  readonly cohort: Cohort;
  readonly status: FamilyStatus;
  readonly assessmentDate: number;
  readonly interventionStart: number | null;
  readonly interventionEnd: number | null;
  /** Intervention start (treatment) or assessment date (comparison): windows are measured from it. */
  readonly referenceDate: number;
  readonly problems: ReadonlySet<HeadlineProblem>;
  readonly postcode: string;
  readonly members: readonly Member[];
}

const P = PARAMETERS;
const T = P.timeline;
const DATA_FROM = day(T.dataFrom);
const DATA_TO = day(T.dataTo);
const FIRST_REFERENCE = day(T.firstReferenceDate);
const LAST_REFERENCE = day(T.lastReferenceDate);
const DATA_CUT = day(T.dataCut);

const authorities = new WeightedTable(LOCAL_AUTHORITIES, LOCAL_AUTHORITIES.map((la) => la.population));
const problemCounts = WeightedTable.of(P.problems.countWeights);
const childCounts = WeightedTable.of(P.household.childCountWeights);
const ethnicGroups = WeightedTable.of(ETHNIC_GROUPS.map((g) => [g, P.ethnicGroups[g]] as const));
const familyNames = WeightedTable.of(FAMILY_NAMES.map((n) => [n.name, n.weight] as const));
const givenNames = new Map<string, WeightedTable<string>>();
for (const [era, bySex] of Object.entries(GIVEN_NAMES)) {
  for (const [sex, names] of Object.entries(bySex)) {
    givenNames.set(`${era}:${sex}`, WeightedTable.of(names.map((n) => [n.name, n.weight] as const)));
  }
}

function givenName(sex: Sex, dateOfBirth: number, random: Random): string {
  const year = yearOf(dateOfBirth);
  return (givenNames.get(`${birthEra(year)}:${sex}`) as WeightedTable<string>).pick(random);
}

/** Headline problems: a count, then problems drawn by prevalence without replacement. */
function drawProblems(random: Random): Set<HeadlineProblem> {
  const count = problemCounts.pick(random);
  const chosen = new Set<HeadlineProblem>();
  while (chosen.size < count) {
    const remaining = HEADLINE_PROBLEMS.filter((p) => !chosen.has(p));
    chosen.add(new WeightedTable(remaining, remaining.map((p) => P.problems.prevalence[p])).pick(random));
  }
  return chosen;
}

function treatmentProbability(problems: ReadonlySet<HeadlineProblem>): number {
  const s = P.treatmentSelection;
  let logit = s.intercept + s.perProblem * (problems.size - 3);
  for (const p of problems) logit += s.problemEffects[p] ?? 0;
  return 1 / (1 + Math.exp(-logit));
}

/** Triangular draw: adult ages cluster around the mode. */
function triangular(random: Random, min: number, mode: number, max: number): number {
  const u = random.float();
  const c = (mode - min) / (max - min);
  return Math.floor(u < c ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode)));
}

/** A date of birth giving exactly `age` whole years at `on`. */
function bornAged(age: number, on: number, random: Random): number {
  const birthday = addMonths(on, -12 * age);
  const dob = birthday - random.int(0, 364);
  return ageOn(dob, on) === age ? dob : birthday;
}

export function generateHousehold(seed: number, index: number): Household {
  const random = new Random(seed, index * 2);
  const authority = authorities.pick(random);
  const problems = drawProblems(random);
  const cohort: Cohort = random.chance(treatmentProbability(problems)) ? "TREATMENT" : "COMPARISON";
  const referenceDate = random.int(FIRST_REFERENCE, LAST_REFERENCE);

  let assessmentDate = referenceDate;
  let interventionStart: number | null = null;
  let interventionEnd: number | null = null;
  let status: FamilyStatus = "ELIGIBLE";
  if (cohort === "TREATMENT") {
    interventionStart = referenceDate;
    assessmentDate = referenceDate - random.int(...T.assessmentToStartDays);
    const withdrawn = random.chance(T.withdrawnShare);
    const end = addMonths(referenceDate, withdrawn ? random.int(1, 5) : random.int(...T.interventionMonths));
    if (end > DATA_CUT) status = "IN_INTERVENTION";
    else {
      status = withdrawn ? "WITHDRAWN" : "COMPLETED";
      interventionEnd = end;
    }
  }

  const id = random.uuid();
  const surname = familyNames.pick(random);
  const ethnicGroup = ethnicGroups.pick(random);
  const homePostcode = postcode(authority.postcodeAreas, random);
  const h = P.household;
  const members: Member[] = [];
  const add = (relationship: Relationship, sex: Sex, age: number, familyName: string) => {
    const slot = index * 16 + members.length;
    const dateOfBirth = bornAged(age, referenceDate, random);
    const ageAtAssessment = ageOn(dateOfBirth, assessmentDate);
    // Everyone 16 or over by the end of the data has a NINo; pupils of the data's years have a UPN.
    const nino = ageOn(dateOfBirth, DATA_TO) >= 16 ? nationalInsuranceNumber(slot, seed, random) : null;
    const birthYear = yearOf(dateOfBirth);
    const upn =
      ageOn(dateOfBirth, DATA_TO) >= 4 && ageOn(dateOfBirth, DATA_FROM) <= 16
        ? uniquePupilNumber(slot, seed, authority.dfeNumber, Math.max(2000, birthYear + 4))
        : null;
    members.push({
      slot,
      id: random.uuid(),
      relationship,
      sex,
      dateOfBirth,
      age,
      givenName: givenName(sex, dateOfBirth, random),
      familyName,
      ethnicGroup: random.chance(0.03) ? "NOT_KNOWN" : ethnicGroup,
      nino,
      upn,
      councilNino: nino && ageAtAssessment >= 16 && random.chance(P.councilIdentifiers.ninoRecorded) ? nino : null,
      councilUpn:
        upn && ageAtAssessment >= 5 && ageAtAssessment <= 16 && random.chance(P.councilIdentifiers.upnRecorded) ? upn : null,
    });
  };

  const carerSex: Sex = random.chance(h.mainCarerFemaleShare) ? "FEMALE" : "MALE";
  const carerAge = triangular(random, h.mainCarerAge[0], h.mainCarerModeAge, h.mainCarerAge[1]);
  add("MAIN_CARER", carerSex, carerAge, surname);
  if (random.chance(h.partnerShare)) {
    const sameSex = random.chance(h.partnerSameSexShare);
    const partnerSex: Sex = sameSex ? carerSex : carerSex === "FEMALE" ? "MALE" : "FEMALE";
    const partnerAge = Math.max(18, carerAge + random.int(-3, 8));
    add("PARTNER", partnerSex, partnerAge, random.chance(h.partnerSharesSurnameShare) ? surname : familyNames.pick(random));
  }
  const youngest = Math.max(0, carerAge - h.parentAgeAtBirth[1]);
  const oldest = Math.min(17, carerAge - h.parentAgeAtBirth[0]);
  const children = childCounts.pick(random);
  for (let i = 0; i < children && oldest >= youngest; i++) {
    add("CHILD", random.chance(0.5) ? "FEMALE" : "MALE", random.int(youngest, oldest), random.chance(0.85) ? surname : familyNames.pick(random));
  }
  if (random.chance(h.otherAdultShare)) {
    if (carerAge >= 36) add("OTHER_ADULT", random.chance(0.5) ? "FEMALE" : "MALE", random.int(18, Math.min(24, carerAge - 16)), surname);
    else add("OTHER_ADULT", random.chance(0.7) ? "FEMALE" : "MALE", carerAge + random.int(18, 30), random.chance(0.5) ? surname : familyNames.pick(random));
  }

  return {
    index,
    id,
    authority,
    caseReference: `TF/${authority.dfeNumber}/${yearOf(assessmentDate)}/${String(index + 1).padStart(7, "0")}`,
    cohort,
    status,
    assessmentDate,
    interventionStart,
    interventionEnd,
    referenceDate,
    problems,
    postcode: homePostcode,
    members,
  };
}

export const TIMELINE_DAYS = { DATA_FROM, DATA_TO } as const;
