import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  activityParamsSchema,
  activitySchema,
  checklistQuerySchema,
  checklistSchema,
  commentListSchema,
  commentSchema,
  createActivityBodySchema,
  createCommentBodySchema,
  moveActivityBodySchema,
  myTaskListSchema,
  updateActivityBodySchema,
} from '../../shared/checklist.js';
import { idParamsSchema } from '../../shared/common.js';
import { errorBodySchema } from '../../shared/errors.js';
import { versionQuerySchema } from '../../shared/plan.js';
import { projectAccessOf } from '../access/guard.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../core/context.js';
import { attachmentDisposition } from '../exports/file-name.js';
import {
  addComment,
  type ChecklistFileFormat,
  checklistFileTypes,
  createActivity,
  deleteActivity,
  exportChecklist,
  getChecklist,
  listComments,
  moveActivity,
  myTasks,
  updateActivity,
} from './service.js';

const tags = ['Checklista'];
const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};

/**
 * The file's bytes, documented as a binary string. The handler sends a Buffer, which Fastify writes
 * as it is: the JSON response serializer never sees it.
 */
const fileResponse = (format: ChecklistFileFormat, description: string) => ({
  description,
  content: {
    [checklistFileTypes[format].split(';')[0]]: {
      schema: z.custom<Buffer>((value) => Buffer.isBuffer(value)).meta({ type: 'string', format: 'binary' }),
    },
  },
});

const spreadsheetExports: { format: ChecklistFileFormat; summary: string; description: string }[] = [
  {
    format: 'xlsx',
    summary: 'Checklistan som Excel-fil med mallens kolumner: aktivitet, ansvariga, deadline och klart',
    description: 'Excel-arbetsboken (.xlsx)',
  },
  {
    format: 'csv',
    summary: 'Checklistan som CSV-fil för Excel med svenska inställningar (UTF-8, semikolon)',
    description: 'CSV-filen',
  },
];

export const checklistRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/projects/:id/activities',
      {
        schema: {
          tags,
          summary:
            'Projektets checklista, grupperad som i mallen, med framdrift per grupp (filtren visar färre aktiviteter, framdriften räknar alla)',
          params: idParamsSchema,
          querystring: checklistQuerySchema,
          response: { 200: checklistSchema, 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema },
        },
      },
      async (request) =>
        getChecklist(context, projectAccessOf(request), { query: request.query, user: requireUser(request) }),
    );

    app.post(
      '/api/projects/:id/activities',
      {
        schema: {
          tags,
          summary: 'Lägg till en egen aktivitet sist i en grupp',
          params: idParamsSchema,
          body: createActivityBodySchema,
          response: { 201: activitySchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createActivity(context, requireUser(request), projectAccessOf(request), request.body)),
    );

    app.patch(
      '/api/projects/:id/activities/:activityId',
      {
        schema: {
          tags,
          summary:
            'Bocka av en aktivitet eller ändra den: text, ansvariga, namngiven person, deadline, beroenden (med versionen ändringen bygger på)',
          params: activityParamsSchema,
          body: updateActivityBodySchema,
          response: { 200: activitySchema, ...errors },
        },
      },
      async (request) =>
        updateActivity(
          context,
          requireUser(request),
          projectAccessOf(request),
          request.params.activityId,
          request.body,
        ),
    );

    app.post(
      '/api/projects/:id/activities/:activityId/move',
      {
        schema: {
          tags,
          summary: 'Flytta en aktivitet till en plats i en grupp; svarar med hela checklistan',
          params: activityParamsSchema,
          body: moveActivityBodySchema,
          response: { 200: checklistSchema, ...errors },
        },
      },
      async (request) =>
        moveActivity(context, requireUser(request), projectAccessOf(request), request.params.activityId, request.body),
    );

    app.delete(
      '/api/projects/:id/activities/:activityId',
      {
        schema: {
          tags,
          summary: 'Ta bort en aktivitet; det som väntade på den slutar vänta (med versionen borttagningen bygger på)',
          params: activityParamsSchema,
          querystring: versionQuerySchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await deleteActivity(
          context,
          requireUser(request),
          projectAccessOf(request),
          request.params.activityId,
          request.query.version,
        );
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/projects/:id/activities/:activityId/comments',
      {
        schema: {
          tags,
          summary: 'Aktivitetens kommentarer, äldst först',
          params: activityParamsSchema,
          response: { 200: commentListSchema, ...errors },
        },
      },
      async (request) => listComments(context, projectAccessOf(request), request.params.activityId),
    );

    app.post(
      '/api/projects/:id/activities/:activityId/comments',
      {
        schema: {
          tags,
          summary: 'Kommentera en aktivitet (alla som ser projektet får kommentera)',
          params: activityParamsSchema,
          body: createCommentBodySchema,
          response: { 201: commentSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await addComment(
              context,
              requireUser(request),
              projectAccessOf(request),
              request.params.activityId,
              request.body,
            ),
          ),
    );

    for (const { format, summary, description } of spreadsheetExports) {
      app.get(
        `/api/projects/:id/activities/export.${format}`,
        {
          schema: {
            tags,
            summary,
            params: idParamsSchema,
            response: {
              200: fileResponse(format, description),
              400: errorBodySchema,
              401: errorBodySchema,
              404: errorBodySchema,
            },
          },
        },
        async (request, reply) => {
          const file = await exportChecklist(context, projectAccessOf(request), format);
          return reply
            .type(file.contentType)
            .header('content-disposition', attachmentDisposition(file.fileName))
            .send(file.body);
        },
      );
    }

    app.get(
      '/api/me/tasks',
      {
        schema: {
          tags,
          summary:
            'Mina uppgifter: mina öppna aktiviteter i alla projekt jag ser, närmaste deadline först (utan deadline sist)',
          response: { 200: myTaskListSchema, 401: errorBodySchema },
        },
      },
      async (request) => ({ items: await myTasks(context, requireUser(request)) }),
    );
  };
