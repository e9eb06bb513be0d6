import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanSnapshot, TextPart } from '../../shared/revisions.js';
import { richTextFromPlainText } from '../../shared/rich-text.js';
import { samplePlanSnapshot } from '../test-support/plan-snapshot.js';
import { diffSnapshots, diffText } from './diff.js';

const sides = { from: 1, to: 2 };

// Copies of one sample: two calls of samplePlanSnapshot() would give the same items different ids.
const sample = samplePlanSnapshot();

function sampleAndCopy(): { before: PlanSnapshot; after: PlanSnapshot } {
  return { before: structuredClone(sample), after: structuredClone(sample) };
}

const entityLists = [
  'goals',
  'evaluation',
  'risks',
  'successFactors',
  'timeline',
  'checklist',
  'organisation',
] as const;

/** The lists of the diff that are not empty, by name. */
function nonEmpty(diff: ReturnType<typeof diffSnapshots>) {
  return [...(diff.sections.length > 0 ? ['sections'] : []), ...entityLists.filter((list) => diff[list].length > 0)];
}

const beforeText = (parts: TextPart[]) =>
  parts
    .filter((part) => part.kind !== 'added')
    .map((part) => part.text)
    .join('');
const afterText = (parts: TextPart[]) =>
  parts
    .filter((part) => part.kind !== 'removed')
    .map((part) => part.text)
    .join('');

