import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  acknowledgeBodySchema,
  acknowledgementOverviewSchema,
  myRolesToConfirmSchema,
  roleTextBodySchema,
  roleTextParamsSchema,
  roleTextSchema,
} from '../../shared/acknowledgements.js';
import { idParamsSchema } from '../../shared/common.js';
import { errorBodySchema } from '../../shared/errors.js';
import { projectAccessOf } from '../access/guard.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../core/context.js';
import { acknowledgeRole, getAcknowledgements, myRolesToConfirm, saveRoleText } from './service.js';

const tags = ['Organisation'];
const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};

export const acknowledgementRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/projects/:id/acknowledgements',
      {
        schema: {
          tags,
          summary: 'Vilka rollinnehavare som har tagit del av sitt ansvar, och vad du själv har kvar att bekräfta',
          params: idParamsSchema,
          response: { 200: acknowledgementOverviewSchema, ...errors },
        },
      },
      async (request) => getAcknowledgements(context, requireUser(request), projectAccessOf(request)),
    );

    app.post(
      '/api/projects/:id/acknowledgements',
      {
        schema: {
          tags,
          summary: 'Bekräfta att du har tagit del av ansvarstexten för en av dina roller',
          params: idParamsSchema,
          body: acknowledgeBodySchema,
          response: { 200: acknowledgementOverviewSchema, ...errors },
        },
      },
      async (request) => acknowledgeRole(context, requireUser(request), projectAccessOf(request), request.body),
    );

    app.get(
      '/api/me/acknowledgements',
      {
        schema: {
          tags,
          summary:
            'Mina roller att bekräfta: i varje pågående projekt de roller vars ansvarstext jag inte har bekräftat, eller som har ändrats sedan',
          response: { 200: myRolesToConfirmSchema, 401: errorBodySchema },
        },
      },
      async (request) => myRolesToConfirm(context, requireUser(request)),
    );

    app.put(
      '/api/projects/:id/role-texts/:roleKey',
      {
        schema: {
          tags,
          summary:
            'Ändra en rolls ansvarstext i projektet (version 0 ersätter mallens text); innehavarna ombeds bekräfta igen',
          params: roleTextParamsSchema,
          body: roleTextBodySchema,
          response: { 200: roleTextSchema, ...errors },
        },
      },
      async (request) =>
        saveRoleText(context, requireUser(request), projectAccessOf(request), request.params.roleKey, request.body),
    );
  };
