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

/** The keys of `Values` whose values are text, which a text input can edit. */
type TextKey<Values> = { [Key in keyof Values]: Values[Key] extends string ? Key : never }[keyof Values] & string;

/**
 * A form checked by the same zod schema the API uses: field messages appear before anything is
 * sent, and the server's field messages land on the same fields (a list's `schoolForms.0` on
 * `schoolForms`).
 */
export function useSchemaForm<Values extends Record<string, unknown>>(schema: z.ZodType, initial: Values) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const check = (body: unknown): boolean => {
    const found = fieldErrors(schema, body);
    setErrors(found);
    return Object.keys(found).length === 0;
  };
  return {
    values,
    errors,
    set: <Name extends keyof Values>(name: Name, value: Values[Name]) =>
      setValues((current) => ({ ...current, [name]: value })),
    /** Props for a text input or text area bound to a text field. */
    field: (name: TextKey<Values>) => ({
      value: values[name] as string,
      error: errors[name],
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
        const value = event.currentTarget.value;
        setValues((current) => ({ ...current, [name]: value }));
      },
    }),
    /** Checks `body` (the values as they will be sent); true when it may be sent. */
    check,
    /** A submit handler that sends the values when they pass the schema. */
    onSubmit: (send: (values: Values) => void) => (event: FormEvent) => {
      event.preventDefault();
      if (check(values)) send(values);
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

/** Whether an error is about particular fields (shown at them) rather than the whole form. */
export const hasFieldErrors = (error: unknown): boolean =>
  error instanceof ApiError && Object.keys(error.fields).length > 0;
