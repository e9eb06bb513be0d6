import { z } from 'zod';
import { projectPhases } from './projects.js';

/**
 * The vendor's view over every customer project it runs. The health score comes from one pure rule
 * that lists the factors that pulled it down, so a low score explains itself.
 */
export const healthFactorKeys = [
  'overdueCustomer',
  'overdueVendor',
  'goalsAtRisk',
  'goalsMissed',
  'trainingsShort',
  'organisationGaps',
  'unreadRevisions',
  'customerSilent',
] as const;
export type HealthFactorKey = (typeof healthFactorKeys)[number];

export const healthLevels = ['good', 'watch', 'critical'] as const;
export type HealthLevel = (typeof healthLevels)[number];

export const healthFactorSchema = z.object({
  key: z.enum(healthFactorKeys),
  /** Points taken off the score of 100. */
  points: z.number().int().min(1),
  /** The figure behind it: how many activities, goals, sessions, gaps, revisions or days. */
  count: z.number().int().min(0),
});
export type HealthFactor = z.infer<typeof healthFactorSchema>;

export const healthSchema = z.object({
  score: z.number().int().min(0).max(100),
  level: z.enum(healthLevels),
  /** Largest first. */
  factors: z.array(healthFactorSchema),
});
export type Health = z.infer<typeof healthSchema>;

/** Only what the page shows: 290 rows are sent on every visit. */
export const portfolioRowSchema = z.object({
  projectId: z.string(),
  projectName: z.string(),
  customer: z.object({ name: z.string() }),
  phase: z.enum(projectPhases),
  closedAt: z.string().nullable(),
  step: z.object({
    number: z.number().int().min(1).max(10),
    title: z.string(),
    /** A project manager holds it back or has moved it on. */
    decided: z.boolean(),
  }),
  progress: z.object({ done: z.number().int(), total: z.number().int(), percent: z.number().int() }),
  overdue: z.object({ customer: z.number().int(), vendor: z.number().int() }),
  nextKeyActivity: z.object({ title: z.string(), date: z.string() }).nullable(),
  trainings: z.object({ booked: z.number().int(), needed: z.number().int() }),
  goals: z.object({ atRisk: z.number().int(), missed: z.number().int() }),
  /** Roles without enough holders, in the project and per school (e.g. a school with one administrator). */
  organisationGaps: z.number().int(),
  /** Plan revisions the viewer has not opened. */
  unreadRevisions: z.number().int(),
  /** Days since someone of the customer last changed anything; null when they never have. */
  daysSinceCustomerChange: z.number().int().nullable(),
  supporters: z.array(z.object({ personId: z.string(), name: z.string() })),
  /** The viewer is one of the project's supporters. */
  mine: z.boolean(),
  health: healthSchema,
});
export type PortfolioRow = z.infer<typeof portfolioRowSchema>;

export const portfolioSchema = z.object({
  /** The viewer's own projects first, then the least healthy. Closed projects last. */
  items: z.array(portfolioRowSchema),
  /** The default template's ten steps, for the chart of projects per step. */
  steps: z.array(z.object({ number: z.number().int(), title: z.string() })),
  generatedAt: z.string(),
});
export type Portfolio = z.infer<typeof portfolioSchema>;
