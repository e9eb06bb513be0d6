import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import {
  type Block,
  type TableCell as CellModel,
  type DocumentTable,
  type Inline,
  type ParagraphStyle,
  type PlanDocument,
  rowFitsOnPage,
  type TitlePage,
} from './plan-document.js';

/** A4 in twips, with 2 cm margins. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const LIST_INDENT = 360;

const COLORS = { heading: '1F3864', headerFill: 'D9E2F3', groupFill: 'F2F2F2', border: '8EAADB', muted: '595959' };
const FONT = 'Calibri';
/** Sizes in half-points. */
const SIZES = { body: 21, table: 18, note: 17, footer: 16 };

const BULLETS = 'bullets';
const ORDERED = 'ordered';

/** Word numbers lists by definition and instance: each ordered list of the plan starts over. */
class ListCounter {
  private next = 0;
  readonly orderedStarts = new Set<number>([1]);
  newInstance(): number {
    this.next += 1;
    return this.next;
  }
}

function runs(content: Inline[], options: { size?: number; bold?: boolean } = {}): ParagraphChild[] {
  return content.map((inline) => {
    if (inline.type === 'break') return new TextRun({ break: 1 });
    const run = new TextRun({
      text: inline.text,
      bold: inline.bold || options.bold,
      italics: inline.italic,
      size: options.size,
      style: inline.link ? 'Hyperlink' : undefined,
    });
    return inline.link ? new ExternalHyperlink({ link: inline.link, children: [run] }) : run;
  });
}

function paragraphFor(content: Inline[], style: ParagraphStyle | undefined): Paragraph {
  if (style === 'lead') {
    return new Paragraph({
      children: runs(content, { bold: true }),
      keepNext: true,
      spacing: { before: 160, after: 60 },
    });
  }
  if (style === 'note') {
    return new Paragraph({ children: runs(content, { size: SIZES.note }), spacing: { before: 60, after: 160 } });
  }
  return new Paragraph({ children: runs(content), spacing: { after: 120 } });
}

function listElements(
  block: Extract<Block, { type: 'list' }>,
  level: number,
  lists: ListCounter,
): (Paragraph | Table)[] {
  const reference = block.ordered ? `${ORDERED}-${block.start}` : BULLETS;
  if (block.ordered) lists.orderedStarts.add(block.start);
  const instance = lists.newInstance();
  return block.items.flatMap((item) =>
    item.flatMap((child, index) => {
      if (child.type === 'list') return listElements(child, Math.min(level + 1, 8), lists);
      if (child.type !== 'paragraph') return blockElements(child, lists);
      return [
        new Paragraph({
          children: runs(child.content),
          // Only an item's first paragraph carries the bullet; the rest are indented under it.
          ...(index === 0
            ? { numbering: { reference, level, instance } }
            : { indent: { left: LIST_INDENT * (level + 1) } }),
          spacing: { after: 60 },
        }),
      ];
    }),
  );
}

function blockElements(block: Block, lists: ListCounter): (Paragraph | Table)[] {
  switch (block.type) {
    case 'subheading':
      return [new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_2, keepNext: true })];
    case 'paragraph':
      return [paragraphFor(block.content, block.style)];
    case 'list':
      return listElements(block, 0, lists);
    case 'table':
      return [tableFor(block), new Paragraph({ spacing: { after: 60 }, children: [] })];
  }
}

function cellParagraphs(cell: CellModel, bold = false): Paragraph[] {
  if (cell.length === 0) return [new Paragraph({ children: [] })];
  return cell.map(
    (line) => new Paragraph({ children: runs(line, { size: SIZES.table, bold }), spacing: { after: 40 } }),
  );
}

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: COLORS.border };
const borders = {
  top: cellBorder,
  bottom: cellBorder,
  left: cellBorder,
  right: cellBorder,
  insideHorizontal: cellBorder,
  insideVertical: cellBorder,
};

