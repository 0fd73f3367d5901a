import fc from 'fast-check';
import { defaultLegalClock as clock } from '../../../domain/legal-clock';

const receipt = fc.date({
  min: new Date('2024-01-01T00:00:00+06:00'),
  max: new Date('2026-12-31T23:59:59+05:00'),
  noInvalidDate: true,
});
const term = fc.integer({ min: 1, max: 40 });

// The runtime's tz database (tzdata 2025c) as an independent source of the Almaty day.
const almatyDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Almaty',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The plain definition, one day at a time: the n-th working day after `from`. */
function naiveTermEndDay(from: string, n: number): string {
  let day = from;
  for (let counted = 0; counted < n;) {
    day = nextDay(day);
    if (clock.isWorkingDay(day)) counted++;
  }
  return day;
}

describe('deadline properties over random receipts in 2024-2026', () => {
  test('given any receipt and N, then the deadline is 18:30 Almaty time of a working day after the receipt', () => {
    fc.assert(
      fc.property(receipt, term, (receivedAt, n) => {
        const { registeredOn, deadline } = clock.deadlineFromReceipt(receivedAt, n);
        const offset = deadline.slice(0, 10) < '2024-03-01' ? '+06:00' : '+05:00';
        expect(deadline).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2}T18:30:00\\${offset}$`));
        expect(clock.isWorkingDay(deadline.slice(0, 10))).toBe(true);
        expect(almatyDay.format(new Date(deadline))).toBe(deadline.slice(0, 10));
        expect(clock.isWorkingDay(registeredOn)).toBe(true);
        expect(registeredOn >= almatyDay.format(receivedAt)).toBe(true);
        expect(Date.parse(deadline)).toBeGreaterThan(receivedAt.getTime());
      }),
      { numRuns: 2000 },
    );
  });

  test('given any receipt and N, then the deadline equals counting working days one by one', () => {
    fc.assert(
      fc.property(receipt, term, (receivedAt, n) => {
        const { registeredOn, deadline } = clock.deadlineFromReceipt(receivedAt, n);
        expect(deadline.slice(0, 10)).toBe(naiveTermEndDay(registeredOn, n));
      }),
      { numRuns: 500 },
    );
  });

  test('given a longer term, then the deadline is strictly later', () => {
    fc.assert(
      fc.property(receipt, term, term, (receivedAt, a, b) => {
        fc.pre(a !== b);
        const [short, long] = a < b ? [a, b] : [b, a];
        expect(Date.parse(clock.deadlineFromReceipt(receivedAt, short).deadline)).toBeLessThan(
          Date.parse(clock.deadlineFromReceipt(receivedAt, long).deadline),
        );
      }),
    );
  });

  test('given a later receipt, then the deadline is never earlier', () => {
    fc.assert(
      fc.property(receipt, receipt, term, (x, y, n) => {
        const [early, late] = x <= y ? [x, y] : [y, x];
        expect(Date.parse(clock.deadlineFromReceipt(early, n).deadline)).toBeLessThanOrEqual(
          Date.parse(clock.deadlineFromReceipt(late, n).deadline),
        );
      }),
    );
  });

  test('given N and N+1, then the N+1 deadline is the next working day after the N deadline', () => {
    fc.assert(
      fc.property(receipt, term, (receivedAt, n) => {
        const day = clock.deadlineFromReceipt(receivedAt, n).deadline.slice(0, 10);
        const following = clock.deadlineFromReceipt(receivedAt, n + 1).deadline.slice(0, 10);
        let between = nextDay(day);
        while (between < following) {
          expect(clock.isWorkingDay(between)).toBe(false);
          between = nextDay(between);
        }
        expect(between).toBe(following);
      }),
    );
  });

  test('given a deadline, then right after the registration day closes exactly N working days remain', () => {
    fc.assert(
      fc.property(receipt, term, (receivedAt, n) => {
        const { registeredOn, deadline } = clock.deadlineFromReceipt(receivedAt, n);
        const registrationClose = new Date(clock.closeOfBusiness(registeredOn));
        expect(clock.workingDaysBetween(registrationClose, new Date(deadline))).toBe(n);
      }),
    );
  });
});
