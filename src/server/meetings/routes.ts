import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../shared/common.js';
import { errorBodySchema } from '../../shared/errors.js';
import { versionQuerySchema } from '../../shared/plan.js';
import {
  agendaExportQuerySchema,
  agendaSentSchema,
  meetingParamsSchema,
  steeringMeetingInputSchema,
  steeringMeetingListSchema,
  steeringMeetingSchema,
  steeringMeetingUpdateBodySchema,
} from '../../shared/steering.js';
import { projectAccessOf } from '../access/guard.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../core/context.js';
import { attachmentDisposition } from '../exports/file-name.js';
import { planFileTypes } from '../exports/service.js';
import { createMeeting, deleteMeeting, exportAgenda, listMeetings, sendAgenda, updateMeeting } from './service.js';

const tags = ['Styrgrupp'];
const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};

/**
 * The file's bytes, documented as a binary string in either format. The handler sends a Buffer,
 * which Fastify writes as it is: the JSON response serializer never sees it.
 */
const binary = {
  schema: z.custom<Buffer>((value) => Buffer.isBuffer(value)).meta({ type: 'string', format: 'binary' }),
};
const agendaFileResponse = {
  description: 'Dagordningen som Word-dokument (.docx) eller PDF',
  content: { [planFileTypes.docx]: binary, [planFileTypes.pdf]: binary },
};

export const meetingRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/projects/:id/steering-meetings',
      {
        schema: {
          tags,
          summary: 'Styrgruppens möten, senaste först, med ändringsförslagen på dagordningen och besluten som togs',
          params: idParamsSchema,
          response: {
            200: steeringMeetingListSchema,
            400: errorBodySchema,
            401: errorBodySchema,
            404: errorBodySchema,
          },
        },
      },
      async (request) => listMeetings(context, projectAccessOf(request)),
    );

    app.post(
      '/api/projects/:id/steering-meetings',
      {
        schema: {
          tags,
          summary:
            'Lägg till ett styrgruppsmöte med datum, tid, plats och dagordning (styrgruppen och planens skribenter)',
          params: idParamsSchema,
          body: steeringMeetingInputSchema,
          response: { 201: steeringMeetingSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createMeeting(context, requireUser(request), projectAccessOf(request), request.body)),
    );

    app.patch(
      '/api/projects/:id/steering-meetings/:meetingId',
      {
        schema: {
          tags,
          summary:
            'Ändra ett styrgruppsmöte: tid, plats, dagordning eller protokoll (med versionen ändringen bygger på)',
          params: meetingParamsSchema,
          body: steeringMeetingUpdateBodySchema,
          response: { 200: steeringMeetingSchema, ...errors },
        },
      },
      async (request) =>
        updateMeeting(context, requireUser(request), projectAccessOf(request), request.params.meetingId, request.body),
    );

    app.delete(
      '/api/projects/:id/steering-meetings/:meetingId',
      {
        schema: {
          tags,
          summary:
            'Ta bort ett styrgruppsmöte som inga beslut tagits på; dess ändringsförslag väntar på ett annat möte (med versionen borttagningen bygger på)',
          params: meetingParamsSchema,
          querystring: versionQuerySchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await deleteMeeting(
          context,
          requireUser(request),
          projectAccessOf(request),
          request.params.meetingId,
          request.query.version,
        );
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/projects/:id/steering-meetings/:meetingId/agenda',
      {
        schema: {
          tags,
          summary:
            'Mötets dagordning som Word-dokument eller PDF: kallade, punkter, ändringsförslag för beslut och, när det finns, protokoll och beslut',
          params: meetingParamsSchema,
          querystring: agendaExportQuerySchema,
          response: { 200: agendaFileResponse, 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema },
        },
      },
      async (request, reply) => {
        const file = await exportAgenda(
          context,
          projectAccessOf(request),
          request.params.meetingId,
          request.query.format,
        );
        return reply
          .type(file.contentType)
          .header('content-disposition', attachmentDisposition(file.fileName))
          .send(file.body);
      },
    );

    app.post(
      '/api/projects/:id/steering-meetings/:meetingId/agenda/send',
      {
        schema: {
          tags,
          summary:
            'Skicka dagordningen som PDF med e-post till styrgruppen och beställaren; svarar med mottagarna och dem som saknar e-postadress',
          params: meetingParamsSchema,
          response: { 200: agendaSentSchema, ...errors },
        },
      },
      async (request) => sendAgenda(context, requireUser(request), projectAccessOf(request), request.params.meetingId),
    );
  };