function tableFor(model: DocumentTable): Table {
  const totalWeight = model.columns.reduce((sum, column) => sum + column.weight, 0);
  const columnWidths = model.columns.map((column) => Math.floor((CONTENT_WIDTH * column.weight) / totalWeight));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: model.columns.map(
      (column, index) =>
        new TableCell({
          width: { size: columnWidths[index], type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, fill: COLORS.headerFill, color: 'auto' },
          children: cellParagraphs([[{ type: 'text', text: column.header }]], true),
        }),
    ),
  });
  const rows = model.rows.map((row) => {
    if (row.type === 'group') {
      return new TableRow({
        cantSplit: true,
        // A group's title belongs with its first activity, never alone at the foot of a page.
        keepNext: true,
        children: [
          new TableCell({
            columnSpan: model.columns.length,
            width: { size: CONTENT_WIDTH, type: WidthType.DXA },
            shading: { type: ShadingType.CLEAR, fill: COLORS.groupFill, color: 'auto' },
            children: cellParagraphs([[{ type: 'text', text: row.title }]], true),
          }),
        ],
      });
    }
    return new TableRow({
      cantSplit: rowFitsOnPage(model, row),
      children: row.cells.map(
        (cell, index) =>
          new TableCell({
            width: { size: columnWidths[index], type: WidthType.DXA },
            children: cellParagraphs(cell),
          }),
      ),
    });
  });
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths,
    borders,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    rows: [header, ...rows],
  });
}

function titlePageParagraphs(page: TitlePage): Paragraph[] {
  const centred = (text: string, size: number, options: { bold?: boolean; before?: number; color?: string } = {}) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: options.before ?? 0, after: 200 },
      children: [new TextRun({ text, size, bold: options.bold, color: options.color })],
    });
  return [
    centred(page.heading, 72, { bold: true, before: 3600, color: COLORS.heading }),
    centred(page.subheading, 32, { color: COLORS.heading }),
    centred(page.customerName, 36, { bold: true, before: 1200 }),
    centred(page.projectName, 28),
    centred(page.versionLine, 24, { before: 600, color: COLORS.muted }),
    centred(page.vendorName, 24, { before: 2400, color: COLORS.muted }),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

function footer(title: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }],
        children: [
          new TextRun({ text: title, size: SIZES.footer, color: COLORS.muted }),
          new TextRun({
            children: ['\tSida ', PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES],
            size: SIZES.footer,
            color: COLORS.muted,
          }),
        ],
      }),
    ],
  });
}

const listLevels = (format: 'bullet' | 'decimal', start = 1) =>
  Array.from({ length: 9 }, (_, level) => ({
    level,
    format: format === 'bullet' ? LevelFormat.BULLET : LevelFormat.DECIMAL,
    text: format === 'bullet' ? ['•', '◦', '▪'][level % 3] : `%${level + 1}.`,
    start: level === 0 ? start : 1,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: LIST_INDENT * (level + 1), hanging: LIST_INDENT } } },
  }));

/** The plan document as a Word file. */
export async function renderDocx(model: PlanDocument): Promise<Buffer> {
  const lists = new ListCounter();
  const body = model.sections.flatMap((section) => [
    new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_1, keepNext: true }),
    ...section.blocks.flatMap((block) => blockElements(block, lists)),
  ]);
  const document = new Document({
    title: model.title,
    creator: model.titlePage.vendorName,
    styles: {
      default: {
        document: { run: { font: FONT, size: SIZES.body } },
        heading1: {
          run: { font: FONT, size: 32, bold: true, color: COLORS.heading },
          paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, keepLines: true },
        },
        heading2: {
          run: { font: FONT, size: 25, bold: true, color: COLORS.heading },
          paragraph: { spacing: { before: 240, after: 100 }, keepNext: true, keepLines: true },
        },
      },
    },
    numbering: {
      config: [
        { reference: BULLETS, levels: listLevels('bullet') },
        ...[...lists.orderedStarts].map((start) => ({
          reference: `${ORDERED}-${start}`,
          levels: listLevels('decimal', start),
        })),
      ],
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        footers: { default: footer(model.title), first: new Footer({ children: [] }) },
        children: [...titlePageParagraphs(model.titlePage), ...body],
      },
    ],
  });
  return Packer.toBuffer(document);
}
