import type { CurrentUser } from '../../../shared/auth.js';
import {
  type Computation,
  type ComputationSettings,
  computationSchema,
  type FileInspection,
  type Mapping,
  rejectedRowSchema,
  type UnusedRow,
} from '../../../shared/measurements.js';
import type { ProjectAccess } from '../../access/service.js';
import { recordAudit } from '../../audit/service.js';
import type { AppContext } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { customerTermDates } from '../../customers/service.js';
import { mayMeasure } from '../service.js';
import { computeFromUploads, inspectUpload, type UploadPart } from './compute.js';
import { computationRepository } from './repository.js';

/** The effect goal files are uploaded for, once the user may measure it; nothing is read before. */
async function requireUploadRights(context: AppContext, access: ProjectAccess, user: CurrentUser, goalId: string) {
  const goal = await computationRepository.findEffectGoal(context.db, access.project.id, goalId);
  if (!goal) throw notFound('Effektmålet');
  if (!(await mayMeasure(context, access, user, goalId))) {
    throw new AppError(
      'FORBIDDEN',
      'Bara den som skriver planen eller den som är utsedd att mäta målet får räkna fram det ur filer',
    );
  }
  return goal;
}

const noFile = () =>
  new AppError('VALIDATION_FAILED', 'Välj en fil att ladda upp (CSV eller Excel)', {
    file: 'Välj en fil (CSV eller Excel)',
  });

/** The columns and first rows of the uploaded file (multipart field `file`), to map its columns. */
export async function inspectMeasurementFile(
  context: AppContext,
  access: ProjectAccess,
  user: CurrentUser,
  goalId: string,
  parts: () => AsyncIterable<UploadPart>,
): Promise<FileInspection> {
  await requireUploadRights(context, access, user, goalId);
  let inspection: FileInspection | undefined;
  for await (const part of parts()) {
    // Further parts are read past so that the upload is consumed; only the first file counts.
    if (part.type === 'file' && part.name === 'file' && !inspection) inspection = await inspectUpload(part);
    else if (part.type === 'file') part.stream.resume();
  }
  if (!inspection) throw noFile();
  return inspection;
}

/** The columns and the measure chosen: the measure becomes the goal's, shown first next time. */
const mappingOf = (settings: ComputationSettings): Mapping =>
  settings.method === 'coverage'
    ? { method: 'coverage', columns: settings.columns, measure: settings.measure }
    : { method: 'share_by_date', columns: settings.columns, measure: 'byDate' };

/**
 * Computes the goal's figure from the uploaded exports as they stream in, keeps the computation
 * (so that saving it as a measurement needs no second upload) and remembers the column mapping
 * for the goal's next computation.
 */
export async function createComputation(
  context: AppContext,
  access: ProjectAccess,
  user: CurrentUser,
  goalId: string,
  parts: () => AsyncIterable<UploadPart>,
): Promise<Computation> {
  const goal = await requireUploadRights(context, access, user, goalId);
  const { settings, figure, unusedRows, terms } = await computeFromUploads(
    parts(),
    goal.unit,
    await customerTermDates(context, access.project.customerId),
  );
  const createdAt = context.clock.now().toISOString();
  // Each term's figure is a computation of its own, so that it can be recorded as its own measurement.
  const termComputations = terms.map((term) => ({
    term: term.term,
    unusedRows: term.unusedRows,
    computation: computationSchema.parse({ id: newId(), ...term.figure, createdAt }),
  }));
  const computation = computationSchema.parse({
    id: newId(),
    ...figure,
    terms: termComputations.map(({ term, computation: each }) => ({
      ...term,
      from: each.period?.from,
      to: each.period?.to,
      computationId: each.id,
      value: each.value,
      numerator: each.numerator,
      denominator: each.denominator,
    })),
    createdAt,
  });
  const mapping = JSON.stringify(mappingOf(settings));
  const rowOf = (each: Computation, unused: typeof unusedRows) => {
    const { id, method, value, createdAt: at, ...shown } = each;
    return {
      id,
      goal_id: goal.id,
      project_id: access.project.id,
      method,
      value,
      // Every unused row is kept with the computation, for the CSV; the response shows the first.
      result: JSON.stringify({ ...shown, unusedRows: unused }),
      created_by_user_id: user.id,
      created_at: at,
    };
  };

  await context.db.transaction().execute(async (trx) => {
    await computationRepository.insertComputation(trx, rowOf(computation, unusedRows));
    for (const each of termComputations) {
      await computationRepository.insertComputation(trx, rowOf(each.computation, each.unusedRows));
    }
    const remembered = await computationRepository.findMapping(trx, goal.id);
    // Unchanged, the settings keep their version, so that nobody editing them meanwhile gets a conflict.
    if (remembered?.method === computation.method && remembered.mapping === mapping) return;
    await computationRepository.saveMapping(trx, {
      goalId: goal.id,
      projectId: access.project.id,
      method: computation.method,
      mapping,
      at: createdAt,
    });
    await recordAudit(context, trx, {
      actor: user,
      action: 'measurement_mapping.saved',
      entityType: 'goal',
      entityId: goal.id,
      summary: `Valde kolumnerna i filerna som effektmålet ${goal.title} räknas fram ur`,
      customerId: access.project.customerId,
      projectId: access.project.id,
      before: remembered?.mapping ? JSON.parse(remembered.mapping) : null,
      after: JSON.parse(mapping),
    });
  });
  return computation;
}

