import { createRequire } from 'node:module';
import path from 'node:path';
import pdfMake from 'pdfmake';
import type {
  Content,
  ContentText,
  CustomTableLayout,
  DynamicContent,
  TableCell,
  TDocumentDefinitions,
} from 'pdfmake/interfaces.js';
import {
  type Block,
  type TableCell as CellModel,
  type DocumentTable,
  type Inline,
  type PlanDocument,
  rowFitsOnPage,
  type TitlePage,
} from './plan-document.js';

const robotoFolder = path.join(
  path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')),
  'fonts',
  'Roboto',
);
const roboto = {
  normal: path.join(robotoFolder, 'Roboto-Regular.ttf'),
  bold: path.join(robotoFolder, 'Roboto-Medium.ttf'),
  italics: path.join(robotoFolder, 'Roboto-Italic.ttf'),
  bolditalics: path.join(robotoFolder, 'Roboto-MediumItalic.ttf'),
};
const fontFiles = new Set(Object.values(roboto));

// The plan's text is the customer's own: a link in it must never make the server fetch a URL or
// read a file. Only the bundled fonts may be read.
pdfMake.setFonts({ Roboto: roboto });
pdfMake.setUrlAccessPolicy(() => false);
pdfMake.setLocalAccessPolicy((file) => fontFiles.has(file));

/** A4 is 595 × 842 pt. */
const MARGIN = { side: 50, top: 50, bottom: 60 };
const COLORS = { heading: '#1F3864', headerFill: '#D9E2F3', groupFill: '#F2F2F2', border: '#8EAADB', muted: '#595959' };
const SIZES = { body: 10, table: 8.5, note: 8, footer: 8, heading1: 15, heading2: 12 };

/**
 * The room, in pt, a heading or a label needs below its top to stay on its page: its own line and
 * those of the headings straight after it, then the first lines of text, or a table's header and
 * first row.
 */
const ROOM_PER_HEADLINE = 28;
const ROOM_BEFORE_TEXT = 30;
const ROOM_BEFORE_TABLE = 80;

/** Headings, and the labels that introduce a field, are kept with what follows them. */
const HEADLINE = { heading1: 1, heading2: 2, lead: 3 } as const;

function inlines(content: Inline[]): ContentText[] {
  return content.map((inline): ContentText => {
    if (inline.type === 'break') return { text: '\n' };
    return {
      text: inline.text,
      bold: inline.bold,
      italics: inline.italic,
      ...(inline.link ? { link: inline.link, color: '#1F4E9D', decoration: 'underline' as const } : {}),
    };
  });
}

function blockContent(block: Block): Content {
  switch (block.type) {
    case 'subheading':
      return { text: block.text, style: 'heading2', headlineLevel: HEADLINE.heading2 };
    case 'paragraph':
      if (block.style === 'lead') {
        return { text: inlines(block.content), style: 'lead', headlineLevel: HEADLINE.lead };
      }
      return { text: inlines(block.content), style: block.style === 'note' ? 'note' : 'paragraph' };
    case 'list': {
      const items = block.items.map((item): Content => ({ stack: item.map(blockContent), margin: [0, 0, 0, 2] }));
      return block.ordered
        ? { ol: items, start: block.start, margin: [0, 0, 0, 6] }
        : { ul: items, margin: [0, 0, 0, 6] };
    }
    case 'table':
      return tableContent(block);
  }
}

const cellContent = (cell: CellModel): Content[] => cell.map((line) => ({ text: inlines(line) }));

const TABLE_LAYOUT = 'plan';
pdfMake.addTableLayouts({
  [TABLE_LAYOUT]: {
    hLineWidth: () => 0.5,
    vLineWidth: () => 0.5,
    hLineColor: () => COLORS.border,
    vLineColor: () => COLORS.border,
    paddingLeft: () => 4,
    paddingRight: () => 4,
    paddingTop: () => 3,
    paddingBottom: () => 3,
  } satisfies CustomTableLayout,
});

