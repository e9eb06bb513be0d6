import { describe, expect, it } from 'vitest';
import type { PlanSnapshot } from '../../shared/revisions.js';
import { emptyRichText, type RichText, richTextFromPlainText } from '../../shared/rich-text.js';
import { samplePlanSnapshot } from '../test-support/plan-snapshot.js';
import {
  type Block,
  type DocumentTable,
  type Inline,
  type PlanDocument,
  planDocument,
  rowFitsOnPage,
} from './plan-document.js';

const revision2 = { kind: 'revision', number: 2, sentAt: '2027-01-20T23:30:00.000Z', senderName: 'Åsa Öberg' } as const;

const sectionNamed = (document: PlanDocument, title: string) => {
  const section = document.sections.find((candidate) => candidate.heading.endsWith(` ${title}`));
  if (!section) throw new Error(`no section ${title}`);
  return section;
};

const inlineText = (content: Inline[]) =>
  content.map((inline) => (inline.type === 'text' ? inline.text : '\n')).join('');

const tables = (blocks: Block[]) => blocks.filter((block): block is DocumentTable => block.type === 'table');

const cellTexts = (table: DocumentTable) =>
  table.rows.map((row) =>
    row.type === 'group' ? row.title : row.cells.map((cell) => cell.map(inlineText).join(' | ')),
  );

function withFieldText(snapshot: PlanSnapshot, fieldKey: string, content: RichText): PlanSnapshot {
  for (const section of snapshot.plan.sections) {
    for (const field of section.fields) if (field.key === fieldKey) field.content = content;
  }
  return snapshot;
}

/** The sample with a communication plan and a process guide, as revisions sent since they exist have. */
function withCommunication(snapshot: PlanSnapshot): PlanSnapshot {
  const audience = (key: string) => {
    const titles: Record<string, string> = { elever: 'Elever', vardnadshavare: 'Vårdnadshavare' };
    return { key, title: titles[key] ?? key };
  };
  return {
    ...snapshot,
    communicationPlan: {
      audiences: [
        { key: 'elever', title: 'Elever' },
        { key: 'vardnadshavare', title: 'Vårdnadshavare' },
        { key: 'skolledare', title: 'Skolledare' },
        { key: 'pedagoger', title: 'Pedagoger' },
        { key: 'administratorer', title: 'Administratörer' },
      ],
      items: [
        {
          id: 'c-1',
          title: 'Informationsmöte',
          message: 'Var tydlig med förväntningarna!',
          channel: 'Möte',
          audiences: [audience('elever'), audience('vardnadshavare')],
          date: '2027-04-12',
          keyActivityTitle: 'Informationsmöte',
          responsibleName: 'Åsa Öberg',
          // Past midnight in Sweden: the Swedish date.
          done: { at: '2027-04-12T22:30:00.000Z', byName: 'Åsa Öberg' },
        },
        {
          id: 'c-2',
          title: 'Brev om inloggning',
          message: '',
          channel: 'Brev',
          audiences: [audience('vardnadshavare')],
          date: '2027-03-01',
          keyActivityTitle: null,
          responsibleName: null,
          done: null,
        },
        {
          id: 'c-3',
          title: 'Affisch i matsalen',
          message: '',
          channel: '',
          audiences: [audience('elever')],
          date: null,
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
          goalId: snapshot.plan.goals[0].id,
          goalTitle: snapshot.plan.goals[0].title,
          usage: richTextFromPlainText('Läraren bedömer i varje ämne.'),
          statistics: emptyRichText(),
        },
      ],
    },
  };
}

