import { createCalendarRevisionStore } from '../../adapters/calendar-revisions';
import { revisedLegalClock } from '../../adapters/legal-clock-source';
import { createLegalAmendmentStore, LegalAmendmentConflictError } from '../../adapters/legal-amendments';
import {
  createMciRecordStore,
  MciRecordConflictError,
  recordedFeeSchedule,
} from '../../adapters/mci-records';
import { parseLegalAmendment } from '../../domain/rules/legal-amendments';
import { DIALECTS, databasesPerTest } from '../support/postgres';

/** Order 138 of 31 March 2026, the parts taking effect on 12 July 2026 (synthetic recording). */
const AMENDMENT = parseLegalAmendment({
  serviceId: 'fire-automation-permit',
  actTitle: 'Приказ Министра по чрезвычайным ситуациям Республики Казахстан',
  actNumber: '138',
  actDate: '2026-03-31',
  effectiveDate: '2026-07-12',
  changes: 'Новая редакция пунктов 3, 4 и 8 и приложений 1–2 Правил',
  author: 'operator-1',
});

const MCI_2027 = {
  year: 2027,
  mci: 4500,
  legalBasis: 'Закон РК «О республиканском бюджете на 2027–2029 годы»',
  author: 'operator-1',
};

describe.each(DIALECTS)('operator records in the application database on $name', (dialect) => {
  /** `db.replica`: a second process's view of the same database (its own connections). */
  const db = databasesPerTest(dialect);

  test('Order 923 licence List row 6 (fee in MCI): a 2027 MCI recorded once is kept with its basis and changes the fee schedule on the next read; a second value for the year is refused', async () => {
    const store = createMciRecordStore(db.database);
    const schedule = recordedFeeSchedule(createMciRecordStore(db.replica));
    const before = await schedule();
    expect(() => before.mciOn('2027-01-05')).toThrow();
    await store.append(MCI_2027, new Date('2026-12-10T09:00:00Z'));
    expect(await store.list()).toEqual([{ ...MCI_2027, recordedAt: '2026-12-10T09:00:00.000Z' }]);
    expect((await schedule()).mciOn('2027-01-05')).toBe(4500);
    await expect(store.append({ ...MCI_2027, mci: 4600 }, new Date())).rejects.toThrow(
      MciRecordConflictError,
    );
    await expect(store.append({ ...MCI_2027, year: 2026 }, new Date())).rejects.toThrow(/shipped data/);
    expect(await store.list()).toHaveLength(1);
  });

  test('a calendar revision recorded is used by the legal clock on its next read, without a restart', async () => {
    const clock = revisedLegalClock(createCalendarRevisionStore(db.replica));
    expect((await clock()).isWorkingDay('2026-04-13')).toBe(true);
    await createCalendarRevisionStore(db.database).append(
      {
        id: 'transfer-2026-04',
        effectiveAt: '2026-04-03T09:00:00+05:00',
        author: 'operator.kairat',
        legalBasis: 'Приказ о переносе выходного дня (синтетический)',
        changes: [{ date: '2026-04-13', kind: 'transferred-day-off', name: 'Перенесённый выходной' }],
      },
      new Date('2026-04-02T10:00:00Z'),
    );
    expect((await clock()).isWorkingDay('2026-04-13')).toBe(false);
  });

  test('Order 138 §8: an amendment is recorded once, its notice noted; the same again is not a new one, another description under its identity is refused', async () => {
    const store = createLegalAmendmentStore(db.database);
    const first = await store.record(AMENDMENT, new Date('2026-07-13T05:00:00Z'));
    expect(first).toEqual({
      stored: { ...AMENDMENT, recordedAt: '2026-07-13T05:00:00.000Z' },
      created: true,
    });
    const noted = await store.noticeStarted(AMENDMENT.id, '2251799813685301');
    expect(noted.noticeProcessInstanceKey).toBe('2251799813685301');
    const again = await createLegalAmendmentStore(db.replica).record(
      AMENDMENT,
      new Date('2026-07-14T05:00:00Z'),
    );
    expect(again).toEqual({ stored: noted, created: false });
    const changed = await store
      .record({ ...AMENDMENT, changes: 'Иное описание' }, new Date())
      .catch((e: unknown) => e);
    expect(changed).toBeInstanceOf(LegalAmendmentConflictError);
    await expect(store.noticeStarted('RC-unknown', '1')).rejects.toThrow(/not recorded/);
    expect(await store.list()).toEqual([noted]);
  });
});