describe('the comparison of two versions of the plan', () => {
  it('finds nothing between a version and an identical copy of it', () => {
    const { before, after } = sampleAndCopy();
    const diff = diffSnapshots(before, after, sides);
    expect(diff.changeCount).toBe(0);
    expect(nonEmpty(diff)).toEqual([]);
    expect(diff.from).toEqual({ number: 1, takenAt: before.takenAt });
    expect(diff.to).toEqual({ number: 2, takenAt: after.takenAt });
  });

  it('shows a changed goal target as exactly that field, with readable values', () => {
    const { before, after } = sampleAndCopy();
    after.plan.goals[0].target = 90;
    const diff = diffSnapshots(before, after, sides);
    expect(diff.goals).toEqual([
      {
        id: before.plan.goals[0].id,
        label: 'Alla elever bedöms i varje ämne varje termin',
        change: 'changed',
        fields: [
          {
            field: 'target',
            label: 'Målvärde',
            before: '100',
            after: '90',
            parts: [
              { kind: 'removed', text: '100' },
              { kind: 'added', text: '90' },
            ],
          },
        ],
      },
    ]);
    expect(nonEmpty(diff)).toEqual(['goals']);
    expect(diff.changeCount).toBe(1);
  });

  it('writes choices in Swedish, numbers the Swedish way and budgets in kronor', () => {
    const { before, after } = sampleAndCopy();
    after.plan.goals[0].unit = 'count';
    after.plan.goals[0].kind = 'project';
    after.plan.goals[1].budgetSek = 1_250_000;
    after.plan.risks[3].likelihood = 'high';
    const diff = diffSnapshots(before, after, sides);
    const field = (list: 'goals' | 'risks', index: number, name: string) =>
      diff[list][index].fields.find((candidate) => candidate.field === name);
    expect(field('goals', 0, 'unit')).toMatchObject({ label: 'Enhet', before: 'procent', after: 'antal' });
    expect(field('goals', 0, 'kind')).toMatchObject({ before: 'Effektmål', after: 'Projektmål' });
    expect(field('goals', 1, 'budgetSek')).toMatchObject({
      before: '120\u00a0000 kr',
      after: '1\u00a0250\u00a0000 kr',
    });
    expect(field('risks', 0, 'likelihood')).toMatchObject({ label: 'Sannolikhet', before: 'Medel', after: 'Hög' });
  });

  it('marks only the changed words of a sentence, counting å, ä and ö as letters', () => {
    const { before, after } = sampleAndCopy();
    const purpose = after.plan.sections[0].fields.find((field) => field.key === 'syfte');
    if (!purpose) throw new Error('the sample has no syfte field');
    purpose.content = richTextFromPlainText(
      'Syftet är att samla förskolans dokumentation på ett ställe.\n• Bedömning\n• Frånvaro',
    );
    const diff = diffSnapshots(before, after, sides);
    expect(diff.sections).toHaveLength(1);
    expect(diff.sections[0]).toMatchObject({ key: 'bakgrund', title: 'Bakgrund' });
    const [field] = diff.sections[0].fields;
    expect(field).toMatchObject({ field: 'syfte', label: 'Syftet med att införa Skolplattformen AB är att…' });
    expect(field.parts).toEqual([
      { kind: 'same', text: 'Syftet är att samla ' },
      { kind: 'removed', text: 'skolans' },
      { kind: 'added', text: 'förskolans' },
      { kind: 'same', text: ' dokumentation på ett ställe.\n• Bedömning\n• Frånvaro' },
    ]);
    expect(diff.changeCount).toBe(1);
  });

  it('shows the person informed and the meeting as fields of their sections', () => {
    const { before, after } = sampleAndCopy();
    const goals = after.plan.sections.find((section) => section.key === 'mal');
    const meeting = after.plan.sections.find((section) => section.key === 'projektmote');
    if (!goals || !meeting) throw new Error('the sample lacks a section');
    goals.informedPerson = { id: 'p-projektledare', name: 'Örjan Ärlig' };
    meeting.meeting = { date: '2027-02-10', mode: 'on_site' };
    const diff = diffSnapshots(before, after, sides);
    expect(diff.sections.map((section) => [section.key, section.fields.map((field) => field.field)])).toEqual([
      ['mal', ['informedPerson']],
      ['projektmote', ['meetingDate', 'meetingMode']],
    ]);
    expect(diff.sections[0].fields[0]).toMatchObject({ before: 'Åsa Öberg', after: 'Örjan Ärlig' });
    expect(diff.sections[1].fields[1]).toMatchObject({ before: 'Via webben', after: 'På plats' });
    expect(diff.changeCount).toBe(3);
  });

  it('lists an added risk with its details and a removed one where it stood', () => {
    const { before, after } = sampleAndCopy();
    const removed = after.plan.risks.splice(3, 1)[0];
    after.plan.risks.push({
      id: 'risk-new',
      position: 8,
      causeKey: null,
      title: 'Nyckelpersoner slutar under projektet',
      leadershipIssue: true,
      likelihood: 'low',
      impact: 'high',
      mitigation: 'Två personer per roll.',
      owner: null,
      status: 'open',
      version: 1,
    });
    const diff = diffSnapshots(before, after, sides);
    expect(diff.risks.map((risk) => [risk.change, risk.label])).toEqual([
      ['removed', removed.title],
      ['added', 'Nyckelpersoner slutar under projektet'],
    ]);
    expect(diff.risks[1].fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'impact', before: '', after: 'Hög', parts: [{ kind: 'added', text: 'Hög' }] }),
        expect.objectContaining({ field: 'leadershipIssue', after: 'Ja' }),
      ]),
    );
    expect(diff.risks[0].fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'owner',
          before: 'Åsa Öberg',
          after: '',
          parts: [{ kind: 'removed', text: 'Åsa Öberg' }],
        }),
      ]),
    );
    expect(diff.changeCount).toBe(2);
  });

  it('keeps a removed item in its place among the others', () => {
    const { before, after } = sampleAndCopy();
    after.plan.keyActivities.splice(1, 1);
    after.plan.keyActivities[2].date = '2027-12-24';
    after.plan.keyActivities.unshift({
      id: 'first',
      position: -1,
      templateKey: null,
      title: 'Förmöte',
      description: '',
      date: null,
      version: 1,
    });
    const diff = diffSnapshots(before, after, sides);
    expect(diff.timeline.map((change) => [change.change, change.id])).toEqual([
      ['added', 'first'],
      ['removed', before.plan.keyActivities[1].id],
      ['changed', before.plan.keyActivities[3].id],
    ]);
  });

  it('shows a moved deadline as the old date replaced by the new one', () => {
    const { before, after } = sampleAndCopy();
    after.checklist[0].deadline = '2027-03-22';
    after.checklist[1].deadline = '2027-04-01';
    const diff = diffSnapshots(before, after, sides);
    expect(diff.checklist).toEqual([
      {
        id: before.checklist[0].id,
        label: before.checklist[0].title,
        change: 'changed',
        fields: [
          {
            field: 'deadline',
            label: 'Deadline',
            before: '2027-03-15',
            after: '2027-03-22',
            parts: [
              { kind: 'removed', text: '2027-03-15' },
              { kind: 'added', text: '2027-03-22' },
            ],
          },
        ],
      },
      expect.objectContaining({
        change: 'changed',
        fields: [expect.objectContaining({ field: 'deadline', before: '', after: '2027-04-01' })],
      }),
    ]);
  });

  it('shows who ticked an activity and when, on the Swedish calendar day', () => {
    const { before, after } = sampleAndCopy();
    after.checklist[1].done = { at: '2027-03-31T22:30:00.000Z', byName: 'Åsa Öberg' };
    const diff = diffSnapshots(before, after, sides);
    expect(diff.checklist[0].fields).toEqual([
      expect.objectContaining({
        field: 'done',
        label: 'Klar',
        before: 'Inte klar',
        after: 'Klar 2027-04-01 (Åsa Öberg)',
      }),
    ]);
  });

  it('shows a person added to a role at a school under the organisation, once', () => {
    const { before, after } = sampleAndCopy();
    const admins = after.organisation.find((role) => role.roleKey === 'administrator');
    if (!admins) throw new Error('the sample has no administrators');
    admins.people.push({ id: 'p-admin-3', name: 'Ola Ås' });
    const supporter = after.organisation.find((role) => role.roleKey === 'projektstodjare');
    if (!supporter) throw new Error('the sample has no project supporter');
    supporter.people.push({ id: 'p-vendor-2', name: 'Kim Ek' });
    // The checklist names the holders too; that is the same change, not one per activity.
    for (const activity of after.checklist) {
      if (activity.vendorResponsible) activity.vendorResponsible = 'Projektstödjare: Kim Ek, Lena Lärk';
    }
    const diff = diffSnapshots(before, after, sides);
    expect(diff.organisation).toEqual([
      {
        id: 'customer:administrator:s-1:p-admin-3',
        label: 'Administratör, Ängsskolan: Ola Ås',
        change: 'added',
        fields: [
          {
            field: 'person',
            label: 'Person',
            before: '',
            after: 'Ola Ås',
            parts: [{ kind: 'added', text: 'Ola Ås' }],
          },
        ],
      },
      expect.objectContaining({ label: 'Projektstödjare: Kim Ek', change: 'added' }),
    ]);
    expect(diff.checklist).toEqual([]);
    expect(diff.changeCount).toBe(2);
  });

  it('shows a role removed from an activity', () => {
    const { before, after } = sampleAndCopy();
    const activity = after.checklist.find((candidate) => candidate.customerResponsible !== '');
    if (!activity) throw new Error('no activity with a customer role');
    activity.customerResponsible = 'Projektledare: Örjan Ärlig; IT-verksamhet';
    const [change] = diffSnapshots(before, after, sides).checklist;
    expect(change.fields).toEqual([
      expect.objectContaining({
        field: 'customerResponsible',
        before: 'Projektledare: Örjan Ärlig',
        after: 'Projektledare: Örjan Ärlig; IT-verksamhet',
        parts: [
          { kind: 'same', text: 'Projektledare: Örjan Ärlig' },
          { kind: 'added', text: '; IT-verksamhet' },
        ],
      }),
    ]);
  });

  it('does not report a goal renamed as a change of the evaluation linked to it', () => {
    const { before, after } = sampleAndCopy();
    after.plan.goals[0].title = 'Alla elever bedöms varje termin';
    const diff = diffSnapshots(before, after, sides);
    expect(nonEmpty(diff)).toEqual(['goals']);
    expect(diff.goals[0].label).toBe('Alla elever bedöms varje termin');
  });
});

