import { describe, expect, it } from 'vitest';
import { followOnName, followUpDate } from './follow-up.js';

describe('the day the follow-up meeting is put on', () => {
  it('is 26 weeks after the start while that day is still ahead', () => {
    expect(followUpDate({ startDate: '2027-01-11', today: '2027-03-01' })).toBe('2027-07-12');
  });

  it('is the usual day itself when that is today', () => {
    expect(followUpDate({ startDate: '2027-01-11', today: '2027-07-12' })).toBe('2027-07-12');
  });

  it('is two weeks from today once the usual day has passed', () => {
    expect(followUpDate({ startDate: '2027-01-11', today: '2027-07-13' })).toBe('2027-07-27');
    expect(followUpDate({ startDate: '2026-01-05', today: '2027-12-20' })).toBe('2028-01-03');
  });

  it('follows the weeks the template suggests', () => {
    expect(followUpDate({ startDate: '2027-01-11', today: '2027-01-11', weeksAfterStart: 4 })).toBe('2027-02-08');
  });
});

describe('the name offered for a follow-on project', () => {
  it('names what the next step introduces and for which customer', () => {
    expect(
      followOnName(
        'Planera införande av Skolplattformen Hub – inloggning för vårdnadshavare och elever.',
        'Åkerby kommun',
      ),
    ).toBe('Införande av Skolplattformen Hub – Åkerby kommun');
  });

  it('takes a step without a dash as it is, less its full stop', () => {
    expect(followOnName('Planera uppgradering av schemat.', 'Borgby kommun')).toBe(
      'Uppgradering av schemat – Borgby kommun',
    );
    expect(followOnName('utbildning av nya rektorer', 'Borgby kommun')).toBe(
      'Utbildning av nya rektorer – Borgby kommun',
    );
  });

  it('falls back to "Nästa steg" when the template has no next step', () => {
    expect(followOnName(null, 'Åkerby kommun')).toBe('Nästa steg – Åkerby kommun');
    expect(followOnName('Planera.', 'Åkerby kommun')).toBe('Nästa steg – Åkerby kommun');
  });
});
