import fs from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import { type CsvError, parse as parseCsv } from 'csv-parse';
import type ExcelJS from 'exceljs';
import { cellText, decodeWindows1252, detectDelimiter, loadExcelJs } from '../../imports/table.js';
import {
  EXCEL_MAX_ROWS,
  measurementWorkbookLimits,
  type SpooledWorkbook,
  spoolWorkbook,
} from '../../uploads/spreadsheet.js';
import { ZipFormatError, type ZipLimits, ZipTooLargeError } from '../../uploads/zip-guard.js';

/** The caps of the default upload limit, for callers (the benchmark) that do not pass their own. */
const DEFAULT_ZIP_LIMITS = measurementWorkbookLimits(50);

/**
 * Streaming reader of an uploaded export: CSV (`;`, `,` or tab; UTF-8 with or without BOM,
 * Windows-1252 as Swedish Excel saves "CSV (semikolonavgränsad)", or UTF-16 with BOM) or an Excel
 * workbook (.xlsx, its first worksheet). The first non-empty row names the columns; each row after
 * it comes out as its cells by column name, or as a rejection saying why it cannot be read. Only a
 * chunk of the file is held at a time.
 */

/** A file that cannot be read as a table at all; the message is for the user. */
export class TableFileError extends Error {}

/** A workbook that would inflate beyond the caps: refused before it is expanded. */
export class WorkbookTooLargeError extends Error {}

export interface ReadRow {
  line: number;
  cells: Record<string, string>;
}

export interface RejectedRow {
  line: number;
  reason: string;
}

export type TableEntry = ReadRow | RejectedRow;

export const isRejected = <Row extends object>(entry: Row | RejectedRow): entry is RejectedRow => 'reason' in entry;

export interface Table {
  format: 'csv' | 'xlsx';
  /** The CSV separator found; null for a workbook. */
  delimiter: string | null;
  columns: string[];
  /** The rows after the header. Read them to the end, or call `skipRest`: the upload must be consumed either way. */
  rows: AsyncIterableIterator<TableEntry>;
  /** Stops reading rows and consumes the rest of the upload without parsing it (CSV) or without keeping it (Excel). */
  skipRest(): Promise<void>;
}

const NOT_A_TABLE = 'Filen är varken en CSV-fil eller en Excel-arbetsbok (.xlsx)';
const NOT_A_WORKBOOK =
  'Filen kunde inte läsas som Excel-arbetsbok (.xlsx). Spara den som .xlsx eller CSV och ladda upp den igen.';
const TOO_MANY_ROWS = `Kalkylbladet har fler än ${EXCEL_MAX_ROWS.toLocaleString('sv-SE')} rader, fler än Excel rymmer`;
const OLD_EXCEL =
  'Filen är i det gamla Excel-formatet (.xls). Spara den som Excel-arbetsbok (.xlsx) eller CSV och ladda upp den igen.';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];
const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, index) => bytes[index] === byte);

/** A record longer than this is a quote that never closes swallowing the file, not a row. */
const MAX_RECORD_BYTES = 1024 * 1024;
/** Records parsed ahead of the reader before the parser waits for it. */
const QUEUED_RECORDS = 1000;
/** How much text is searched for the end of the header line. */
const HEADER_SEARCH_CHARS = 64 * 1024;

/** `endLine` is past `line` when a quoted value spans several lines. */
interface ParsedRecord {
  line: number;
  endLine: number;
  values: string[];
}
type RawRecord = ParsedRecord | RejectedRow;
type Chunks = AsyncIterator<Buffer>;

