import { createCalendarRevisionStore } from '../../../adapters/calendar-revisions';
import { DIALECTS, databasesPerTest } from '../../support/postgres';
import {
  CalendarDataError,
  CalendarRangeError,
  InvalidInputError,
  buildCalendar,
  changedDays,
  createLegalClock,
  deadlinesAffected,
  shippedCalendar,
  type CalendarRevision,
} from '../../../domain/legal-clock';

// A hypothetical transfer order: work Saturday 11 April 2026, rest on Monday 13 April instead.
const transfer: CalendarRevision = {
  id: 'transfer-2026-04',
  effectiveAt: '2026-04-03T09:00:00+05:00',
  author: 'operator@example.kz',
  legalBasis: 'Labour ministry transfer order (test)',
  changes: [
    { date: '2026-04-11', kind: 'working-day', name: 'Saturday worked in exchange for Monday 13 April' },
    { date: '2026-04-13', kind: 'transferred-day-off', name: 'Day off transferred from Saturday 11 April' },
  ],
};

describe('calendar revisions', () => {
  test('given a transfer order, when applied, then a deadline computed across it moves', () => {
    const revised = createLegalClock(buildCalendar(shippedCalendar, [transfer]));
    const before = createLegalClock(shippedCalendar);
    // From Thursday 9 April: 3 WD are 10, 13, 14 April before and 10, 11, 14 April after.
    expect(before.termEnd('2026-04-09', 3)).toBe('2026-04-14T18:30:00+05:00');
    expect(revised.termEnd('2026-04-09', 2)).toBe('2026-04-11T18:30:00+05:00');
    expect(revised.termEnd('2026-04-09', 4)).toBe('2026-04-15T18:30:00+05:00');
    expect(revised.isWorkingDay('2026-04-13')).toBe(false);
    expect(revised.workingDaysInYear(2026)).toBe(before.workingDaysInYear(2026));
  });

  test('given an as-of instant before the revision takes effect, then the calendar is unchanged', () => {
    const calendar = buildCalendar(shippedCalendar, [transfer], '2026-04-03T03:59:59Z');
    expect(changedDays(shippedCalendar, calendar, '2026-01-01', '2026-12-31')).toEqual([]);
    expect(
      changedDays(
        shippedCalendar,
        buildCalendar(shippedCalendar, [transfer], '2026-04-03T04:00:00Z'),
        '2026-01-01',
        '2026-12-31',
      ),
    ).toHaveLength(2);
  });

  test('given two revisions of one day, then the later effective one wins whatever the list order', () => {
    const confirmKurbanAit: CalendarRevision = {
      id: 'kurban-ait-2027',
      effectiveAt: '2027-05-01T00:00:00Z',
      author: 'operator',
      legalBasis: 'Spiritual Administration of Muslims of Kazakhstan (test)',
      changes: [{ date: '2027-05-17', kind: 'religious-day-off', name: 'Kurban Ait, first day' }],
    };
    const withdraw: CalendarRevision = {
      ...confirmKurbanAit,
      id: 'kurban-ait-2027-corrected',
      effectiveAt: '2027-05-10T00:00:00Z',
      changes: [{ date: '2027-05-17', kind: 'working-day' }],
    };
    const calendar = buildCalendar(shippedCalendar, [withdraw, confirmKurbanAit]);
    expect(createLegalClock(calendar).isWorkingDay('2027-05-17')).toBe(true);
    const onlyFirst = buildCalendar(shippedCalendar, [withdraw, confirmKurbanAit], '2027-05-05T00:00:00Z');
    expect(changedDays(shippedCalendar, onlyFirst, '2027-05-01', '2027-05-31')).toEqual([
      {
        date: '2027-05-17',
        before: { working: true },
        after: { working: false, kind: 'religious-day-off', name: 'Kurban Ait, first day' },
      },
    ]);
    const entry = onlyFirst.years.find((y) => y.year === 2027)!.days.find((d) => d.date === '2027-05-17');
    expect(entry).toMatchObject({ revisionId: 'kurban-ait-2027', legalBasis: confirmKurbanAit.legalBasis });
  });

  test('given a revision that breaks the calendar rules, then it is refused', () => {
    const bad = (change: CalendarRevision['changes'][number]) => ({ ...transfer, changes: [change] });
    expect(() =>
      buildCalendar(shippedCalendar, [bad({ date: '2026-04-14', kind: 'worked-weekend-day' })]),
    ).toThrow(CalendarDataError);
    expect(() => buildCalendar(shippedCalendar, [bad({ date: '2028-01-03', kind: 'holiday' })])).toThrow(
      CalendarRangeError,
    );
    expect(() => buildCalendar(shippedCalendar, [{ ...transfer, effectiveAt: '2026-04-03 09:00' }])).toThrow(
      InvalidInputError,
    );
  });

  test('given deadlines before and after a revision, then only the moved ones are reported', () => {
    const compute = (calendar: typeof shippedCalendar) =>
      createLegalClock(calendar).stepDeadlines('security-licence', 'issue', '2026-04-02');
    // Total 16 April either way; the notice, 3 WD before it, moves from Monday 13 to Saturday 11.
    expect(
      deadlinesAffected(compute(shippedCalendar), compute(buildCalendar(shippedCalendar, [transfer]))),
    ).toEqual([
      {
        name: 'deadlineHearingNotice',
        before: '2026-04-13T18:30:00+05:00',
        after: '2026-04-11T18:30:00+05:00',
      },
      {
        name: 'deadlineStudy',
        before: '2026-04-13T18:30:00+05:00',
        after: '2026-04-11T18:30:00+05:00',
      },
    ]);
    expect(deadlinesAffected({ deadlineStudy: 'a' }, { deadlineDraft: 'b' })).toEqual([
      { name: 'deadlineDraft', before: undefined, after: 'b' },
      { name: 'deadlineStudy', before: 'a', after: undefined },
    ]);
  });
});

