import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDate } from './dates.js';

describe('reading dates from an export', () => {
  it.each([
    ['2027-03-14', '2027-03-14'],
    [' 2027-03-14 ', '2027-03-14'],
    ['2027-03-14 08:15', '2027-03-14'],
    ['2027-03-14 08:15:30', '2027-03-14'],
    ['2027-3-4', '2027-03-04'],
    ['2027/03/14', '2027-03-14'],
    ['14/3/2027', '2027-03-14'],
    ['14/03/2027 08:15', '2027-03-14'],
    ['14.3.2027', '2027-03-14'],
    ['20270314', '2027-03-14'],
    ['46460', '2027-03-14'],
    ['46460.34375', '2027-03-14'],
    ['2028-02-29', '2028-02-29'],
  ])('reads %j as %s', (text, date) => {
    expect(readDate(text)).toEqual({ date });
  });

  it('takes the day in Sweden of an instant with a time zone', () => {
    expect(readDate('2027-03-14T23:30:00Z')).toEqual({ date: '2027-03-15' });
    expect(readDate('2027-06-30T22:30:00.000Z')).toEqual({ date: '2027-07-01' });
    expect(readDate('2027-03-14T08:15:00+01:00')).toEqual({ date: '2027-03-14' });
    expect(readDate('2027-03-14T00:30:00+0200')).toEqual({ date: '2027-03-13' });
  });

  it.each([
    '31/31/2027',
    '2027-02-29',
    '2027-13-01',
    '2027-00-10',
    '3/14/2027',
    '2027-03-14 25:00',
    '14 mars 2027',
    'i går',
    '12',
    '2027',
    '20271399',
    '14/3/27',
    '2027/03/14Z',
  ])('refuses %j with the text in the reason', (text) => {
    expect(readDate(text)).toEqual({ reason: `Datumet '${text}' kunde inte läsas` });
  });

  it('reads back every calendar day it writes, in each written form', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1950-01-01'), max: new Date('2150-12-31'), noInvalidDate: true }), (at) => {
        const iso = at.toISOString().slice(0, 10);
        const [year, month, day] = iso.split('-');
        for (const written of [
          iso,
          `${year}/${month}/${day}`,
          `${Number(day)}/${Number(month)}/${year}`,
          `${year}${month}${day}`,
          `${iso} 12:00`,
        ]) {
          expect(readDate(written)).toEqual({ date: iso });
        }
      }),
    );
  });
});
