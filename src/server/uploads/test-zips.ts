import zlib from 'node:zlib';

/**
 * Zip archives for the tests, written byte by byte so that a test can make one that lies: a zip
 * bomb (an .xlsx whose sheet inflates to hundreds of megabytes from a few hundred kilobytes),
 * one whose directory understates an entry, one with an entry the directory does not list.
 * Large contents are deflated as a stream of one repeated chunk, so the test stays small in memory.
 */

export interface ZipEntryInput {
  name: string;
  /** Small content, or a chunk repeated `repeat` times between `before` and `after`. */
  content: Buffer | string;
  repeat?: number;
  before?: string;
  after?: string;
  /** What the central directory says the entry inflates to, when it should lie. */
  claimedSize?: number;
  /** Left out of the central directory (but still in the file). */
  hidden?: boolean;
}

interface Written {
  name: Buffer;
  crc: number;
  compressed: Buffer;
  size: number;
  claimedSize: number;
  offset: number;
  hidden: boolean;
}

async function deflated(pieces: { chunk: Buffer; repeat: number }[]): Promise<{ compressed: Buffer; crc: number }> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const output: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => output.push(chunk));
  const done = new Promise<void>((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let crc = 0;
  for (const { chunk, repeat } of pieces) {
    for (let index = 0; index < repeat; index++) {
      crc = zlib.crc32(chunk, crc);
      if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
    }
  }
  deflate.end();
  await done;
  return { compressed: Buffer.concat(output), crc };
}

export async function zipOf(entries: ZipEntryInput[]): Promise<Buffer> {
  const parts: Buffer[] = [];
  const written: Written[] = [];
  let offset = 0;
  for (const entry of entries) {
    const pieces = [
      { chunk: Buffer.from(entry.before ?? ''), repeat: 1 },
      { chunk: Buffer.from(entry.content), repeat: entry.repeat ?? 1 },
      { chunk: Buffer.from(entry.after ?? ''), repeat: 1 },
    ];
    const { compressed, crc } = await deflated(pieces);
    const name = Buffer.from(entry.name, 'utf8');
    const size = pieces.reduce((sum, { chunk, repeat }) => sum + chunk.length * repeat, 0);
    const claimedSize = entry.claimedSize ?? size;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x800, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc >>> 0, 14);
    header.writeUInt32LE(compressed.length, 18);
    header.writeUInt32LE(claimedSize, 22);
    header.writeUInt16LE(name.length, 26);
    parts.push(header, name, compressed);
    written.push({ name, crc, compressed, size, claimedSize, offset, hidden: entry.hidden ?? false });
    offset += header.length + name.length + compressed.length;
  }
  const directoryOffset = offset;
  let directorySize = 0;
  const listed = written.filter((entry) => !entry.hidden);
  for (const entry of listed) {
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(entry.crc >>> 0, 16);
    header.writeUInt32LE(entry.compressed.length, 20);
    header.writeUInt32LE(entry.claimedSize, 24);
    header.writeUInt16LE(entry.name.length, 28);
    header.writeUInt32LE(entry.offset, 42);
    parts.push(header, entry.name);
    directorySize += header.length + entry.name.length;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(listed.length, 8);
  end.writeUInt16LE(listed.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(directoryOffset, 16);
  parts.push(end);
  return Buffer.concat(parts);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOCUMENT_RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts every workbook has around its one sheet. */
const workbookParts = (): ZipEntryInput[] => [
  {
    name: '[Content_Types].xml',
    content:
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '</Types>',
  },
  {
    name: '_rels/.rels',
    content:
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELATIONSHIPS}">` +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      '</Relationships>',
  },
  {
    name: 'xl/workbook.xml',
    content:
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${DOCUMENT_RELATIONSHIPS}">` +
      '<sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>',
  },
  {
    name: 'xl/_rels/workbook.xml.rels',
    content:
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELATIONSHIPS}">` +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
      '</Relationships>',
  },
];

/** A workbook of one sheet whose rows are given as sheet XML. */
export function workbookOf(sheet: Omit<ZipEntryInput, 'name'>, extra: ZipEntryInput[] = []): Promise<Buffer> {
  return zipOf([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', ...sheet }, ...extra]);
}

const SHEET_START = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>`;
const SHEET_END = '</sheetData></worksheet>';

/** Rows of inline text cells as sheet XML. */
export const sheetRows = (rows: string[][]) =>
  SHEET_START +
  rows
    .map(
      (cells, index) =>
        `<row r="${index + 1}">${cells.map((cell) => `<c t="inlineStr"><is><t>${cell}</t></is></c>`).join('')}</row>`,
    )
    .join('') +
  SHEET_END;

/**
 * An .xlsx whose one sheet is a heading row and then one cell of `inflatedMegabytes` MB of the
 * same letter: a few hundred kilobytes on the wire.
 */
export const zipBombWorkbook = (inflatedMegabytes: number): Promise<Buffer> =>
  workbookOf({
    before: `${SHEET_START}<row r="1"><c t="inlineStr"><is><t>Namn</t></is></c></row><row r="2"><c t="inlineStr"><is><t>`,
    content: Buffer.alloc(1024 * 1024, 'A'),
    repeat: inflatedMegabytes,
    after: `</t></is></c></row>${SHEET_END}`,
  });
