import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Checklist } from '../../shared/checklist.js';
import type { Clock } from '../core/clock.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { DEMO_ADMIN, DEMO_CUSTOMER, seedDemo } from './seed.js';

const clock: Clock = { now: () => new Date('2027-02-01T08:00:00.000Z') };
let testApp: TestApp;
beforeEach(async () => {
  testApp = await createTestApp({ clock });
});
afterEach(() => testApp.close());

describe('demo (npm start -- --demo)', () => {
  it('fills in a customer with a project under way that the printed login opens', async () => {
    const result = await seedDemo(testApp.app.stegvis);
    expect(result).toMatchObject({ created: true, login: DEMO_ADMIN });

    const login = await testApp.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: DEMO_ADMIN.email, password: DEMO_ADMIN.password },
    });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const get = (url: string) => testApp.app.inject({ method: 'GET', url, headers: { cookie } });

    const customers = (await get('/api/customers')).json().items;
    expect(customers).toEqual([expect.objectContaining({ name: DEMO_CUSTOMER.name, projectCount: 1 })]);

    const checklist: Checklist = (await get(`/api/projects/${result.projectId}/activities`)).json();
    const activities = checklist.groups.flatMap((group) => group.activities);
    expect(checklist.progress.done).toBeGreaterThan(0);
    expect(checklist.progress.done).toBeLessThan(checklist.progress.total);
    expect(activities.every((activity) => activity.deadline !== null)).toBe(true);
    const today = '2027-02-01';
    const overdue = activities.filter((activity) => !activity.done && (activity.deadline ?? '') < today);
    expect(overdue.length).toBeGreaterThan(0);
  });

  it('does nothing the second time', async () => {
    await seedDemo(testApp.app.stegvis);
    expect(await seedDemo(testApp.app.stegvis)).toEqual({ created: false, login: null });
  });
});
