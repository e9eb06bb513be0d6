import { z } from 'zod';

/** Stable error codes: clients branch on these, never on messages. */
export const errorCodes = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'CSRF_FAILED',
  'NOT_FOUND',
  'CONFLICT',
  'VERSION_CONFLICT',
  'RATE_LIMITED',
  'SETUP_ALREADY_DONE',
  /** A mailed link whose time has run out. */
  'TOKEN_EXPIRED',
  /** A mailed link that has already been used once. */
  'TOKEN_USED',
  /** The project is closed: its plan no longer changes, only the goal follow-up and the follow-up meeting. */
  'PROJECT_CLOSED',
  'INTERNAL',
  /** The instance cannot serve yet: its database does not answer or lacks migrations (`GET /api/ready`). */
  'NOT_READY',
  /** An uploaded zip or Excel file that would inflate beyond the caps (a zip bomb): refused before it is expanded. */
  'UNPACKED_TOO_LARGE',
  /** A sign-in whose user must add a second factor: until one is added, nothing else answers. */
  'TWO_FACTOR_ENROLMENT_REQUIRED',
  /** A wrong or already used second-factor code, or a passkey that did not check out. */
  'INVALID_SECOND_FACTOR',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    /** Field path (dot-separated) → what is wrong with it. */
    fields: z.record(z.string(), z.string()).optional(),
    /** On server errors (5xx) only: the request's id, as in the log and the `x-request-id` header, for a user to report. */
    requestId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
