import fastJsonStringify from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { serializerCompiler as zodCheckingSerializer } from 'fastify-type-provider-zod';
import { type ZodType, z } from 'zod';

/**
 * Responses are written from the JSON schema of their zod output schema by fast-json-stringify:
 * only the declared fields leave, and a missing required field is an error. Checking each response
 * with zod as well costs about a third of a checklist request; it is done in development and tests,
 * where a response that drifts from its schema should fail loudly.
 */
const fastSerializer: FastifySerializerCompiler<ZodType> = ({ schema }) =>
  fastJsonStringify(z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'any' }) as object);

export const responseSerializer = (checkWithZod: boolean): FastifySerializerCompiler<ZodType> =>
  checkWithZod ? (zodCheckingSerializer as FastifySerializerCompiler<ZodType>) : fastSerializer;
