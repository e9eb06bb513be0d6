import type { Readable } from 'node:stream';
import type { TermDates } from '../../../shared/customers.js';
import {
  type Computation,
  type ComputationSettings,
  computationSettingsSchema,
  defaultTermDates,
  type FileInspection,
  type GoalMeasure,
  type Term,
  termsWithin,
  type UnusedRow,
} from '../../../shared/measurements.js';
import { AppError } from '../../core/errors.js';
import { unpackedTooLarge } from '../../uploads/spreadsheet.js';
import type { ZipLimits } from '../../uploads/zip-guard.js';
import {
  applicableMeasures,
  type CoverageAccumulator,
  coverageFraction,
  createCoverage,
  type Fraction,
  type RosterEntry,
} from './coverage.js';
import { isReadDate, readDate } from './dates.js';
import { coverageExplanation, figureValue, shareByDateExplanation } from './explanation.js';
import { isRejected, openTable, TableFileError, WorkbookTooLargeError } from './parse.js';
import { createShareByDate } from './share-by-date.js';

/**
 * A computation from uploaded exports, streamed: the settings first, then each file row by row
 * through the method's accumulator. Nothing here knows HTTP; the route hands over the multipart
 * parts as they arrive, and the benchmark hands over files from disk the same way.
 */

export type UploadPart =
  | { type: 'field'; name: string; value: unknown }
  | { type: 'file'; name: string; fileName: string; stream: Readable; zipLimits?: ZipLimits };

type FileRole = 'roster' | 'events' | 'records';

/** The computation as shown, before it is stored (no id, no time). */
type ComputedFigure = Omit<Computation, 'id' | 'createdAt'>;

const MAX_UNCOVERED_EXAMPLES = 500;
const MAX_REJECTED_EXAMPLES = 100;
const SAMPLE_ROWS = 5;

const fileLabels: Record<FileRole, string> = {
  roster: 'elevregistret',
  events: 'bedömningsexporten',
  records: 'filen',
};
const rolesOf = { coverage: ['roster', 'events'], share_by_date: ['records'] } as const;

const invalid = (message: string, fields: Record<string, string>) => new AppError('VALIDATION_FAILED', message, fields);

/** Column names compare without regard to case or spacing: next term's export may write "datum". */
const columnKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');

function resolveColumn(columns: string[], wanted: string): string | undefined {
  return (
    columns.find((column) => column === wanted) ?? columns.find((column) => columnKey(column) === columnKey(wanted))
  );
}

type FileUpload = Extract<UploadPart, { type: 'file' }>;

/** Runs `read` on the upload; a file that cannot be read as a table is answered at `field`. */
async function readingUpload<Result>(part: FileUpload, field: string, read: () => Promise<Result>): Promise<Result> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof TableFileError) {
      throw invalid(`${part.fileName}: ${error.message}`, { [field]: error.message });
    }
    if (error instanceof WorkbookTooLargeError) throw unpackedTooLarge(error.message, field, `${part.fileName}: `);
    throw error;
  }
}

/** The columns and first rows of an uploaded file, to map its columns; the rest is not parsed. */
export function inspectUpload(part: FileUpload): Promise<FileInspection> {
  return readingUpload(part, 'file', async () => {
    const table = await openTable(part.stream, part.zipLimits);
    const sampleRows: string[][] = [];
    while (sampleRows.length < SAMPLE_ROWS) {
      const next = await table.rows.next();
      if (next.done) break;
      const row = next.value;
      if (!isRejected(row)) sampleRows.push(table.columns.map((column) => row.cells[column]));
    }
    await table.skipRest();
    return {
      fileName: part.fileName,
      format: table.format,
      delimiter: table.delimiter,
      columns: table.columns,
      sampleRows,
    };
  });
}

function parseSettings(value: unknown): ComputationSettings {
  let json: unknown = value;
  if (typeof value === 'string') {
    try {
      json = JSON.parse(value);
    } catch {
      throw invalid('Inställningarna för beräkningen är inte giltig JSON', { settings: 'Ogiltig JSON' });
    }
  }
  const parsed = computationSettingsSchema.safeParse(json);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join('.') || 'settings'] ??= issue.message;
    throw invalid('Inställningarna för beräkningen är inte giltiga', fields);
  }
  const settings = parsed.data;
  if (settings.method === 'coverage') {
    const { roster, events } = settings.columns;
    // An event keyed by student alone cannot cover a student × subject entry, nor the other way round.
    if ((roster.group === null) !== (events.group === null)) {
      const field = roster.group === null ? 'columns.roster.group' : 'columns.events.group';
      throw invalid('Välj ämneskolumnen i båda filerna eller i ingen av dem', {
        [field]: 'Välj ämneskolumnen i båda filerna eller i ingen av dem',
      });
    }
    if (roster.group === null && settings.measure !== 'anyEvent') {
      const message =
        settings.measure === 'everyGroup'
          ? 'För att mäta bedömning i varje ämne behövs ämneskolumnen i båda filerna'
          : 'För att räkna elev–ämne-par behövs ämneskolumnen i båda filerna';
      throw invalid(message, { 'columns.roster.group': message, measure: message });
    }
  }
  return settings;
}