export async function getComputation(
  context: AppContext,
  access: ProjectAccess,
  goalId: string,
  computationId: string,
): Promise<Computation> {
  const { row, stored } = await storedComputation(context, access, goalId, computationId);
  return computationSchema.parse({
    ...stored,
    ...measureOfEarlierComputation(row.method, stored, row.value),
    id: row.id,
    method: row.method,
    value: row.value,
    createdAt: row.created_at,
  });
}

async function storedComputation(context: AppContext, access: ProjectAccess, goalId: string, computationId: string) {
  const goal = await computationRepository.findEffectGoal(context.db, access.project.id, goalId);
  const row = goal && (await computationRepository.findComputation(context.db, goal.id, computationId));
  if (!row) throw notFound('Beräkningen');
  const { unusedRows, ...stored } = JSON.parse(row.result) as Record<string, unknown> & { unusedRows?: unknown };
  return {
    row,
    stored,
    unusedRows: rejectedRowSchema
      .array()
      .catch([])
      .parse(unusedRows ?? []),
  };
}

/**
 * Computations made before goals named their measure counted student × subject pairs when the
 * roster had subjects (their explanation says "elev–ämne-par") and students otherwise; they did
 * not keep the rows they left out beyond the unreadable ones.
 */
function measureOfEarlierComputation(method: string, stored: Record<string, unknown>, value: number) {
  if (stored.measure) return {};
  const explanation = Array.isArray(stored.explanation) ? stored.explanation.join(' ') : '';
  const measure = method === 'share_by_date' ? 'byDate' : explanation.includes('elev–ämne-par') ? 'pairs' : 'anyEvent';
  const rejected = stored.rejected as { count: number; examples: unknown[] } | undefined;
  return {
    measure,
    figures: [{ measure, value, numerator: stored.numerator, denominator: stored.denominator }],
    unused: rejected ?? { count: 0, examples: [] },
  };
}

// A cell starting like a formula would be run as one by a spreadsheet that opens the file.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * Every row the computation did not use, with file, line, value and reason, as CSV that Excel with
 * Swedish settings opens by a double click (UTF-8 with a byte order mark, `;`, CRLF).
 */
export function unusedRowsCsv(rows: UnusedRow[]): Buffer {
  const lines = [
    ['Fil', 'Rad', 'Värde', 'Orsak'],
    ...rows.map((row) => [row.file, String(row.line), row.value, row.reason]),
  ];
  return Buffer.from(`\ufeff${lines.map((cells) => cells.map(csvCell).join(';')).join('\r\n')}\r\n`, 'utf8');
}

export async function getUnusedRowsCsv(
  context: AppContext,
  access: ProjectAccess,
  goalId: string,
  computationId: string,
): Promise<Buffer> {
  const { unusedRows } = await storedComputation(context, access, goalId, computationId);
  return unusedRowsCsv(unusedRows);
}
