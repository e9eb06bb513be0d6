import { type ChangeEvent, type FormEvent, useState } from 'react';
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

/**
 * A form checked by the same zod schema the API uses: field messages appear before anything is
 * sent, and the server's field messages land on the same fields.
 */
export function useSchemaForm<Values extends Record<string, string>>(schema: z.ZodType, initial: Values) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  return {
    values,
    field: (name: keyof Values & string) => ({
      value: values[name],
      error: errors[name],
      onChange: (event: ChangeEvent<HTMLInputElement>) => {
        const value = event.currentTarget.value;
        setValues((current) => ({ ...current, [name]: value }));
      },
    }),
    onSubmit: (send: (values: Values) => void) => (event: FormEvent) => {
      event.preventDefault();
      const found = fieldErrors(schema, values);
      setErrors(found);
      if (Object.keys(found).length === 0) send(values);
    },
    showServerErrors: (error: unknown) => setErrors(error instanceof ApiError ? error.fields : {}),
    reset: () => setValues(initial),
  };
}

/** Whether an error is about particular fields (shown at them) rather than the whole form. */
export const hasFieldErrors = (error: unknown): boolean =>
  error instanceof ApiError && Object.keys(error.fields).length > 0;
