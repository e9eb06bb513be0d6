import { z } from 'zod';

/** The plan as a file: a sent revision's, or without `revision` the draft as it stands now. */
export const planExportQuerySchema = z.object({
  revision: z.coerce.number().int().min(1).optional(),
});
export type PlanExportQuery = z.infer<typeof planExportQuerySchema>;