function tableContent(model: DocumentTable): Content {
  const totalWeight = model.columns.reduce((sum, column) => sum + column.weight, 0);
  const header: TableCell[] = model.columns.map((column) => ({
    text: column.header,
    bold: true,
    fillColor: COLORS.headerFill,
  }));
  const rows = model.rows.map((row): TableCell[] => {
    if (row.type === 'group') {
      const filler: TableCell[] = model.columns.slice(1).map(() => ({ text: '' }));
      return [{ text: row.title, bold: true, fillColor: COLORS.groupFill, colSpan: model.columns.length }, ...filler];
    }
    return row.cells.map((cell): TableCell => ({ stack: cellContent(cell) }));
  });
  return {
    table: {
      headerRows: 1,
      // A header row alone at the foot of a page says nothing: it goes over with the first row.
      keepWithHeaderRows: model.rows[0] && rowFitsOnPage(model, model.rows[0]) ? 1 : 0,
      dontBreakRows: model.rows.every((row) => rowFitsOnPage(model, row)),
      widths: model.columns.map((column) => `${((100 * column.weight) / totalWeight).toFixed(2)}%`),
      body: [header, ...rows],
    },
    layout: TABLE_LAYOUT,
    fontSize: SIZES.table,
    margin: [0, 2, 0, 10],
  };
}

function titlePageContent(page: TitlePage): Content {
  return {
    stack: [
      { text: page.heading, fontSize: 40, bold: true, color: COLORS.heading, margin: [0, 180, 0, 10] },
      { text: page.subheading, fontSize: 16, color: COLORS.heading, margin: [0, 0, 0, 60] },
      { text: page.customerName, fontSize: 18, bold: true, margin: [0, 0, 0, 8] },
      { text: page.projectName, fontSize: 14, margin: [0, 0, 0, 30] },
      { text: page.versionLine, fontSize: 12, color: COLORS.muted },
      { text: page.vendorName, fontSize: 12, color: COLORS.muted, margin: [0, 160, 0, 0] },
    ],
    alignment: 'center',
    pageBreak: 'after',
  };
}

const footer =
  (title: string): DynamicContent =>
  (currentPage, pageCount) =>
    currentPage === 1
      ? null
      : {
          columns: [{ text: title }, { text: `Sida ${currentPage} av ${pageCount}`, alignment: 'right' }],
          fontSize: SIZES.footer,
          color: COLORS.muted,
          margin: [MARGIN.side, 25, MARGIN.side, 0],
        };

/** Moves a heading, with the labels right after it, to the next page when what follows would not fit under it. */
const keepHeadingsWithWhatFollows: TDocumentDefinitions['pageBreakBefore'] = (node, nodes) => {
  if (node.headlineLevel === undefined) return false;
  // pdfmake asks once per node, so a heading must make room for the labels after it too.
  const upcoming = [...nodes.getFollowingNodesOnPage(), ...nodes.getNodesOnNextPage()];
  const headlines = upcoming.findIndex((later) => later.headlineLevel === undefined);
  if (headlines < 0) return false;
  const roomNeeded =
    (headlines + 1) * ROOM_PER_HEADLINE + (upcoming[headlines].table ? ROOM_BEFORE_TABLE : ROOM_BEFORE_TEXT);
  const { verticalRatio, pageInnerHeight } = node.startPosition;
  return (1 - verticalRatio) * pageInnerHeight < roomNeeded;
};

/**
 * The plan document as a PDF. The definition is built afresh for every file: pdfmake writes its
 * layout into the definition it is given, so one must never be kept and reused.
 */
export async function renderPdf(model: PlanDocument): Promise<Buffer> {
  return pdfMake
    .createPdf({
      pageSize: 'A4',
      pageMargins: [MARGIN.side, MARGIN.top, MARGIN.side, MARGIN.bottom],
      info: { title: model.title, author: model.titlePage.vendorName, subject: model.titlePage.versionLine },
      defaultStyle: { font: 'Roboto', fontSize: SIZES.body, lineHeight: 1.15 },
      styles: {
        heading1: { fontSize: SIZES.heading1, bold: true, color: COLORS.heading, margin: [0, 14, 0, 6] },
        heading2: { fontSize: SIZES.heading2, bold: true, color: COLORS.heading, margin: [0, 10, 0, 4] },
        lead: { bold: true, margin: [0, 6, 0, 2] },
        paragraph: { margin: [0, 0, 0, 6] },
        note: { fontSize: SIZES.note, margin: [0, -4, 0, 10] },
      },
      content: [
        titlePageContent(model.titlePage),
        ...model.sections.flatMap((section): Content[] => [
          { text: section.heading, style: 'heading1', headlineLevel: HEADLINE.heading1 },
          ...section.blocks.map(blockContent),
        ]),
      ],
      footer: footer(model.title),
      pageBreakBefore: keepHeadingsWithWhatFollows,
    })
    .getBuffer();
}
