import { z } from 'zod';

/**
 * The project goals' budget broken into lines, planned against actual, in whole kronor. Cost overrun
 * is one of the template's risk causes: when the actual amounts pass the planned ones by more than
 * the project's threshold, the cost-overrun risk is raised.
 */
const kronor = (label: string) =>
  z
    .number({ error: `Ange ${label} i hela kronor` })
    .int(`Ange ${label} i hela kronor`)
    .min(0, 'Beloppet kan inte vara negativt')
    .max(1_000_000_000, 'Beloppet är för stort');

export const budgetLineSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  title: z.string(),
  plannedSek: z.number().int(),
  actualSek: z.number().int(),
  version: z.number().int(),
});
export type BudgetLine = z.infer<typeof budgetLineSchema>;

export const budgetSchema = z.object({
  lines: z.array(budgetLineSchema),
  plannedSek: z.number().int(),
  actualSek: z.number().int(),
  /** The project goals' budgets together, for comparison with the lines; null when no goal has one. */
  goalsBudgetSek: z.number().int().nullable(),
  /** Actual above planned by more than this many percent raises the cost-overrun risk. */
  overrunThresholdPercent: z.number().int(),
  /** Actual above planned, in percent of planned (0 when under); null when nothing is planned. */
  overrunPercent: z.number().nullable(),
  overThreshold: z.boolean(),
  /** The plan's cost-overrun risk and its status, when the project has one. */
  risk: z.object({ id: z.string(), title: z.string(), status: z.string() }).nullable(),
  settingsVersion: z.number().int(),
  may: z.object({ edit: z.boolean() }),
});
export type Budget = z.infer<typeof budgetSchema>;

export const budgetLineInputSchema = z.object({
  title: z.string().trim().min(2, 'Beskriv budgetposten').max(200, 'Högst 200 tecken'),
  plannedSek: kronor('planerat belopp'),
  actualSek: kronor('utfall').default(0),
});
export type BudgetLineInput = z.input<typeof budgetLineInputSchema>;

export const budgetLineUpdateBodySchema = budgetLineInputSchema.extend({ version: z.number().int().min(1) });

export const budgetSettingsBodySchema = z.object({
  overrunThresholdPercent: z
    .number({ error: 'Ange en procentsats' })
    .int('Ange en hel procentsats')
    .min(0, 'Ange 0 eller mer')
    .max(100, 'Högst 100 procent'),
  version: z.number().int().min(0),
});

export const budgetLineParamsSchema = z.object({ id: z.uuid(), lineId: z.uuid() });
