import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GoalStatus } from '../../shared/measurements.js';
import { addDays } from '../core/days.js';
import { type GoalPath, goalStatus, latestMeasurement, type MeasuredValue } from './status.js';

/** From 40 % on 1 January to 100 % on 11 April 2027: 100 days, 0.6 points a day. */
const assessment: GoalPath = {
  baseline: 40,
  target: 100,
  targetDate: '2027-04-11',
  startDate: '2027-01-01',
  unit: 'percent',
};

const measured = (measuredOn: string, value: number, createdAt = `${measuredOn}T12:00:00.000Z`): MeasuredValue => ({
  measuredOn,
  value,
  createdAt,
});

describe('goalStatus', () => {
  it('is not measured before the first measurement, and missed once the target date has passed without one', () => {
    expect(goalStatus(assessment, [], '2027-02-01')).toEqual({
      state: 'not_measured',
      expected: null,
      latest: null,
      explanation: 'Ingen mätning är gjord än; målvärdet 100 % ska vara nått 11 april 2027.',
    });
    expect(goalStatus(assessment, [], '2027-04-11').state).toBe('not_measured');
    expect(goalStatus(assessment, [], '2027-04-12')).toMatchObject({
      state: 'missed',
      explanation: 'Ingen mätning är gjord, och målvärdet 100 % skulle ha varit nått 11 april 2027.',
    });
  });

  it('is on track at or above the straight path on the measurement’s date, at risk below it', () => {
    // 31 days in: 40 + 0.6 × 31 = 58.6.
    expect(goalStatus(assessment, [measured('2027-02-01', 58.6)], '2027-02-10')).toEqual({
      state: 'on_track',
      expected: 58.6,
      latest: { value: 58.6, measuredOn: '2027-02-01' },
      explanation:
        'Senaste mätningen 58,6 % (1 februari) ligger på eller över den raka vägen mot målet, 58,6 % vid det datumet.',
    });
    expect(goalStatus(assessment, [measured('2027-02-01', 58.5)], '2027-02-10')).toMatchObject({
      state: 'at_risk',
      expected: 58.6,
      explanation:
        'Senaste mätningen 58,5 % (1 februari) ligger under den raka vägen mot målet, 58,6 % vid det datumet.',
    });
  });

  it('judges the latest measurement by date, the one recorded last on the same day', () => {
    const measurements = [
      measured('2027-03-01', 90),
      measured('2027-02-01', 50, '2027-03-02T08:00:00.000Z'),
      measured('2027-03-01', 60, '2027-03-01T15:00:00.000Z'),
    ];
    expect(latestMeasurement(measurements)).toBe(measurements[2]);
    expect(goalStatus(assessment, measurements, '2027-03-05')).toMatchObject({
      state: 'at_risk',
      latest: { value: 60, measuredOn: '2027-03-01' },
    });
  });

  it('is achieved when the latest value meets the target, even after the target date', () => {
    expect(goalStatus(assessment, [measured('2027-03-01', 100)], '2027-06-01')).toMatchObject({
      state: 'achieved',
      explanation: 'Senaste mätningen 100 % (1 mars) når målvärdet 100 %.',
    });
    expect(goalStatus(assessment, [measured('2027-04-10', 99.5)], '2027-04-12')).toMatchObject({
      state: 'missed',
      expected: 99.4,
      explanation:
        'Senaste mätningen 99,5 % (10 april) når inte målvärdet 100 %, som skulle ha varit nått 11 april 2027.',
    });
  });

  it('clamps the path to its ends: the baseline before the start, the target after the target date', () => {
    expect(goalStatus(assessment, [measured('2026-12-01', 40)], '2027-01-05')).toMatchObject({
      state: 'on_track',
      expected: 40,
      explanation:
        'Senaste mätningen 40 % (1 december 2026) ligger på eller över den raka vägen mot målet, 40 % vid det datumet.',
    });
  });

  it('follows a goal that goes down, with its unit written out', () => {
    const absence: GoalPath = {
      baseline: 300,
      target: 100,
      targetDate: '2027-04-11',
      startDate: '2027-01-01',
      unit: 'count',
      unitLabel: 'oanmälda frånvarotillfällen',
    };
    // 50 days in: 300 − 2 × 50 = 200.
    expect(goalStatus(absence, [measured('2027-02-20', 190)], '2027-03-01')).toMatchObject({
      state: 'on_track',
      expected: 200,
      explanation:
        'Senaste mätningen 190 oanmälda frånvarotillfällen (20 februari) ligger på eller under den raka vägen mot målet, 200 oanmälda frånvarotillfällen vid det datumet.',
    });
    expect(goalStatus(absence, [measured('2027-02-20', 210)], '2027-03-01').state).toBe('at_risk');
    expect(goalStatus(absence, [measured('2027-02-20', 100)], '2027-03-01').state).toBe('achieved');
  });

  it('cannot judge a goal without a target', () => {
    expect(goalStatus({ ...assessment, target: null }, [measured('2027-02-01', 70)], '2027-02-02')).toEqual({
      state: 'not_measured',
      expected: null,
      latest: { value: 70, measuredOn: '2027-02-01' },
      explanation: 'Målet saknar utgångsvärde, målvärde eller datum för målvärdet, så läget går inte att bedöma.',
    });
  });
});

