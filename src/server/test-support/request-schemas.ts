import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { richTextFromPlainText } from '../../shared/rich-text.js';

/**
 * The request schemas of every route, read from the app's own OpenAPI document (made from the zod
 * schemas in src/shared), so that the security tests cover a route the day it is added. Used by the
 * route × role matrix for one valid body per write and by the fuzzer for many bodies, valid and not.
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  nullable?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  default?: unknown;
}

export interface RouteSchemas {
  method: string;
  /** Fastify's pattern, `/api/projects/:id`. */
  url: string;
  body?: JsonSchema;
  query: { name: string; required: boolean; schema: JsonSchema }[];
}

interface OpenApiOperation {
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

/** Every documented route by "METHOD /pattern", with its references resolved. */
export async function routeSchemas(app: FastifyInstance): Promise<Map<string, RouteSchemas>> {
  const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, OpenApiOperation>>;
    components?: { schemas?: Record<string, JsonSchema> };
  };
  const components = document.components?.schemas ?? {};
  const resolve = (schema: JsonSchema, depth = 0): JsonSchema => resolveReferences(schema, components, depth);
  const routes = new Map<string, RouteSchemas>();
  for (const [path, operations] of Object.entries(document.paths)) {
    const url = path.replace(/\{(\w+)\}/g, ':$1');
    for (const [method, operation] of Object.entries(operations)) {
      const body = operation.requestBody?.content['application/json']?.schema;
      routes.set(`${method.toUpperCase()} ${url}`, {
        method: method.toUpperCase(),
        url,
        body: body ? resolve(body) : undefined,
        query: (operation.parameters ?? [])
          .filter((parameter) => parameter.in === 'query')
          .map((parameter) => ({
            name: parameter.name,
            required: parameter.required === true,
            schema: resolve(parameter.schema),
          })),
      });
    }
  }
  return routes;
}

/** A reference the document cannot resolve: formatted text, the one shared schema of the API. */
const RICH_TEXT = '#rich-text';

function resolveReferences(schema: JsonSchema, components: Record<string, JsonSchema>, depth: number): JsonSchema {
  if (depth > 12) return {};
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = components[name];
    // Formatted text is recursive (lists in lists); it is generated as a whole instead.
    if (!target || name.startsWith('RichText')) return { $ref: RICH_TEXT };
    return resolveReferences(target, components, depth + 1);
  }
  const next = (child: JsonSchema) => resolveReferences(child, components, depth + 1);
  const resolved: JsonSchema = { ...schema };
  if (schema.properties) {
    resolved.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([key, child]) => [key, next(child)]),
    );
  }
  if (schema.items) resolved.items = next(schema.items);
  if (typeof schema.additionalProperties === 'object')
    resolved.additionalProperties = next(schema.additionalProperties);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    if (schema[key]) resolved[key] = schema[key].map(next);
  }
  return resolved;
}

const DATE = /\\d\{4\}/;
const UUID = /\[0-9a-fA-F\]\{8\}/;

function typesOf(schema: JsonSchema): string[] {
  if (schema.type) return [schema.type].flat();
  if (schema.properties) return ['object'];
  return [];
}

/**
 * One small valid value: the required fields only, nulls where allowed, the first of each choice.
 * `hints` gives values by property name (the ids of things the test built).
 */
export function exampleOf(schema: JsonSchema, hints: Record<string, unknown> = {}, name = ''): unknown {
  if (name in hints) return hints[name];
  if (schema.$ref === RICH_TEXT) return richTextFromPlainText('Text från testet');
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.nullable) return null;
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) {
    const nonNull = choices.filter((choice) => !typesOf(choice).includes('null'));
    if (nonNull.length < choices.length) return null;
    return exampleOf(nonNull[0], hints, name);
  }
  if (schema.allOf) {
    const parts = schema.allOf.map((part) => exampleOf(part, hints, name));
    return parts.every((part) => part !== null && typeof part === 'object' && !Array.isArray(part))
      ? Object.assign({}, ...parts)
      : parts[0];
  }
  const types = typesOf(schema);
  if (types.includes('null')) return null;
  switch (types[0]) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const key of schema.required ?? []) value[key] = exampleOf(schema.properties?.[key] ?? {}, hints, key);
      return value;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => exampleOf(schema.items ?? {}, hints, name));
    case 'integer':
    case 'number': {
      const minimum = typeof schema.minimum === 'number' ? schema.minimum : 1;
      return Math.min(Math.max(minimum, 1), schema.maximum ?? Number.MAX_SAFE_INTEGER);
    }
    case 'boolean':
      return true;
    case 'string':
      return exampleString(schema);
    default:
      return 'text';
  }
}

function exampleString(schema: JsonSchema): string {
  if (schema.format === 'date' || (schema.pattern && DATE.test(schema.pattern) && schema.pattern.includes('-02-29'))) {
    return '2027-03-15';
  }
  if (schema.format === 'uuid' || (schema.pattern && UUID.test(schema.pattern)))
    return '7c2d1f4e-0b1a-4c3d-9e8f-0123456789ab';
  if (schema.format === 'email') return 'someone@exempel.se';
  if (schema.format === 'date-time') return '2027-03-15T09:00:00.000Z';
  if (schema.format === 'uri') return 'https://exempel.se/';
  if (schema.pattern) return fc.sample(fc.stringMatching(new RegExp(schema.pattern)), { numRuns: 1, seed: 17 })[0];
  const text = 'Text från testet';
  const minimum = schema.minLength ?? 0;
  const padded = text.length >= minimum ? text : text.padEnd(minimum, 'x');
  return padded.slice(0, schema.maxLength ?? padded.length);
}

