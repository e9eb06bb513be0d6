import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../core/context.js';

export const budgetRoutes =
  (_context: AppContext): FastifyPluginAsyncZod =>
  async (_app) => {};
