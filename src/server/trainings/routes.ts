import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../shared/common.js';
import { errorBodySchema } from '../../shared/errors.js';
import {
  bookParticipantBodySchema,
  chooseSplitBodySchema,
  confirmSessionBodySchema,
  markAttendanceBodySchema,
  participantParamsSchema,
  proposalParamsSchema,
  proposeDatesBodySchema,
  recordWorkshopBodySchema,
  sessionParamsSchema,
  trainingParamsSchema,
  trainingSchema,
  trainingSessionSchema,
  trainingsOverviewSchema,
  updateSessionBodySchema,
  updateTrainingRangeBodySchema,
  versionQuerySchema,
  workshopParamsSchema,
  workshopSchema,
} from '../../shared/trainings.js';
import { projectAccessOf } from '../access/guard.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../core/context.js';
import { getTrainings } from './overview.js';
import {
  applySplit,
  bookParticipant,
  cancelSession,
  chooseSplit,
  confirmSession,
  deleteProposal,
  deleteWorkshop,
  markAttendance,
  proposeDates,
  recordWorkshop,
  unbookParticipant,
  updateSession,
  updateTrainingRange,
} from './service.js';

const tags = ['Utbildningar'];
const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};

export const trainingRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/projects/:id/trainings',
      {
        schema: {
          tags,
          summary:
            'Projektets utbildningar: deltagare, datumförslag, tillfällen med närvaro, förslag på fördelning, de som missat och personalutbildningen per skola',
          params: idParamsSchema,
          response: { 200: trainingsOverviewSchema, 401: errorBodySchema, 404: errorBodySchema },
        },
      },
      async (request) => getTrainings(context, requireUser(request), projectAccessOf(request)),
    );

    app.put(
      '/api/projects/:id/trainings/:trainingKey',
      {
        schema: {
          tags,
          summary:
            'Ändra minsta och högsta antalet deltagare per tillfälle för projektet (version 0 ersätter mallens antal)',
          params: trainingParamsSchema,
          body: updateTrainingRangeBodySchema,
          response: { 200: trainingSchema, ...errors },
        },
      },
      async (request) =>
        updateTrainingRange(
          context,
          requireUser(request),
          projectAccessOf(request),
          request.params.trainingKey,
          request.body,
        ),
    );

    app.put(
      '/api/projects/:id/trainings/:trainingKey/split-choice',
      {
        schema: {
          tags,
          summary:
            'Välj hur en utbildning hålls när deltagarna inte kan delas inom intervallet: färre tillfällen över högsta antalet (over_max) eller fler under minsta (under_min); null tar tillbaka valet. Ett annat intervall väljs genom att ändra intervallet.',
          params: trainingParamsSchema,
          body: chooseSplitBodySchema,
          response: { 200: trainingSchema, ...errors },
        },
      },
      async (request) =>
        chooseSplit(context, requireUser(request), projectAccessOf(request), request.params.trainingKey, request.body),
    );

    app.post(
      '/api/projects/:id/trainings/:trainingKey/proposals',
      {
        schema: {
          tags,
          summary: 'Föreslå minst tre datum för en utbildning; leverantörens utbildningsledare får ett mejl',
          params: trainingParamsSchema,
          body: proposeDatesBodySchema,
          response: { 201: trainingSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await proposeDates(
              context,
              requireUser(request),
              projectAccessOf(request),
              request.params.trainingKey,
              request.body,
            ),
          ),
    );

    app.delete(
      '/api/projects/:id/training-proposals/:proposalId',
      {
        schema: {
          tags,
          summary: 'Ta bort ett datumförslag som inget tillfälle har bekräftats från',
          params: proposalParamsSchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await deleteProposal(context, requireUser(request), projectAccessOf(request), request.params.proposalId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/projects/:id/trainings/:trainingKey/sessions',
      {
        schema: {
          tags,
          summary:
            'Bekräfta ett utbildningstillfälle från ett datumförslag eller på ett eget datum; kunden får en kalenderinbjudan',
          params: trainingParamsSchema,
          body: confirmSessionBodySchema,
          response: { 201: trainingSessionSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await confirmSession(
              context,
              requireUser(request),
              projectAccessOf(request),
              request.params.trainingKey,
              request.body,
            ),
          ),
    );

    app.patch(
      '/api/projects/:id/training-sessions/:sessionId',
      {
        schema: {
          tags,
          summary:
            'Ändra tid, plats, länk eller utbildare för ett tillfälle (med versionen ändringen bygger på); de inbjudna får en uppdaterad inbjudan',
          params: sessionParamsSchema,
          body: updateSessionBodySchema,
          response: { 200: trainingSessionSchema, ...errors },
        },
      },
      async (request) =>
        updateSession(context, requireUser(request), projectAccessOf(request), request.params.sessionId, request.body),
    );

    app.delete(
      '/api/projects/:id/training-sessions/:sessionId',
      {
        schema: {
          tags,
          summary: 'Ställ in ett tillfälle (med versionen det bygger på); de bokade och inbjudna får en avbokning',
          params: sessionParamsSchema,
          querystring: versionQuerySchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await cancelSession(
          context,
          requireUser(request),
          projectAccessOf(request),
          request.params.sessionId,
          request.query.version,
        );
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/projects/:id/trainings/:trainingKey/split',
      {
        schema: {
          tags,
          summary:
            'Boka de obokade deltagarna på de kommande tillfällena enligt förslaget på fördelning (skolvis, jämnt, högst maxantalet)',
          params: trainingParamsSchema,
          response: { 200: trainingSchema, ...errors },
        },
      },
      async (request) =>
        applySplit(context, requireUser(request), projectAccessOf(request), request.params.trainingKey),
    );

    app.post(
      '/api/projects/:id/training-sessions/:sessionId/participants',
      {
        schema: {
          tags,
          summary: 'Boka en person hos kunden på ett tillfälle, till exempel den som missat sitt på uppsamlingsheatet',
          params: sessionParamsSchema,
          body: bookParticipantBodySchema,
          response: { 201: trainingSessionSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await bookParticipant(
              context,
              requireUser(request),
              projectAccessOf(request),
              request.params.sessionId,
              request.body.personId,
            ),
          ),
    );

    app.delete(
      '/api/projects/:id/training-sessions/:sessionId/participants/:personId',
      {
        schema: {
          tags,
          summary: 'Avboka en person från ett tillfälle',
          params: participantParamsSchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await unbookParticipant(
          context,
          requireUser(request),
          projectAccessOf(request),
          request.params.sessionId,
          request.params.personId,
        );
        return reply.status(204).send(null);
      },
    );

    app.put(
      '/api/projects/:id/training-sessions/:sessionId/attendance',
      {
        schema: {
          tags,
          summary: 'Markera närvaro på ett tillfälle: bokad, närvarande eller frånvarande',
          params: sessionParamsSchema,
          body: markAttendanceBodySchema,
          response: { 200: trainingSessionSchema, ...errors },
        },
      },
      async (request) =>
        markAttendance(context, requireUser(request), projectAccessOf(request), request.params.sessionId, request.body),
    );

    app.post(
      '/api/projects/:id/staff-workshops',
      {
        schema: {
          tags,
          summary: 'Registrera en workshop där skolans användarstödjare utbildat personalen',
          params: idParamsSchema,
          body: recordWorkshopBodySchema,
          response: { 201: workshopSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await recordWorkshop(context, requireUser(request), projectAccessOf(request), request.body)),
    );

    app.delete(
      '/api/projects/:id/staff-workshops/:workshopId',
      {
        schema: {
          tags,
          summary: 'Ta bort en registrerad workshop',
          params: workshopParamsSchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await deleteWorkshop(context, requireUser(request), projectAccessOf(request), request.params.workshopId);
        return reply.status(204).send(null);
      },
    );
  };
