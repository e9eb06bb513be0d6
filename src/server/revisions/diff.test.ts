import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanSnapshot, TextPart } from '../../shared/revisions.js';
import { emptyRichText, richTextFromPlainText } from '../../shared/rich-text.js';
import { samplePlanSnapshot } from '../test-support/plan-snapshot.js';
import { diffSnapshots, diffText } from './diff.js';

const sides = { from: 1, to: 2 };

/** The sample with a communication plan and a process guide, as revisions sent since they exist have. */
function withCommunication(snapshot: PlanSnapshot): PlanSnapshot {
  const effectGoal = snapshot.plan.goals[0];
  return {
    ...snapshot,
    communicationPlan: {
      audiences: [
        { key: 'elever', title: 'Elever' },
        { key: 'vardnadshavare', title: 'Vårdnadshavare' },
      ],
      items: [
        {
          id: 'c-1',
          title: 'Informationsmöte',
          message: 'Var tydlig med förväntningarna.',
          channel: 'Möte',
          audiences: [
            { key: 'elever', title: 'Elever' },
            { key: 'vardnadshavare', title: 'Vårdnadshavare' },
          ],
          date: '2027-04-12',
          keyActivityTitle: 'Informationsmöte',
          responsibleName: 'Åsa Öberg',
          done: null,
        },
        {
          id: 'c-2',
          title: 'Brev om inloggning',
          message: '',
          channel: 'Brev',
          audiences: [{ key: 'vardnadshavare', title: 'Vårdnadshavare' }],
          date: '2027-03-01',
          keyActivityTitle: null,
          responsibleName: null,
          done: null,
        },
      ],
    },
    processGuide: {
      introduction: richTextFromPlainText('Så använder Åkerby kommun plattformen.'),
      goals: [
        {
          goalId: effectGoal.id,
          goalTitle: effectGoal.title,
          usage: richTextFromPlainText('Läraren bedömer i varje ämne.'),
          statistics: emptyRichText(),
        },
      ],
    },
  };
}

// Copies of one sample: two calls of samplePlanSnapshot() would give the same items different ids.
const sample = withCommunication(samplePlanSnapshot());

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
  'communication',
  'decisions',
] as const;

