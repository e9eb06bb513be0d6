import type { z } from 'zod';
import { ApiError } from './client.js';

/** Field-level messages from a shared zod schema, keyed like the API's `fields`. */
export function fieldErrors(schema: z.ZodType, values: unknown): Record<string, string> {
  const result = schema.safeParse(values);
  if (result.success) return {};
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) fields[issue.path.join('.')] ??= issue.message;
  return fields;
}

/** The server's field messages, or an empty object when the error is not about fields. */
export const serverFieldErrors = (error: unknown): Record<string, string> =>
  error instanceof ApiError ? error.fields : {};
