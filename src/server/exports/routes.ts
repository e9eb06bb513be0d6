import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../shared/common.js';
import { errorBodySchema } from '../../shared/errors.js';
import { planExportQuerySchema } from '../../shared/exports.js';
import { projectAccessOf } from '../access/guard.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../core/context.js';
import { attachmentDisposition } from './file-name.js';
import { exportPlan, type PlanFileFormat, planFileTypes } from './service.js';

const tags = ['Projektplan'];

/**
 * The file's bytes, documented as a binary string. The handler sends a Buffer, which Fastify writes
 * as it is: the JSON response serializer never sees it, in production or in tests.
 */
const fileResponse = (format: PlanFileFormat, description: string) => ({
  description,
  content: {
    [planFileTypes[format]]: {
      schema: z.custom<Buffer>((value) => Buffer.isBuffer(value)).meta({ type: 'string', format: 'binary' }),
    },
  },
});

const routes: { format: PlanFileFormat; summary: string; description: string }[] = [
  {
    format: 'docx',
    summary: 'Projektplanen som Word-dokument i mallens upplägg: en skickad version (revision) eller utkastet',
    description: 'Word-dokumentet (.docx)',
  },
  {
    format: 'pdf',
    summary: 'Projektplanen som PDF i mallens upplägg: en skickad version (revision) eller utkastet',
    description: 'PDF-filen',
  },
];

export const exportRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    for (const { format, summary, description } of routes) {
      app.get(
        `/api/projects/:id/plan/export.${format}`,
        {
          schema: {
            tags,
            summary,
            params: idParamsSchema,
            querystring: planExportQuerySchema,
            response: {
              200: fileResponse(format, description),
              400: errorBodySchema,
              401: errorBodySchema,
              404: errorBodySchema,
            },
          },
        },
        async (request, reply) => {
          const file = await exportPlan(
            context,
            requireUser(request),
            projectAccessOf(request),
            format,
            request.query.revision,
          );
          return reply
            .type(file.contentType)
            .header('content-disposition', attachmentDisposition(file.fileName))
            .send(file.body);
        },
      );
    }
  };