/** Strings an attacker tries: injections, paths, control and combining characters, long ones. */
export const HOSTILE_STRINGS = [
  "' OR 1=1 --",
  "'; DROP TABLE users; --",
  '" UNION SELECT password_hash FROM users --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  'file:///etc/passwd',
  '%00',
  '\u0000',
  '\uFEFF\u202E\u200B',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🧨 Åsa Öberg',
  'a\u0301\u0301\u0301\u0301',
  '=HYPERLINK("http://evil")',
  '{{7*7}} <%= 7*7 %>',
  '__proto__',
  'constructor',
  ' ',
  '',
  'x'.repeat(10_000),
  '9'.repeat(400),
  '-1',
  'NaN',
  'null',
  '2027-02-30',
  '0000-00-00',
  '00000000-0000-0000-0000-000000000000',
];

const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 53, -(2 ** 63), Number.MAX_VALUE, [], {}, [null], { a: 1 }),
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ maxLength: 40 }),
  fc.integer(),
);

/**
 * Values for a schema, mostly valid but often not: every field may take a hostile string, a wrong
 * type, a boundary length or number, or go missing, and objects may carry fields nobody asked for.
 */
export function arbitraryOf(schema: JsonSchema, hints: Record<string, unknown> = {}, name = ''): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: validish(schema, hints, name), weight: 6 },
    { arbitrary: anyJson, weight: 1 },
    { arbitrary: fc.constant(exampleOf(schema, hints, name)), weight: 1 },
  );
}

function validish(schema: JsonSchema, hints: Record<string, unknown>, name: string): fc.Arbitrary<unknown> {
  if (name in hints) return fc.constantFrom(hints[name], '00000000-0000-4000-8000-000000000000');
  if (schema.$ref === RICH_TEXT) {
    return fc.oneof(
      fc.string({ maxLength: 200 }).map((text) => richTextFromPlainText(text)),
      fc.constantFrom(...HOSTILE_STRINGS).map((text) => richTextFromPlainText(text)),
      fc.constant({ type: 'doc', content: [{ type: 'script', text: 'alert(1)' }] }),
      fc.constant({
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }],
          },
        ],
      }),
    );
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum, 'inte-ett-val');
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return fc.oneof(...choices.map((choice) => validish(choice, hints, name)));
  if (schema.allOf) {
    return fc
      .tuple(...schema.allOf.map((part) => validish(part, hints, name)))
      .map((parts) =>
        parts.every((part) => part !== null && typeof part === 'object' && !Array.isArray(part))
          ? Object.assign({}, ...parts)
          : parts[0],
      );
  }
  const types = typesOf(schema);
  const base = (() => {
    switch (types.find((type) => type !== 'null')) {
      case 'object':
        return objectArbitrary(schema, hints);
      case 'array':
        return fc.array(arbitraryOf(schema.items ?? {}, hints, name), {
          maxLength: Math.min(schema.maxItems ?? 4, 4) + 1,
        });
      case 'integer':
      case 'number':
        return numberArbitrary(schema, types[0] === 'integer');
      case 'boolean':
        return fc.boolean();
      case 'string':
        return stringArbitrary(schema);
      default:
        return anyJson;
    }
  })();
  return schema.nullable || types.includes('null') ? fc.option(base, { nil: null, freq: 5 }) : base;
}

function objectArbitrary(schema: JsonSchema, hints: Record<string, unknown>): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const fields = fc.record(
    Object.fromEntries(Object.entries(properties).map(([key, child]) => [key, arbitraryOf(child, hints, key)])),
    { requiredKeys: [] },
  );
  return fc
    .tuple(
      fields,
      // A required field mostly there; now and then gone.
      fc.array(fc.constantFrom(...(required.size ? [...required] : ['-'])), { maxLength: 1 }),
      fc.option(fc.dictionary(fc.constantFrom('extra', '__proto__', 'id', 'userId', 'customerId', 'role'), anyJson), {
        freq: 4,
      }),
    )
    .map(([value, dropped, extra]) => {
      const result: Record<string, unknown> = {};
      for (const key of Object.keys(properties)) {
        if (key in value) result[key] = (value as Record<string, unknown>)[key];
        else if (required.has(key) && !dropped.includes(key)) result[key] = exampleOf(properties[key], hints, key);
      }
      if (extra)
        for (const [key, item] of Object.entries(extra))
          Object.defineProperty(result, key, { value: item, enumerable: true });
      return result;
    });
}

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<unknown> {
  const minimum = typeof schema.minimum === 'number' ? schema.minimum : -1_000_000;
  const maximum = typeof schema.maximum === 'number' ? schema.maximum : 1_000_000;
  const boundaries = [minimum, maximum, minimum - 1, maximum + 1, 0, -1, 0.5, 1e308].filter(Number.isFinite);
  const inside = integer
    ? fc.integer({ min: Math.max(minimum, -(2 ** 31)), max: Math.min(maximum, 2 ** 31) })
    : fc.double({ min: Math.max(minimum, -1e9), max: Math.min(maximum, 1e9), noNaN: true });
  return fc.oneof(inside, fc.constantFrom(...boundaries));
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<unknown> {
  const example = exampleString(schema);
  const maximum = schema.maxLength ?? 200;
  const lengths = [schema.minLength ?? 0, Math.max((schema.minLength ?? 0) - 1, 0), maximum, maximum + 1];
  return fc.oneof(
    { arbitrary: fc.constant(example), weight: 3 },
    {
      arbitrary: schema.pattern
        ? fc.stringMatching(new RegExp(schema.pattern))
        : fc.string({ unit: 'grapheme', minLength: schema.minLength ?? 0, maxLength: Math.min(maximum, 80) }),
      weight: 3,
    },
    { arbitrary: fc.constantFrom(...lengths).map((length) => 'å'.repeat(length)), weight: 1 },
    { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 2 },
  );
}
