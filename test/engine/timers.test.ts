import { TimerDefinitionError, parseTimer } from '../../engine/timers';

const now = new Date('2026-01-31T10:00:00Z');
const iso = (d: Date | undefined) => d?.toISOString();

describe('timeDate', () => {
  test.each([
    ['2026-12-01T18:30:00+05:00', '2026-12-01T13:30:00.000Z'],
    ['2026-12-01T18:30:00Z', '2026-12-01T18:30:00.000Z'],
    ['2026-12-01T18:30+05:00', '2026-12-01T13:30:00.000Z'], // Zeebe writes FEEL date-times without zero seconds
    ['2026-12-01T18:30:00.250-03:00', '2026-12-01T21:30:00.250Z'],
    ['2026-12-01T18:30:00+05:00[Asia/Almaty]', '2026-12-01T13:30:00.000Z'],
    ['2026-12-01T18:30:00@Asia/Almaty', '2026-12-01T13:30:00.000Z'],
    ['2026-07-01T12:00:00@Europe/Berlin', '2026-07-01T10:00:00.000Z'], // summer time
    ['2026-01-01T12:00:00@Europe/Berlin', '2026-01-01T11:00:00.000Z'],
  ])('%s is due at %s, once', (value, due) => {
    const schedule = parseTimer('timeDate', value, now);
    expect(iso(schedule.dueAt)).toBe(due);
    expect(schedule.repetitions).toBe(0);
    expect(schedule.next(schedule.dueAt)).toBeNull();
  });

  test('a local date-time without offset is rejected, as on Zeebe', () => {
    expect(() => parseTimer('timeDate', '2026-12-01T18:30:00', now)).toThrow(TimerDefinitionError);
    expect(() => parseTimer('timeDate', '2026-12-01T18:30:00', now)).toThrow(/2026-12-01T18:30:00.*offset/);
  });

  test.each([
    '2026-02-30T10:00:00Z',
    '2026-12-01',
    'tomorrow',
    '2026-12-01T18:30:00@Mars/Olympus',
    '2026-12-01T25:00:00Z',
  ])('%s is rejected', (value) => {
    expect(() => parseTimer('timeDate', value, now)).toThrow(TimerDefinitionError);
  });
});

describe('timeDuration', () => {
  test.each([
    ['PT5M', '2026-01-31T10:05:00.000Z'],
    ['P1D', '2026-02-01T10:00:00.000Z'],
    ['P2W', '2026-02-14T10:00:00.000Z'],
    ['PT0.5S', '2026-01-31T10:00:00.500Z'],
    ['P1M', '2026-02-28T10:00:00.000Z'], // calendar month, clamped to the end of February
    ['P1Y2M3DT4H5M6S', '2027-04-03T14:05:06.000Z'],
    ['P30D', '2026-03-02T10:00:00.000Z'], // beyond setTimeout's 24.8-day range
    ['P400D', '2027-03-07T10:00:00.000Z'],
  ])('%s from %s is due at the expected instant', (value, due) => {
    const schedule = parseTimer('timeDuration', value, now);
    expect(iso(schedule.dueAt)).toBe(due);
    expect(schedule.next(schedule.dueAt)).toBeNull();
  });

  test('a leap-day anniversary falls back to February 28th', () => {
    expect(iso(parseTimer('timeDuration', 'P1Y', new Date('2028-02-29T00:00:00Z')).dueAt)).toBe(
      '2029-02-28T00:00:00.000Z',
    );
  });

  test.each(['P', 'PT', '5M', 'P1.5D', '-P1D', 'P1H', 'PT5X', ''])(
    '%j is rejected with the value in the message',
    (value) => {
      expect(() => parseTimer('timeDuration', value, now)).toThrow(TimerDefinitionError);
      if (value) expect(() => parseTimer('timeDuration', value, now)).toThrow(value);
    },
  );
});

