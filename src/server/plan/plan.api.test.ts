import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../shared/audit.js';
import type { Plan, PlanSection } from '../../shared/plan.js';
import { type RichText, richTextFromPlainText } from '../../shared/rich-text.js';
import { seedDemo } from '../demo/seed.js';
import { type Agent, createTestApp, loginAs, type TestApp } from '../test-support/app.js';
import { createCustomer, createPerson, createProject, savePlanSection } from '../test-support/factories.js';
import { loginAsMember } from '../test-support/members.js';

let testApp: TestApp;
beforeEach(async () => {
  testApp = await createTestApp();
});
afterEach(() => testApp.close());

const text = (plain: string): RichText => richTextFromPlainText(plain);

async function sectionOf(agent: Agent, projectId: string, sectionKey: string): Promise<PlanSection> {
  const plan: Plan = (await agent.get(`/api/projects/${projectId}/plan`)).json();
  const section = plan.sections.find((candidate) => candidate.key === sectionKey);
  if (!section) throw new Error(`no section ${sectionKey}`);
  return section;
}

const contentOf = (section: PlanSection, fieldKey: string) =>
  section.fields.find((field) => field.key === fieldKey)?.content;

async function projectWithCustomer(admin: Agent) {
  const customer = await createCustomer(admin);
  const project = await createProject(admin, customer.id);
  return { customerId: customer.id, projectId: project.id };
}

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

