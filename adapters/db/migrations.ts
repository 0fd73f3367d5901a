import { type Kysely, type Migration } from 'kysely';

/**
 * The one list of migrations, run in order on SQLite and PostgreSQL alike. A migration is never
 * edited once released: a change of schema is a new entry. Only portable column types (`text`,
 * `integer`) and plain indexes are used, so the same statements mean the same on both.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-operator-records-and-audit': {
    async up(db: Kysely<unknown>) {
      for (const table of ['calendar_revisions', 'mci_records', 'legal_amendments'] as const) {
        let create = db.schema
          .createTable(table)
          .addColumn('record_key', 'text', (c) => c.primaryKey())
          .addColumn('position', 'integer', (c) => c.notNull().unique())
          .addColumn('recorded_at', 'text', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull());
        if (table === 'legal_amendments') create = create.addColumn('notice_process_instance_key', 'text');
        await create.execute();
      }
      await db.schema
        .createTable('audit_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('application_number', 'text')
        .addColumn('task_key', 'text')
        .addColumn('document_id', 'text')
        .addColumn('ip', 'text')
        .addColumn('detail', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_events_by_at').on('audit_events').columns(['at', 'id']).execute();
      await db.schema
        .createIndex('audit_events_by_application')
        .on('audit_events')
        .columns(['application_number', 'at'])
        .execute();
      await db.schema
        .createIndex('audit_events_by_user')
        .on('audit_events')
        .columns(['user_id', 'at'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['audit_events', 'legal_amendments', 'mci_records', 'calendar_revisions'])
        await db.schema.dropTable(table).execute();
    },
  },
};