describe('timeCycle as ISO 8601 repeating interval', () => {
  test('R5/PT10S fires five times, ten seconds apart', () => {
    const dues: string[] = [];
    let schedule = parseTimer('timeCycle', 'R5/PT10S', now) as ReturnType<typeof parseTimer> | null;
    const remaining: number[] = [];
    while (schedule) {
      dues.push(schedule.dueAt.toISOString().slice(11, 19));
      remaining.push(schedule.repetitions);
      schedule = schedule.next(schedule.dueAt);
    }
    expect(dues).toEqual(['10:00:10', '10:00:20', '10:00:30', '10:00:40', '10:00:50']);
    expect(remaining).toEqual([4, 3, 2, 1, 0]);
  });

  test('R/PT1H repeats without end', () => {
    let schedule = parseTimer('timeCycle', 'R/PT1H', now);
    for (let i = 0; i < 100; i++) schedule = schedule.next(schedule.dueAt)!;
    expect(schedule.repetitions).toBe(Infinity);
    expect(iso(schedule.dueAt)).toBe('2026-02-04T15:00:00.000Z');
  });

  test('a cycle keeps its rhythm when triggered late, but restarts from the trigger when a whole interval was missed', () => {
    const first = parseTimer('timeCycle', 'R/PT1H', now); // due 11:00
    expect(iso(first.next(new Date('2026-01-31T11:20:00Z'))?.dueAt)).toBe('2026-01-31T12:00:00.000Z');
    expect(iso(first.next(new Date('2026-01-31T13:20:00Z'))?.dueAt)).toBe('2026-01-31T14:20:00.000Z');
  });

  test('with a future start date, the first trigger is at the start', () => {
    const schedule = parseTimer('timeCycle', 'R3/2026-02-01T00:00:00Z/P1D', now);
    expect(iso(schedule.dueAt)).toBe('2026-02-01T00:00:00.000Z');
    expect(schedule.repetitions).toBe(2);
    expect(iso(schedule.next(schedule.dueAt)?.dueAt)).toBe('2026-02-02T00:00:00.000Z');
  });

  test('with a start date already past, the first trigger is one interval from now (Zeebe 8.8)', () => {
    expect(iso(parseTimer('timeCycle', 'R3/2025-01-01T00:00:00+05:00/P1D', now).dueAt)).toBe(
      '2026-02-01T10:00:00.000Z',
    );
  });

  test.each(['R5', 'Rx/PT1H', 'R5/banana', 'R3/2026-02-01T00:00:00/P1D', 'R5/PT10S/P1D/x'])(
    '%s is rejected',
    (value) => {
      expect(() => parseTimer('timeCycle', value, now)).toThrow(TimerDefinitionError);
    },
  );
});

describe('timeCycle as cron (Spring: sec min hour day month weekday, UTC)', () => {
  test('0 0 9 * * MON-FRI fires at 09:00 UTC on working days only', () => {
    let schedule = parseTimer('timeCycle', '0 0 9 * * MON-FRI', now); // Saturday 31 Jan 2026
    const dues = [schedule.dueAt];
    for (let i = 0; i < 5; i++) dues.push((schedule = schedule.next(schedule.dueAt)!).dueAt);
    expect(dues.map((d) => d.toISOString().slice(0, 13))).toEqual([
      '2026-02-02T09',
      '2026-02-03T09',
      '2026-02-04T09',
      '2026-02-05T09',
      '2026-02-06T09',
      '2026-02-09T09',
    ]);
    expect(schedule.repetitions).toBe(Infinity);
  });

  test('the next trigger after a late firing is the next slot after the firing', () => {
    const schedule = parseTimer('timeCycle', '0 */15 * * * *', now);
    expect(iso(schedule.dueAt)).toBe('2026-01-31T10:15:00.000Z');
    expect(iso(schedule.next(new Date('2026-01-31T10:47:00Z'))?.dueAt)).toBe('2026-01-31T11:00:00.000Z');
  });

  test('Spring macros are understood', () => {
    expect(iso(parseTimer('timeCycle', '@daily', now).dueAt)).toBe('2026-02-01T00:00:00.000Z');
  });

  test.each([
    ['0 9 * * *', /six fields/],
    ['0 0 25 * * *', /0 0 25/],
    ['0 0 9 1 * MON', /day-of-month or the day-of-week/],
    ['every day', /every day/],
  ])('%s is rejected', (value, message) => {
    expect(() => parseTimer('timeCycle', value, now)).toThrow(TimerDefinitionError);
    expect(() => parseTimer('timeCycle', value, now)).toThrow(message);
  });
});