describe('the plan document', () => {
  it('opens with a title page naming the vendor, customer, project and the revision sent', () => {
    const document = planDocument(samplePlanSnapshot(), revision2);
    expect(document.titlePage).toEqual({
      heading: 'Projektplan',
      subheading: 'Implementering av Skolplattformen AB',
      customerName: 'Åkerby kommun',
      projectName: 'Implementering Åkerby kommun',
      // Sent at 00:30 Swedish time: the Swedish date, not the UTC one.
      versionLine: 'Version 2, skickad 2027-01-21 av Åsa Öberg',
      vendorName: 'Skolplattformen AB',
    });
    expect(document.title).toBe('Projektplan Åkerby kommun');
  });

  it('calls the draft a draft, dated when it was taken', () => {
    expect(planDocument(samplePlanSnapshot(), { kind: 'draft' }).titlePage.versionLine).toBe('Utkast 2027-01-20');
  });

  it("numbers the sections in the template's order, the organisation after the risks", () => {
    expect(planDocument(samplePlanSnapshot(), revision2).sections.map((section) => section.heading)).toEqual([
      '1 Bakgrund',
      '2 Mål',
      '3 Omfattningar och avgränsningar',
      '4 Utvärdering av projektet',
      '5 Risk- och framgångsfaktorer',
      '6 Organisation',
      '7 Eventuella andra leverantörers ansvar/uppgifter',
      '8 Kopplingar till andra projekt och verksamheter',
      '9 Projektmöte med Skolplattformen AB',
      '10 Tidplan för de viktigaste aktiviteterna',
      '11 Checklista med ansvarsfördelning och deadlines',
      '12 Projektavslutning',
    ]);
  });

  it('writes each background field under its label, and "Ej ifyllt" for an empty one', () => {
    const snapshot = withFieldText(samplePlanSnapshot(), 'behov', emptyRichText());
    const blocks = sectionNamed(planDocument(snapshot, revision2), 'Bakgrund').blocks;
    expect(blocks[0]).toEqual({
      type: 'paragraph',
      style: 'lead',
      content: [{ type: 'text', text: 'Syftet med att införa Skolplattformen AB är att…' }],
    });
    expect(blocks[2]).toEqual({
      type: 'list',
      ordered: false,
      start: 1,
      items: [
        [{ type: 'paragraph', content: [{ type: 'text', text: 'Bedömning' }] }],
        [{ type: 'paragraph', content: [{ type: 'text', text: 'Frånvaro' }] }],
      ],
    });
    expect(blocks.slice(-2)).toEqual([
      { type: 'paragraph', style: 'lead', content: [{ type: 'text', text: 'Vi ser behov av att…' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Ej ifyllt', italic: true }] },
    ]);
  });

  it('keeps bold, italic, links, line breaks and numbered lists of formatted text', () => {
    const snapshot = withFieldText(samplePlanSnapshot(), 'kopplingar', {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Se ' },
            {
              type: 'text',
              text: 'avtalet',
              marks: [{ type: 'bold' }, { type: 'link', attrs: { href: 'https://a.se' } }],
            },
            { type: 'hardBreak' },
            { type: 'text', text: 'nu', marks: [{ type: 'italic' }] },
          ],
        },
        {
          type: 'orderedList',
          attrs: { start: 3 },
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Tre' }] }] }],
        },
      ],
    });
    const blocks = sectionNamed(
      planDocument(snapshot, revision2),
      'Kopplingar till andra projekt och verksamheter',
    ).blocks;
    expect(blocks).toEqual([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Se ' },
          { type: 'text', text: 'avtalet', bold: true, link: 'https://a.se' },
          { type: 'break' },
          { type: 'text', text: 'nu', italic: true },
        ],
      },
      {
        type: 'list',
        ordered: true,
        start: 3,
        items: [[{ type: 'paragraph', content: [{ type: 'text', text: 'Tre' }] }]],
      },
    ]);
  });

  it('lists effect goals with their measure and percentages, project goals with budget, and who is informed', () => {
    const blocks = sectionNamed(planDocument(samplePlanSnapshot(), revision2), 'Mål').blocks;
    const [effect, project] = tables(blocks);
    expect(effect.columns.map((column) => column.header)).toEqual([
      'Mål',
      'Vad mäts',
      'Utgångsvärde',
      'Målvärde',
      'Senast',
    ]);
    expect(cellTexts(effect)).toEqual([
      [
        'Alla elever bedöms i varje ämne varje termin | Så att elever i behov av stöd syns tidigt.',
        'Andel elever med bedömning i varje ämne',
        '40\u00a0%',
        '100\u00a0%',
        '2027-06-15',
      ],
    ]);
    expect(project.columns.map((column) => column.header)).toEqual(['Leverans', 'Typ', 'Klart senast', 'Budget (kr)']);
    expect(cellTexts(project)).toEqual([
      ['Systemet är integrerat med elevregistret', 'Integration', '2027-03-01', '120\u00a0000'],
    ]);
    expect(blocks.slice(-2).map((block) => (block.type === 'paragraph' ? inlineText(block.content) : ''))).toEqual([
      'Vem ska informeras om målen inte kan uppnås?',
      'Åsa Öberg',
    ]);
  });

  it('ties each evaluation to the goals it measures', () => {
    const [evaluation] = tables(
      sectionNamed(planDocument(samplePlanSnapshot(), revision2), 'Utvärdering av projektet').blocks,
    );
    expect(evaluation.columns.map((column) => column.header)).toEqual([
      'Varför',
      'Vad',
      'Hur mäts det',
      'När samlas data in',
      'Mål',
    ]);
    expect(cellTexts(evaluation)[0]).toEqual([
      'För att se att införandet ger effekt.',
      'Bedömningar per elev och ämne.',
      'Export av bedömningar jämförs med elevregistret.',
      '2027-03-31 | 2027-06-10',
      'Alla elever bedöms i varje ämne varje termin',
    ]);
  });

  it('marks leadership issues among the risks with a star and explains it below the table', () => {
    const blocks = sectionNamed(planDocument(samplePlanSnapshot(), revision2), 'Risk- och framgångsfaktorer').blocks;
    const [risks, factors] = tables(blocks);
    expect(risks.columns.map((column) => column.header)).toEqual([
      'Orsak',
      'Sannolikhet',
      'Konsekvens',
      'Åtgärd',
      'Ansvarig',
      'Status',
    ]);
    expect(cellTexts(risks).slice(0, 4)).toEqual([
      ['Bristande förankring*', '', '', '', '', 'Öppen'],
      ['Otydliga mål/vision/krav*', '', '', '', '', 'Öppen'],
      ['Oengagerad ledning*', '', '', '', '', 'Öppen'],
      ['Kostnadsöverdrag', 'Medel', 'Hög', 'Budgeten följs upp varje månad i styrgruppen.', 'Åsa Öberg', 'Öppen'],
    ]);
    expect(blocks[blocks.indexOf(risks) + 1]).toEqual({
      type: 'paragraph',
      style: 'note',
      content: [{ type: 'text', text: '* Ledarskapsfrågor' }],
    });
    expect(factors.columns.map((column) => column.header)).toEqual(['Nyckelord', 'Så arbetar vi med det']);
    expect(cellTexts(factors)[2]).toEqual(['Förankring', 'Rektorerna presenterar planen på arbetsplatsträffar.']);
  });

  it("lists the customer's roles, then each school's, then the vendor's, and names who holds them", () => {
    const snapshot = samplePlanSnapshot();
    snapshot.organisation.push({
      ...snapshot.organisation[3],
      roleKey: 'utbildningsledare',
      roleTitle: 'Utbildningsledare',
      people: [],
    });
    const blocks = sectionNamed(planDocument(snapshot, revision2), 'Organisation').blocks;
    expect(blocks.filter((block) => block.type === 'subheading').map((block) => block.text)).toEqual([
      'Uppgifter för vilka Åkerby kommun ansvarar',
      'Ängsskolan',
      'Uppgifter för vilka Skolplattformen AB ansvarar',
    ]);
    const [customer, school, vendor] = tables(blocks);
    expect(customer.columns.map((column) => column.header)).toEqual(['Roll', 'Namn', 'Ansvar i projektet']);
    expect(cellTexts(customer).map((row) => row.slice(0, 2))).toEqual([
      ['Beställare', 'Åsa Öberg'],
      ['Projektledare', 'Örjan Ärlig'],
    ]);
    // The template's line break in a responsibility stays a line break.
    expect(cellTexts(customer)[1][2]).toContain('Projektledaren ska:\nstyra, leda');
    expect(cellTexts(school)).toEqual([
      ['Administratör', 'Kim Ek | Mia Björk', 'Två IT-erfarna personer per skola rekommenderas.'],
    ]);
    expect(cellTexts(vendor).map((row) => row.slice(0, 2))).toEqual([
      ['Projektstödjare', 'Lena Lärk'],
      ['Utbildningsledare', 'Ej utsedd'],
    ]);
  });

  it('dates the key activities, and says "Ej planerat" for one without a date', () => {
    const snapshot = samplePlanSnapshot();
    snapshot.plan.keyActivities[1].date = null;
    const [timeline] = tables(
      sectionNamed(planDocument(snapshot, revision2), 'Tidplan för de viktigaste aktiviteterna').blocks,
    );
    expect(timeline.columns.map((column) => column.header)).toEqual(['Aktivitet', 'Datum']);
    expect(cellTexts(timeline).slice(0, 2)).toEqual([
      ['Projektmöte med Skolplattformen AB', '2027-01-18'],
      ['Projektgruppen påbörjar arbetet med projektplanen', 'Ej planerat'],
    ]);
    expect(cellTexts(timeline)[6]).toEqual([
      'Utbildning av administratörer | 15–20 st. deltagare per tillfälle',
      '2027-03-15',
    ]);
  });

  it('groups the checklist under full-width group rows, with who answers for each activity and when it was done', () => {
    const snapshot = samplePlanSnapshot();
    const [checklist] = tables(
      sectionNamed(planDocument(snapshot, revision2), 'Checklista med ansvarsfördelning och deadlines').blocks,
    );
    expect(checklist.columns.map((column) => column.header)).toEqual([
      'Aktivitet',
      'Ansvarig hos kunden',
      'Ansvarig hos leverantören',
      'Deadline',
      'Klart',
    ]);
    const rows = cellTexts(checklist);
    expect(rows.filter((row) => typeof row === 'string')).toEqual([
      'Uppstart',
      'Integrationer, importer och övriga inställningar',
      'Utbildningar',
      'Kommunikation',
      'Leverans av systemet',
      'Nästa steg',
    ]);
    expect(rows.filter((row) => typeof row !== 'string').map((row) => row[0])).toEqual(
      snapshot.checklist.map((activity) => activity.title),
    );
    expect(rows[1]).toEqual([
      snapshot.checklist[0].title,
      'Projektledare: Örjan Ärlig',
      '',
      '2027-03-15',
      'Ja, 2027-01-15',
    ]);
    expect(rows[2]).toEqual([snapshot.checklist[1].title, 'Projektledare: Örjan Ärlig', '', '', '']);
  });

  it('tables the communication plan, naming where a date comes from and the audiences nobody reaches yet', () => {
    const snapshot = withCommunication(samplePlanSnapshot());
    const document = planDocument(snapshot, revision2);
    expect(document.sections.map((section) => section.heading).slice(-4)).toEqual([
      '11 Checklista med ansvarsfördelning och deadlines',
      '12 Kommunikationsplan',
      '13 Lathund',
      '14 Projektavslutning',
    ]);
    const blocks = sectionNamed(document, 'Kommunikationsplan').blocks;
    const [plan] = tables(blocks);
    expect(plan.columns.map((column) => column.header)).toEqual([
      'Målgrupp',
      'Budskap',
      'Kanal',
      'När',
      'Ansvarig',
      'Klart',
    ]);
    expect(cellTexts(plan)).toEqual([
      [
        'Elever, Vårdnadshavare',
        'Informationsmöte | Var tydlig med förväntningarna!',
        'Möte',
        '2027-04-12 | Enligt tidplanen: Informationsmöte',
        'Åsa Öberg',
        'Ja, 2027-04-13',
      ],
      ['Vårdnadshavare', 'Brev om inloggning', 'Brev', '2027-03-01', '', ''],
      ['Elever', 'Affisch i matsalen', '', 'Ej planerat', '', ''],
    ]);
    expect(blocks.at(-1)).toEqual({
      type: 'paragraph',
      style: 'note',
      content: [{ type: 'text', text: 'Inget planerat ännu för skolledare, pedagoger, administratörer.' }],
    });
  });

  it('writes the process guide: its introduction, then each effect goal with its two texts', () => {
    const blocks = sectionNamed(planDocument(withCommunication(samplePlanSnapshot()), revision2), 'Lathund').blocks;
    expect(blocks).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Så använder Åkerby kommun plattformen.' }] },
      { type: 'subheading', text: 'Alla elever bedöms i varje ämne varje termin' },
      { type: 'paragraph', style: 'lead', content: [{ type: 'text', text: 'Så används systemet' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Läraren bedömer i varje ämne.' }] },
      { type: 'paragraph', style: 'lead', content: [{ type: 'text', text: 'Statistik vi vill kunna ta ut' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Ej ifyllt', italic: true }] },
    ]);
  });

  it('leaves both out of a revision sent before they existed', () => {
    const headings = planDocument(samplePlanSnapshot(), revision2).sections.map((section) => section.heading);
    expect(headings.some((heading) => /Kommunikationsplan|Lathund/.test(heading))).toBe(false);
  });

  it('tables the decision log in the order taken, just before the closure', () => {
    const snapshot: PlanSnapshot = {
      ...samplePlanSnapshot(),
      decisions: [
        {
          id: 'd-1',
          number: 1,
          title: 'Rubriker till IUP',
          decision: 'Skolverkets rubriker.',
          decidedBy: 'projektgrupp',
          decidedOn: '2027-01-18',
        },
        {
          id: 'd-2',
          number: 2,
          title: 'Skarp start flyttas',
          decision: 'Till 15 mars.',
          decidedBy: 'styrgrupp',
          decidedOn: '2027-02-10',
        },
      ],
    };
    const document = planDocument(snapshot, revision2);
    expect(document.sections.slice(-2).map((section) => section.heading)).toEqual([
      '12 Beslutslogg',
      '13 Projektavslutning',
    ]);
    const [log] = tables(sectionNamed(document, 'Beslutslogg').blocks);
    expect(log.columns.map((column) => column.header)).toEqual(['Nr', 'Datum', 'Beslut', 'Beslutat av']);
    expect(cellTexts(log)).toEqual([
      ['1', '2027-01-18', 'Rubriker till IUP | Skolverkets rubriker.', 'Projektgrupp'],
      ['2', '2027-02-10', 'Skarp start flyttas | Till 15 mars.', 'Styrgrupp'],
    ]);
  });

  it('says so when no decision is logged, and leaves the log out of a revision sent before it existed', () => {
    const empty = planDocument({ ...samplePlanSnapshot(), decisions: [] }, revision2);
    expect(sectionNamed(empty, 'Beslutslogg').blocks).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Inga beslut är registrerade.', italic: true }] },
    ]);
    const headings = planDocument(samplePlanSnapshot(), revision2).sections.map((section) => section.heading);
    expect(headings.some((heading) => heading.endsWith('Beslutslogg'))).toBe(false);
  });

  it('ends with the closure text', () => {
    const blocks = sectionNamed(planDocument(samplePlanSnapshot(), revision2), 'Projektavslutning').blocks;
    expect(blocks).toEqual([
      {
        type: 'paragraph',
        content: [
          {
            type: 'text',
            text: 'Beställaren godkänner projektavslut. Införandefasen övergår nu till genomförandefasen.',
          },
        ],
      },
    ]);
  });
});

describe('keeping a table row on one page', () => {
  const table = (text: string): DocumentTable => ({
    type: 'table',
    columns: [
      { header: 'Orsak', weight: 1 },
      { header: 'Åtgärd', weight: 1 },
    ],
    rows: [{ type: 'cells', cells: [[[{ type: 'text', text: 'Risk' }]], [[{ type: 'text', text }]]] }],
  });

  it('keeps an ordinary row whole', () => {
    const ordinary = table('Budgeten följs upp varje månad i styrgruppen.');
    expect(rowFitsOnPage(ordinary, ordinary.rows[0])).toBe(true);
  });

  it('lets a row taller than half a page break, so that nothing is cut off at the foot of the page', () => {
    const long = table('mycket text '.repeat(400));
    expect(rowFitsOnPage(long, long.rows[0])).toBe(false);
  });
});
