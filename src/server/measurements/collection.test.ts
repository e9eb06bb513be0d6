import { describe, expect, it } from 'vitest';
import { collectionDatesByGoal, dueCollectionDates, nextCollectionDate } from './collection.js';

describe('collection dates', () => {
  it('gathers each goal’s dates from the evaluation items it is linked to, ascending and each once', () => {
    const dates = collectionDatesByGoal(
      [
        { id: 'enkat', collectionDates: ['2027-06-01', '2027-03-01'] },
        { id: 'rapport', collectionDates: ['2027-03-01', '2027-09-01'] },
        { id: 'olankad', collectionDates: ['2027-01-01'] },
      ],
      [
        { evaluationItemId: 'enkat', goalId: 'bedomning' },
        { evaluationItemId: 'rapport', goalId: 'bedomning' },
        { evaluationItemId: 'rapport', goalId: 'franvaro' },
      ],
    );
    expect(Object.fromEntries(dates)).toEqual({
      bedomning: ['2027-03-01', '2027-06-01', '2027-09-01'],
      franvaro: ['2027-03-01', '2027-09-01'],
    });
  });

  it('names the next date from today on', () => {
    const dates = ['2027-03-01', '2027-06-01'];
    expect(nextCollectionDate(dates, '2027-02-01')).toBe('2027-03-01');
    expect(nextCollectionDate(dates, '2027-03-01')).toBe('2027-03-01');
    expect(nextCollectionDate(dates, '2027-03-02')).toBe('2027-06-01');
    expect(nextCollectionDate(dates, '2027-06-02')).toBeNull();
  });

  it('reminds from the date itself up to a week after it, not before and not later', () => {
    const dates = ['2027-03-01'];
    expect(dueCollectionDates(dates, '2027-02-28')).toEqual([]);
    expect(dueCollectionDates(dates, '2027-03-01')).toEqual(['2027-03-01']);
    expect(dueCollectionDates(dates, '2027-03-08')).toEqual(['2027-03-01']);
    expect(dueCollectionDates(dates, '2027-03-09')).toEqual([]);
  });
});
