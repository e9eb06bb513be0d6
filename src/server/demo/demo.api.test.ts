import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Budget } from '../../shared/budget.js';
import type { Checklist } from '../../shared/checklist.js';
import type { Communication } from '../../shared/communication.js';
import type { Delivery } from '../../shared/delivery.js';
import type { GoalTrackingList } from '../../shared/measurements.js';
import type { Organisation } from '../../shared/organisation.js';
import type { Portfolio } from '../../shared/portfolio.js';
import { isRichTextEmpty } from '../../shared/rich-text.js';
import type { ChangeRequestList, DecisionList } from '../../shared/steering.js';
import type { TrainingsOverview } from '../../shared/trainings.js';
import type { Clock } from '../core/clock.js';
import { createTestApp, loginAs, type TestApp } from '../test-support/app.js';
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
    expect(customers).toContainEqual(expect.objectContaining({ name: DEMO_CUSTOMER.name, projectCount: 1 }));

    const checklist: Checklist = (await get(`/api/projects/${result.projectId}/activities`)).json();
    const activities = checklist.groups.flatMap((group) => group.activities);
    expect(checklist.progress.done).toBeGreaterThan(0);
    expect(checklist.progress.done).toBeLessThan(checklist.progress.total);
    expect(activities.every((activity) => activity.deadline !== null)).toBe(true);
    const today = '2027-02-01';
    const overdue = activities.filter((activity) => !activity.done && (activity.deadline ?? '') < today);
    expect(overdue.length).toBeGreaterThan(0);

    const tracking: GoalTrackingList = (await get(`/api/projects/${result.projectId}/goal-tracking`)).json();
    const [assessment] = tracking.goals;
    expect(assessment.measurements).toHaveLength(2);
    expect(assessment.measurer?.name).toBe('Johan Ekström');
    expect(assessment.status.state).toBe('on_track');
  });

  it('fills in some of the communication plan and the process guide', async () => {
    const { projectId } = await seedDemo(testApp.app.stegvis);
    const admin = await loginAs(testApp.app);
    const communication: Communication = (await admin.get(`/api/projects/${projectId}/communication`)).json();
    expect(communication.items.length).toBeGreaterThanOrEqual(4);
    expect(communication.items.some((item) => item.done !== null)).toBe(true);
    expect(communication.items.every((item) => item.date !== null)).toBe(true);
    expect(isRichTextEmpty(communication.guide.introduction)).toBe(false);
    expect(communication.guide.goals.filter((goal) => !isRichTextEmpty(goal.usage))).toHaveLength(1);
  });

  it('has schools with their roles, a confirmed training session, a workshop and delivery begun', async () => {
    const { projectId } = await seedDemo(testApp.app.stegvis);
    const admin = await loginAs(testApp.app);

    const organisation: Organisation = (await admin.get(`/api/projects/${projectId}/organisation`)).json();
    expect(organisation.schools.map((entry) => entry.school.name)).toEqual([
      'Exempelbyskolan',
      'Norrängsskolan',
      'Sjöviksgymnasiet',
    ]);
    expect(organisation.schools.every((entry) => entry.readiness.ready)).toBe(true);
    const trainingLeader = organisation.vendorRoles.find((role) => role.key === 'utbildningsledare');
    expect(trainingLeader?.holders.map((holder) => holder.person.name)).toEqual(['Lena Fröding']);

    const trainings: TrainingsOverview = (await admin.get(`/api/projects/${projectId}/trainings`)).json();
    const administrators = trainings.trainings.find((training) => training.key === 'administratorer');
    expect(administrators?.proposals).toHaveLength(3);
    expect(administrators?.proposals[0].proposedByName).toBe('Johan Ekström');
    expect(administrators?.sessions).toHaveLength(1);
    const [session] = administrators?.sessions ?? [];
    expect(session.date > '2027-02-01').toBe(true);
    expect(session.trainer?.name).toBe('Lena Fröding');
    expect(session.participants).toHaveLength(6);
    expect(administrators?.unbooked).toEqual([]);
    const workshops = trainings.staffTraining.flatMap((school) => school.workshops);
    expect(workshops).toHaveLength(1);

    const delivery: Delivery = (await admin.get(`/api/projects/${projectId}/delivery`)).json();
    expect(delivery.mainAccount.done).not.toBeNull();
    expect(delivery.schools[0]).toMatchObject({ schoolName: 'Exempelbyskolan', nextStep: 'eget-adminkonto' });
  });

  it('lets the printed people log in, each seeing the project from their side, with steering under way', async () => {
    const { projectId, people } = await seedDemo(testApp.app.stegvis);
    expect(people.map((person) => person.name)).toEqual([
      'Johan Ekström',
      'Birgitta Lind',
      'Per Wikström',
      'Sara Lindqvist',
    ]);
    const signIn = async (email: string) => {
      const login = await testApp.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: DEMO_ADMIN.password },
      });
      expect(login.statusCode).toBe(200);
      const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      return (url: string) => testApp.app.inject({ method: 'GET', url, headers: { cookie } }).then((r) => r.json());
    };

    const [leader, orderer, steeringMember, supporter] = await Promise.all(
      people.map((person) => signIn(person.email)),
    );
    const requests: ChangeRequestList = await steeringMember(`/api/projects/${projectId}/change-requests`);
    expect(requests.may).toEqual({ prepare: false, decide: true });
    expect(requests.items.map((request) => request.status).sort()).toEqual(['approved', 'pending']);
    const waiting = requests.items.find((request) => request.status === 'pending');
    expect(waiting?.dateChanges).toHaveLength(1);
    expect(waiting?.meeting?.date).toBe('2027-02-13');

    const leaderView: ChangeRequestList = await leader(`/api/projects/${projectId}/change-requests`);
    expect(leaderView.may).toEqual({ prepare: true, decide: false });
    const decisions: DecisionList = await orderer(`/api/projects/${projectId}/decisions`);
    expect(decisions.items.map((decision) => decision.decidedBy).sort()).toEqual([
      'bestallare',
      'projektgrupp',
      'styrgrupp',
    ]);
    const budget: Budget = await leader(`/api/projects/${projectId}/budget`);
    expect(budget.lines).toHaveLength(4);
    expect(budget.actualSek).toBeLessThan(budget.plannedSek);
    expect(budget.overThreshold).toBe(false);

    const portfolio: Portfolio = await supporter('/api/portfolio');
    const own = portfolio.items.find((row) => row.projectId === projectId);
    expect(own?.customer.name).toBe('Exempelby kommun');
  });

  it('does nothing the second time', async () => {
    await seedDemo(testApp.app.stegvis);
    expect(await seedDemo(testApp.app.stegvis)).toEqual({ created: false, login: null, people: [] });
  });
});
