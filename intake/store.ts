import { sql, type Transaction } from 'kysely';
import { guarded, openAppDatabase, type AppDatabase } from '../adapters/db/connect';
import type { AppSchema, ApplicationTable } from '../adapters/db/schema';

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

/**
 * Applications in the application database, shared by every replica of the web app: a number, an
 * idempotency key or a page of the portal reads the same whichever replica answers.
 */
export interface ApplicationStore {
  get(applicationNumber: string): Promise<ApplicationRecord | undefined>;
  /** Inserts unless the number exists; returns the stored record either way. */
  insertIfAbsent(record: ApplicationRecord): Promise<{ record: ApplicationRecord; inserted: boolean }>;
  /**
   * Registers an application under the next free number `<prefix>-NNNNNN` (the register issues
   * numbers, never the applicant). With an idempotency key already used by the same applicant,
   * registers nothing and returns that application. One transaction: a failure leaves neither a
   * number taken nor half an application.
   */
  insertWithNewNumber(
    record: Omit<ApplicationRecord, 'applicationNumber' | 'payload'>,
    prefix: string,
    payloadFor: (applicationNumber: string) => string,
    idempotencyKey?: string,
    /** More rows of the new application (its attachments), written in the same transaction. */
    within?: (trx: Transaction<AppSchema>, applicationNumber: string) => Promise<void>,
  ): Promise<{ record: ApplicationRecord; inserted: boolean }>;
  /** The application an applicant registered with this idempotency key, if any. */
  getByIdempotencyKey(applicantBin: string, idempotencyKey: string): Promise<ApplicationRecord | undefined>;
  markStarted(applicationNumber: string, processInstanceKey: string): Promise<void>;
  listByBin(bin: string): Promise<ApplicationRecord[]>;
  /** One page of an applicant's applications, newest first, and how many there are in all. */
  pageByBin(
    bin: string,
    page: { offset: number; limit: number; serviceId?: string; number?: string },
  ): Promise<{ items: ApplicationRecord[]; total: number }>;
  /** Applications registered whose process is not started yet (the engine was unreachable), oldest first. */
  listStarting(): Promise<ApplicationRecord[]>;
  list(): Promise<ApplicationRecord[]>;
  /** The database the applications are in: rows written with an application belong there too. */
  readonly database: AppDatabase;
  /** Closes the database when the store opened it (`':memory:'`); a shared one stays open. */
  close(): Promise<void>;
}

