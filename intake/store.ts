import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** One portal application as intake keeps it: the idempotency record for its number. */
export interface ApplicationRecord {
  applicationNumber: string;
  serviceId: string;
  requestKind: string;
  applicantBin: string;
  /** The validated e-request as JSON text; compared on a repeat to refuse a different payload. */
  payload: string;
  receivedAt: string;
  registeredOn: string;
  /** 'starting' is written before the process is started, so a crash midway is resumable. */
  state: 'starting' | 'started';
  processInstanceKey: string | null;
}

export interface ApplicationStore {
  get(applicationNumber: string): ApplicationRecord | undefined;
  /** Inserts unless the number exists; returns the stored record either way. */
  insertIfAbsent(record: ApplicationRecord): { record: ApplicationRecord; inserted: boolean };
  /**
   * Registers an application under the next free number `<prefix>-NNNNNN` (the register issues
   * numbers, never the applicant). With an idempotency key already used by the same applicant,
   * registers nothing and returns that application.
   */
  insertWithNewNumber(
    record: Omit<ApplicationRecord, 'applicationNumber' | 'payload'>,
    prefix: string,
    payloadFor: (applicationNumber: string) => string,
    idempotencyKey?: string,
  ): { record: ApplicationRecord; inserted: boolean };
  /** The application an applicant registered with this idempotency key, if any. */
  getByIdempotencyKey(applicantBin: string, idempotencyKey: string): ApplicationRecord | undefined;
  markStarted(applicationNumber: string, processInstanceKey: string): void;
  listByBin(bin: string): ApplicationRecord[];
  /** One page of an applicant's applications, newest first, and how many there are in all. */
  pageByBin(
    bin: string,
    page: { offset: number; limit: number; serviceId?: string; number?: string },
  ): { items: ApplicationRecord[]; total: number };
  /** Applications registered whose process is not started yet (the engine was unreachable), oldest first. */
  listStarting(): ApplicationRecord[];
  list(): ApplicationRecord[];
  close(): void;
}

interface Row {
  application_number: string;
  service_id: string;
  request_kind: string;
  applicant_bin: string;
  payload: string;
  received_at: string;
  registered_on: string;
  state: 'starting' | 'started';
  process_instance_key: string | null;
}

const fromRow = (r: Row): ApplicationRecord => ({
  applicationNumber: r.application_number,
  serviceId: r.service_id,
  requestKind: r.request_kind,
  applicantBin: r.applicant_bin,
  payload: r.payload,
  receivedAt: r.received_at,
  registeredOn: r.registered_on,
  state: r.state,
  processInstanceKey: r.process_instance_key,
});

