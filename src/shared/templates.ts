import { z } from 'zod';

/**
 * A project template is versioned data: the default one lives in the repo as JSON and is
 * loaded into the database; a project keeps the template version it was created from.
 * Texts may contain the token `{vendor}`, replaced by the vendor's name from the settings.
 */
const key = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Nyckeln får bara innehålla a–z, 0–9 och bindestreck');

export const planFieldSchema = z.object({
  key,
  label: z.string().min(1),
  /** Example text from the template, shown as a hint in an empty field, never saved as content. */
  hint: z.string().default(''),
});

export const planSectionSchema = z.object({
  key,
  title: z.string().min(1),
  instruction: z.string().default(''),
  fields: z.array(planFieldSchema).default([]),
});

/** The plural of a role title ("Administratörer"), for counts; without it the plural is guessed. */
const titlePlural = z.string().min(1).optional();

export const customerRoleSchema = z.object({
  key,
  title: z.string().min(1),
  titlePlural,
  responsibility: z.string().min(1),
  /** `project`: held for the whole project; `school`: held per school. */
  level: z.enum(['project', 'school']),
  /** The template implies a group (e.g. Styrgrupp, Projektgrupp): several people may hold it. */
  group: z.boolean().default(false),
  /** Recommended minimum number of holders per school (e.g. two administrators). */
  minPerSchool: z.number().int().min(0).optional(),
  /** Holders write the plan: edit the plan, the organisation and the checklist. */
  editsPlan: z.boolean().default(false),
  /** Holders approve what the template reserves for the orderer, such as the closure. */
  approvesClosure: z.boolean().default(false),
});

export const vendorRoleSchema = z.object({
  key,
  title: z.string().min(1),
  titlePlural,
  responsibility: z.string().min(1),
});

export const templateActivitySchema = z.object({
  key,
  title: z.string().min(1),
  customerRoleKeys: z.array(key).default([]),
  vendorRoleKeys: z.array(key).default([]),
});

export const checklistGroupSchema = z.object({
  key,
  title: z.string().min(1),
  activities: z.array(templateActivitySchema).min(1),
});

export const keyActivitySchema = z.object({
  key,
  title: z.string().min(1),
  description: z.string().default(''),
  /** Suggested timing relative to the project start, in weeks, where the template implies one. */
  suggestedWeeksAfterStart: z.number().int().min(0).optional(),
});

export const trainingTypeSchema = z.object({
  key,
  title: z.string().min(1),
  minParticipants: z.number().int().min(1).optional(),
  maxParticipants: z.number().int().min(1).optional(),
  /** The customer role whose holders are the participants, when the template names one. */
  participantRoleKey: key.optional(),
  /** Key activity on the timeline that this training is scheduled as. */
  keyActivityKey: key.optional(),
});

export const riskCauseSchema = z.object({
  key,
  title: z.string().min(1),
  leadershipIssue: z.boolean(),
});

export const successKeywordSchema = z.object({ key, title: z.string().min(1) });

export const communicationAudienceSchema = z.object({ key, title: z.string().min(1) });

export const implementationStepSchema = z.object({
  number: z.number().int().min(1).max(10),
  key,
  title: z.string().min(1),
  description: z.string().min(1),
  checklistActivityKeys: z.array(key).default([]),
  keyActivityKeys: z.array(key).default([]),
});

export const templateContentSchema = z.object({
  introduction: z.string().default(''),
  planSections: z.array(planSectionSchema).min(1),
  customerRoles: z.array(customerRoleSchema).min(1),
  vendorRoles: z.array(vendorRoleSchema).min(1),
  checklistGroups: z.array(checklistGroupSchema).min(1),
  keyActivities: z.array(keyActivitySchema).min(1),
  trainingTypes: z.array(trainingTypeSchema).min(1),
  riskCauses: z.array(riskCauseSchema).min(1),
  successKeywords: z.array(successKeywordSchema).min(1),
  communicationAudiences: z.array(communicationAudienceSchema).min(1),
  implementationSteps: z.array(implementationStepSchema).length(10),
  closure: z.object({ text: z.string().min(1) }),
});
export type TemplateContent = z.infer<typeof templateContentSchema>;

export const templateFileSchema = z.object({
  key,
  version: z.number().int().min(1),
  name: z.string().min(1),
  content: templateContentSchema,
});
export type TemplateFile = z.infer<typeof templateFileSchema>;

export const templateSummarySchema = z.object({
  id: z.string(),
  key: z.string(),
  version: z.number().int(),
  name: z.string(),
  isDefault: z.boolean(),
  createdAt: z.string(),
});
export type TemplateSummary = z.infer<typeof templateSummarySchema>;

export const templateDetailSchema = templateSummarySchema.extend({ content: templateContentSchema });
export type TemplateDetail = z.infer<typeof templateDetailSchema>;

export const templateListSchema = z.object({ items: z.array(templateSummarySchema) });
