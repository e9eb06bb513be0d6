import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentListSchema, attachmentParamsSchema, attachmentSchema } from '../../shared/attachments.js';
import { activityParamsSchema } from '../../shared/checklist.js';
import { errorBodySchema } from '../../shared/errors.js';
import { projectAccessOf } from '../access/guard.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { attachmentDisposition } from '../exports/file-name.js';
import {
  deleteAttachment,
  downloadAttachment,
  listAttachments,
  tooLargeMessage,
  type UploadedFile,
  uploadAttachment,
} from './service.js';

const tags = ['Bifogade filer'];
const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
};

const fileError = (message: string) => new AppError('VALIDATION_FAILED', message, { file: message });

/**
 * The one file of a multipart request, read into memory up to the limit. Multipart's own errors
 * (too large, several files, not multipart at all) become field errors like any other.
 */
async function readUploadedFile(request: FastifyRequest, maxMegabytes: number): Promise<UploadedFile> {
  const noFile = fileError('Välj en fil att bifoga');
  if (!request.isMultipart()) throw noFile;
  try {
    // Every part is read, so that a second file is noticed rather than passed over.
    let uploaded: UploadedFile | undefined;
    for await (const part of request.parts()) {
      if (part.type === 'file') uploaded = { fileName: part.filename, content: await part.toBuffer() };
    }
    if (!uploaded) throw noFile;
    return uploaded;
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw fileError(tooLargeMessage(maxMegabytes));
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw fileError('Bifoga en fil i taget');
    }
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw noFile;
    throw error;
  }
}

/** The file's bytes, documented as a binary string; Fastify writes the Buffer as it is. */
const fileResponse = {
  description: 'Filen som den bifogades, med sitt ursprungliga namn',
  content: {
    'application/octet-stream': {
      schema: z.custom<Buffer>((value) => Buffer.isBuffer(value)).meta({ type: 'string', format: 'binary' }),
    },
  },
};

export const attachmentRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const maxMegabytes = context.config.attachmentMaxMegabytes;
    // Multipart bodies are accepted in this plugin only, not by the rest of the API.
    await app.register(fastifyMultipart, { limits: { fileSize: maxMegabytes * 1024 * 1024, files: 1, fields: 5 } });

    app.get(
      '/api/projects/:id/activities/:activityId/attachments',
      {
        schema: {
          tags,
          summary: 'Filerna som bifogats en aktivitet i checklistan, äldst först, och vad som får bifogas',
          params: activityParamsSchema,
          response: { 200: attachmentListSchema, 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema },
        },
      },
      async (request) =>
        listAttachments(context, requireUser(request), projectAccessOf(request), request.params.activityId),
    );

    app.post(
      '/api/projects/:id/activities/:activityId/attachments',
      {
        schema: {
          tags,
          summary:
            'Bifoga en fil till en aktivitet, till exempel en importfil till leverantörens support (för den som får bocka av aktiviteten)',
          description:
            'Skicka filen som multipart/form-data (fältet file). Tillåtna filtyper: CSV, TXT, SKV, XML, JSON, XLSX, XLS, ' +
            'ZIP och PDF; innehållet måste stämma med filändelsen. Största storlek enligt ATTACHMENT_MAX_MB.',
          consumes: ['multipart/form-data'],
          params: activityParamsSchema,
          response: { 201: attachmentSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await uploadAttachment(
              context,
              requireUser(request),
              projectAccessOf(request),
              request.params.activityId,
              () => readUploadedFile(request, maxMegabytes),
            ),
          ),
    );

    app.get(
      '/api/projects/:id/attachments/:attachmentId/download',
      {
        schema: {
          tags,
          summary: 'Ladda ner en bifogad fil (alla som ser projektet)',
          params: attachmentParamsSchema,
          response: { 200: fileResponse, 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema },
        },
      },
      async (request, reply) => {
        const file = await downloadAttachment(context, projectAccessOf(request), request.params.attachmentId);
        return (
          reply
            .type(file.contentType)
            .header('content-disposition', attachmentDisposition(file.fileName))
            // Never shown as a page of this site, whatever the file holds.
            .header('x-content-type-options', 'nosniff')
            .header('content-security-policy', "default-src 'none'; sandbox")
            .header('cache-control', 'private, no-store')
            .send(file.content)
        );
      },
    );

    app.delete(
      '/api/projects/:id/attachments/:attachmentId',
      {
        schema: {
          tags,
          summary: 'Ta bort en bifogad fil (den som bifogade den, eller den som skriver planen)',
          params: attachmentParamsSchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await deleteAttachment(context, requireUser(request), projectAccessOf(request), request.params.attachmentId);
        return reply.status(204).send(null);
      },
    );
  };
