import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  isoWeek,
  isoWeekday,
  stockholmDay,
  stockholmTimeToUtc,
  swedishDate,
  weekNumber,
} from './days.js';

describe('days in Sweden', () => {
  it('takes today from Swedish time, summer and winter', () => {
    expect(stockholmDay(new Date('2027-03-30T22:30:00Z'))).toBe('2027-03-31');
    expect(stockholmDay(new Date('2027-03-30T21:30:00Z'))).toBe('2027-03-30');
    expect(stockholmDay(new Date('2027-01-14T22:59:00Z'))).toBe('2027-01-14');
    expect(stockholmDay(new Date('2027-01-14T23:00:00Z'))).toBe('2027-01-15');
  });

  it('counts days across months, leap days and the change to summer time', () => {
    expect(addDays('2027-03-29', 3)).toBe('2027-04-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
    expect(daysBetween('2027-04-01', '2027-03-29')).toBe(-3);
  });

  it('numbers weekdays from Monday and weeks by ISO 8601', () => {
    expect(isoWeekday('2027-03-29')).toBe(1);
    expect(isoWeekday('2027-04-04')).toBe(7);
    expect(isoWeek('2027-03-29')).toBe('2027-W13');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(weekNumber('2027-03-31')).toBe(13);
  });

  it('writes a date the Swedish way', () => {
    expect(swedishDate('2027-03-31')).toBe('31 mars 2027');
    expect(swedishDate('2027-01-01')).toBe('1 januari 2027');
  });
});

describe('stockholmDay, as the checklist uses it', () => {
  it('is the calendar day in Sweden, in winter and in summer time', () => {
    expect(stockholmDay(new Date('2027-01-14T22:59:59Z'))).toBe('2027-01-14');
    expect(stockholmDay(new Date('2027-01-14T23:00:00Z'))).toBe('2027-01-15');
    expect(stockholmDay(new Date('2027-06-14T21:59:59Z'))).toBe('2027-06-14');
    expect(stockholmDay(new Date('2027-06-14T22:00:00Z'))).toBe('2027-06-15');
  });

  it('adds days across months and years', () => {
    expect(addDays('2027-02-27', 2)).toBe('2027-03-01');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });
});

describe('stockholmTimeToUtc', () => {
  it('is one hour behind in winter and two in summer', () => {
    expect(stockholmTimeToUtc('2027-01-14', '09:00').toISOString()).toBe('2027-01-14T08:00:00.000Z');
    expect(stockholmTimeToUtc('2027-06-14', '09:00').toISOString()).toBe('2027-06-14T07:00:00.000Z');
    expect(stockholmTimeToUtc('2027-01-01', '00:30').toISOString()).toBe('2026-12-31T23:30:00.000Z');
  });

  it('changes offset exactly at 02:00 on the last Sunday of March and 03:00 on the last Sunday of October', () => {
    expect(stockholmTimeToUtc('2027-03-28', '01:30').toISOString()).toBe('2027-03-28T00:30:00.000Z');
    expect(stockholmTimeToUtc('2027-03-28', '03:30').toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(stockholmTimeToUtc('2027-03-28', '09:00').toISOString()).toBe('2027-03-28T07:00:00.000Z');
    expect(stockholmTimeToUtc('2027-03-27', '09:00').toISOString()).toBe('2027-03-27T08:00:00.000Z');
    expect(stockholmTimeToUtc('2027-10-31', '01:30').toISOString()).toBe('2027-10-30T23:30:00.000Z');
    expect(stockholmTimeToUtc('2027-10-31', '09:00').toISOString()).toBe('2027-10-31T08:00:00.000Z');
    expect(stockholmTimeToUtc('2027-10-30', '09:00').toISOString()).toBe('2027-10-30T07:00:00.000Z');
  });

  it('reads back as the same Swedish day and time', () => {
    const timeFormat = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Stockholm',
      hour: '2-digit',
      minute: '2-digit',
    });
    for (const [day, time] of [
      ['2027-03-02', '09:00'],
      ['2027-07-15', '13:15'],
      ['2027-10-31', '16:45'],
      ['2028-02-29', '23:59'],
    ]) {
      const instant = stockholmTimeToUtc(day, time);
      expect([stockholmDay(instant), timeFormat.format(instant)]).toEqual([day, time]);
    }
  });
});
