import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { IMPORT_MAX_ROWS } from '../../shared/imports.js';
import { checkWorkbookBuffer, IMPORT_WORKBOOK_LIMITS } from '../uploads/spreadsheet.js';
import { notATable, type TableRow } from './rows.js';

/** Rows read before a file is refused as too long: the limit, and a few for headings and notes. */
const ROW_LIMIT = IMPORT_MAX_ROWS + 10;

const NOT_CSV_OR_EXCEL = 'Filen är inte en tabell: den är varken CSV eller Excel (.xlsx)';

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

/**
 * Reads an uploaded file as rows of text cells: an Excel workbook (.xlsx, its first sheet with
 * data) or a CSV file in UTF-8 (with or without BOM), UTF-16 or Windows-1252, separated by `;`,
 * `,` or tab. Anything else is refused with a message the user can act on.
 */
export async function readTable(bytes: Buffer): Promise<TableRow[]> {
  if (bytes.length === 0) throw notATable('Filen är tom');
  let rows: TableRow[];
  if (startsWith(bytes, ZIP)) rows = await readWorkbook(bytes);
  else if (startsWith(bytes, OLE)) {
    throw notATable(
      'Filen är i det gamla Excel-formatet (.xls). Spara den som Excel-arbetsbok (.xlsx) eller CSV och ladda upp den igen.',
    );
  } else rows = readCsv(decodeText(bytes));
  if (rows.length === 0) throw notATable('Filen är tom: den innehåller inga rader');
  if (rows.length > ROW_LIMIT) {
    throw notATable(`Filen har fler än ${IMPORT_MAX_ROWS.toLocaleString('sv-SE')} rader. Dela upp den i flera filer.`);
  }
  return rows;
}

/** Text of a CSV file: UTF-8 when it is valid UTF-8, otherwise Windows-1252 (a superset of ISO-8859-1). */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, UTF16LE_BOM)) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, UTF16BE_BOM)) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (looksBinary(bytes)) throw notATable(NOT_CSV_OR_EXCEL);
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return decodeWindows1252(body);
  }
}

/** Windows-1252 at 0x80–0x9F (€, –, ”, …); elsewhere it is ISO-8859-1. Undefined bytes stay as they are. */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1 and loses €, – and ”; this maps the
 * 32 bytes where the two differ.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('latin1')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80]);
}

/** Control characters other than tab and line breaks do not occur in a CSV file; images and PDFs have plenty. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control += 1;
  }
  return control > sample.length / 100;
}

const DELIMITERS = [';', ',', '\t'] as const;

/**
 * The separator used in the first lines: the one that occurs most often outside quotes. Swedish
 * Excel writes `;` (the decimal comma is taken), most other programs `,`.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  let lines = 0;
  for (const char of text.slice(0, 64 * 1024)) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '\n' && ++lines >= 20) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: string = DELIMITERS[0];
  for (const delimiter of DELIMITERS) if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

export function readCsv(text: string): TableRow[] {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes with the line it ends on.
    records = parse(normalised, {
      delimiter: detectDelimiter(normalised),
      relax_column_count: true,
      relax_quotes: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) {
      const where = typeof error.lines === 'number' ? ` (rad ${error.lines})` : '';
      const reason =
        error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'ett citattecken stängs aldrig' : 'filen är inte giltig CSV';
      throw notATable(`Filen kunde inte läsas som CSV${where}: ${reason}`);
    }
    throw error;
  }
  const rows: TableRow[] = [];
  let previousEnd = 0;
  for (const { record, info } of records) {
    const cells = record.map((cell) => cell.trim());
    if (cells.some((cell) => cell !== '')) rows.push({ rowNumber: previousEnd + 1, cells });
    previousEnd = info.lines;
  }
  return rows;
}

/** exceljs is loaded on the first workbook read: it takes longer to load than the rest of the server. */
export const loadExcelJs = async () => (await import('exceljs')).default;

const NOT_A_WORKBOOK =
  'Filen kunde inte läsas som Excel-arbetsbok (.xlsx). Spara den som .xlsx eller CSV och ladda upp den igen.';

/**
 * The first sheet with data, read as a stream after the archive is checked against the caps: a
 * workbook is never expanded whole. Rows past the import's limit are counted, not kept.
 */
async function readWorkbook(bytes: Buffer): Promise<TableRow[]> {
  await checkWorkbookBuffer(bytes, IMPORT_WORKBOOK_LIMITS, () => notATable(NOT_A_WORKBOOK));
  const reader = new (await loadExcelJs()).stream.xlsx.WorkbookReader(Readable.from([bytes], { objectMode: false }), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Needed to tell a date from a number.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  // The first sheet with data; a row past the limit is enough to refuse the file.
  let rows: TableRow[] | null = null;
  try {
    for await (const worksheet of reader) {
      const sheetRows: TableRow[] = [];
      // Every sheet is read to its end, kept or not: exceljs removes its temporary copy of a sheet only then.
      for await (const row of worksheet) {
        if (rows || sheetRows.length > ROW_LIMIT) continue;
        const cells: string[] = [];
        for (let column = 1; column <= row.cellCount; column++) cells.push(cellText(row.getCell(column).value).trim());
        if (cells.some((cell) => cell !== '')) sheetRows.push({ rowNumber: row.number, cells });
      }
      if (!rows && sheetRows.length > 0) rows = sheetRows;
    }
  } catch {
    throw notATable(NOT_A_WORKBOOK);
  }
  return rows ?? [];
}

/** The text a spreadsheet cell shows, whatever kind of value it holds. */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return String(value.text ?? '');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result);
  return '';
}
