import { z } from 'zod';

export const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
  version: z.string(),
});

/** `GET /api/ready` when the instance can take traffic; otherwise 503 with the error code `NOT_READY`. */
export const readinessSchema = z.object({
  status: z.literal('ready'),
  database: z.enum(['sqlite', 'postgres']),
  version: z.string(),
  /** How many migrations the database has run, all of those this version knows. */
  migrations: z.number().int(),
});
export type Readiness = z.infer<typeof readinessSchema>;