/** Reads the header of an uploaded file and returns its columns and a reader of its rows. */
export async function openTable(source: Readable, zipLimits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<Table> {
  const chunks: Chunks = source[Symbol.asyncIterator]();
  const head = await readHead(chunks);
  if (head.length === 0) throw new TableFileError('Filen är tom');
  if (startsWith(head, OLE)) throw new TableFileError(OLD_EXCEL);
  const isWorkbook = startsWith(head, ZIP);
  if (!isWorkbook && looksBinary(head)) throw new TableFileError(NOT_A_TABLE);

  const csv = isWorkbook ? null : await csvRecords(head, chunks);
  const records = csv ? csv.records : xlsxRecords(head, chunks, zipLimits);
  let header: ParsedRecord | undefined;
  while (!header) {
    const next = await records.next();
    if (next.done) throw new TableFileError('Filen är tom');
    if (!isRejected(next.value)) header = next.value;
  }
  const columns = uniqueColumnNames(header.values);
  return {
    format: isWorkbook ? 'xlsx' : 'csv',
    delimiter: csv?.delimiter ?? null,
    columns,
    rows: rowsOf(records, columns, csv?.delimiter ?? null),
    async skipRest() {
      if (csv) {
        await records.return(undefined);
        await drain(chunks);
      } else {
        // exceljs removes its temporary copy of a worksheet only once the sheet is read to the end.
        while (!(await records.next()).done) {}
      }
    },
  };
}

/** The first bytes, enough to tell the format by. */
async function readHead(chunks: Chunks): Promise<Buffer> {
  const parts: Buffer[] = [];
  let length = 0;
  while (length < OLE.length) {
    const next = await chunks.next();
    if (next.done) break;
    parts.push(next.value);
    length += next.value.length;
  }
  return Buffer.concat(parts);
}

async function drain(chunks: Chunks): Promise<void> {
  while (!(await chunks.next()).done) {}
}

/** Control characters other than tab, line breaks and form feed do not occur in a CSV file; images and PDFs have plenty. */
function looksBinary(head: Buffer): boolean {
  if (startsWith(head, UTF16LE_BOM) || startsWith(head, UTF16BE_BOM)) return false;
  const sample = head.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control += 1;
  }
  return control > sample.length / 100;
}

/** Empty names become "Kolumn 3", a repeated one "Datum (kolumn 4)", so that every column can be chosen. */
export function uniqueColumnNames(values: string[]): string[] {
  const names: string[] = [];
  const taken = new Set<string>();
  values.forEach((value, index) => {
    const trimmed = value.trim().replace(/\s+/g, ' ');
    let name = trimmed === '' ? `Kolumn ${index + 1}` : trimmed;
    if (taken.has(name.toLocaleLowerCase('sv'))) name = `${name} (kolumn ${index + 1})`;
    while (taken.has(name.toLocaleLowerCase('sv'))) name = `${name}′`;
    taken.add(name.toLocaleLowerCase('sv'));
    names.push(name);
  });
  return names;
}

const delimiterNames: Record<string, string> = { ';': 'semikolon', ',': 'kommatecken', '\t': 'tabbtecken' };

async function* rowsOf(
  records: AsyncGenerator<RawRecord>,
  columns: string[],
  delimiter: string | null,
): AsyncGenerator<TableEntry> {
  for await (const record of records) {
    if (isRejected(record)) {
      yield record;
      continue;
    }
    const { line, endLine, values } = record;
    const lastValue = values.findLastIndex((value) => value !== '');
    if (endLine > line && (lastValue >= columns.length || values.length < columns.length)) {
      // A quoted value over several lines is valid CSV, but with the wrong number of values it is a
      // stray quote that took the following rows with it.
      const reason = `Ett citattecken (") på rad ${line} stängs först på rad ${endLine}`;
      for (let spanned = line; spanned <= endLine; spanned++) yield { line: spanned, reason };
      continue;
    }
    if (lastValue >= columns.length && delimiter !== null) {
      yield {
        line,
        reason:
          `Raden har ${lastValue + 1} värden men rubrikraden har ${columns.length} kolumner. Innehåller ett värde ` +
          `ett ${delimiterNames[delimiter]}? Sätt i så fall citattecken runt värdet.`,
      };
      continue;
    }
    const cells: Record<string, string> = {};
    columns.forEach((column, index) => {
      cells[column] = values[index] ?? '';
    });
    yield { line, cells };
  }
}

// ---- CSV ----

/**
 * UTF-8 until the first byte sequence that is not UTF-8, Windows-1252 from there on. A
 * Windows-1252 file is pure ASCII (and so the same in both) up to its first å, ä or ö.
 */
