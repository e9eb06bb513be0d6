import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import { errorText } from './ErrorMessage.js';

const texts: Record<string, string> = {
  'common.error': 'Något gick fel',
  'common.networkError': 'Kunde inte nå servern.',
  'common.errorReference': 'Ange referensen om du kontaktar supporten:',
};
const t = (key: string) => texts[key] ?? key;

describe('the text of an error shown to the user', () => {
  it('gives the reference the server logged an unexpected error under, for support to find it', () => {
    const error = new ApiError(500, 'INTERNAL', 'Ett oväntat fel inträffade.', {}, '3f2a9c1e-req');
    expect(errorText(error, t)).toBe(
      'Ett oväntat fel inträffade. Ange referensen om du kontaktar supporten: 3f2a9c1e-req',
    );
  });

  it("shows the server's own message for an error the user can act on", () => {
    expect(errorText(new ApiError(409, 'CONFLICT', 'Någon annan har ändrat aktiviteten.'), t)).toBe(
      'Någon annan har ändrat aktiviteten.',
    );
  });

  it('says the server could not be reached, and something went wrong for anything else', () => {
    expect(errorText(new ApiError(0, 'NETWORK', 'network'), t)).toBe('Kunde inte nå servern.');
    expect(errorText(new Error('boom'), t)).toBe('Något gick fel');
  });
});
