import { z } from 'zod';
import { idSchema } from './common.js';

/**
 * What may be attached to a checklist activity: the import files the customer sends the vendor's
 * support (registers as text, CSV or Excel, Skatteverket's .skv, XML or JSON), zipped bundles and PDFs.
 */
export const attachmentExtensions = ['csv', 'txt', 'skv', 'xml', 'json', 'xlsx', 'xls', 'zip', 'pdf'] as const;
export type AttachmentExtension = (typeof attachmentExtensions)[number];

export const attachmentSchema = z.object({
  id: z.string(),
  activityId: z.string(),
  /** The uploaded name, made safe to show and to save. */
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  uploadedBy: z.object({ id: z.string().nullable(), name: z.string() }),
  createdAt: z.string(),
  /** The viewer uploaded it or writes the plan. */
  mayDelete: z.boolean(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const attachmentListSchema = z.object({
  items: z.array(attachmentSchema),
  /** The viewer may tick or edit the activity, and so attach files to it. */
  mayUpload: z.boolean(),
  maxMegabytes: z.number().int(),
  extensions: z.array(z.enum(attachmentExtensions)),
});
export type AttachmentList = z.infer<typeof attachmentListSchema>;

export const attachmentParamsSchema = z.object({ id: idSchema, attachmentId: idSchema });
