import type { Kysely } from 'kysely';
import type { Database, TemplatesTable } from '../db/schema.js';

export type TemplateRow = TemplatesTable;

export const templateRepository = {
  list(db: Kysely<Database>): Promise<TemplateRow[]> {
    return db.selectFrom('templates').selectAll().orderBy('key').orderBy('version', 'desc').execute();
  },

  findById(db: Kysely<Database>, id: string): Promise<TemplateRow | undefined> {
    return db.selectFrom('templates').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** What names a template version, without its content (tens of kilobytes). */
  findRefById(db: Kysely<Database>, id: string) {
    return db.selectFrom('templates').select(['id', 'key', 'version', 'name']).where('id', '=', id).executeTakeFirst();
  },

  findNewestDefaultId(db: Kysely<Database>) {
    return db
      .selectFrom('templates')
      .select('id')
      .where('is_default', '=', 1)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  findByKeyAndVersion(db: Kysely<Database>, key: string, version: number): Promise<TemplateRow | undefined> {
    return db
      .selectFrom('templates')
      .selectAll()
      .where('key', '=', key)
      .where('version', '=', version)
      .executeTakeFirst();
  },

  findNewestDefault(db: Kysely<Database>): Promise<TemplateRow | undefined> {
    return db
      .selectFrom('templates')
      .selectAll()
      .where('is_default', '=', 1)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  async insert(db: Kysely<Database>, row: TemplateRow): Promise<void> {
    await db.transaction().execute(async (trx) => {
      if (row.is_default) {
        // Another instance may be inserting the same version at once: never unset that one.
        await trx
          .updateTable('templates')
          .set({ is_default: 0 })
          .where('is_default', '=', 1)
          .where((eb) => eb.or([eb('key', '!=', row.key), eb('version', '!=', row.version)]))
          .execute();
      }
      await trx
        .insertInto('templates')
        .values(row)
        .onConflict((oc) => oc.columns(['key', 'version']).doNothing())
        .execute();
    });
  },
};