describe('saving a plan section', () => {
  it('merges the texts with the stored ones, counts the version up and names who saved', async () => {
    const admin = await loginAs(testApp.app);
    const { id: projectId } = await createProject(admin);
    const url = `/api/projects/${projectId}/plan/sections/bakgrund`;

    const first = await admin.put(url, {
      version: 1,
      texts: { syfte: text('Syftet är att samla skolans dokumentation.'), behov: text('• Bedömning\n• Frånvaro') },
    });
    expect(first.statusCode).toBe(200);
    const saved: PlanSection = first.json();
    expect(saved).toMatchObject({ key: 'bakgrund', title: 'Bakgrund', version: 2, updatedBy: expect.any(String) });
    expect(saved.updatedBy).toMatch(/^Användare/);

    const second = await admin.put(url, {
      version: 2,
      texts: { 'tidigare-problem': text('Vi har haft svårt att se måluppfyllelsen.') },
    });
    expect(second.statusCode).toBe(200);
    const merged = await sectionOf(admin, projectId, 'bakgrund');
    expect(merged.version).toBe(3);
    expect(contentOf(merged, 'syfte')).toEqual(text('Syftet är att samla skolans dokumentation.'));
    expect(contentOf(merged, 'tidigare-problem')).toEqual(text('Vi har haft svårt att se måluppfyllelsen.'));
    expect(contentOf(merged, 'behov')).toEqual(text('• Bedömning\n• Frånvaro'));
  });

  it('refuses the second of two saves based on the same version, and keeps the first one’s text', async () => {
    const admin = await loginAs(testApp.app);
    const { id: projectId } = await createProject(admin);
    const url = `/api/projects/${projectId}/plan/sections/bakgrund`;
    const first = await admin.put(url, { version: 1, texts: { syfte: text('Åsas text om syftet.') } });
    expect(first.statusCode).toBe(200);

    const second = await admin.put(url, { version: 1, texts: { syfte: text('Örjans text om syftet.') } });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('VERSION_CONFLICT');
    expect(second.json().error.message).toMatch(/Någon annan .*har sparat avsnittet ”Bakgrund” medan du skrev/);
    expect(second.json().error.message).toContain('inget går förlorat');

    const stored = await sectionOf(admin, projectId, 'bakgrund');
    expect(stored.version).toBe(2);
    expect(contentOf(stored, 'syfte')).toEqual(text('Åsas text om syftet.'));
  });

  it('answers 404 for a section the template does not have', async () => {
    const admin = await loginAs(testApp.app);
    const { id: projectId } = await createProject(admin);
    const response = await admin.put(`/api/projects/${projectId}/plan/sections/finns-inte`, {
      version: 1,
      texts: { syfte: text('Text') },
    });
    expect(response.statusCode).toBe(404);
  });

  it('takes texts only for the section’s own free-text fields', async () => {
    const admin = await loginAs(testApp.app);
    const { id: projectId } = await createProject(admin);
    const unknownField = await admin.put(`/api/projects/${projectId}/plan/sections/bakgrund`, {
      version: 1,
      texts: { syfte: text('Syfte'), omfattningar: text('Hör till ett annat avsnitt') },
    });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { 'texts.omfattningar': expect.stringContaining('Bakgrund') },
    });

    const structuredField = await admin.put(`/api/projects/${projectId}/plan/sections/mal`, {
      version: 1,
      texts: { effektmal: text('Målen skrivs som fri text') },
    });
    expect(structuredField.statusCode).toBe(400);
    expect(Object.keys(structuredField.json().error.fields)).toEqual(['texts.effektmal']);

    expect((await sectionOf(admin, projectId, 'bakgrund')).version).toBe(1);
    expect((await sectionOf(admin, projectId, 'mal')).version).toBe(1);
  });

  it('saves every free-text section of the template, and only those fields', async () => {
    const admin = await loginAs(testApp.app);
    const { id: projectId } = await createProject(admin);
    const plan: Plan = (await admin.get(`/api/projects/${projectId}/plan`)).json();
    for (const section of plan.sections) {
      const textFields = section.fields.filter((field) => field.kind === 'text');
      const texts = Object.fromEntries(
        textFields.map((field) => [field.key, `${section.title}: ${field.label} – åäö`]),
      );
      const saved = await savePlanSection(admin, projectId, section.key, texts);
      expect(saved.version).toBe(2);
      for (const field of saved.fields) {
        if (field.kind === 'structured') expect(field.content).toBeNull();
        else expect(field.content).toEqual(text(`${section.title}: ${field.label} – åäö`));
      }
    }
  });

  it('keeps the person informed in Mål, a person of the project’s customer', async () => {
    const admin = await loginAs(testApp.app);
    const { customerId, projectId } = await projectWithCustomer(admin);
    const orderer = await createPerson(testApp.app, { customerId, name: 'Åsa Öberg' });
    const url = `/api/projects/${projectId}/plan/sections/mal`;

    const saved = await admin.put(url, { version: 1, informedPersonId: orderer.id });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().informedPerson).toEqual({ id: orderer.id, name: 'Åsa Öberg' });
    expect((await sectionOf(admin, projectId, 'mal')).informedPerson).toEqual({ id: orderer.id, name: 'Åsa Öberg' });

    const other = await createPerson(testApp.app, { customerId: (await createCustomer(admin)).id });
    const vendorPerson = await createPerson(testApp.app, { customerId: null });
    for (const personId of [other.id, vendorPerson.id, '00000000-0000-4000-8000-000000000000']) {
      const refused = await admin.put(url, { version: 2, informedPersonId: personId });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.fields).toHaveProperty('informedPersonId');
    }

    const cleared = await admin.put(url, { version: 2, informedPersonId: null });
    expect(cleared.json()).toMatchObject({ informedPerson: null, version: 3 });

    const elsewhere = await admin.put(`/api/projects/${projectId}/plan/sections/bakgrund`, {
      version: 1,
      informedPersonId: orderer.id,
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.fields).toHaveProperty('informedPersonId');
  });

  it('keeps the project meeting’s date and form in Projektmöte only', async () => {
    const admin = await loginAs(testApp.app);
    const { id: projectId } = await createProject(admin);
    const saved = await admin.put(`/api/projects/${projectId}/plan/sections/projektmote`, {
      version: 1,
      meeting: { date: '2027-02-03', mode: 'web' },
      texts: { innehall: text('Genomgång av importmallen.') },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().meeting).toEqual({ date: '2027-02-03', mode: 'web' });
    expect(saved.json().title).not.toContain('{vendor}');

    const badDate = await admin.put(`/api/projects/${projectId}/plan/sections/projektmote`, {
      version: 2,
      meeting: { date: '2027-02-30', mode: 'web' },
    });
    expect(badDate.statusCode).toBe(400);
    expect(Object.keys(badDate.json().error.fields)).toEqual(['meeting.date']);

    const elsewhere = await admin.put(`/api/projects/${projectId}/plan/sections/mal`, {
      version: 1,
      meeting: { date: '2027-02-03', mode: 'on_site' },
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.fields).toHaveProperty('meeting');
  });

  it('refuses formatted text with a javascript: link', async () => {
    const admin = await loginAs(testApp.app);
    const { id: projectId } = await createProject(admin);
    const response = await admin.put(`/api/projects/${projectId}/plan/sections/bakgrund`, {
      version: 1,
      texts: {
        syfte: {
          type: 'doc',
          content: [
            {
              type: 'paragraph',
              content: [
                { type: 'text', text: 'Klicka här', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
              ],
            },
          ],
        },
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(response.json().error.fields)[0]).toMatch(/^texts\.syfte/);
    expect(contentOf(await sectionOf(admin, projectId, 'bakgrund'), 'syfte')).toEqual({ type: 'doc', content: [] });
  });

  it('records each save in the project history with the texts as plain text', async () => {
    const admin = await loginAs(testApp.app);
    const { id: projectId } = await createProject(admin);
    await savePlanSection(admin, projectId, 'bakgrund', { syfte: 'Första texten' });
    await savePlanSection(admin, projectId, 'bakgrund', { syfte: 'Andra texten\n• med en punkt' });
    const history: AuditEvent[] = (await admin.get(`/api/projects/${projectId}/history`)).json().items;
    const saves = history.filter((event) => event.entityType === 'plan_section');
    expect(saves).toHaveLength(2);
    expect(saves.find((event) => event.before?.syfte === 'Första texten')).toMatchObject({
      action: 'plan_section.updated',
      entityId: 'bakgrund',
      summary: 'Ändrade avsnittet Bakgrund',
      before: { syfte: 'Första texten' },
      after: { syfte: 'Andra texten\n• med en punkt' },
    });
  });
});

describe('who may write the plan', () => {
  it('lets a customer’s plan writer save, and a reading role only read', async () => {
    const admin = await loginAs(testApp.app);
    const { customerId, projectId } = await projectWithCustomer(admin);
    const writer = await loginAsMember(testApp.app, { customerId, projectId, roleKeys: ['projektledare'] });
    const reader = await loginAsMember(testApp.app, { customerId, projectId, roleKeys: ['it'] });

    expect((await savePlanSection(writer, projectId, 'bakgrund', { syfte: 'Projektledarens text' })).version).toBe(2);

    expect((await reader.get(`/api/projects/${projectId}/plan`)).statusCode).toBe(200);
    const plan: Plan = (await reader.get(`/api/projects/${projectId}/plan`)).json();
    const riskId = plan.risks[0].id;
    const factorId = plan.successFactors[0].id;
    const writes = [
      reader.put(`/api/projects/${projectId}/plan/sections/bakgrund`, { version: 2, texts: { syfte: text('Nej') } }),
      reader.post(`/api/projects/${projectId}/goals`, {
        kind: 'project',
        title: 'Integration med elevregistret',
        deliverable: 'integration',
      }),
      reader.post(`/api/projects/${projectId}/risks`, { title: 'Sjukdom i projektgruppen' }),
      reader.put(`/api/projects/${projectId}/risks/${riskId}`, { title: 'Bristande förankring', version: 1 }),
      reader.delete(`/api/projects/${projectId}/risks/${riskId}?version=1`),
      reader.put(`/api/projects/${projectId}/success-factors/${factorId}`, { approach: 'Nej', version: 1 }),
      reader.post(`/api/projects/${projectId}/evaluation-items`, {
        why: 'För att följa upp',
        what: 'Bedömningar',
        how: 'Rapport',
        collectionDates: ['2027-06-01'],
        goalIds: ['00000000-0000-4000-8000-000000000000'],
      }),
    ];
    for (const response of await Promise.all(writes)) {
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
    const after: Plan = (await admin.get(`/api/projects/${projectId}/plan`)).json();
    expect(contentOf(after.sections[0], 'syfte')).toEqual(text('Projektledarens text'));
    expect(after.goals).toEqual([]);
    expect(after.risks).toEqual(plan.risks);
  });
});

describe('the demo project’s plan', () => {
  it('is filled in the way a municipality would write it', async () => {
    const { projectId } = await seedDemo(testApp.app.stegvis);
    const admin = await loginAs(testApp.app);
    const plan: Plan = (await admin.get(`/api/projects/${projectId}/plan`)).json();
    const background = plan.sections.find((section) => section.key === 'bakgrund');
    expect(background?.fields.every((field) => (field.content?.content.length ?? 0) > 0)).toBe(true);
    const scope = plan.sections.find((section) => section.key === 'omfattningar-och-avgransningar');
    expect(scope?.fields.every((field) => (field.content?.content.length ?? 0) > 0)).toBe(true);
    expect(plan.sections.find((section) => section.key === 'mal')?.informedPerson?.name).toBe('Birgitta Lind');

    expect(plan.goals.map((goal) => goal.kind)).toEqual(['effect', 'effect', 'project']);
    expect(plan.goals[0].title).toContain('bedömning i varje ämne');
    expect(plan.goals[2].budgetSek).toBeGreaterThan(0);
    expect(plan.evaluation).toEqual([
      expect.objectContaining({
        goalIds: [plan.goals[0].id],
        collectionDates: [expect.any(String), expect.any(String)],
      }),
    ]);
    const assessed = plan.risks.filter((risk) => risk.likelihood && risk.impact && risk.owner);
    expect(assessed).toHaveLength(2);
    expect(plan.successFactors.filter((factor) => factor.approach !== '')).toHaveLength(2);
  });
});
