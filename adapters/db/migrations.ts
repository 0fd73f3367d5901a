import { sql, type Kysely, type Migration } from 'kysely';

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
  '0002-applications': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('applications')
        .addColumn('application_number', 'text', (c) => c.primaryKey())
        .addColumn('service_id', 'text', (c) => c.notNull())
        .addColumn('request_kind', 'text', (c) => c.notNull())
        .addColumn('applicant_bin', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('registered_on', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('starting', 'started')`))
        .addColumn('process_instance_key', 'text')
        .addColumn('idempotency_key', 'text')
        .execute();
      await db.schema
        .createIndex('applications_by_bin')
        .on('applications')
        .columns(['applicant_bin', 'received_at'])
        .execute();
      // One application per applicant and idempotency key, whichever replica receives the repeat.
      await db.schema
        .createIndex('applications_by_idempotency_key')
        .on('applications')
        .columns(['applicant_bin', 'idempotency_key'])
        .unique()
        .where(sql.ref('idempotency_key'), 'is not', null)
        .execute();
      await db.schema
        .createIndex('applications_starting')
        .on('applications')
        .columns(['state', 'received_at'])
        .execute();
      await db.schema
        .createTable('number_sequences')
        .addColumn('prefix', 'text', (c) => c.primaryKey())
        .addColumn('last', 'integer', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('number_sequences').execute();
      await db.schema.dropTable('applications').execute();
    },
  },
  '0003-web-app-state': {
    async up(db: Kysely<unknown>) {
      // What a clerk typed into a task's form, per person and task.
      await db.schema
        .createTable('task_drafts')
        .addColumn('user_task_key', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('saved_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('task_drafts_pk', ['user_task_key', 'user_id'])
        .execute();
      // Operators' actions on running applications, with their reasons. Append-only.
      await db.schema
        .createTable('operator_actions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('process_instance_key', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('entry', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('operator_actions_by_instance')
        .on('operator_actions')
        .columns(['process_instance_key', 'id'])
        .execute();
      // The designer's saves; the latest per file is its draft.
      await db.schema
        .createTable('designer_drafts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('saved_by', 'text', (c) => c.notNull())
        .addColumn('saved_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('designer_drafts_by_name')
        .on('designer_drafts')
        .columns(['kind', 'name', 'id'])
        .execute();
      // Staff and applicant sessions under an HMAC of the cookie's id, and sign-ins under way.
      await db.schema
        .createTable('web_sessions')
        .addColumn('session_key', 'text', (c) => c.primaryKey())
        .addColumn('identity', 'text', (c) => c.notNull())
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('id_token', 'text')
        .execute();
      await db.schema
        .createIndex('web_sessions_by_last_seen')
        .on('web_sessions')
        .columns(['last_seen_at'])
        .execute();
      await db.schema
        .createTable('pending_logins')
        .addColumn('login_key', 'text', (c) => c.primaryKey())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('nonce', 'text', (c) => c.notNull())
        .addColumn('code_verifier', 'text', (c) => c.notNull())
        .addColumn('return_to', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of [
        'pending_logins',
        'web_sessions',
        'designer_drafts',
        'operator_actions',
        'task_drafts',
      ])
        await db.schema.dropTable(table).execute();
    },
  },
  '0004-files-and-eds-challenges': {
    async up(db: Kysely<unknown>) {
      // Applicants' attachments: the bytes are in the object storage under `storage_key`.
      await db.schema
        .createTable('attachments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('application_number', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text')
        .addColumn('storage_key', 'text', (c) => c.notNull().unique())
        .addColumn('uploaded_by', 'text')
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('attachments_by_application')
        .on('attachments')
        .columns(['application_number', 'received_at'])
        .execute();
      // Generated documents (notices, permits, licences, refusals); signed results are kept apart.
      await db.schema
        .createTable('documents')
        .addColumn('document_id', 'text', (c) => c.primaryKey())
        .addColumn('application_number', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('storage_key', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('facts_digest', 'text', (c) => c.notNull())
        .addColumn('stamp', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('documents_by_application')
        .on('documents')
        .columns(['application_number', 'kind', 'seq'])
        .execute();
      // Sign-in challenges issued by any replica, each taken once before it expires.
      await db.schema
        .createTable('eds_challenges')
        .addColumn('challenge_key', 'text', (c) => c.primaryKey())
        .addColumn('issued_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('eds_challenges_by_expiry')
        .on('eds_challenges')
        .columns(['expires_at'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['eds_challenges', 'documents', 'attachments'])
        await db.schema.dropTable(table).execute();
    },
  },
  '0005-signed-documents': {
    async up(db: Kysely<unknown>) {
      // The head's signed result of a generated document: one row per document (the primary key
      // refuses a second signature, whichever replica tries), its PDF in the object storage under
      // `storage_key`. `document_id` is the `documents` row's id; no declared foreign key, because
      // SQLite enforces none without a per-connection pragma and the same statement must mean the
      // same on both databases.
      await db.schema
        .createTable('signed_documents')
        .addColumn('document_id', 'text', (c) => c.primaryKey())
        .addColumn('application_number', 'text', (c) => c.notNull())
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('signer_iin', 'text', (c) => c.notNull())
        .addColumn('signer_name', 'text', (c) => c.notNull())
        .addColumn('signer_organization', 'text')
        .addColumn('signing_time', 'text', (c) => c.notNull())
        .addColumn('certificate_serial', 'text', (c) => c.notNull())
        .addColumn('certificate_subject', 'text', (c) => c.notNull())
        .addColumn('certificate_issuer', 'text', (c) => c.notNull())
        .addColumn('certificate_not_after', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('storage_key', 'text', (c) => c.notNull().unique())
        .addColumn('signed_by', 'text', (c) => c.notNull())
        .execute();
      // The public verification page looks a document up by its register number or its digest.
      await db.schema
        .createIndex('signed_documents_by_number')
        .on('signed_documents')
        .columns(['number'])
        .execute();
      await db.schema
        .createIndex('signed_documents_by_sha256')
        .on('signed_documents')
        .columns(['sha256'])
        .execute();
      await db.schema
        .createIndex('signed_documents_by_application')
        .on('signed_documents')
        .columns(['application_number'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('signed_documents').execute();
    },
  },
  '0006-result-signature-preparations': {
    async up(db: Kysely<unknown>) {
      // A result laid out for the head's signature and waiting for NCALayer, one per task (a new
      // preparation replaces it), so that any replica receives the signature: `documents` is JSON
      // text with each PDF (with its signature placeholder) and the bytes to be signed in base64.
      await db.schema
        .createTable('result_signature_preparations')
        .addColumn('task_key', 'text', (c) => c.primaryKey())
        .addColumn('preparation_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('iin', 'text', (c) => c.notNull())
        .addColumn('certificate_pem', 'text', (c) => c.notNull())
        .addColumn('prepared_at', 'text', (c) => c.notNull())
        .addColumn('documents', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('result_signature_preparations_by_prepared_at')
        .on('result_signature_preparations')
        .columns(['prepared_at'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('result_signature_preparations').execute();
    },
  },
  '0007-request-signatures': {
    async up(db: Kysely<unknown>) {
      // The applicant's signed e-requests (the application and every later message), one row per
      // signature under the SHA-256 of its CMS, so a repeated submission records it once.
      await db.schema
        .createTable('request_signatures')
        .addColumn('signature_key', 'text', (c) => c.primaryKey())
        .addColumn('application_number', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('request_signatures_by_application')
        .on('request_signatures')
        .columns(['application_number', 'received_at'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('request_signatures').execute();
    },
  },
};
