import { z } from 'zod';

/**
 * "Säkerställ att alla i projektgruppen förstår sin roll och sitt ansvar": every person holding a role
 * confirms once that they have read its responsibility text. A changed text asks for a new confirmation.
 */
export const acknowledgementStateSchema = z.enum(['confirmed', 'outdated', 'missing']);

export const roleAcknowledgementSchema = z.object({
  roleKey: z.string(),
  roleTitle: z.string(),
  /** The school, for a school-level role. */
  school: z.object({ id: z.string(), name: z.string() }).nullable(),
  person: z.object({ id: z.string(), name: z.string() }),
  /** confirmed: the current text; outdated: an earlier text; missing: never. */
  state: acknowledgementStateSchema,
  acknowledgedAt: z.string().nullable(),
});
export type RoleAcknowledgement = z.infer<typeof roleAcknowledgementSchema>;

/** One of the viewer's own roles still to confirm, with the text to read. */
export const roleToConfirmSchema = z.object({
  roleKey: z.string(),
  roleTitle: z.string(),
  responsibility: z.string(),
  state: acknowledgementStateSchema,
});
export type RoleToConfirm = z.infer<typeof roleToConfirmSchema>;

export const acknowledgementOverviewSchema = z.object({
  /** Every role holding in the project with its confirmation. */
  holdings: z.array(roleAcknowledgementSchema),
  confirmed: z.number().int(),
  total: z.number().int(),
  mine: z.array(roleToConfirmSchema),
});
export type AcknowledgementOverview = z.infer<typeof acknowledgementOverviewSchema>;

/** For Mina uppgifter: each project under way where the viewer has roles still to confirm. */
export const myRolesToConfirmSchema = z.object({
  projects: z.array(
    z.object({
      project: z.object({ id: z.string(), name: z.string(), customerName: z.string() }),
      roles: z.array(roleToConfirmSchema),
    }),
  ),
});
export type MyRolesToConfirm = z.infer<typeof myRolesToConfirmSchema>;

export const acknowledgeBodySchema = z.object({
  roleKey: z.string().min(1),
  /** The text read, so that a text changed meanwhile is not confirmed unread. */
  responsibility: z.string().min(1),
});

export const roleTextBodySchema = z.object({
  responsibility: z.string().trim().min(10, 'Beskriv rollens ansvar').max(4000, 'Högst 4000 tecken'),
  version: z.number().int().min(0),
});

export const roleTextParamsSchema = z.object({ id: z.uuid(), roleKey: z.string().min(1) });

/** A role's responsibility text as the project words it; version 0 while the template's text applies. */
export const roleTextSchema = z.object({
  roleKey: z.string(),
  responsibility: z.string(),
  version: z.number().int(),
});
export type RoleText = z.infer<typeof roleTextSchema>;
