import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * A query built and compiled once per database, then run with new parameter values: building
 * and compiling costs about as much as running a small query on SQLite, and the hottest queries
 * (session, project access, checklist) run on every request. `build` gets placeholder values,
 * and the values given at run time replace them in the same order.
 */
export function precompiled<Row, Parameters extends unknown[]>(
  build: (db: Kysely<Database>, ...placeholders: Parameters) => Compilable<Row>,
  placeholders: Parameters,
) {
  const compiledFor = new WeakMap<Kysely<Database>, CompiledQuery<Row>>();
  return async (db: Kysely<Database>, ...values: Parameters): Promise<Row[]> => {
    let compiled = compiledFor.get(db);
    if (!compiled) {
      compiled = build(db, ...placeholders).compile();
      if (compiled.parameters.length !== values.length) {
        throw new Error(`precompiled query takes ${compiled.parameters.length} values, got ${values.length}`);
      }
      compiledFor.set(db, compiled);
    }
    return (await db.executeQuery<Row>({ ...compiled, parameters: values })).rows;
  };
}
