import { useState } from 'react';
import type { z } from 'zod';
import { ApiError } from '../api/client.js';
import { fieldErrors } from '../api/forms.js';

/**
 * Form state for values that are not all strings (a school's forms are a list): checked by the
 * shared zod schema before anything is sent, with the server's field messages on the same fields.
 */
export function useFieldsForm<Values extends Record<string, unknown>>(schema: z.ZodType, initial: Values) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  return {
    values,
    errors,
    set: <Name extends keyof Values>(name: Name, value: Values[Name]) =>
      setValues((current) => ({ ...current, [name]: value })),
    /** Checks `body` (the values as they will be sent); true when it may be sent. */
    check: (body: unknown): boolean => {
      const found = fieldErrors(schema, body);
      setErrors(found);
      return Object.keys(found).length === 0;
    },
    showServerErrors: (error: unknown) => {
      const fields: Record<string, string> = {};
      if (error instanceof ApiError) {
        for (const [path, message] of Object.entries(error.fields)) fields[path.split('.')[0]] ??= message;
      }
      setErrors(fields);
    },
    reset: (to: Values = initial) => {
      setValues(to);
      setErrors({});
    },
  };
}
