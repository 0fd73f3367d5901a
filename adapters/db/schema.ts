/**
 * The application's own state, one schema for SQLite (embedded) and PostgreSQL (production).
 * Only portable column types: text, integer; instants are ISO-8601 text, structured values JSON
 * text, so both dialects store and return exactly the same values.
 */
export interface AppSchema {
  /** Operator revisions of the working-day calendar, in the order recorded (`position`). */
  calendar_revisions: OperatorRecordTable;
  /** Monthly calculation index values recorded for years after the shipped data (`record_key` = year). */
  mci_records: OperatorRecordTable;
  /** Legal amendments of the Rules, each with the rules-change notice started for it. */
  legal_amendments: OperatorRecordTable & { notice_process_instance_key: string | null };
  /** Who did what, when, from where. Append-only. */
  audit_events: AuditEventTable;
  /** Portal and office applications: the idempotency record of each number. */
  applications: ApplicationTable;
  /** The last number issued per register prefix (`SEC-2026`). */
  number_sequences: { prefix: string; last: number };
}

export interface ApplicationTable {
  application_number: string;
  service_id: string;
  request_kind: string;
  applicant_bin: string;
  payload: string;
  received_at: string;
  registered_on: string;
  state: 'starting' | 'started';
  process_instance_key: string | null;
  idempotency_key: string | null;
}

/** An append-only operator record: validated JSON in `body`, ordered by `position`. */
export interface OperatorRecordTable {
  record_key: string;
  position: number;
  recorded_at: string;
  body: string;
}

export interface AuditEventTable {
  id: string;
  at: string;
  user_id: string;
  role: string;
  action: string;
  application_number: string | null;
  task_key: string | null;
  document_id: string | null;
  ip: string | null;
  detail: string;
}
