import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../shared/errors.js';
import {
  IMPORT_MAX_FILE_BYTES,
  importCommitBodySchema,
  importPreviewSchema,
  importQuerySchema,
  importResultSchema,
} from '../../shared/imports.js';
import { customerParamsSchema } from '../../shared/organisation.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { commitImport, previewImport } from './service.js';

const tags = ['Import'];
const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
};

const fileError = (message: string) => new AppError('VALIDATION_FAILED', message, { file: message });
const megabytes = IMPORT_MAX_FILE_BYTES / (1024 * 1024);

/** The one uploaded file of a multipart request, read into memory up to the size limit. */
async function readUploadedFile(request: FastifyRequest): Promise<Buffer> {
  const noFile = fileError('Välj en fil att ladda upp (CSV eller Excel)');
  if (!request.isMultipart()) throw noFile;
  try {
    const part = await request.file({ limits: { fileSize: IMPORT_MAX_FILE_BYTES, files: 1, fields: 10 } });
    if (!part) throw noFile;
    return await part.toBuffer();
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw fileError(`Filen är för stor: högst ${megabytes} MB`);
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw fileError('Ladda upp en fil i taget');
    }
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw noFile;
    throw error;
  }
}

export const importRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // Multipart bodies are accepted here only, not by the rest of the API.
    await app.register(fastifyMultipart, { limits: { fileSize: IMPORT_MAX_FILE_BYTES, files: 1 } });

    app.post(
      '/api/customers/:customerId/imports/preview',
      {
        schema: {
          tags,
          summary: 'Läs en CSV- eller Excel-fil med skolor eller personer och visa vad som skulle importeras',
          description:
            'Skicka filen som multipart/form-data (fältet file). Ingenting sparas: svaret visar varje rad med fel, ' +
            'dubbletter och vad som är nytt. En personfil med kolumnen Roll (eller Titel) ger rollerna i projektet ' +
            'projectId; svaret visar vilken roll i mallen varje värde blir.',
          consumes: ['multipart/form-data'],
          params: customerParamsSchema,
          querystring: importQuerySchema,
          response: { 200: importPreviewSchema, ...errors },
        },
      },
      async (request) =>
        previewImport(context, requireUser(request), request.params.customerId, request.query, () =>
          readUploadedFile(request),
        ),
    );

    app.post(
      '/api/customers/:customerId/imports/commit',
      {
        // The confirmed rows of a large register come back as JSON.
        bodyLimit: 10 * 1024 * 1024,
        schema: {
          tags,
          summary: 'Importera de bekräftade raderna från förhandsvisningen: alla eller ingen, eller de giltiga',
          description:
            'mode all (förvalt): en rad med fel och ingenting sparas. mode valid: de giltiga raderna sparas i en ' +
            'transaktion och övriga rader kommer tillbaka i rejected med rad och orsak. Personernas roller ges i ' +
            'projektet projectId, var och en i historiken.',
          params: customerParamsSchema,
          body: importCommitBodySchema,
          response: { 200: importResultSchema, ...errors },
        },
      },
      async (request) => commitImport(context, requireUser(request), request.params.customerId, request.body),
    );
  };
