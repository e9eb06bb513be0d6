import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerSilentDays, type HealthInput, projectHealth, sessionsShortOfDueTrainings } from './health.js';

const HEALTHY: HealthInput = {
  overdueCustomer: 0,
  overdueVendor: 0,
  goalsAtRisk: 0,
  goalsMissed: 0,
  trainingSessionsShort: 0,
  organisationGaps: 0,
  unreadRevisions: 0,
  customerSilentDays: 0,
};

const anyInput = fc.record({
  overdueCustomer: fc.nat(40),
  overdueVendor: fc.nat(40),
  goalsAtRisk: fc.nat(10),
  goalsMissed: fc.nat(10),
  trainingSessionsShort: fc.nat(10),
  organisationGaps: fc.nat(20),
  unreadRevisions: fc.nat(10),
  customerSilentDays: fc.nat(400),
});

describe('the health of a project', () => {
  it('is 100 and good with nothing wrong', () => {
    expect(projectHealth(HEALTHY)).toEqual({ score: 100, level: 'good', factors: [] });
  });

  it('takes points per factor and lists the factors largest first with their figures', () => {
    const health = projectHealth({ ...HEALTHY, overdueCustomer: 2, overdueVendor: 1, unreadRevisions: 1 });
    expect(health.score).toBe(100 - 8 - 5 - 5);
    expect(health.level).toBe('good');
    expect(health.factors).toEqual([
      { key: 'overdueCustomer', points: 8, count: 2 },
      { key: 'overdueVendor', points: 5, count: 1 },
      { key: 'unreadRevisions', points: 5, count: 1 },
    ]);
  });

  it('caps each factor, so one kind of trouble alone never makes a project critical', () => {
    const worst = {
      overdueCustomer: 24,
      overdueVendor: 25,
      trainingSessionsShort: 15,
      organisationGaps: 15,
      unreadRevisions: 10,
    } as const;
    for (const [key, points] of Object.entries(worst)) {
      const health = projectHealth({ ...HEALTHY, [key]: 100 });
      expect(health.factors.map((factor) => factor.points)).toEqual([points]);
      expect(health.level).not.toBe('critical');
    }
  });

  it('counts missed goals first and caps the goals at 30 together', () => {
    expect(projectHealth({ ...HEALTHY, goalsMissed: 1, goalsAtRisk: 1 }).factors).toEqual([
      { key: 'goalsMissed', points: 12, count: 1 },
      { key: 'goalsAtRisk', points: 8, count: 1 },
    ]);
    expect(projectHealth({ ...HEALTHY, goalsMissed: 2, goalsAtRisk: 3 }).factors).toEqual([
      { key: 'goalsMissed', points: 24, count: 2 },
      { key: 'goalsAtRisk', points: 6, count: 3 },
    ]);
    expect(projectHealth({ ...HEALTHY, goalsMissed: 3, goalsAtRisk: 3 }).factors).toEqual([
      { key: 'goalsMissed', points: 30, count: 3 },
    ]);
  });

  it('counts a silent customer after three weeks, and twice as much after six', () => {
    const silence = (days: number) => projectHealth({ ...HEALTHY, customerSilentDays: days }).factors;
    expect(silence(21)).toEqual([]);
    expect(silence(22)).toEqual([{ key: 'customerSilent', points: 10, count: 22 }]);
    expect(silence(42)).toEqual([{ key: 'customerSilent', points: 10, count: 42 }]);
    expect(silence(43)).toEqual([{ key: 'customerSilent', points: 20, count: 43 }]);
  });

  it('is good from 80, watched from 55 and critical below', () => {
    expect(projectHealth({ ...HEALTHY, overdueCustomer: 5 })).toMatchObject({ score: 80, level: 'good' });
    expect(projectHealth({ ...HEALTHY, organisationGaps: 7 })).toMatchObject({ score: 85, level: 'good' });
    expect(projectHealth({ ...HEALTHY, overdueCustomer: 6 })).toMatchObject({ score: 76, level: 'watch' });
    expect(projectHealth({ ...HEALTHY, overdueVendor: 5, goalsMissed: 2 })).toMatchObject({
      score: 51,
      level: 'critical',
    });
    expect(projectHealth({ ...HEALTHY, overdueVendor: 5, goalsMissed: 1, goalsAtRisk: 1 })).toMatchObject({
      score: 55,
      level: 'watch',
    });
  });

  it('stays between 0 and 100, its factors adding up to what it lost', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const health = projectHealth(input);
        expect(health.score).toBeGreaterThanOrEqual(0);
        expect(health.score).toBeLessThanOrEqual(100);
        const lost = health.factors.reduce((sum, factor) => sum + factor.points, 0);
        expect(health.score).toBe(Math.max(0, 100 - lost));
        const points = health.factors.map((factor) => factor.points);
        expect(points).toEqual([...points].sort((a, b) => b - a));
      }),
    );
  });

  it('never rises with one more overdue activity on either side', () => {
    fc.assert(
      fc.property(anyInput, fc.constantFrom('overdueCustomer', 'overdueVendor'), (input, side) => {
        const worse = { ...input, [side]: input[side as keyof HealthInput] + 1 };
        expect(projectHealth(worse).score).toBeLessThanOrEqual(projectHealth(input).score);
      }),
    );
  });

  it('has no factors exactly when it is 100', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const health = projectHealth(input);
        expect(health.factors.length === 0).toBe(health.score === 100);
      }),
    );
  });
});

describe('training sessions short', () => {
  const TODAY = '2027-03-01';

  it('counts the sessions missing for trainings within six weeks or past, not later or undated ones', () => {
    expect(
      sessionsShortOfDueTrainings(
        [
          { booked: 0, needed: 2, keyActivityDate: '2027-04-12' },
          { booked: 1, needed: 3, keyActivityDate: '2027-01-10' },
          { booked: 0, needed: 4, keyActivityDate: '2027-04-13' },
          { booked: 0, needed: 5, keyActivityDate: null },
          { booked: 3, needed: 1, keyActivityDate: '2027-02-01' },
        ],
        TODAY,
      ),
    ).toBe(2 + 2);
  });
});

describe('how long the customer has been silent', () => {
  it('counts from their last change, or from the start when they never changed anything', () => {
    expect(customerSilentDays('2027-02-01', '2026-12-01', '2027-03-01')).toBe(28);
    expect(customerSilentDays(null, '2026-12-01', '2027-03-01')).toBe(90);
    expect(customerSilentDays(null, '2027-04-01', '2027-03-01')).toBe(0);
  });
});
