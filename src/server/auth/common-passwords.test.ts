import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.js';
import { assertPasswordNotCommon, isCommonPassword } from './common-passwords.js';

describe('the common-password rule', () => {
  it('finds passwords of the shipped list in any letter case', async () => {
    for (const password of ['1234567890', 'qwertyuiop', 'password123', 'PassWord123', 'QWERTYUIOP']) {
      expect(await isCommonPassword(password), password).toBe(true);
    }
  });

  it('lets through passwords that are not on it', async () => {
    for (const password of ['ett-langt-losenord', 'stegvis-demo-2026', 'Korvbrödsbagare på Gotland']) {
      expect(await isCommonPassword(password), password).toBe(false);
    }
  });

  it('refuses a common password with a Swedish message on the password field', async () => {
    const refused = await assertPasswordNotCommon('Password123').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { password: 'Lösenordet är för vanligt och lätt att gissa. Välj ett annat.' },
    });
    await expect(assertPasswordNotCommon('ett-langt-losenord')).resolves.toBeUndefined();
  });
});
