import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { samplePlanSnapshot } from '../test-support/plan-snapshot.js';
import { renderDocx } from './docx.js';
import { planDocument } from './plan-document.js';

const snapshot = samplePlanSnapshot();
let documentXml: string;

beforeAll(async () => {
  const file = await renderDocx(
    planDocument(snapshot, {
      kind: 'revision',
      number: 2,
      sentAt: '2027-01-20T10:05:00.000Z',
      senderName: 'Åsa Öberg',
    }),
  );
  const zip = await JSZip.loadAsync(file);
  documentXml = (await zip.file('word/document.xml')?.async('string')) ?? '';
});

const xmlText = (xml: string) =>
  xml
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');

/** The text of each paragraph, with the paragraph's XML to look at its properties. */
const paragraphs = () =>
  [...documentXml.matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs)].map(([xml]) => ({
    xml,
    text: xmlText([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('')),
  }));

const tables = () => [...documentXml.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map(([xml]) => xml);

describe('the plan as Word', () => {
  it('has the title page, then the sections as Heading 1 in order', () => {
    const texts = paragraphs().map((paragraph) => paragraph.text);
    expect(texts.slice(0, 6)).toEqual([
      'Projektplan',
      'Implementering av Skolplattformen AB',
      'Åkerby kommun',
      'Implementering Åkerby kommun',
      'Version 2, skickad 2027-01-20 av Åsa Öberg',
      'Skolplattformen AB',
    ]);
    expect(documentXml).toContain('<w:br w:type="page"/>');
    const headings = paragraphs()
      .filter((paragraph) => paragraph.xml.includes('<w:pStyle w:val="Heading1"/>'))
      .map((paragraph) => paragraph.text);
    expect(headings).toEqual([
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
    expect(
      paragraphs()
        .filter((paragraph) => paragraph.xml.includes('<w:pStyle w:val="Heading2"/>'))
        .map((paragraph) => paragraph.text),
    ).toContain('Effektmål');
  });

  it('writes bullet lists as Word lists, not as typed bullets', () => {
    const bullet = paragraphs().find((paragraph) => paragraph.text === 'Bedömning');
    expect(bullet?.xml).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
  });

  it("writes tables with the template's headers, a goal's values and every checklist activity", () => {
    const texts = paragraphs().map((paragraph) => paragraph.text);
    for (const header of [
      'Utgångsvärde',
      'Budget (kr)',
      'Sannolikhet',
      'Ansvar i projektet',
      'Ansvarig hos leverantören',
    ]) {
      expect(texts).toContain(header);
    }
    const goalRow = texts.indexOf('Alla elever bedöms i varje ämne varje termin');
    expect(texts.slice(goalRow, goalRow + 6)).toEqual([
      'Alla elever bedöms i varje ämne varje termin',
      'Så att elever i behov av stöd syns tidigt.',
      'Andel elever med bedömning i varje ämne',
      '40\u00a0%',
      '100\u00a0%',
      '2027-06-15',
    ]);
    expect(texts).toContain('Bristande förankring*');
    expect(texts).toContain('* Ledarskapsfrågor');
    expect(texts).toContain('Ja, 2027-01-15');
    for (const activity of snapshot.checklist) expect(texts).toContain(activity.title);
    const responsibility = paragraphs().find((paragraph) => paragraph.text.includes('Projektledaren ska:'));
    expect(responsibility?.xml).toMatch(/Projektledaren ska:<\/w:t><\/w:r><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:br\/>/);
  });

  it('repeats every table header row on each page and keeps rows from splitting across pages', () => {
    const all = tables();
    expect(all.length).toBeGreaterThanOrEqual(10);
    for (const table of all) {
      const rows = [...table.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map(([row]) => row);
      expect(rows[0]).toContain('<w:tblHeader/>');
      expect(rows.slice(1).some((row) => row.includes('<w:tblHeader/>'))).toBe(false);
      for (const row of rows) expect(row).toContain('<w:cantSplit/>');
    }
  });

  it('lets a row too tall for one page break, so that Word does not cut off its foot', async () => {
    const long = samplePlanSnapshot();
    long.plan.risks[0].mitigation = 'en mycket lång åtgärd '.repeat(300);
    const zip = await JSZip.loadAsync(await renderDocx(planDocument(long, { kind: 'draft' })));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const row = [...xml.matchAll(/<w:tr>.*?<\/w:tr>/gs)]
      .map(([match]) => match)
      .find((r) => r.includes('en mycket lång'));
    expect(row).toBeDefined();
    expect(row).not.toContain('<w:cantSplit/>');
  });

  it('has page numbers in the footer, but not on the title page', async () => {
    const file = await renderDocx(planDocument(snapshot, { kind: 'draft' }));
    const zip = await JSZip.loadAsync(file);
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^word\/footer\d+\.xml$/.test(name))
        .map((name) => zip.file(name)?.async('string') ?? ''),
    );
    expect(
      footers.some((footer) => footer.includes('Sida ') && footer.includes('>PAGE<') && footer.includes('>NUMPAGES<')),
    ).toBe(true);
    expect((await zip.file('word/document.xml')?.async('string')) ?? '').toContain('<w:titlePg/>');
  });
});
