import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { $ZodType } from 'zod/v4/core';

/**
 * The request validator: the zod schemas of `src/shared/` as fastify-type-provider-zod checks them,
 * and in a body no field the schema does not name. zod drops such fields silently, so a client that
 * misspells one (or guesses at one it may not set) would be told nothing; here it is told which.
 * Schemas stay as they are written (open objects): the rule is applied once here, not per schema.
 */

export const UNKNOWN_FIELD_MESSAGE = 'Okänt fält';

// What fastify-type-provider-zod marks its validation entries with; the error handler recognises it.
const zodValidationEntry = Symbol.for('ZodFastifySchemaValidationError');

interface Def {
  type: string;
  shape?: Record<string, $ZodType>;
  catchall?: $ZodType;
  innerType?: $ZodType;
  in?: $ZodType;
  element?: $ZodType;
  options?: $ZodType[];
  left?: $ZodType;
  right?: $ZodType;
  valueType?: $ZodType;
  items?: $ZodType[];
  getter?: () => $ZodType;
}

const defOf = (schema: $ZodType): Def => schema._zod.def as unknown as Def;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Wrappers whose inner schema sees the same input. */
function unwrapped(schema: $ZodType): $ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else if (def.type === 'lazy' && def.getter) current = def.getter();
    else return current;
  }
}

/** The fields an object schema (or an intersection of them) names, or null when any field is allowed. */
function namedFields(schema: $ZodType): Record<string, $ZodType> | null {
  const def = defOf(unwrapped(schema));
  if (def.type === 'object') return def.catchall ? null : { ...def.shape };
  if (def.type === 'intersection' && def.left && def.right) {
    const left = namedFields(def.left);
    const right = namedFields(def.right);
    return left && right ? { ...left, ...right } : null;
  }
  return null;
}

/** Walks a value that passed `schema` and collects the paths of fields no schema names. */
function collectUnknown(schema: $ZodType, value: unknown, path: string[], found: string[][]): void {
  const inner = unwrapped(schema);
  const def = defOf(inner);
  if ((def.type === 'object' || def.type === 'intersection') && isPlainObject(value)) {
    const fields = namedFields(inner);
    if (!fields) return;
    for (const [key, fieldValue] of Object.entries(value)) {
      const field = Object.hasOwn(fields, key) ? fields[key] : undefined;
      if (!field) found.push([...path, key]);
      else collectUnknown(field, fieldValue, [...path, key], found);
    }
  } else if (def.type === 'array' && def.element && Array.isArray(value)) {
    const element = def.element;
    for (const [index, item] of value.entries()) collectUnknown(element, item, [...path, String(index)], found);
  } else if (def.type === 'tuple' && def.items && Array.isArray(value)) {
    for (const [index, item] of def.items.entries())
      collectUnknown(item, value[index], [...path, String(index)], found);
  } else if (def.type === 'record' && def.valueType && isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) collectUnknown(def.valueType, item, [...path, key], found);
  } else if (def.type === 'union' && def.options) {
    // The option the value passed, as zod chose it: the first that accepts it.
    const option = def.options.find((candidate) => isValid(candidate, value));
    if (option) collectUnknown(option, value, path, found);
  }
}

function isValid(schema: $ZodType, value: unknown): boolean {
  const result = schema['~standard'].validate(value);
  return !(result instanceof Promise) && !result.issues;
}

/** The unknown fields of a value that passed `schema`, as dot-free paths. */
export function unknownFields(schema: $ZodType, value: unknown): string[][] {
  const found: string[][] = [];
  collectUnknown(schema, value, [], found);
  return found;
}

export const strictBodyValidatorCompiler: FastifySchemaCompiler<$ZodType> = (route) => {
  const validate = validatorCompiler(route);
  if (route.httpPart !== 'body') return validate;
  const schema = route.schema;
  return (data) => {
    const result = validate(data);
    if (typeof result !== 'object' || 'then' in result || result.error) return result;
    const unknown = unknownFields(schema, data);
    if (unknown.length === 0) return result;
    const error: FastifySchemaValidationError[] = unknown.map((path) => ({
      [zodValidationEntry]: true,
      keyword: 'unrecognized_keys',
      instancePath: `/${path.join('/')}`,
      schemaPath: `#/${path.join('/')}/unrecognized_keys`,
      message: UNKNOWN_FIELD_MESSAGE,
      params: {},
    }));
    return { error };
  };
};
