import type { Random } from "./random.js";

/**
 * Identifiers in the formats councils and departments use. Unique ones (NINo,
 * UPN, PNC id) are derived from a person's slot (family index x 16 + member
 * index) through a seeded bijection, so they never collide however many
 * people are generated, and do not depend on batching.
 */

const NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ"; // not D F I Q U V
const NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ"; // nor O
const NINO_NOT_ISSUED = new Set(["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"]);
const NINO_PREFIXES = [...NINO_FIRST].flatMap((a) => [...NINO_SECOND].map((b) => a + b)).filter((p) => !NINO_NOT_ISSUED.has(p));
const NINO_SPACE = NINO_PREFIXES.length * 1_000_000;

/** Valid National Insurance number format: two prefix letters, six digits, suffix A-D. */
export const NINO_FORMAT = /^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][0-9]{6}[A-D]$/;

/** An affine map that is a bijection on [0, modulus) (multiplier coprime to the modulus). */
function scramble(slot: number, seed: number, multiplier: number, modulus: number): number {
  const offset = (seed * 7919) % modulus;
  return Number((BigInt(slot) * BigInt(multiplier) + BigInt(offset)) % BigInt(modulus));
}

export function nationalInsuranceNumber(slot: number, seed: number, random: Random): string {
  const v = scramble(slot, seed, 48_271, NINO_SPACE);
  const prefix = NINO_PREFIXES[Math.floor(v / 1_000_000)] as string;
  return `${prefix}${String(v % 1_000_000).padStart(6, "0")}${"ABCD"[random.int(0, 3)]}`;
}

const UPN_CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

/**
 * DfE Unique Pupil Number: check letter, 3-digit LA number, 4-digit
 * establishment, 2-digit year of allocation, 3-digit serial. The check letter
 * is the DfE's: digits in positions 2-13 weighted 2-13, summed, modulo 23.
 */
export function uniquePupilNumber(slot: number, seed: number, dfeNumber: number, allocationYear: number): string {
  const v = scramble(slot, seed, 65_537, 9_000_000);
  const body = `${String(dfeNumber).padStart(3, "0")}${1000 + Math.floor(v / 1000)}${String(allocationYear % 100).padStart(2, "0")}${String(v % 1000).padStart(3, "0")}`;
  return `${upnCheckLetter(body)}${body}`;
}

export function upnCheckLetter(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[i]) * (i + 2);
  return UPN_CHECK_LETTERS[sum % 23] as string;
}

/** PNC-style person id: two-digit year of first record, seven digits, check letter. */
export function pncId(slot: number, seed: number, year: number): string {
  const v = scramble(slot, seed, 40_503, 10_000_000);
  const yy = String(year % 100).padStart(2, "0");
  const digits = String(v).padStart(7, "0");
  return `${yy}/${digits}${"ZABCDEFGHJKLMNPQRTUVWXY"[Number(`${yy}${digits}`) % 23]}`;
}

const INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"; // Royal Mail never uses C I K M O V inward

/** A postcode in one of the authority's postcode areas, formatted as Royal Mail does ("M14 5QT"). */
export function postcode(areas: readonly string[], random: Random): string {
  const area = random.pick(areas);
  const district = area.length === 1 ? random.int(1, 40) : random.int(1, 20);
  return `${area}${district} ${random.int(0, 9)}${random.pick([...INWARD_LETTERS])}${random.pick([...INWARD_LETTERS])}`;
}

/** How linkage compares names: letters only, upper case (apostrophes, hyphens and spaces ignored). */
export function normaliseName(name: string): string {
  return name.replace(/[^A-Za-z]/g, "").toUpperCase();
}

const LOWER = "abcdefghijklmnopqrstuvwxyz";

/**
 * A keying error that survives normalisation: a letter substituted, dropped,
 * doubled or two letters swapped.
 */
export function typo(name: string, random: Random): string {
  for (let attempt = 0; attempt < 5; attempt++) {
    const i = random.int(1, Math.max(1, name.length - 1));
    let result: string;
    switch (random.int(0, 3)) {
      case 0:
        result = name.slice(0, i) + random.pick([...LOWER]) + name.slice(i + 1);
        break;
      case 1:
        result = name.length > 2 ? name.slice(0, i) + name.slice(i + 1) : name + "e";
        break;
      case 2:
        result = name.slice(0, i) + (name[i] ?? "e") + name.slice(i);
        break;
      default:
        result = i < name.length - 1 ? name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2) : name + "s";
    }
    if (normaliseName(result) !== normaliseName(name)) return result;
  }
  return `${name}x`;
}

/** A harmless formatting difference: case, or the space dropped. */
export function reformatPostcode(code: string, random: Random): string {
  return random.chance(0.5) ? code.toLowerCase() : code.replace(" ", "");
}
