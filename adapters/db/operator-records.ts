import { sql } from 'kysely';
import { guarded, type AppDatabase } from './connect';
import type { AppSchema } from './schema';

/** The operator-record tables of the schema; they share their columns (legal amendments add one). */
type RecordTable = Extract<keyof AppSchema, 'calendar_revisions' | 'mci_records' | 'legal_amendments'>;

export interface OperatorRecordRow {
  key: string;
  position: number;
  recordedAt: string;
  body: Record<string, unknown>;
  noticeProcessInstanceKey: string | null;
}

/**
 * An append-only history of operator records in one table, shared by every process on the
 * database: what one replica records, the others read on their next query.
 */
export interface OperatorRecords {
  list(): Promise<OperatorRecordRow[]>;
  get(key: string): Promise<OperatorRecordRow | undefined>;
  /** Changes whenever a record is added: a cache keyed by it is current. */
  version(): Promise<string>;
  /** Appends unless `key` is recorded; `false` when it was (the stored record is left as it was). */
  append(key: string, recordedAt: string, body: object): Promise<boolean>;
  setNoticeKey(key: string, processInstanceKey: string): Promise<boolean>;
}

export function operatorRecords(appDb: AppDatabase, table: RecordTable): OperatorRecords {
  const db = () => appDb.ready();
  // Every query below is typed on the union of the three tables: a column none of them has fails tsc.
  const t: RecordTable = table;
  const run = <T>(work: () => Promise<T>) => guarded(appDb.where, work);
  const fromRow = (r: {
    record_key: string;
    position: number | string;
    recorded_at: string;
    body: string;
    notice_process_instance_key?: string | null;
  }): OperatorRecordRow => ({
    key: r.record_key,
    position: Number(r.position),
    recordedAt: r.recorded_at,
    body: JSON.parse(r.body) as Record<string, unknown>,
    noticeProcessInstanceKey: r.notice_process_instance_key ?? null,
  });

  const get = (key: string) =>
    run(async () => {
      const row = await (
        await db()
      )
        .selectFrom(t)
        .selectAll()
        .where('record_key', '=', key)
        .executeTakeFirst();
      return row ? fromRow(row) : undefined;
    });

  return {
    list: () =>
      run(async () =>
        (await (await db()).selectFrom(t).selectAll().orderBy('position').execute()).map(fromRow),
      ),
    get,
    version: () =>
      run(async () => {
        const row = await (
          await db()
        )
          .selectFrom(t)
          .select([sql<string>`count(*)`.as('n'), sql<string>`coalesce(max(position), 0)`.as('last')])
          .executeTakeFirstOrThrow();
        return `${row.n}:${row.last}`;
      }),
    append: (key, recordedAt, body) =>
      run(async () => {
        const k = await db();
        // One statement takes the next position, so concurrent writers never interleave a read
        // and a write; two taking the same position collide on its unique index and the loser retries.
        for (let attempt = 1; ; attempt++) {
          try {
            await k
              .insertInto(t)
              .columns(['record_key', 'position', 'recorded_at', 'body'])
              .expression(
                k
                  .selectFrom(t)
                  .select([
                    sql<string>`cast(${key} as text)`.as('record_key'),
                    sql<number>`coalesce(max(position), 0) + 1`.as('position'),
                    sql<string>`cast(${recordedAt} as text)`.as('recorded_at'),
                    sql<string>`cast(${JSON.stringify(body)} as text)`.as('body'),
                  ]),
              )
              .execute();
            return true;
          } catch (error) {
            if (await get(key)) return false;
            if (attempt >= 10) throw error;
          }
        }
      }),
    setNoticeKey: (key, processInstanceKey) =>
      run(async () => {
        const result = await (
          await db()
        )
          .updateTable(t)
          .set({ notice_process_instance_key: processInstanceKey })
          .where('record_key', '=', key)
          .executeTakeFirst();
        return Number(result.numUpdatedRows) === 1;
      }),
  };
}
