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
  markStarted(applicationNumber: string, processInstanceKey: string): void;
  listByBin(bin: string): ApplicationRecord[];
  /** One page of an applicant's applications, newest first, and how many there are in all. */
  pageByBin(
    bin: string,
    page: { offset: number; limit: number; serviceId?: string; number?: string },
  ): { items: ApplicationRecord[]; total: number };
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
  CREATE INDEX IF NOT EXISTS applications_by_bin ON applications (applicant_bin);`);

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
  const allStmt = db.prepare<[], Row>('SELECT * FROM applications ORDER BY received_at DESC');
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
    list: () => allStmt.all().map(fromRow),
    close: () => db.close(),
  };
}
