import { LOCAL_AUTHORITY_CODE } from "../lib/auth/caller.js";
import { LOCAL_AUTHORITY_CODES, REGION_NAMES } from "../lib/data/local-authorities.js";
import { badInput } from "../lib/errors.js";

/** The authority code, or a BAD_USER_INPUT error saying what a code looks like. */
export function requireLocalAuthority(code: string, argument: string): string {
  if (!LOCAL_AUTHORITY_CODE.test(code)) {
    throw badInput(`${argument} must be an ONS local authority code such as E08000003.`);
  }
  if (!LOCAL_AUTHORITY_CODES.has(code)) throw badInput(`${argument} is not an English upper-tier local authority.`);
  return code;
}

/** The region code, or a BAD_USER_INPUT error. */
export function requireRegion(code: string, argument: string): string {
  if (!REGION_NAMES.has(code)) throw badInput(`${argument} must be an ONS region code such as E12000002.`);
  return code;
}