describe('the word diff of a text', () => {
  it('marks the replaced words and keeps the rest', () => {
    expect(
      diffText('Alla elever på Ängsskolan bedöms varje termin.', 'Alla elever på Åkerbyskolan bedöms varje läsår.'),
    ).toEqual([
      { kind: 'same', text: 'Alla elever på ' },
      { kind: 'removed', text: 'Ängsskolan' },
      { kind: 'added', text: 'Åkerbyskolan' },
      { kind: 'same', text: ' bedöms varje ' },
      { kind: 'removed', text: 'termin' },
      { kind: 'added', text: 'läsår' },
      { kind: 'same', text: '.' },
    ]);
  });

  it('shows neighbouring replaced words as one phrase replaced', () => {
    expect(diffText('en röd katt sover', 'en blå hund sover')).toEqual([
      { kind: 'same', text: 'en ' },
      { kind: 'removed', text: 'röd katt' },
      { kind: 'added', text: 'blå hund' },
      { kind: 'same', text: ' sover' },
    ]);
  });

  it('has no parts for two empty texts and one unchanged part for two equal ones', () => {
    expect(diffText('', '')).toEqual([]);
    expect(diffText('Åsa', 'Åsa')).toEqual([{ kind: 'same', text: 'Åsa' }]);
    expect(diffText('', 'Ny text')).toEqual([{ kind: 'added', text: 'Ny text' }]);
  });

  it('shows a text rewritten from end to end as replaced whole, without taking long', () => {
    const words = (count: number, seed: number) =>
      Array.from({ length: count }, (_, index) => `ord${(index * seed) % 97}`).join(' ');
    const before = words(3000, 7);
    const after = words(3000, 11);
    const started = performance.now();
    expect(diffText(before, after)).toEqual([
      { kind: 'removed', text: before },
      { kind: 'added', text: after },
    ]);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

/** Texts rich in what trips word diffs up: spaces, line breaks, punctuation and Swedish letters. */
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc
    .array(fc.constantFrom('Åsa', 'ägg', 'ö', 'skola', 'a', 'b', ' ', '  ', '\n', '\t', '.', ',', '–', ':'), {
      maxLength: 40,
    })
    .map((tokens) => tokens.join('')),
);

describe('properties of the comparison', () => {
  it('the unchanged and removed parts give the old text, the unchanged and added parts the new one', () => {
    fc.assert(
      fc.property(text, text, (before, after) => {
        const parts = diffText(before, after);
        expect(beforeText(parts)).toBe(before);
        expect(afterText(parts)).toBe(after);
        expect(parts.every((part) => part.text !== '')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('finds nothing between any version of the plan and itself', () => {
    const edited = fc.record({
      goalTitle: text,
      goalTarget: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true })),
      mitigation: text,
      deadline: fc.option(fc.constantFrom('2027-01-01', '2027-12-31')),
      section: text,
      holders: fc.array(fc.record({ id: fc.uuid(), name: text }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(edited, (edit) => {
        const plan = structuredClone(sample);
        plan.plan.goals[0].title = edit.goalTitle;
        plan.plan.goals[0].target = edit.goalTarget;
        plan.plan.risks[0].mitigation = edit.mitigation;
        plan.checklist[0].deadline = edit.deadline;
        plan.plan.sections[0].fields[0].content = richTextFromPlainText(edit.section);
        plan.organisation[0].people = edit.holders;
        const diff = diffSnapshots(plan, structuredClone(plan), sides);
        expect(diff.changeCount).toBe(0);
        expect(nonEmpty(diff)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('counts one change when one goal field is given a different value', () => {
    fc.assert(
      fc.property(text, text, (oldTitle, newTitle) => {
        fc.pre(oldTitle !== newTitle);
        const { before, after } = sampleAndCopy();
        before.plan.goals[1].title = oldTitle;
        after.plan.goals[1].title = newTitle;
        const diff = diffSnapshots(before, after, sides);
        expect(diff.changeCount).toBe(1);
        expect(diff.goals[0].fields.map((field) => field.field)).toEqual(['title']);
        expect(afterText(diff.goals[0].fields[0].parts)).toBe(newTitle);
      }),
      { numRuns: 200 },
    );
  });
});
