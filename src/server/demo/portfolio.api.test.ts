import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClosureOverview } from '../../shared/closure.js';
import type { Portfolio, PortfolioRow } from '../../shared/portfolio.js';
import type { Clock } from '../core/clock.js';
import { createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { DEMO_CUSTOMER, seedDemo } from './seed.js';

const clock: Clock = { now: () => new Date('2027-02-01T08:00:00.000Z') };
let testApp: TestApp;
beforeEach(async () => {
  testApp = await createTestApp({ clock });
});
afterEach(() => testApp.close());

describe('demo portfolio (npm start -- --demo)', () => {
  it('shows the vendor a spread of customer projects, the late one first and the closed one last', async () => {
    await seedDemo(testApp.app.stegvis);
    const admin = await loginAs(testApp.app);
    const portfolio: Portfolio = (await admin.get('/api/portfolio')).json();
    const byCustomer = (name: string) =>
      portfolio.items.find((row) => row.customer.name === name) ?? expect.fail(`no project of ${name}`);

    expect(portfolio.items).toHaveLength(6);
    expect(new Set(portfolio.items.map((row) => row.health.level))).toEqual(new Set(['good', 'watch', 'critical']));

    const [late] = portfolio.items;
    expect(late.customer.name).toBe('Västra Åby kommun');
    expect(late.health.level).toBe('critical');
    expect(late.overdue.customer).toBeGreaterThanOrEqual(5);
    expect(late.daysSinceCustomerChange).toBeGreaterThan(42);
    expect(late.unreadRevisions).toBe(1);

    expect(byCustomer('Norrfjälls kommun')).toMatchObject({
      step: { number: 10 },
      trainings: { booked: 2, needed: 2 },
      organisationGaps: 0,
      health: { score: 100, level: 'good' },
    });
    expect(byCustomer('Lillbäcks kommun').step.number).toBeLessThanOrEqual(2);

    const watched = byCustomer('Björkdala kommun');
    expect(watched).toMatchObject({ goals: { atRisk: 1 }, organisationGaps: 1, step: { decided: true } });
    expect(watched.overdue.vendor).toBeGreaterThan(0);
    expect(watched.health.level).toBe('watch');

    const closed = portfolio.items.at(-1) as PortfolioRow;
    expect(closed).toMatchObject({ customer: { name: 'Östervikens kommun' }, phase: 'operations' });
    const closure: ClosureOverview = (await admin.get(`/api/projects/${closed.projectId}/closure`)).json();
    expect(closure.approval?.approvedBy.name).toBe('Gustav Lindgren');

    const supportedBy = (name: string) =>
      portfolio.items
        .filter((row) => row.supporters.some((supporter) => supporter.name === name))
        .map((row) => row.customer.name);
    expect(supportedBy('Sara Lindqvist')).toContain(DEMO_CUSTOMER.name);
    expect(supportedBy('Sara Lindqvist').length).toBeGreaterThanOrEqual(2);
    expect(supportedBy('Erik Holm').length).toBeGreaterThanOrEqual(2);
  });
});
