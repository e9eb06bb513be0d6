import { describe, expect, it } from 'vitest';
import type { Block, Inline, PlanDocument } from '../exports/plan-document.js';
import { type Agenda, type AgendaChangeRequest, agendaDocument, agendaFileName } from './agenda-document.js';

const request: AgendaChangeRequest = {
  number: 2,
  title: 'Skarp start flyttas fyra veckor',
  areas: ['time', 'budget'],
  change: 'Skarp start flyttas från augusti till september.',
  reason: 'Integrationen mot elevregistret är försenad.',
  consequence: '',
  proposal: 'Styrgruppen godkänner den nya tidplanen.',
  status: 'pending',
  decisionComment: '',
  dateChanges: [{ title: 'Skarp start', from: '2027-08-16', to: '2027-09-13' }],
  goalChanges: [
    { title: 'Integration', field: 'budgetSek', unit: null, unitLabel: null, from: 150_000, to: 180_000 },
    { title: 'Bedömning', field: 'target', unit: 'percent', unitLabel: null, from: 90, to: 95 },
  ],
};

const agenda: Agenda = {
  vendorName: 'Skolplattformen AB',
  customerName: 'Åkerby kommun',
  projectName: 'Införande av Skolplattformen',
  meeting: {
    date: '2027-03-04',
    time: '13:00',
    place: 'Kommunhuset, sal 3',
    agendaItems: [
      { title: 'Lägesrapport', note: 'Projektledaren berättar\nom läget.' },
      { title: 'Övriga frågor', note: '' },
    ],
    minutes: '',
  },
  members: [
    { name: 'Åsa Öberg', roles: ['Styrgrupp', 'Beställare'] },
    { name: 'Per Ek', roles: ['Styrgrupp'] },
  ],
  changeRequests: [request],
  decisions: [],
};

const inlineText = (content: Inline[]) =>
  content.map((inline) => (inline.type === 'text' ? inline.text : '\n')).join('');

/** Every line of text in the blocks, lists opened. */
const blockTexts = (blocks: Block[]): string[] =>
  blocks.flatMap((block) => {
    if (block.type === 'subheading') return [block.text];
    if (block.type === 'paragraph') return [inlineText(block.content)];
    if (block.type === 'list') return block.items.flatMap(blockTexts);
    return [];
  });

const sectionTexts = (document: PlanDocument, title: string) => {
  const section = document.sections.find((candidate) => candidate.heading.endsWith(` ${title}`));
  if (!section) throw new Error(`no section ${title}`);
  return blockTexts(section.blocks);
};

describe('the agenda document', () => {
  it('names the meeting, the project and the customer on its title page', () => {
    const document = agendaDocument(agenda);
    expect(document.title).toBe('Dagordning styrgruppsmöte 2027-03-04');
    expect(document.titlePage).toEqual({
      heading: 'Dagordning',
      subheading: 'Styrgruppsmöte',
      customerName: 'Åkerby kommun',
      projectName: 'Införande av Skolplattformen',
      versionLine: '4 mars 2027 kl. 13:00, Kommunhuset, sal 3',
      vendorName: 'Skolplattformen AB',
    });
    expect(document.sections.map((section) => section.heading)).toEqual([
      '1 Mötet',
      '2 Dagordning',
      '3 Ärenden för beslut',
    ]);
  });

  it('lists who is called with their roles, and the items followed by the requests to decide', () => {
    const document = agendaDocument(agenda);
    expect(sectionTexts(document, 'Mötet')).toEqual([
      'Datum och tid',
      '4 mars 2027 kl. 13:00',
      'Plats',
      'Kommunhuset, sal 3',
      'Kallade',
      'Åsa Öberg (Styrgrupp, Beställare)',
      'Per Ek (Styrgrupp)',
    ]);
    const agendaList = document.sections[1].blocks[0];
    expect(agendaList).toMatchObject({ type: 'list', ordered: true });
    expect(sectionTexts(document, 'Dagordning')).toEqual([
      'Lägesrapport',
      'Projektledaren berättar\nom läget.',
      'Övriga frågor',
      'Beslut om ändringsförslag 2: Skarp start flyttas fyra veckor',
    ]);
  });

  it('sets out each change request in full, with what moves from what to what while it waits', () => {
    expect(sectionTexts(agendaDocument(agenda), 'Ärenden för beslut')).toEqual([
      'Ändringsförslag 2: Skarp start flyttas fyra veckor',
      'Gäller',
      'Tid, budget',
      'Vad ändras',
      'Skarp start flyttas från augusti till september.',
      'Varför',
      'Integrationen mot elevregistret är försenad.',
      'Konsekvens',
      'Ej ifyllt',
      'Förslag till beslut',
      'Styrgruppen godkänner den nya tidplanen.',
      'Datum som flyttas',
      'Skarp start: från 16 augusti 2027 till 13 september 2027',
      'Mål som ändras',
      'Integration, budget: från 150\u00a0000 kr till 180\u00a0000 kr',
      'Bedömning, målvärde: från 90 % till 95 %',
    ]);
  });

  it('gives a decided request its outcome, and the minutes with the decisions taken', () => {
    const decided = agendaDocument({
      ...agenda,
      meeting: { ...agenda.meeting, minutes: 'Alla närvarande.' },
      changeRequests: [{ ...request, status: 'approved', decisionComment: 'Under förutsättning av ny offert' }],
      decisions: [
        { number: 5, title: 'Skarp start 13 september', decision: 'Skarp start flyttas.', decidedBy: 'styrgrupp' },
      ],
    });
    const requestTexts = sectionTexts(decided, 'Ärenden för beslut');
    expect(requestTexts).toContain('Skarp start: till 13 september 2027');
    expect(requestTexts.slice(-2)).toEqual(['Beslut', 'Godkänd. Under förutsättning av ny offert']);
    expect(sectionTexts(decided, 'Protokoll')).toEqual([
      'Alla närvarande.',
      'Beslut',
      'Beslut 5: Skarp start 13 september (Styrgrupp)',
      'Skarp start flyttas.',
    ]);
  });

  it('says so when nobody is called, nothing is on the agenda and no place is given', () => {
    const empty = agendaDocument({
      ...agenda,
      meeting: { date: '2027-03-04', time: null, place: '', agendaItems: [], minutes: '' },
      members: [],
      changeRequests: [],
    });
    expect(empty.titlePage.versionLine).toBe('4 mars 2027');
    expect(empty.sections.map((section) => section.heading)).toEqual(['1 Mötet', '2 Dagordning']);
    expect(sectionTexts(empty, 'Mötet')).toEqual([
      'Datum och tid',
      '4 mars 2027',
      'Plats',
      'Ej angiven',
      'Kallade',
      'Ingen i styrgruppen är utsedd än',
    ]);
    expect(sectionTexts(empty, 'Dagordning')).toEqual(['Inga punkter än']);
  });

  it('is named after the meeting’s date', () => {
    expect(agendaFileName('2027-03-04', 'docx')).toBe('Dagordning styrgruppsmöte 2027-03-04.docx');
  });
});
