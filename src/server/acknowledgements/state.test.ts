import { describe, expect, it } from 'vitest';
import {
  acknowledgementState,
  confirmedCount,
  distinctHoldings,
  responsibilityHash,
  sameResponsibility,
} from './state.js';

const text = 'Projektledare har det övergripande ansvaret.\nRapporterar till styrgruppen.';
const confirmedAt = '2027-03-03T09:00:00.000Z';

describe('acknowledgement state', () => {
  it('is missing without a confirmation', () => {
    expect(acknowledgementState(null, text)).toEqual({ state: 'missing', acknowledgedAt: null });
  });

  it('is confirmed while the confirmation was of the text in force', () => {
    const confirmation = { textHash: responsibilityHash(text), acknowledgedAt: confirmedAt };
    expect(acknowledgementState(confirmation, text)).toEqual({ state: 'confirmed', acknowledgedAt: confirmedAt });
  });

  it('is outdated once the text changed, keeping the date of the earlier confirmation', () => {
    const confirmation = { textHash: responsibilityHash(text), acknowledgedAt: confirmedAt };
    expect(acknowledgementState(confirmation, `${text} Och budgeten.`)).toEqual({
      state: 'outdated',
      acknowledgedAt: confirmedAt,
    });
  });

  it('takes line endings and surrounding blanks as the same text, and any other difference as another', () => {
    expect(responsibilityHash(`  ${text.replace('\n', '\r\n')}\n`)).toBe(responsibilityHash(text));
    expect(sameResponsibility(text.replace('\n', '\r\n'), text)).toBe(true);
    expect(sameResponsibility(text.replace('övergripande', 'hela'), text)).toBe(false);
    expect(responsibilityHash(text)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('holdings', () => {
  it('counts a person once per role and school', () => {
    const rows = [
      { roleKey: 'administrator', schoolId: 'a', personId: 'p1' },
      { roleKey: 'administrator', schoolId: 'a', personId: 'p1' },
      { roleKey: 'administrator', schoolId: 'b', personId: 'p1' },
      { roleKey: 'rektor', schoolId: 'a', personId: 'p1' },
      { roleKey: 'styrgrupp', schoolId: null, personId: 'p1' },
    ];
    expect(distinctHoldings(rows)).toEqual([rows[0], rows[2], rows[3], rows[4]]);
  });

  it('counts the confirmed among all', () => {
    expect(confirmedCount([{ state: 'confirmed' }, { state: 'outdated' }, { state: 'missing' }])).toEqual({
      confirmed: 1,
      total: 3,
    });
  });
});
