import { describe, expect, it } from 'vitest';
import { hasValidLuhnChecksum, organisationNumberSchema } from './common.js';

const parse = (value: unknown) => organisationNumberSchema.safeParse(value);
const messagesOf = (value: unknown) => {
  const result = parse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('organisation number', () => {
  it.each([
    ['212000-3005', '212000-3005'], // Uppsala kommun
    ['2120003005', '212000-3005'],
    [' 212000 3005 ', '212000-3005'],
    ['16212000-3005', '212000-3005'],
    ['162120003005', '212000-3005'],
    ['16 212000-0142', '212000-0142'], // Stockholms stad
    ['202100-5448', '202100-5448'], // Skatteverket
    ['556036-0793', '556036-0793'], // an aktiebolag
  ])('accepts %j as %s', (input, normalised) => {
    expect(parse(input)).toEqual({ success: true, data: normalised });
  });

  it.each(['212000-3006', '2120003004', '16212000-3006', '556036-0794'])(
    'refuses %j for its check digit, in Swedish',
    (input) => {
      expect(messagesOf(input)).toEqual(['Organisationsnumret har fel kontrollsiffra']);
    },
  );

  it.each(['212000-300', '21200030055', '19212000-3005', '16212000300', 'ABCDEF-GHIJ', ''])(
    'refuses %j as not ten digits, in Swedish',
    (input) => {
      expect(messagesOf(input)).toContain('Organisationsnumret ska ha tio siffror (NNNNNN-NNNN)');
    },
  );

  it('refuses what is not a string', () => {
    expect(parse(2120003005).success).toBe(false);
    expect(parse(undefined).success).toBe(false);
  });
});

describe('Luhn checksum', () => {
  it('accepts exactly one check digit for a body', () => {
    for (const body of ['212000300', '556036079', '000000000']) {
      const valid = [...'0123456789'].filter((digit) => hasValidLuhnChecksum(body + digit));
      expect(valid, body).toHaveLength(1);
    }
    expect(hasValidLuhnChecksum('2120003005')).toBe(true);
    expect(hasValidLuhnChecksum('2120003050')).toBe(false); // two digits swapped
  });
});