function utf8OrWindows1252() {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let pending: Buffer = Buffer.alloc(0);
  let windows1252 = false;
  const decodeRest = (bytes: Buffer) => {
    windows1252 = true;
    pending = Buffer.alloc(0);
    return decodeWindows1252(bytes);
  };
  return {
    decode(chunk: Buffer): string {
      if (windows1252) return decodeWindows1252(chunk);
      const bytes = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
      const complete = completeUtf8Length(bytes);
      try {
        const text = utf8.decode(bytes.subarray(0, complete));
        pending = Buffer.from(bytes.subarray(complete));
        return text;
      } catch {
        return decodeRest(bytes);
      }
    },
    end(): string {
      if (pending.length === 0) return '';
      try {
        return utf8.decode(pending);
      } catch {
        return decodeRest(pending);
      }
    },
  };
}

/** The length of `bytes` without a UTF-8 sequence cut off at its end (the next chunk completes it). */
function completeUtf8Length(bytes: Uint8Array): number {
  for (let index = bytes.length - 1; index >= Math.max(0, bytes.length - 4); index--) {
    const byte = bytes[index];
    if (byte < 0x80) return bytes.length;
    if (byte >= 0xc0) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return bytes.length - index < needed ? index : bytes.length;
    }
  }
  return bytes.length;
}

function textDecoderFor(head: Buffer): { decode(chunk: Buffer): string; end(): string } {
  if (startsWith(head, UTF16LE_BOM) || startsWith(head, UTF16BE_BOM)) {
    const utf16 = new TextDecoder(startsWith(head, UTF16LE_BOM) ? 'utf-16le' : 'utf-16be');
    return { decode: (chunk) => utf16.decode(chunk, { stream: true }), end: () => utf16.decode() };
  }
  return utf8OrWindows1252();
}

async function* decodedText(head: Buffer, chunks: Chunks): AsyncGenerator<string> {
  const decoder = textDecoderFor(head);
  yield decoder.decode(head).replace(/^\uFEFF/, '');
  for (;;) {
    const next = await chunks.next();
    if (next.done) break;
    yield decoder.decode(next.value);
  }
  yield decoder.end();
}