const fromRow = (r: ApplicationTable): ApplicationRecord => ({
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

const toRow = (r: ApplicationRecord, idempotencyKey: string | null): ApplicationTable => ({
  application_number: r.applicationNumber,
  service_id: r.serviceId,
  request_kind: r.requestKind,
  applicant_bin: r.applicantBin,
  payload: r.payload,
  received_at: r.receivedAt,
  registered_on: r.registeredOn,
  state: r.state,
  process_instance_key: r.processInstanceKey,
  idempotency_key: idempotencyKey,
});

/** Another request registered the same idempotency key first: its application is the answer. */
class AlreadyRegistered {
  constructor(readonly record: ApplicationRecord) {}
}

/** `%`, `_` and the escape character itself, taken literally in a LIKE pattern. */
const likeLiteral = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The applications of the application database `db`; `':memory:'` opens a private in-memory
 * SQLite database (tests), closed with the store.
 */
export function createApplicationStore(db: AppDatabase | ':memory:'): ApplicationStore {
  const owned = db === ':memory:';
  const appDb = db === ':memory:' ? openAppDatabase({ dialect: 'sqlite', file: ':memory:' }) : db;
  const run = <T>(work: () => Promise<T>) => guarded(appDb.where, work);
  const k = () => appDb.ready();

  const get = (number: string) =>
    run(async () => {
      const row = await (
        await k()
      )
        .selectFrom('applications')
        .selectAll()
        .where('application_number', '=', number)
        .executeTakeFirst();
      return row ? fromRow(row) : undefined;
    });
  const getByIdempotencyKey = (bin: string, key: string) =>
    run(async () => {
      const row = await (
        await k()
      )
        .selectFrom('applications')
        .selectAll()
        .where('applicant_bin', '=', bin)
        .where('idempotency_key', '=', key)
        .executeTakeFirst();
      return row ? fromRow(row) : undefined;
    });

  return {
    database: appDb,
    get,
    getByIdempotencyKey,
    insertIfAbsent: (record) =>
      run(async () => {
        const result = await (
          await k()
        )
          .insertInto('applications')
          .values(toRow(record, null))
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        const inserted = Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
        return { record: (await get(record.applicationNumber))!, inserted };
      }),
    insertWithNewNumber: (record, prefix, payloadFor, idempotencyKey, within) =>
      run(async () => {
        const key = idempotencyKey ?? null;
        try {
          return await (await k()).transaction().execute(async (trx) => {
            // Taking the number first makes this a writer from its first statement: concurrent
            // registrations (any replica) queue on the prefix's row instead of colliding later.
            for (;;) {
              const { last } = await trx
                .insertInto('number_sequences')
                .values({ prefix, last: 1 })
                .onConflict((oc) => oc.column('prefix').doUpdateSet({ last: sql`number_sequences.last + 1` }))
                .returning('last')
                .executeTakeFirstOrThrow();
              if (key) {
                const known = await trx
                  .selectFrom('applications')
                  .selectAll()
                  .where('applicant_bin', '=', record.applicantBin)
                  .where('idempotency_key', '=', key)
                  .executeTakeFirst();
                // Thrown so that the number taken above is given back with the rollback.
                if (known) throw new AlreadyRegistered(fromRow(known));
              }
              const applicationNumber = `${prefix}-${String(last).padStart(6, '0')}`;
              const full = { ...record, applicationNumber, payload: payloadFor(applicationNumber) };
              const result = await trx
                .insertInto('applications')
                .values(toRow(full, key))
                .onConflict((oc) => oc.doNothing())
                .executeTakeFirst();
              if (Number(result.numInsertedOrUpdatedRows ?? 0) === 1) {
                await within?.(trx, applicationNumber);
                return { record: full, inserted: true };
              }
              // Not inserted: the number was taken otherwise (an office registration under its own
              // number; the loop takes the next), or the same key was registered meanwhile.
              if (key) {
                const raced = await trx
                  .selectFrom('applications')
                  .selectAll()
                  .where('applicant_bin', '=', record.applicantBin)
                  .where('idempotency_key', '=', key)
                  .executeTakeFirst();
                if (raced) throw new AlreadyRegistered(fromRow(raced));
              }
            }
          });
        } catch (error) {
          if (error instanceof AlreadyRegistered) return { record: error.record, inserted: false };
          throw error;
        }
      }),
    markStarted: (number, processInstanceKey) =>
      run(async () => {
        await (
          await k()
        )
          .updateTable('applications')
          .set({ state: 'started', process_instance_key: processInstanceKey })
          .where('application_number', '=', number)
          .execute();
      }),
    listByBin: (bin) =>
      run(async () =>
        (
          await (
            await k()
          )
            .selectFrom('applications')
            .selectAll()
            .where('applicant_bin', '=', bin)
            .orderBy('received_at', 'desc')
            .execute()
        ).map(fromRow),
      ),
    pageByBin: (bin, p) =>
      run(async () => {
        const db = await k();
        let where = db.selectFrom('applications').where('applicant_bin', '=', bin);
        if (p.serviceId) where = where.where('service_id', '=', p.serviceId);
        // Register numbers are upper case: a number typed in lower case finds its application.
        if (p.number)
          where = where.where(
            sql<boolean>`application_number like ${`%${likeLiteral(p.number.toUpperCase())}%`} escape '\\'`,
          );
        const [items, count] = await Promise.all([
          where.selectAll().orderBy('received_at', 'desc').limit(p.limit).offset(p.offset).execute(),
          where.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
        ]);
        return { items: items.map(fromRow), total: Number(count.n) };
      }),
    listStarting: () =>
      run(async () =>
        (
          await (
            await k()
          )
            .selectFrom('applications')
            .selectAll()
            .where('state', '=', 'starting')
            .orderBy('received_at')
            .limit(100)
            .execute()
        ).map(fromRow),
      ),
    list: () =>
      run(async () =>
        (
          await (await k()).selectFrom('applications').selectAll().orderBy('received_at', 'desc').execute()
        ).map(fromRow),
      ),
    close: async () => {
      if (owned) await appDb.close();
    },
  };
}
