import Holidays from 'date-holidays';
import { defaultLegalClock as clock, shippedCalendar } from '../../../domain/legal-clock';

/**
 * `date-holidays` is only a second opinion: it knows no transfer orders and models Kurban Ait as
 * an evening-to-evening window, so transfers and Kurban Ait are left out, and the differences
 * listed in calendar.md are pinned here so that a change on either side is noticed.
 */
const KNOWN_DIFFERENCES: Record<string, string> = {
  '2026-03-16': 'date-holidays observes Constitution Day 15 Mar already in 2026 (substitute Monday 16 Mar)',
};
const MISSING_IN_DATE_HOLIDAYS: Record<string, string> = {
  '2026-03-25': 'date-holidays misses the second Nauryz make-up day when the substitutes overlap',
};

const holidays = new Holidays('KZ');
const isWeekday = (day: string) => ![0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

function dateHolidaysOff(year: number): Set<string> {
  return new Set(
    holidays
      .getHolidays(year)
      .filter((h) => h.type === 'public' && !/Құрбан/.test(h.name))
      .map((h) => h.date.slice(0, 10))
      .filter(isWeekday),
  );
}

describe('cross-check of fixed-date holidays against date-holidays (KZ)', () => {
  test.each([2024, 2025, 2026])(
    'given %i, then every weekday it marks off is off here, apart from the known differences',
    (year) => {
      for (const day of dateHolidaysOff(year)) {
        if (KNOWN_DIFFERENCES[day]) {
          expect(clock.isWorkingDay(day)).toBe(true);
        } else {
          expect([day, clock.isWorkingDay(day)]).toEqual([day, false]);
        }
      }
    },
  );

  test.each([2024, 2025, 2026])(
    'given %i, then every holiday or substitute day off here is off there, apart from the known differences',
    (year) => {
      const theirs = dateHolidaysOff(year);
      const ours = shippedCalendar.years
        .find((y) => y.year === year)!
        .days.filter(
          (d) =>
            d.kind === 'holiday' ||
            d.kind === 'substitute-day-off' ||
            (d.kind === 'religious-day-off' && d.name.startsWith('Orthodox')),
        )
        .map((d) => d.date);
      expect(ours.length).toBeGreaterThan(10);
      const onlyOurs = ours.filter((day) => !theirs.has(day));
      expect(onlyOurs).toEqual(
        Object.keys(MISSING_IN_DATE_HOLIDAYS).filter((day) => day.startsWith(String(year))),
      );
    },
  );
});
