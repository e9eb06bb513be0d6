import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../shared/plan.js';
import { createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { createProject } from '../test-support/factories.js';

let testApp: TestApp;
beforeEach(async () => {
  testApp = await createTestApp();
});
afterEach(() => testApp.close());

describe('the plan of a new project', () => {
  it('has every section of the template in order, with the template examples as hints only', async () => {
    const admin = await loginAs(testApp.app);
    const project = await createProject(admin);
    const response = await admin.get(`/api/projects/${project.id}/plan`);
    expect(response.statusCode).toBe(200);
    const plan: Plan = response.json();
    expect(plan.sections.map((section) => section.title)).toEqual([
      'Bakgrund',
      'Mål',
      'Omfattningar och avgränsningar',
      'Utvärdering av projektet',
      'Risk- och framgångsfaktorer',
      'Eventuella andra leverantörers ansvar/uppgifter',
      'Kopplingar till andra projekt och verksamheter',
      'Projektmöte med Leverantören',
      'Projektavslutning',
    ]);
    const background = plan.sections[0];
    expect(background.fields.map((field) => field.kind)).toEqual(['text', 'text', 'text']);
    expect(background.fields[0].hint).toContain('underlätta skolans administrativa');
    expect(background.fields.every((field) => field.content?.content.length === 0)).toBe(true);
    expect(plan.risks.map((risk) => [risk.title, risk.leadershipIssue])).toEqual([
      ['Bristande förankring', true],
      ['Otydliga mål/vision/krav', true],
      ['Oengagerad ledning', true],
      ['Kostnadsöverdrag', false],
      ['Orealistisk tidsplan', true],
      ['Funktionsbrister', false],
      ['Bristande projektledning', true],
      ['Teknikproblem', false],
    ]);
    expect(plan.successFactors.map((factor) => factor.title)).toHaveLength(9);
    expect(plan.keyActivities.find((activity) => activity.templateKey === 'uppfoljningsmote')?.title).toBe(
      'Uppföljningsmöte med Leverantören',
    );
    expect(plan.goals).toEqual([]);
  });
});
