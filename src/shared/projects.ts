import { z } from 'zod';
import { idSchema, isoDateSchema } from './common.js';

export const projectPhases = ['implementation', 'operations'] as const;

export const createProjectBodySchema = z.object({
  customerId: idSchema,
  /** Defaults to the default template's newest version. */
  templateId: idSchema.optional(),
  name: z.string().trim().min(2, 'Ange projektets namn').max(200).optional(),
  startDate: isoDateSchema.optional(),
});
export type CreateProjectBody = z.infer<typeof createProjectBodySchema>;

export const progressSchema = z.object({
  done: z.number().int(),
  total: z.number().int(),
  /** Whole percent, 0–100. */
  percent: z.number().int(),
});
export type Progress = z.infer<typeof progressSchema>;

export const projectSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  customer: z.object({ id: z.string(), name: z.string() }),
  phase: z.enum(projectPhases),
  startDate: z.string(),
  createdAt: z.string(),
  progress: progressSchema,
  /** Versions of the plan sent that the viewer has not opened yet. */
  unreadRevisions: z.number().int(),
});
export type ProjectSummary = z.infer<typeof projectSummarySchema>;

export const projectListSchema = z.object({ items: z.array(projectSummarySchema) });

export const projectListQuerySchema = z.object({ customerId: idSchema.optional() });

export const roleRefSchema = z.object({ key: z.string(), title: z.string() });

export const projectDetailSchema = projectSummarySchema.extend({
  template: z.object({ id: z.string(), key: z.string(), version: z.number().int(), name: z.string() }),
  vendorName: z.string(),
  /** What the viewer may do here, so the interface offers only that. */
  permissions: z.object({ edit: z.boolean(), approve: z.boolean() }),
});
export type ProjectDetail = z.infer<typeof projectDetailSchema>;