/**
 * The rows of the uploads that could not be read, with why; the rows a figure leaves out because
 * of its period or roster (outside the period, students the roster does not list) are the
 * figure's own, and joined to these for its list of every row not used.
 */
class UnusedRows {
  unreadable = 0;
  readonly unreadableExamples: UnusedRow[] = [];
  readonly all: UnusedRow[] = [];

  addUnreadable(row: UnusedRow): void {
    this.unreadable += 1;
    if (this.unreadableExamples.length < MAX_REJECTED_EXAMPLES) this.unreadableExamples.push(row);
    this.all.push(row);
  }

  /** These rows and the figure's own, in the files' order, then by line. */
  with(own: UnusedRow[], fileNames: string[]): UnusedRow[] {
    const order = (file: string) => fileNames.indexOf(file);
    return [...this.all, ...own].sort((a, b) => order(a.file) - order(b.file) || a.line - b.line);
  }
}

/** Why a row cannot be used, and the value that made it so. */
type Refusal = { value: string; reason: string };
type RowHandler = (cells: Record<string, string>, line: number) => Refusal | null;

/**
 * Streams one uploaded file through `handle` (which answers why a row cannot be used, or null)
 * after checking that every mapped column is in it. Answers how many rows were read.
 */
function readUpload(
  part: FileUpload,
  role: FileRole,
  mapped: Record<string, string | null>,
  unused: UnusedRows,
  handle: (columns: Record<string, string>) => RowHandler,
): Promise<number> {
  return readingUpload(part, role, async () => {
    const table = await openTable(part.stream, part.zipLimits);
    const columns: Record<string, string> = {};
    const missing: Record<string, string> = {};
    for (const [field, wanted] of Object.entries(mapped)) {
      if (wanted === null) continue;
      const found = resolveColumn(table.columns, wanted);
      if (found) columns[field] = found;
      else {
        missing[`columns.${role}.${field}`] =
          `Kolumnen '${wanted}' finns inte i ${fileLabels[role]} (${part.fileName}). ` +
          `Filen har kolumnerna ${table.columns.map((column) => `'${column}'`).join(', ')}.`;
      }
    }
    if (Object.keys(missing).length > 0) {
      await table.skipRest();
      throw invalid(Object.values(missing)[0], missing);
    }
    const handleRow = handle(columns);
    let read = 0;
    for await (const row of table.rows) {
      const refusal = isRejected(row) ? { value: '', reason: row.reason } : handleRow(row.cells, row.line);
      if (refusal === null) read += 1;
      else unused.addUnreadable({ file: part.fileName, line: row.line, ...refusal });
    }
    return read;
  });
}

const emptyCell = (column: string): Refusal => ({ value: '', reason: `Kolumnen '${column}' är tom` });

/** The row's student, and group when one is mapped; or why the row has none. */
function entryIn(cells: Record<string, string>, columns: Record<string, string>): RosterEntry | Refusal {
  const student = cells[columns.student];
  if (student === '') return emptyCell(columns.student);
  if (!columns.group) return { student, group: null };
  const group = cells[columns.group];
  return group === '' ? emptyCell(columns.group) : { student, group };
}

const isRefusal = (entry: RosterEntry | Refusal): entry is Refusal => 'reason' in entry;

type MethodResult = Omit<ComputedFigure, 'value' | 'figures'> & {
  fractions: (Fraction & { measure: GoalMeasure })[];
  /** The rows this figure leaves out beside the unreadable ones. */
  leftOut: UnusedRow[];
};
type MethodResults = { main: MethodResult; terms: { term: Term; result: MethodResult }[] };

/** One coverage over one period: the asked-for period, or one of its school terms. */
interface CoverageRun {
  period: { from: string; to: string };
  term: Term | null;
  coverage: CoverageAccumulator;
  leftOut: UnusedRow[];
}