// ---- Properties ----

const day = (offset: number) => addDays('2027-01-01', offset);
const goals = fc.record({
  baseline: fc.integer({ min: 0, max: 1000 }).map((value) => value / 10),
  target: fc.integer({ min: 0, max: 1000 }).map((value) => value / 10),
  startOffset: fc.integer({ min: -30, max: 30 }),
  length: fc.integer({ min: 0, max: 400 }),
});
const pathOf = (goal: { baseline: number; target: number; startOffset: number; length: number }): GoalPath => ({
  baseline: goal.baseline,
  target: goal.target,
  startDate: day(goal.startOffset),
  targetDate: day(goal.startOffset + goal.length),
  unit: 'percent',
});
const measurementLists = fc.array(
  fc.record({
    value: fc.integer({ min: 0, max: 1000 }).map((value) => value / 10),
    dayOffset: fc.integer({ min: -60, max: 460 }),
    recordedOffset: fc.integer({ min: 0, max: 1000 }),
  }),
  { minLength: 1, maxLength: 6 },
);
const asMeasurements = (list: { value: number; dayOffset: number; recordedOffset: number }[]) =>
  list.map((entry) => measured(day(entry.dayOffset), entry.value, `${day(entry.recordedOffset)}T10:00:00.000Z`));
const todays = fc.integer({ min: -60, max: 500 }).map(day);

/** Worst first; `not_measured` never occurs with a measurement. */
const stateOrder: GoalStatus[] = ['missed', 'at_risk', 'on_track', 'achieved'];
const rank = (state: GoalStatus) => stateOrder.indexOf(state);

describe('goalStatus properties', () => {
  it('is achieved exactly when the latest value meets the target', () => {
    fc.assert(
      fc.property(goals, measurementLists, todays, (goal, list, today) => {
        const measurements = asMeasurements(list);
        const latest = latestMeasurement(measurements) as MeasuredValue;
        const met = goal.target >= goal.baseline ? latest.value >= goal.target : latest.value <= goal.target;
        expect(goalStatus(pathOf(goal), measurements, today).state === 'achieved').toBe(met);
      }),
    );
  });

  it('never worsens when the latest value moves towards the target', () => {
    fc.assert(
      fc.property(
        goals,
        measurementLists,
        todays,
        fc.integer({ min: 1, max: 1000 }),
        (goal, list, today, improvement) => {
          const measurements = asMeasurements(list);
          const latest = latestMeasurement(measurements) as MeasuredValue;
          const towardsTarget = goal.target >= goal.baseline ? improvement / 10 : -improvement / 10;
          const improved = measurements.map((measurement) =>
            measurement === latest ? { ...measurement, value: measurement.value + towardsTarget } : measurement,
          );
          const before = goalStatus(pathOf(goal), measurements, today).state;
          const after = goalStatus(pathOf(goal), improved, today).state;
          expect(rank(after)).toBeGreaterThanOrEqual(rank(before));
        },
      ),
    );
  });

  it('expects a value between the baseline and the target', () => {
    fc.assert(
      fc.property(goals, measurementLists, todays, (goal, list, today) => {
        const { expected } = goalStatus(pathOf(goal), asMeasurements(list), today);
        expect(expected).not.toBeNull();
        expect(expected).toBeGreaterThanOrEqual(Math.min(goal.baseline, goal.target));
        expect(expected).toBeLessThanOrEqual(Math.max(goal.baseline, goal.target));
      }),
    );
  });
});
