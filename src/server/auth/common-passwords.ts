import { AppError } from '../core/errors.js';

/**
 * The common-password list of @zxcvbn-ts/language-common (about 49,000 passwords seen most in
 * leaks), read once, when a password is first chosen, rather than at every start.
 */
let common: Promise<ReadonlySet<string>> | undefined;
const commonPasswords = () => {
  common ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set((dictionary['passwords-common'] as string[]).map((entry) => entry.toLowerCase())),
  );
  return common;
};

/** Whether the password is on the list, in any letter case ("Password1234" is "password1234"). */
export async function isCommonPassword(password: string): Promise<boolean> {
  return (await commonPasswords()).has(password.toLowerCase());
}

export const COMMON_PASSWORD_MESSAGE = 'Lösenordet är för vanligt och lätt att gissa. Välj ett annat.';

/** Refuses a chosen password that is on the list, as a field error like the length rule's. */
export async function assertPasswordNotCommon(password: string): Promise<void> {
  if (await isCommonPassword(password)) {
    throw new AppError('VALIDATION_FAILED', COMMON_PASSWORD_MESSAGE, { password: COMMON_PASSWORD_MESSAGE });
  }
}