async function csvRecords(head: Buffer, chunks: Chunks) {
  const text = decodedText(head, chunks);
  let start = '';
  while (!/[\r\n]/.test(start) && start.length < HEADER_SEARCH_CHARS) {
    const next = await text.next();
    if (next.done) break;
    start += next.value;
  }
  const headerLine = start.split(/\r\n|\r|\n/, 1)[0];
  const delimiter = detectDelimiter(headerLine);

  async function* records(): AsyncGenerator<RawRecord> {
    // Line numbers are counted here as records leave the parser, in file order: csv-parse's own
    // (its `info` and `on_record` options) cost more than the parsing itself.
    let parsedEnd = 0;
    // The file's last line, for the rows a quote still open at the end swallowed (csv-parse's own
    // count differs between line-break styles).
    const lineBreak = /\n/.test(start) || !/\r/.test(start) ? '\n' : '\r';
    let lineBreaks = 0;
    let endsWithLineBreak = false;
    // With quotes and column counts relaxed, csv-parse skips only a quote still open when the file ends.
    const skipped: string[] = [];
    const queue: ParsedRecord[] = [];
    let ended = false;
    let failure: unknown;
    let wake = () => {};

    const parser = parseCsv({
      delimiter,
      relax_quotes: true,
      relax_column_count: true,
      max_record_size: MAX_RECORD_BYTES,
      skip_records_with_error: true,
      on_skip: (error: CsvError | undefined) => {
        if (!error) return;
        if (error.code === 'CSV_MAX_RECORD_SIZE') {
          throw new TableFileError(
            `Ett citattecken (") på rad ${parsedEnd + 1} stängs aldrig, så filen kunde inte läsas därifrån. ` +
              'Rätta raden och ladda upp filen igen.',
          );
        }
        skipped.push(error.code);
      },
    });
    parser.on('data', (values: string[]) => {
      const line = parsedEnd + 1;
      parsedEnd = line + lineBreaksIn(values);
      queue.push({ line, endLine: parsedEnd, values });
      if (queue.length >= QUEUED_RECORDS) parser.pause();
      wake();
    });
    parser.on('end', () => {
      ended = true;
      wake();
    });
    async function* allText() {
      for await (const part of withStart()) {
        if (part === '') continue;
        for (let at = part.indexOf(lineBreak); at !== -1; at = part.indexOf(lineBreak, at + 1)) lineBreaks += 1;
        endsWithLineBreak = part.endsWith('\n') || part.endsWith('\r');
        yield part;
      }
    }
    async function* withStart() {
      yield start;
      yield* text;
    }
    pipeline(Readable.from(allText()), parser, (error) => {
      if (error && !ended) failure = error;
      wake();
    });

    try {
      for (;;) {
        if (queue.length > 0) {
          const batch = queue.splice(0);
          parser.resume();
          for (const record of batch) {
            const values = record.values.map((value) => value.trim());
            if (values.some((value) => value !== '')) yield { ...record, values };
          }
          continue;
        }
        if (failure !== undefined) throw failure;
        if (ended) break;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    } finally {
      if (!ended) parser.destroy();
    }

    if (skipped.length > 0) {
      const line = parsedEnd + 1;
      const lastLine = Math.max(line, lineBreaks + (endsWithLineBreak ? 0 : 1));
      const reason = skipped.includes('CSV_QUOTE_NOT_CLOSED')
        ? `Ett citattecken (") på rad ${line} stängs aldrig`
        : `Raden kunde inte läsas som CSV (${skipped[0]})`;
      for (let spanned = line; spanned <= lastLine; spanned++) yield { line: spanned, reason };
    }
  }

  return { delimiter, records: records() };
}

function lineBreaksIn(values: string[]): number {
  let count = 0;
  for (const value of values) {
    if (value.includes('\n') || value.includes('\r')) count += value.match(/\r\n|\r|\n/g)?.length ?? 0;
  }
  return count;
}

// ---- Excel ----

/** The upload's bytes, the head already read first. */
async function* allChunks(head: Buffer, chunks: Chunks): AsyncGenerator<Buffer> {
  yield head;
  for (;;) {
    const next = await chunks.next();
    if (next.done) return;
    yield next.value;
  }
}

/**
 * A workbook's rows. Its archive is written to a temporary file and checked against the caps first
 * (its central directory is at the end): only then does exceljs inflate it, as a stream.
 */
async function* xlsxRecords(head: Buffer, chunks: Chunks, limits: ZipLimits): AsyncGenerator<RawRecord> {
  let spooled: SpooledWorkbook;
  try {
    spooled = await spoolWorkbook(allChunks(head, chunks), limits);
  } catch (error) {
    if (error instanceof ZipTooLargeError) throw new WorkbookTooLargeError(error.message);
    if (error instanceof ZipFormatError) throw new TableFileError(NOT_A_WORKBOOK);
    throw error;
  }
  try {
    const workbook = new (await loadExcelJs()).stream.xlsx.WorkbookReader(fs.createReadStream(spooled.path), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      // Needed to tell a date from a number.
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    let sheets = 0;
    let unreadable = false;
    let rows = 0;
    try {
      for await (const worksheet of workbook) {
        sheets += 1;
        for await (const row of worksheet) {
          // Later sheets are read too, or exceljs would not clean up after itself.
          if (sheets > 1) continue;
          rows += 1;
          if (rows > EXCEL_MAX_ROWS) throw new TableFileError(TOO_MANY_ROWS);
          const values = rowValues(row);
          if (values.some((value) => value !== '')) yield { line: row.number, endLine: row.number, values };
        }
      }
    } catch (error) {
      if (error instanceof TableFileError) throw error;
      unreadable = true;
    }
    if (unreadable || sheets === 0) throw new TableFileError(NOT_A_WORKBOOK);
  } finally {
    await spooled.remove();
  }
}

function rowValues(row: ExcelJS.Row): string[] {
  const values: string[] = [];
  for (let column = 1; column <= row.cellCount; column++) values.push(cellValueText(row.getCell(column).value));
  return values;
}

/** A date with its time of day, when it has one; Excel stores wall-clock time, which exceljs reads as UTC. */
function cellValueText(value: ExcelJS.CellValue): string {
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.slice(11, 19) === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  return cellText(value).trim();
}
