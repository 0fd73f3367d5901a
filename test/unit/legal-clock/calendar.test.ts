import {
  CalendarDataError,
  CalendarRangeError,
  createLegalClock,
  defaultLegalClock as clock,
  loadCalendar,
  shippedCalendar,
} from '../../../domain/legal-clock';

describe('the working-day calendar of state bodies', () => {
  // Dated facts from shared/spec/calendar.md.
  const cases: [day: string, working: boolean, because: string][] = [
    ['2024-01-01', false, 'New Year'],
    ['2024-01-08', true, 'Orthodox Christmas 7 Jan 2024 is a Sunday and is not moved'],
    ['2024-03-08', false, "Women's Day"],
    ['2024-03-25', false, 'Nauryz 23 Mar 2024 (Saturday) moves to Monday'],
    ['2024-05-04', true, 'Saturday worked by transfer order'],
    ['2024-05-08', false, 'day off transferred from 4 May'],
    ['2024-06-17', true, 'Kurban Ait 16 Jun 2024 is a Sunday and is not moved'],
    ['2024-07-08', false, 'Capital Day 6 Jul 2024 (Saturday) moves to Monday'],
    ['2024-08-30', false, 'Constitution Day 2024'],
    ['2024-12-16', false, 'Independence Day'],
    ['2024-12-17', true, '17 December stopped being a holiday in 2022'],
    ['2025-01-03', false, 'day off transferred from 5 Jan'],
    ['2025-01-05', true, 'Sunday worked by transfer order'],
    ['2025-01-07', false, 'Orthodox Christmas on a Tuesday'],
    ['2025-03-10', false, "Women's Day 8 Mar 2025 (Saturday) moves to Monday"],
    ['2025-03-24', false, 'Nauryz 22 Mar 2025 (Saturday) moves'],
    ['2025-03-25', false, 'Nauryz 23 Mar 2025 (Sunday) moves'],
    ['2025-03-26', true, 'after Nauryz'],
    ['2025-06-06', false, 'Kurban Ait 2025'],
    ['2025-09-01', false, 'Constitution Day 30 Aug 2025 (Saturday) moves to Monday'],
    ['2025-10-27', false, 'Republic Day 25 Oct 2025 (Saturday) moves to Monday'],
    ['2026-03-09', false, "Women's Day 8 Mar 2026 (Sunday) moves to Monday"],
    ['2026-03-16', true, 'Constitution Day on 15 March is observed only from 2027'],
    ['2026-03-23', false, 'Nauryz'],
    ['2026-03-24', false, 'Nauryz 21 Mar 2026 (Saturday) moves past the holiday on 23 Mar'],
    ['2026-03-25', false, 'Nauryz 22 Mar 2026 (Sunday) moves to the next day neither weekend nor holiday'],
    ['2026-03-26', true, 'after Nauryz'],
    ['2026-05-11', false, 'Victory Day 9 May 2026 (Saturday) moves to Monday'],
    ['2026-05-27', false, 'Kurban Ait 2026'],
    ['2026-08-31', true, '30 August is no longer a holiday from 2026'],
    ['2026-10-26', false, 'Republic Day 25 Oct 2026 (Sunday) moves to Monday'],
    ['2027-03-15', false, 'Constitution Day from 2027 (provisional)'],
    ['2027-03-24', false, 'Nauryz 21 Mar 2027 (Sunday) moves past 22-23 Mar (provisional)'],
  ];

  test.each(cases)('given %s, when asked whether it is a working day, then %s (%s)', (day, working) => {
    expect(clock.isWorkingDay(day)).toBe(working);
  });

  test.each([
    [2024, 249],
    [2025, 246],
    [2026, 247],
    [2027, 247],
  ])('given the shipped data, when counting working days of %i, then there are %i', (year, count) => {
    expect(clock.workingDaysInYear(year)).toBe(count);
  });

  test('given every 2027 entry, when read, then each is marked provisional', () => {
    const year2027 = shippedCalendar.years.find((year) => year.year === 2027);
    expect(year2027?.days.length).toBeGreaterThan(0);
    expect(year2027?.days.every((day) => day.provisional === true)).toBe(true);
    expect(
      shippedCalendar.years
        .filter((y) => y.year < 2027)
        .flatMap((y) => y.days)
        .some((d) => d.provisional),
    ).toBe(false);
  });

  test('given a day outside the data, when asked, then the clock refuses instead of guessing', () => {
    expect(() => clock.isWorkingDay('2023-12-29')).toThrow(CalendarRangeError);
    expect(() => clock.isWorkingDay('2028-01-03')).toThrow(CalendarRangeError);
    expect(() => clock.workingDaysInYear(2028)).toThrow(CalendarRangeError);
    expect(() => clock.registrationDate(new Date('2027-12-31T19:00:00+05:00'))).toThrow(CalendarRangeError);
  });

  describe('validation on load', () => {
    const day = (date: string, kind = 'holiday') => ({ date, kind, name: 'x', legalBasis: 'y' });
    test.each([
      ['a date listed twice', [{ year: 2025, days: [day('2025-01-01'), day('2025-01-01')] }], /twice/],
      ['a date outside its year', [{ year: 2025, days: [day('2026-01-01')] }], /outside its year/],
      [
        'a worked-weekend-day on a weekday',
        [{ year: 2025, days: [day('2025-01-06', 'worked-weekend-day')] }],
        /weekday/,
      ],
      ['a holiday on a Saturday', [{ year: 2025, days: [day('2025-03-08')] }], /weekend/],
      ['a date that does not exist', [{ year: 2025, days: [day('2025-02-29')] }], /not a calendar date/],
      ['an unknown kind', [{ year: 2025, days: [day('2025-01-06', 'bank-holiday')] }], /kind/],
      [
        'a gap between years',
        [
          { year: 2024, days: [] },
          { year: 2026, days: [] },
        ],
        /gap/,
      ],
    ])('given %s, when loaded, then a CalendarDataError names it', (_what, years, message) => {
      expect(() => loadCalendar(years)).toThrow(CalendarDataError);
      expect(() => loadCalendar(years)).toThrow(message);
    });

    test('given one valid year, when a clock is built on it, then only that year is covered', () => {
      const clock2025 = createLegalClock(loadCalendar([{ year: 2025, days: [] }]));
      expect(clock2025.workingDaysInYear(2025)).toBe(261);
      expect(() => clock2025.isWorkingDay('2024-12-31')).toThrow(CalendarRangeError);
    });
  });
});
