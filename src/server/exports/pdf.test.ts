import { beforeAll, describe, expect, it } from 'vitest';
import { pdfTextOnOneLine as pdfText } from '../test-support/pdf-text.js';
import { samplePlanSnapshot } from '../test-support/plan-snapshot.js';
import { renderPdf } from './pdf.js';
import { planDocument } from './plan-document.js';

/** Each text's position in `text`, searching on from the previous one: -1 once one is missing or out of order. */
function positionsInOrder(text: string, parts: string[]): number[] {
  let from = 0;
  return parts.map((part) => {
    const at = from < 0 ? -1 : text.indexOf(part, from);
    from = at < 0 ? -1 : at + part.length;
    return at;
  });
}

const snapshot = samplePlanSnapshot();
let pdf: Buffer;
let text: string;

beforeAll(async () => {
  pdf = await renderPdf(
    planDocument(snapshot, {
      kind: 'revision',
      number: 2,
      sentAt: '2027-01-20T10:05:00.000Z',
      senderName: 'Åsa Öberg',
    }),
  );
  text = await pdfText(pdf);
});

describe('the plan as PDF', () => {
  it('is a PDF', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('has the title page, then the sections in order, with Swedish characters intact', () => {
    const order = positionsInOrder(text, [
      'Projektplan Implementering av Skolplattformen AB Åkerby kommun Implementering Åkerby kommun',
      'Version 2, skickad 2027-01-20 av Åsa Öberg',
      '1 Bakgrund',
      'Syftet med att införa Skolplattformen AB är att… Syftet är att samla skolans dokumentation på ett ställe.',
      '2 Mål',
      'Effektmål',
      'Projektmål',
      '3 Omfattningar och avgränsningar',
      '4 Utvärdering av projektet',
      '5 Risk- och framgångsfaktorer',
      '6 Organisation',
      'Uppgifter för vilka Åkerby kommun ansvarar',
      'Ängsskolan',
      'Uppgifter för vilka Skolplattformen AB ansvarar',
      '7 Eventuella andra leverantörers ansvar/uppgifter',
      '8 Kopplingar till andra projekt och verksamheter',
      '9 Projektmöte med Skolplattformen AB',
      '10 Tidplan för de viktigaste aktiviteterna',
      '11 Checklista med ansvarsfördelning och deadlines',
      '12 Projektavslutning',
      'Beställaren godkänner projektavslut.',
    ]);
    expect(order).not.toContain(-1);
  });

  it("writes the tables with the template's headers and the plan's values", () => {
    expect(text).toContain('Mål Vad mäts Utgångsvärde Målvärde Senast');
    expect(text).toMatch(
      /Alla elever bedöms i varje ämne varje termin Så att elever i behov av stöd syns tidigt\. Andel elever med bedömning i varje ämne 40\s%\s100\s%\s2027-06-15/,
    );
    expect(text).toMatch(/Systemet är integrerat med elevregistret Integration 2027-03-01 120\s000/);
    expect(text).toContain('Orsak Sannolikhet Konsekvens Åtgärd Ansvarig Status');
    expect(text).toContain('Bristande förankring* Öppen');
    expect(text).toContain('* Ledarskapsfrågor');
    expect(text).toContain('Roll Namn Ansvar i projektet');
    expect(text).toContain('Aktivitet Ansvarig hos kunden Ansvarig hos leverantören Deadline Klart');
  });

  it('lists every checklist activity, in order, under its group', () => {
    // A title may wrap anywhere in its cell, even after "2/": compare without any whitespace.
    const compact = (value: string) => value.replace(/\s+/g, '');
    const checklist = compact(text.slice(text.indexOf('11 Checklista')));
    const order = positionsInOrder(
      checklist,
      snapshot.checklist.flatMap((activity, index) =>
        (index === 0 || snapshot.checklist[index - 1].groupKey !== activity.groupKey
          ? [activity.groupTitle, activity.title]
          : [activity.title]
        ).map(compact),
      ),
    );
    expect(order).not.toContain(-1);
    expect(checklist).toContain('Ja,2027-01-15');
  });

  it('numbers the pages "Sida X av Y", leaving the title page without', () => {
    const pages = Number(/Sida \d+ av (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThan(3);
    expect(text).not.toContain('Sida 1 av');
    for (let page = 2; page <= pages; page++) expect(text).toContain(`Sida ${page} av ${pages}`);
  });

  it('lets a row too tall for one page break across pages instead of cutting its text off', async () => {
    const long = samplePlanSnapshot();
    long.plan.risks[0].mitigation = Array.from({ length: 300 }, (_, index) => `åtgärd${index}`).join(' ');
    const longText = await pdfText(await renderPdf(planDocument(long, { kind: 'draft' })));
    for (let index = 0; index < 300; index++) expect(longText).toContain(`åtgärd${index} `);
  });
});