/** The method's accumulator behind the files it needs. */
function methodRun(settings: ComputationSettings, unused: UnusedRows, termDates: TermDates | null) {
  if (settings.method === 'coverage') {
    const { roster, events } = settings.columns;
    const { period, measure } = settings;
    const run = (within: { from: string; to: string }, term: Term | null): CoverageRun => ({
      period: within,
      term,
      coverage: createCoverage(within),
      leftOut: [],
    });
    const terms = settings.perTerm ? termsWithin(period, termDates) : [];
    if (settings.perTerm && terms.length === 0) {
      const { htStart, htEnd, vtStart, vtEnd } = termDates ?? defaultTermDates;
      const message = `Perioden täcker ingen termin (ht ${htStart}–${htEnd}, vt ${vtStart}–${vtEnd})`;
      throw invalid(message, { 'period.from': message });
    }
    const runs = [run(period, null), ...terms.map((term) => run({ from: term.from, to: term.to }, term.term))];
    const rowsOf: Partial<Record<FileRole, number>> = {};

    const figureOf = (each: CoverageRun, fileNames: string[]): MethodResult => {
      const result = each.coverage.result();
      const leftOut = [...each.leftOut, ...result.unmatchedEvents];
      const uncovered =
        measure === 'anyEvent'
          ? result.studentsWithoutEvents
          : measure === 'pairs'
            ? result.uncoveredStudents.flatMap((student) =>
                student.missing.map((group) => ({ label: `${student.label} – ${group}`, missing: [group] })),
              )
            : result.uncoveredStudents;
      return {
        method: 'coverage',
        measure,
        fractions: applicableMeasures(result.byGroup).map((applicable) => ({
          measure: applicable,
          ...coverageFraction(result, applicable),
        })),
        leftOut,
        numerator: 0,
        denominator: 0,
        period: each.period,
        byDate: null,
        fileNames,
        rowsRead: (rowsOf.roster ?? 0) + (rowsOf.events ?? 0),
        rejected: { count: unused.unreadable, examples: unused.unreadableExamples },
        unused: { count: 0, examples: [] },
        uncovered: { count: uncovered.length, examples: uncovered.slice(0, MAX_UNCOVERED_EXAMPLES) },
        explanation: coverageExplanation({
          result,
          measure,
          period: each.period,
          rosterRows: rowsOf.roster ?? 0,
          eventRows: rowsOf.events ?? 0,
          rejectedRows: unused.unreadable,
        }),
        terms: [],
      };
    };

    return {
      async read(role: FileRole, part: FileUpload) {
        if (role === 'roster') {
          rowsOf.roster = await readUpload(part, role, roster, unused, (columns) => (cells) => {
            const entry = entryIn(cells, columns);
            if (isRefusal(entry)) return entry;
            for (const each of runs) each.coverage.addRosterEntry(entry);
            return null;
          });
        } else {
          rowsOf.events = await readUpload(part, role, events, unused, (columns) => (cells, line) => {
            const entry = entryIn(cells, columns);
            if (isRefusal(entry)) return entry;
            const written = cells[columns.date];
            if (written === '') return emptyCell(columns.date);
            const reading = readDate(written);
            if (!isReadDate(reading)) return { value: written, reason: reading.reason };
            const place = { file: part.fileName, line };
            for (const each of runs) {
              if (each.coverage.addEvent({ ...entry, date: reading.date }, place)) continue;
              each.leftOut.push({
                ...place,
                value: written,
                reason: `Datumet ${reading.date} ligger utanför perioden ${each.period.from}–${each.period.to}`,
              });
            }
            return null;
          });
        }
      },
      result(fileNames: string[]): MethodResults {
        if (!rowsOf.roster) {
          throw invalid('Elevregistret har inga rader som kunde läsas', {
            roster: 'Elevregistret har inga rader som kunde läsas',
          });
        }
        const [main, ...perTerm] = runs;
        return {
          main: figureOf(main, fileNames),
          terms: perTerm.map((each) => ({ term: each.term as Term, result: figureOf(each, fileNames) })),
        };
      },
    };
  }

  const shareByDate = createShareByDate(settings.byDate, MAX_UNCOVERED_EXAMPLES, settings.countBy === 'students');
  const { records } = settings.columns;
  return {
    async read(_role: FileRole, part: FileUpload) {
      await readUpload(part, 'records', records, unused, (columns) => (cells) => {
        if (cells[columns.label] === '') return emptyCell(columns.label);
        const written = cells[columns.date];
        const reason = shareByDate.addRow({ label: cells[columns.label], registeredOn: written });
        return reason === null ? null : { value: written, reason };
      });
    },
    result(fileNames: string[]): MethodResults {
      const result = shareByDate.result();
      if (result.total === 0) {
        throw invalid('Filen har inga rader som kunde läsas', { records: 'Filen har inga rader som kunde läsas' });
      }
      const notRegistered = result.neverRegistered + result.registeredLater;
      const main: MethodResult = {
        method: 'share_by_date',
        measure: 'byDate',
        fractions: [{ measure: 'byDate', numerator: result.registered, denominator: result.total }],
        leftOut: [],
        numerator: 0,
        denominator: 0,
        period: null,
        byDate: settings.byDate,
        fileNames,
        rowsRead: result.rowsRead ?? result.total,
        rejected: { count: unused.unreadable, examples: unused.unreadableExamples },
        unused: { count: 0, examples: [] },
        uncovered: {
          count: notRegistered,
          examples: result.notRegistered.map((row) => ({ ...row, missing: [] })),
        },
        explanation: shareByDateExplanation({
          result,
          byDate: settings.byDate,
          fileName: fileNames[0],
          rejectedRows: unused.unreadable,
        }),
        terms: [],
      };
      return { main, terms: [] };
    },
  };
}

