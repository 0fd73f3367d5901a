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
    listStarting: () => startingStmt.all().map(fromRow),
    list: () => allStmt.all().map(fromRow),
    close: () => db.close(),
  };
}