/** The lists of the diff that are not empty, by name. */
function nonEmpty(diff: ReturnType<typeof diffSnapshots>) {
  return [
    ...(diff.sections.length > 0 ? ['sections'] : []),
    ...entityLists.filter((list) => diff[list].length > 0),
    ...(diff.processGuide.length > 0 ? ['processGuide'] : []),
  ];
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

  it('lists the decisions taken since, and a decision changed field by field', () => {
    const decision = {
      id: 'd-1',
      number: 1,
      title: 'Skarp start flyttas två veckor',
      decision: 'Skarp start flyttas till 15 mars.',
      decidedBy: 'styrgrupp' as const,
      decidedOn: '2027-02-10',
    };
    const { before, after } = sampleAndCopy();
    // The older side was sent before decisions were logged: every decision is new.
    after.decisions = [decision];
    const added = diffSnapshots(before, after, sides);
    expect(added.decisions).toEqual([
      {
        id: 'd-1',
        label: 'Beslut 1: Skarp start flyttas två veckor',
        change: 'added',
        fields: [
          expect.objectContaining({ field: 'title', label: 'Rubrik', after: 'Skarp start flyttas två veckor' }),
          expect.objectContaining({ field: 'decision', label: 'Beslut', after: 'Skarp start flyttas till 15 mars.' }),
          expect.objectContaining({ field: 'decidedBy', label: 'Beslutat av', after: 'Styrgrupp' }),
          expect.objectContaining({ field: 'decidedOn', label: 'Datum', after: '2027-02-10' }),
        ],
      },
    ]);
    expect(added.changeCount).toBe(1);

    before.decisions = [decision];
    after.decisions = [{ ...decision, decidedBy: 'bestallare' }];
    const changed = diffSnapshots(before, after, sides);
    expect(changed.decisions).toEqual([
      {
        id: 'd-1',
        label: 'Beslut 1: Skarp start flyttas två veckor',
        change: 'changed',
        fields: [
          {
            field: 'decidedBy',
            label: 'Beslutat av',
            before: 'Styrgrupp',
            after: 'Beställare',
            parts: [
              { kind: 'removed', text: 'Styrgrupp' },
              { kind: 'added', text: 'Beställare' },
            ],
          },
        ],
      },
    ]);
    expect(nonEmpty(changed)).toEqual(['decisions']);
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

describe('the comparison of the communication plan and the process guide', () => {
  it('lists an added, a changed and a removed communication item by its title', () => {
    const { before, after } = sampleAndCopy();
    const items = after.communicationPlan?.items;
    if (!items) throw new Error('the sample has no communication plan');
    items[0].channel = 'Intranät';
    items[0].audiences = [{ key: 'elever', title: 'Elever' }];
    items[0].done = { at: '2027-04-12T22:30:00.000Z', byName: 'Åsa Öberg' };
    items.splice(1, 1);
    items.push({
      id: 'c-3',
      title: 'Affisch i matsalen',
      message: 'Logga in med BankID.',
      channel: '',
      audiences: [{ key: 'elever', title: 'Elever' }],
      date: null,
      keyActivityTitle: null,
      responsibleName: 'Örjan Ärlig',
      done: null,
    });
    const diff = diffSnapshots(before, after, sides);
    expect(diff.communication.map((change) => [change.change, change.label])).toEqual([
      ['changed', 'Informationsmöte'],
      ['removed', 'Brev om inloggning'],
      ['added', 'Affisch i matsalen'],
    ]);
    expect(diff.communication[0].fields).toEqual([
      expect.objectContaining({
        field: 'audiences',
        label: 'Målgrupper',
        before: 'Elever, Vårdnadshavare',
        after: 'Elever',
        parts: [
          { kind: 'same', text: 'Elever' },
          { kind: 'removed', text: ', Vårdnadshavare' },
        ],
      }),
      expect.objectContaining({
        field: 'channel',
        before: 'Möte',
        after: 'Intranät',
        parts: [
          { kind: 'removed', text: 'Möte' },
          { kind: 'added', text: 'Intranät' },
        ],
      }),
      // Past midnight in Sweden: the Swedish date.
      expect.objectContaining({ field: 'done', before: 'Inte klart', after: 'Klart 2027-04-13 (Åsa Öberg)' }),
    ]);
    expect(diff.communication[1].fields.map((field) => [field.field, field.before, field.after])).toEqual([
      ['title', 'Brev om inloggning', ''],
      ['audiences', 'Vårdnadshavare', ''],
      ['channel', 'Brev', ''],
      ['when', '2027-03-01', ''],
      ['done', 'Inte klart', ''],
    ]);
    expect(diff.communication[2].fields.map((field) => [field.field, field.after])).toEqual([
      ['title', 'Affisch i matsalen'],
      ['audiences', 'Elever'],
      ['message', 'Logga in med BankID.'],
      ['responsible', 'Örjan Ärlig'],
      ['done', 'Inte klart'],
    ]);
    expect(nonEmpty(diff)).toEqual(['communication']);
    expect(diff.changeCount).toBe(3);
  });

  it('names the activity of the timeline an item follows, with its date', () => {
    const { before, after } = sampleAndCopy();
    const item = after.communicationPlan?.items[0];
    if (!item) throw new Error('the sample has no communication item');
    item.date = '2027-04-19';
    const [change] = diffSnapshots(before, after, sides).communication;
    expect(change.fields).toEqual([
      expect.objectContaining({
        field: 'when',
        label: 'När',
        before: '2027-04-12, enligt tidplanen: Informationsmöte',
        after: '2027-04-19, enligt tidplanen: Informationsmöte',
      }),
    ]);
  });

  it("shows the changed words of the guide's introduction and of an effect goal's texts", () => {
    const { before, after } = sampleAndCopy();
    const guide = after.processGuide;
    if (!guide) throw new Error('the sample has no process guide');
    guide.introduction = richTextFromPlainText('Så använder Åkerby kommun systemet.');
    guide.goals[0].statistics = richTextFromPlainText('Andel bedömda elever per ämne.');
    const goal = before.plan.goals[0];
    const diff = diffSnapshots(before, after, sides);
    expect(diff.processGuide).toEqual([
      {
        field: 'introduction',
        label: 'Inledning',
        before: 'Så använder Åkerby kommun plattformen.',
        after: 'Så använder Åkerby kommun systemet.',
        parts: [
          { kind: 'same', text: 'Så använder Åkerby kommun ' },
          { kind: 'removed', text: 'plattformen' },
          { kind: 'added', text: 'systemet' },
          { kind: 'same', text: '.' },
        ],
      },
      {
        field: `${goal.id}:statistics`,
        label: `${goal.title}: Statistik vi vill kunna ta ut`,
        before: '',
        after: 'Andel bedömda elever per ämne.',
        parts: [{ kind: 'added', text: 'Andel bedömda elever per ämne.' }],
      },
    ]);
    expect(nonEmpty(diff)).toEqual(['processGuide']);
    expect(diff.changeCount).toBe(2);
  });

  it('shows the communication plan and the guide as added when the older version was sent before they existed', () => {
    const { before, after } = sampleAndCopy();
    delete before.communicationPlan;
    delete before.processGuide;
    const diff = diffSnapshots(before, after, sides);
    expect(diff.communication.map((change) => [change.change, change.label])).toEqual([
      ['added', 'Informationsmöte'],
      ['added', 'Brev om inloggning'],
    ]);
    expect(diff.processGuide.map((field) => [field.field, field.before, field.after])).toEqual([
      ['introduction', '', 'Så använder Åkerby kommun plattformen.'],
      [`${before.plan.goals[0].id}:usage`, '', 'Läraren bedömer i varje ämne.'],
    ]);
    expect(nonEmpty(diff)).toEqual(['communication', 'processGuide']);
    expect(diff.changeCount).toBe(4);
  });

  it('finds nothing between two versions sent before they existed, nor between such a version and empty ones', () => {
    const { before, after } = sampleAndCopy();
    delete before.communicationPlan;
    delete before.processGuide;
    expect(diffSnapshots(before, structuredClone(before), sides).changeCount).toBe(0);
    after.communicationPlan = { audiences: after.communicationPlan?.audiences ?? [], items: [] };
    after.processGuide = {
      introduction: emptyRichText(),
      goals: [
        { goalId: after.plan.goals[0].id, goalTitle: 'Mål', usage: emptyRichText(), statistics: emptyRichText() },
      ],
    };
    const diff = diffSnapshots(before, after, sides);
    expect(nonEmpty(diff)).toEqual([]);
    expect(diff.changeCount).toBe(0);
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
      communicationMessage: text,
      guideUsage: text,
      withoutCommunication: fc.boolean(),
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
        if (plan.communicationPlan) plan.communicationPlan.items[0].message = edit.communicationMessage;
        if (plan.processGuide) plan.processGuide.goals[0].usage = richTextFromPlainText(edit.guideUsage);
        if (edit.withoutCommunication) {
          delete plan.communicationPlan;
          delete plan.processGuide;
        }
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