describe.each(DIALECTS)('calendar revision store on $name', (dialect) => {
  const db = databasesPerTest(dialect);

  test('given appended revisions, then the history lists all of them in order with when they were recorded', async () => {
    const store = createCalendarRevisionStore(db.database);
    expect(await store.list()).toEqual([]);
    const empty = await store.version();
    await store.append(transfer, new Date('2026-04-02T10:00:00Z'));
    const correction = {
      ...transfer,
      id: 'transfer-2026-04-withdrawn',
      effectiveAt: '2026-04-04T00:00:00+05:00',
      changes: [{ date: '2026-04-13', kind: 'working-day' as const }],
    };
    await store.append(correction, new Date('2026-04-03T10:00:00Z'));
    expect(await store.version()).not.toBe(empty);

    const history = await createCalendarRevisionStore(db.database).list();
    expect(history.map((r) => [r.id, r.recordedAt])).toEqual([
      ['transfer-2026-04', '2026-04-02T10:00:00.000Z'],
      ['transfer-2026-04-withdrawn', '2026-04-03T10:00:00.000Z'],
    ]);
    expect(history[0]).toEqual({ ...transfer, recordedAt: '2026-04-02T10:00:00.000Z' });
    const clockOn3April = createLegalClock(
      await store.calendarAsOf(shippedCalendar, new Date('2026-04-03T12:00:00Z')),
    );
    const clockNow = createLegalClock(await store.calendarAsOf(shippedCalendar));
    expect(clockOn3April.isWorkingDay('2026-04-13')).toBe(false);
    expect(clockNow.isWorkingDay('2026-04-13')).toBe(true);
  });

  test('given a revision id already recorded or an invalid revision, then append refuses and the history is unchanged', async () => {
    const store = createCalendarRevisionStore(db.database);
    await store.append(transfer, new Date('2026-04-02T10:00:00Z'));
    await expect(store.append(transfer, new Date('2026-04-02T11:00:00Z'))).rejects.toThrow(
      /already recorded/,
    );
    await expect(store.append({ ...transfer, id: 'x', changes: [] }, new Date())).rejects.toThrow(
      InvalidInputError,
    );
    expect(await store.list()).toHaveLength(1);
  });

  test('given concurrent appends, then none is lost', async () => {
    const store = createCalendarRevisionStore(db.database);
    await Promise.all(
      [1, 2, 3, 4, 5].map((i) => store.append({ ...transfer, id: `r${i}` }, new Date(Date.UTC(2026, 3, i)))),
    );
    expect((await store.list()).map((r) => r.id).sort()).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
  });
});
