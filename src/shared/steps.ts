import { z } from 'zod';

/**
 * The template's ten implementation steps on one project. The step a project is in comes from its
 * data (the first step whose checklist activities are not all done or whose key activities have not
 * all taken place); a project manager may hold it back or move it on, with a reason.
 */
export const stepRequirementSchema = z.object({
  kind: z.enum(['activity', 'keyActivity']),
  id: z.string(),
  title: z.string(),
  done: z.boolean(),
  /** An activity's deadline, or the key activity's day. */
  date: z.string().nullable(),
});
export type StepRequirement = z.infer<typeof stepRequirementSchema>;

export const stepStates = ['done', 'current', 'upcoming'] as const;

export const projectStepSchema = z.object({
  number: z.number().int().min(1).max(10),
  key: z.string(),
  title: z.string(),
  description: z.string(),
  state: z.enum(stepStates),
  requirements: z.array(stepRequirementSchema),
});
export type ProjectStep = z.infer<typeof projectStepSchema>;

export const stepDecisionSchema = z.object({
  id: z.string(),
  /** Null: the step follows the data again. */
  stepNumber: z.number().int().min(1).max(10).nullable(),
  /** The step the data gave when the decision was taken. */
  derivedStepNumber: z.number().int().min(1).max(10),
  direction: z.enum(['hold', 'advance', 'follow_data']),
  reason: z.string(),
  decidedBy: z.object({ name: z.string() }),
  createdAt: z.string(),
});
export type StepDecision = z.infer<typeof stepDecisionSchema>;

export const projectStepsSchema = z.object({
  /** The step shown: the data's, unless a decision in force holds it back or moves it on. */
  current: z.number().int().min(1).max(10),
  /** The step the data gives. */
  derived: z.number().int().min(1).max(10),
  /** Every step's requirements are met. */
  allDone: z.boolean(),
  closed: z.boolean(),
  decision: stepDecisionSchema.nullable(),
  steps: z.array(projectStepSchema).length(10),
  /** What the current step still lacks before the project moves on. */
  missingToMoveOn: z.array(stepRequirementSchema),
  /** Every decision, newest first. */
  history: z.array(stepDecisionSchema),
  may: z.object({ decide: z.boolean() }),
});
export type ProjectSteps = z.infer<typeof projectStepsSchema>;

export const setStepBodySchema = z.object({
  /** The step to hold the project at or move it to; null lets the data decide again. */
  stepNumber: z.number().int().min(1, 'Välj ett steg').max(10, 'Välj ett steg').nullable(),
  reason: z.string().trim().min(3, 'Skriv varför steget ändras').max(1000),
  version: z.number().int().min(0).optional(),
});
export type SetStepBody = z.infer<typeof setStepBodySchema>;
