import { z } from 'zod';

export const idSchema = z.uuid({ message: 'Ogiltigt id' });

/** A calendar date, `YYYY-MM-DD`, that exists. */
export const isoDateSchema = z.iso.date({ message: 'Ange ett datum som ÅÅÅÅ-MM-DD' });

export const idParamsSchema = z.object({ id: idSchema });

/** Luhn check digit over the ten digits of a Swedish organisation number. */
export function hasValidLuhnChecksum(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let value = Number(digits[index]) * (index % 2 === 0 ? 2 : 1);
    if (value > 9) value -= 9;
    sum += value;
  }
  return sum % 10 === 0;
}

/** Accepts `NNNNNN-NNNN`, `NNNNNNNNNN` or with a 16 prefix; always yields `NNNNNN-NNNN`. */
export const organisationNumberSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(/[\s-]/g, '').replace(/^16(?=\d{10}$)/, ''))
  .refine((digits) => /^\d{10}$/.test(digits), { message: 'Organisationsnumret ska ha tio siffror (NNNNNN-NNNN)' })
  .refine((digits) => hasValidLuhnChecksum(digits), { message: 'Organisationsnumret har fel kontrollsiffra' })
  .transform((digits) => `${digits.slice(0, 6)}-${digits.slice(6)}`);