/** SQLite store in `<dataDir>/applications.sqlite` (or in memory for `:memory:`). */
export function createApplicationStore(dataDir: string | ':memory:'): ApplicationStore {
  let file = ':memory:';
  if (dataDir !== ':memory:') {
    mkdirSync(dataDir, { recursive: true });
    file = path.join(dataDir, 'applications.sqlite');
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE IF NOT EXISTS applications (
    application_number TEXT PRIMARY KEY,
    service_id TEXT NOT NULL,
    request_kind TEXT NOT NULL,
    applicant_bin TEXT NOT NULL,
    payload TEXT NOT NULL,
    received_at TEXT NOT NULL,
    registered_on TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('starting', 'started')),
    process_instance_key TEXT
  );
  CREATE INDEX IF NOT EXISTS applications_by_bin ON applications (applicant_bin);
  CREATE TABLE IF NOT EXISTS number_sequences (prefix TEXT PRIMARY KEY, last INTEGER NOT NULL);`);
  // Stores written before the register issued numbers have no idempotency keys yet.
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(applications)').all();
  if (!columns.some((c) => c.name === 'idempotency_key'))
    db.exec('ALTER TABLE applications ADD COLUMN idempotency_key TEXT');
  db.exec(`CREATE UNIQUE INDEX IF NOT EXISTS applications_by_idempotency_key
    ON applications (applicant_bin, idempotency_key) WHERE idempotency_key IS NOT NULL;
  CREATE INDEX IF NOT EXISTS applications_starting ON applications (received_at) WHERE state = 'starting';`);

  const getStmt = db.prepare<[string], Row>('SELECT * FROM applications WHERE application_number = ?');
  const insertStmt = db.prepare(`INSERT OR IGNORE INTO applications
    (application_number, service_id, request_kind, applicant_bin, payload, received_at, registered_on, state, process_instance_key)
    VALUES (@applicationNumber, @serviceId, @requestKind, @applicantBin, @payload, @receivedAt, @registeredOn, @state, @processInstanceKey)`);
  const startedStmt = db.prepare(
    "UPDATE applications SET state = 'started', process_instance_key = ? WHERE application_number = ?",
  );
  const byBinStmt = db.prepare<[string], Row>(
    'SELECT * FROM applications WHERE applicant_bin = ? ORDER BY received_at DESC',
  );
  const startingStmt = db.prepare<[], Row>(
    "SELECT * FROM applications WHERE state = 'starting' ORDER BY received_at LIMIT 100",
  );
  const allStmt = db.prepare<[], Row>('SELECT * FROM applications ORDER BY received_at DESC');
  const byKeyStmt = db.prepare<[string, string], Row>(
    'SELECT * FROM applications WHERE applicant_bin = ? AND idempotency_key = ?',
  );
  const lastSeqStmt = db.prepare<[string], { last: number }>(
    'SELECT last FROM number_sequences WHERE prefix = ?',
  );
  const setSeqStmt = db.prepare(
    'INSERT INTO number_sequences (prefix, last) VALUES (?, ?) ON CONFLICT (prefix) DO UPDATE SET last = excluded.last',
  );
  const insertKeyedStmt = db.prepare(`INSERT OR IGNORE INTO applications
    (application_number, service_id, request_kind, applicant_bin, payload, received_at, registered_on, state, process_instance_key, idempotency_key)
    VALUES (@applicationNumber, @serviceId, @requestKind, @applicantBin, @payload, @receivedAt, @registeredOn, @state, @processInstanceKey, @idempotencyKey)`);
  const insertWithNewNumber = db.transaction(
    (
      record: Omit<ApplicationRecord, 'applicationNumber' | 'payload'>,
      prefix: string,
      payloadFor: (n: string) => string,
      idempotencyKey: string | null,
    ): { record: ApplicationRecord; inserted: boolean } => {
      if (idempotencyKey) {
        const known = byKeyStmt.get(record.applicantBin, idempotencyKey);
        if (known) return { record: fromRow(known), inserted: false };
      }
      // A number taken otherwise (an office registration under its own number) is skipped.
      for (let seq = (lastSeqStmt.get(prefix)?.last ?? 0) + 1; ; seq++) {
        const applicationNumber = `${prefix}-${String(seq).padStart(6, '0')}`;
        const row = { ...record, applicationNumber, payload: payloadFor(applicationNumber), idempotencyKey };
        if (insertKeyedStmt.run(row).changes === 1) {
          setSeqStmt.run(prefix, seq);
          return { record: fromRow(getStmt.get(applicationNumber)!), inserted: true };
        }
      }
    },
  );
  const pageWhere = `applicant_bin = @bin AND (@serviceId IS NULL OR service_id = @serviceId)
    AND (@number IS NULL OR instr(application_number, @number) > 0)`;
  const pageStmt = db.prepare(
    `SELECT * FROM applications WHERE ${pageWhere} ORDER BY received_at DESC LIMIT @limit OFFSET @offset`,
  );
  const countStmt = db.prepare(`SELECT COUNT(*) AS n FROM applications WHERE ${pageWhere}`);

  return {
    get(number) {
      const row = getStmt.get(number);
      return row ? fromRow(row) : undefined;
    },
    insertIfAbsent(record) {
      const inserted = insertStmt.run(record).changes === 1;
      return { record: fromRow(getStmt.get(record.applicationNumber)!), inserted };
    },
    getByIdempotencyKey(bin, key) {
      const row = byKeyStmt.get(bin, key);
      return row ? fromRow(row) : undefined;
    },
    insertWithNewNumber: (record, prefix, payloadFor, idempotencyKey) =>
      insertWithNewNumber(record, prefix, payloadFor, idempotencyKey ?? null),
    markStarted(number, key) {
      startedStmt.run(key, number);
    },
    listByBin: (bin) => byBinStmt.all(bin).map(fromRow),
    pageByBin(bin, p) {
      const args = { bin, serviceId: p.serviceId ?? null, number: p.number ?? null };
      return {
        items: (pageStmt.all({ ...args, limit: p.limit, offset: p.offset }) as Row[]).map(fromRow),
        total: (countStmt.get(args) as { n: number }).n,
      };
    },
    listStarting: () => startingStmt.all().map(fromRow),
    list: () => allStmt.all().map(fromRow),
    close: () => db.close(),
  };
}