/** A figure as shown, and every row it did not use. */
export interface FinishedFigure {
  figure: ComputedFigure;
  unusedRows: UnusedRow[];
}

/**
 * Reads the upload's parts in order (the `settings` field, then the files the method needs) and
 * computes the figure in the goal's unit.
 */
export async function computeFromUploads(
  parts: AsyncIterable<UploadPart>,
  unit: 'percent' | 'count' | null,
  /** The customer's own terms for a computation per term; null: the default terms. */
  termDates: TermDates | null = null,
): Promise<FinishedFigure & { settings: ComputationSettings; terms: (FinishedFigure & { term: Term })[] }> {
  let settings: ComputationSettings | undefined;
  let run: ReturnType<typeof methodRun> | undefined;
  const unused = new UnusedRows();
  const fileNames = new Map<FileRole, string>();

  for await (const part of parts) {
    if (part.type === 'field') {
      if (part.name !== 'settings' || settings) {
        throw invalid(`Fältet '${part.name}' hör inte till en beräkning`, { [part.name]: 'Okänt fält' });
      }
      settings = parseSettings(part.value);
      run = methodRun(settings, unused, termDates);
      continue;
    }
    if (!settings || !run) {
      throw invalid('Skicka inställningarna (fältet settings) före filerna', { settings: 'Skickas före filerna' });
    }
    const roles: readonly FileRole[] = rolesOf[settings.method];
    const role = roles.find((candidate) => candidate === part.name);
    if (!role || fileNames.has(role)) {
      const expected = roles.map((candidate) => `${candidate} (${fileLabels[candidate]})`).join(' och ');
      throw invalid(`Filfältet '${part.name}' väntades inte: skicka ${expected}, en fil var`, {
        [part.name]: 'Filen väntades inte',
      });
    }
    fileNames.set(role, part.fileName);
    await run.read(role, part);
  }

  if (!settings || !run) throw invalid('Inställningarna för beräkningen saknas', { settings: 'Saknas' });
  const roles: readonly FileRole[] = rolesOf[settings.method];
  const missing = roles.filter((role) => !fileNames.has(role));
  if (missing.length > 0) {
    throw invalid(
      `Välj ${missing.map((role) => fileLabels[role]).join(' och ')}`,
      Object.fromEntries(missing.map((role) => [role, `Välj ${fileLabels[role]} (CSV eller Excel)`])),
    );
  }
  const names = roles.map((role) => fileNames.get(role) as string);
  const results = run.result(names);
  const finish = ({ fractions, leftOut, ...figure }: MethodResult) => {
    const figures = fractions.map((fraction) => ({
      ...fraction,
      value: figureValue(unit, fraction.numerator, fraction.denominator),
    }));
    const own = figures.find((candidate) => candidate.measure === figure.measure);
    if (!own) {
      // Only pairs and every subject need the subject column; the settings check makes sure of it.
      throw invalid('Måttet kan inte räknas fram ur filerna som de är valda', { measure: 'Välj ämneskolumnen' });
    }
    const unusedRows = unused.with(leftOut, names);
    return {
      unusedRows,
      figure: {
        ...figure,
        value: own.value,
        numerator: own.numerator,
        denominator: own.denominator,
        figures,
        unused: { count: unusedRows.length, examples: unusedRows.slice(0, MAX_REJECTED_EXAMPLES) },
      },
    };
  };
  return {
    settings,
    ...finish(results.main),
    terms: results.terms.map(({ term, result }) => ({ term, ...finish(result) })),
  };
}
