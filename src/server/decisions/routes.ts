import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../core/context.js';

export const decisionRoutes =
  (_context: AppContext): FastifyPluginAsyncZod =>
  async (_app) => {};
