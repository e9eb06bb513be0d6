import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../shared/errors.js';
import {
  computationParamsSchema,
  computationSchema,
  fileInspectionSchema,
  goalTrackingParamsSchema,
} from '../../shared/measurements.js';
import { projectAccessOf } from '../access/guard.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { attachmentDisposition } from '../exports/file-name.js';
import { measurementWorkbookLimits } from '../uploads/spreadsheet.js';
import type { UploadPart } from './files/compute.js';
import { createComputation, getComputation, getUnusedRowsCsv, inspectMeasurementFile } from './files/service.js';

const tags = ['Måluppföljning'];
const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
};

const fileError = (message: string, field = 'file') =>
  new AppError(
    'VALIDATION_FAILED',
    message,
    field === 'file' ? { file: message } : { file: message, [field]: message },
  );

/**
 * The multipart parts as they arrive, each file as a stream that is read (or skipped) before the
 * next part comes: nothing is buffered whole. A file over the size limit fails its stream at once.
 */
async function* uploadParts(request: FastifyRequest, maxMegabytes: number): AsyncGenerator<UploadPart> {
  if (!request.isMultipart()) throw fileError('Skicka filerna som multipart/form-data (CSV eller Excel)');
  const zipLimits = measurementWorkbookLimits(maxMegabytes);
  const tooLarge = (field: string, fileName: string) =>
    fileError(`${fileName ? `Filen ${fileName}` : 'Filen'} är för stor: högst ${maxMegabytes} MB`, field);
  try {
    for await (const part of request.parts({ limits: { fileSize: maxMegabytes * 1024 * 1024, files: 2, fields: 2 } })) {
      if (part.type === 'field') {
        yield { type: 'field', name: part.fieldname, value: part.value };
        continue;
      }
      // The limit may already have been hit while the part waited to be taken (the whole body at once).
      const refuse = () => part.file.destroy(tooLarge(part.fieldname, part.filename));
      if (part.file.truncated) refuse();
      else part.file.once('limit', refuse);
      yield { type: 'file', name: part.fieldname, fileName: part.filename, stream: part.file, zipLimits };
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      const part = (error as { part?: { fieldname: string; filename: string } }).part;
      throw tooLarge(part?.fieldname ?? 'file', part?.filename ?? '');
    }
    if (code === 'FST_FILES_LIMIT') throw fileError('Skicka högst två filer');
    if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') {
      throw fileError('Skicka bara inställningarna och filerna');
    }
    if (code === 'FST_INVALID_JSON_FIELD_ERROR') {
      throw new AppError('VALIDATION_FAILED', 'Inställningarna är inte giltig JSON', { settings: 'Ogiltig JSON' });
    }
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw fileError('Välj en fil att ladda upp (CSV eller Excel)');
    throw error;
  }
}

export const computationRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // Multipart bodies are accepted only by the routes of this plugin.
    await app.register(fastifyMultipart);
    const maxMegabytes = context.config.measurementFileMaxMegabytes;
    const parts = (request: FastifyRequest) => () => uploadParts(request, maxMegabytes);

    app.post(
      '/api/projects/:id/goals/:goalId/measurement-files/inspect',
      {
        // The effect goals are followed up in the operations phase too.
        config: { openAfterClosure: true },
        schema: {
          tags,
          summary: 'Läs rubrikraden och de första raderna i en export (CSV eller Excel) för att välja kolumner',
          description:
            `Skicka filen som multipart/form-data (fältet file, högst ${maxMegabytes} MB). Bara de första raderna ` +
            'läses; ingenting sparas.',
          consumes: ['multipart/form-data'],
          params: goalTrackingParamsSchema,
          response: { 200: fileInspectionSchema, ...errors },
        },
      },
      async (request) =>
        inspectMeasurementFile(
          context,
          projectAccessOf(request),
          requireUser(request),
          request.params.goalId,
          parts(request),
        ),
    );

    app.post(
      '/api/projects/:id/goals/:goalId/computations',
      {
        // The effect goals are followed up in the operations phase too.
        config: { openAfterClosure: true },
        schema: {
          tags,
          summary: 'Räkna fram effektmålets värde ur exporter från skolplattformen, med beräkningen redovisad',
          description:
            'multipart/form-data i denna ordning: fältet settings (JSON: metod, kolumner och period eller datum), ' +
            'sedan filerna: roster (elevregistret) och events (bedömningsexporten) för täckning, records för andel ' +
            'registrerade senast ett datum. Inställningarna anger måttet (measure): everyGroup (elever med minst en ' +
            'händelse i varje ämne de står på), anyEvent (elever med minst en händelse), pairs (elev–ämne-par) för ' +
            'täckning, byDate för andel registrerade; svaret anger vilket mått value är och visar alla mått som går att ' +
            'räkna fram ur filerna. Rader som inte används listas med rad, värde och orsak. ' +
            `Högst ${maxMegabytes} MB per fil; filerna läses rad för rad och sparas ` +
            'inte. Kolumnvalet sparas för målets nästa beräkning.',
          consumes: ['multipart/form-data'],
          params: goalTrackingParamsSchema,
          response: { 201: computationSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await createComputation(
              context,
              projectAccessOf(request),
              requireUser(request),
              request.params.goalId,
              parts(request),
            ),
          ),
    );

    app.get(
      '/api/projects/:id/goals/:goalId/computations/:computationId',
      {
        schema: {
          tags,
          summary: 'En beräkning ur uppladdade filer: värdet, vad det bygger på och vilka som saknas',
          params: computationParamsSchema,
          response: { 200: computationSchema, 401: errorBodySchema, 404: errorBodySchema },
        },
      },
      async (request) =>
        getComputation(context, projectAccessOf(request), request.params.goalId, request.params.computationId),
    );

    app.get(
      '/api/projects/:id/goals/:goalId/computations/:computationId/unused-rows.csv',
      {
        schema: {
          tags,
          summary: 'Raderna som beräkningen inte använde, med fil, radnummer, värde och orsak, som CSV',
          description:
            'Rader som inte kunde läsas, som låg utanför perioden eller gällde elever (eller ämnen) som inte finns i ' +
            'elevregistret. CSV för Excel med svenska inställningar (UTF-8, semikolon).',
          params: computationParamsSchema,
          response: {
            200: {
              description: 'CSV-filen',
              content: {
                'text/csv': {
                  schema: z
                    .custom<Buffer>((value) => Buffer.isBuffer(value))
                    .meta({ type: 'string', format: 'binary' }),
                },
              },
            },
            401: errorBodySchema,
            404: errorBodySchema,
          },
        },
      },
      async (request, reply) => {
        const csv = await getUnusedRowsCsv(
          context,
          projectAccessOf(request),
          request.params.goalId,
          request.params.computationId,
        );
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', attachmentDisposition('rader-som-inte-anvandes.csv'))
          .send(csv);
      },
    );
  };
