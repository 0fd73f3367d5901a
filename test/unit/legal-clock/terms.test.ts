import {
  CalendarRangeError,
  InvalidInputError,
  UnknownRequestKindError,
  UnknownServiceError,
  defaultLegalClock as clock,
} from '../../../domain/legal-clock';

describe('C2: registration day of an application', () => {
  test.each([
    ['2026-03-19T18:30:00+05:00', '2026-03-19', 'a working day at 18:30:00 exactly registers the same day'],
    ['2026-03-19T18:30:01+05:00', '2026-03-20', 'one second after 18:30 registers the next working day'],
    ['2026-03-19T13:30:01Z', '2026-03-20', 'the cut-off is Almaty time, not UTC'],
    ['2026-03-19T03:00:00+05:00', '2026-03-19', 'before opening hours still registers the same day'],
    [
      '2026-03-20T19:00:00+05:00',
      '2026-03-26',
      'Friday evening before Nauryz 2026 registers after the make-up days',
    ],
    ['2026-05-27T10:00:00+05:00', '2026-05-28', 'Kurban Ait is a day off'],
    ['2024-05-04T11:00:00+05:00', '2024-05-04', 'a worked Saturday registers the same day'],
    ['2024-05-08T11:00:00+05:00', '2024-05-10', 'a transferred day off is followed by Victory Day'],
    ['2025-01-04T12:00:00+05:00', '2025-01-05', 'Saturday 4 Jan 2025 registers on the worked Sunday'],
    [
      '2025-08-30T10:00:00+05:00',
      '2025-09-02',
      'Constitution Day 2025 falls on Saturday and moves to Monday',
    ],
    ['2024-08-30T10:00:00+05:00', '2024-09-02', 'Constitution Day 2024 is off'],
    ['2026-08-31T10:00:00+05:00', '2026-08-31', '31 Aug 2026 is a working day'],
    // Before 1 March 2024 Almaty was UTC+6: 18:00 at +05:00 is 19:00 local, after closing.
    ['2024-02-28T18:00:00+05:00', '2024-02-29', 'the +06:00 offset applies before March 2024'],
    ['2024-02-28T18:30:00+06:00', '2024-02-28', '18:30 local at +06:00 is on time'],
    ['2024-03-01T18:30:00+05:00', '2024-03-01', 'from 1 March 2024 the offset is +05:00'],
  ])('given receipt at %s, when registered, then it is registered on %s (%s)', (instant, day) => {
    expect(clock.registrationDate(new Date(instant))).toBe(day);
  });
});

describe('C4: end of a term of N working days', () => {
  test('given registration on Friday 20 Mar 2026, when 1 WD runs, then it ends on 26 Mar at 18:30 +05:00', () => {
    expect(clock.termEnd('2026-03-20', 1)).toBe('2026-03-26T18:30:00+05:00');
  });
  test('given registration on a working day, when the term is counted, then the registration day is not part of it', () => {
    expect(clock.termEnd('2026-04-01', 1)).toBe('2026-04-02T18:30:00+05:00');
    expect(clock.termEnd('2026-04-01', 10)).toBe('2026-04-15T18:30:00+05:00');
  });
  test('given a term across the worked Sunday of 5 Jan 2025, when counted, then that Sunday counts', () => {
    expect(clock.termEnd('2025-01-02', 1)).toBe('2025-01-05T18:30:00+05:00');
    expect(clock.termEnd('2025-01-02', 2)).toBe('2025-01-06T18:30:00+05:00');
  });
  test('given a term ending in February 2024, when formatted, then it carries the +06:00 offset then in force', () => {
    expect(clock.termEnd('2024-02-27', 1)).toBe('2024-02-28T18:30:00+06:00');
    expect(clock.termEnd('2024-02-28', 2)).toBe('2024-03-01T18:30:00+05:00');
  });
  test('given a receipt, when the deadline is computed, then it pairs the registration day and the term end', () => {
    expect(clock.deadlineFromReceipt(new Date('2026-03-20T18:30:01+05:00'), 2)).toEqual({
      registeredOn: '2026-03-26',
      deadline: '2026-03-30T18:30:00+05:00',
    });
  });
  test('given a term running past the data, when computed, then a CalendarRangeError is thrown', () => {
    expect(() => clock.termEnd('2027-12-30', 5)).toThrow(CalendarRangeError);
  });
  test.each([0, -1, 1.5, Number.NaN])('given N = %p, when a term is computed, then it is refused', (n) => {
    expect(() => clock.termEnd('2026-04-01', n)).toThrow(InvalidInputError);
    expect(() => clock.deadlineFromReceipt(new Date('2026-04-01T10:00:00Z'), n)).toThrow(InvalidInputError);
  });
  test('given an impossible date, when a term is computed, then it is refused', () => {
    expect(() => clock.termEnd('2026-02-30', 1)).toThrow(InvalidInputError);
  });
});

describe('C4: a step term runs from the end of the step before it', () => {
  test('given the previous step ended at an instant, when the next step runs 3 WD, then they count from its Almaty day', () => {
    // 20:00 UTC on 1 Apr is 01:00 on 2 Apr in Almaty.
    expect(clock.stepDeadline('2026-04-01T20:00:00Z', 3)).toBe('2026-04-07T18:30:00+05:00');
    expect(clock.stepDeadline(new Date('2026-04-01T20:00:00Z'), 3)).toBe('2026-04-07T18:30:00+05:00');
    expect(clock.stepDeadline('2026-04-02', 3)).toBe('2026-04-07T18:30:00+05:00');
  });
  test('given a step deadline, when the next step chains from it, then it equals the term from the first day', () => {
    const completeness = clock.termEnd('2026-04-01', 2);
    expect(clock.stepDeadline(completeness, 3)).toBe(clock.termEnd('2026-04-01', 5));
  });
  test('given a local time without offset, when used as a step end, then it is refused', () => {
    expect(() => clock.stepDeadline('2026-04-01T10:00:00', 1)).toThrow(InvalidInputError);
  });
});

describe('remaining working days from now to a deadline', () => {
  const deadline = new Date('2026-04-15T18:30:00+05:00'); // Wednesday
  test.each([
    ['2026-04-13T10:00:00+05:00', 3, 'Monday morning: Monday, Tuesday and Wednesday remain'],
    ['2026-04-13T18:30:00+05:00', 2, 'at Monday 18:30 Monday is spent'],
    ['2026-04-11T10:00:00+05:00', 3, 'a Saturday counts from Monday'],
    ['2026-04-15T18:29:59+05:00', 1, 'the last day counts until its close'],
    ['2026-04-15T18:30:00+05:00', 0, 'at the deadline nothing remains'],
    ['2026-04-20T10:00:00+05:00', 0, 'an overdue term reports 0, not a negative count'],
    ['2026-03-20T10:00:00+05:00', 16, 'the Nauryz days off do not count'],
  ])('given now = %s, then %i working days remain (%s)', (now, remaining) => {
    expect(clock.workingDaysBetween(new Date(now), deadline)).toBe(remaining);
  });
  test('given a deadline N WD after registration, when counted once the registration day has closed, then N remain', () => {
    const { registeredOn, deadline: end } = clock.deadlineFromReceipt(
      new Date('2026-04-01T18:45:00+05:00'),
      10,
    );
    expect(registeredOn).toBe('2026-04-02');
    expect(clock.workingDaysBetween(new Date('2026-04-02T18:31:00+05:00'), new Date(end))).toBe(10);
  });
});

describe('step deadlines per service (procedures.md)', () => {
  const registeredOn = '2026-04-01'; // Wednesday; next holidays are 1 and 7 May
  const wd = (n: number) => clock.termEnd(registeredOn, n);

  test('given a fire-automation permit, then completeness 2 WD, total 10 WD and the C6 hearing windows', () => {
    expect(clock.stepDeadlines('fire-automation-permit', 'application', registeredOn)).toEqual({
      deadlineCompleteness: wd(2),
      deadlineStudy: wd(7),
      deadlineHearingNotice: wd(7),
      deadlineHearing: wd(9),
      deadlineResult: wd(10),
      deadlineTotal: wd(10),
    });
  });
  test('given a configured completeness term and hearing windows, then the deadlines follow the configuration', () => {
    const deadlines = clock.stepDeadlines('fire-automation-permit', 'application', registeredOn, {
      completenessWorkingDays: 3,
      hearingNoticeWorkingDaysBeforeEnd: 4,
      hearingWithinWorkingDays: 1,
    });
    expect(deadlines).toMatchObject({
      deadlineCompleteness: wd(3),
      deadlineHearingNotice: wd(6),
      deadlineHearing: wd(7),
    });
  });
  // Order 923 licence rules §8: grounds found by the study are heard before a refusal, so the study
  // is due when the hearing notice is (it used to be 1 WD before the total: no room for a hearing).
  test('given a security licence issue, then completeness 2 and the study due with the hearing notice, so a hearing fits in the 10 WD (Order 923 §7–§9)', () => {
    expect(clock.stepDeadlines('security-licence', 'issue', registeredOn)).toEqual({
      deadlineCompleteness: wd(2),
      deadlineDocumentRequest: wd(1),
      deadlineStudy: wd(7),
      deadlineHearingNotice: wd(7),
      deadlineHearing: wd(9),
      deadlineResult: wd(10),
      deadlineTotal: wd(10),
    });
  });
  test('given a re-issue and a duplicate, then review 2 / total 3 and review 1 / total 2', () => {
    // Order 923 §10, List row 8 last indent: the head's missing diploma is asked for within 1 WD.
    expect(clock.stepDeadlines('security-licence', 'reissue', registeredOn)).toEqual({
      deadlineCompleteness: wd(2),
      deadlineDocumentRequest: wd(1),
      deadlineResult: wd(3),
      deadlineTotal: wd(3),
    });
    expect(clock.stepDeadlines('security-licence', 'duplicate', registeredOn)).toEqual({
      deadlineCompleteness: wd(1),
      deadlineResult: wd(2),
      deadlineTotal: wd(2),
    });
  });
  test('given a training-centre designation, then 2 + 3 + 3 + 4 WD chain into the 12 WD total', () => {
    expect(clock.stepDeadlines('training-centre-designation', 'application', registeredOn)).toEqual({
      deadlineCompleteness: wd(2),
      deadlineStudy: wd(5),
      deadlineDraft: wd(8),
      deadlineHearingNotice: wd(9),
      deadlineHearing: wd(11),
      deadlineAgreement: wd(12),
      deadlineResult: wd(12),
      deadlineTotal: wd(12),
    });
  });
  test('given a national-company approval, then 2 + 3 + 6 WD to the letter and 4 WD after the answer, 15 WD total', () => {
    expect(clock.stepDeadlines('national-company-security-approval', 'application', registeredOn)).toEqual({
      deadlineCompleteness: wd(2),
      deadlineStudy: wd(5),
      deadlineLetter: wd(11),
      deadlineHearingNotice: wd(12),
      deadlineHearing: wd(14),
      deadlineConsent: wd(15),
      deadlineResult: wd(15),
      deadlineTotal: wd(15),
    });
  });
  test('given a complaint to any provider, then it is reviewed within 5 WD (C11)', () => {
    expect(clock.stepDeadlines('training-centre-designation', 'complaint', registeredOn)).toEqual({
      deadlineComplaintReview: wd(5),
      deadlineResult: wd(5),
      deadlineTotal: wd(5),
    });
  });
  test('given a total crossing the May holidays, then the hearing windows skip them', () => {
    const d = clock.stepDeadlines('fire-automation-permit', 'application', '2026-04-28');
    // 29, 30 Apr, 4, 5, 6, 8, 12, 13, 14, 15 May: 1, 7 and 11 May are off.
    expect(d.deadlineTotal).toBe('2026-05-15T18:30:00+05:00');
    expect(d.deadlineHearingNotice).toBe('2026-05-12T18:30:00+05:00');
    expect(d.deadlineHearing).toBe('2026-05-14T18:30:00+05:00');
  });
  test('given an unknown service or request kind, then a typed error is thrown', () => {
    expect(() => clock.stepDeadlines('fishing-permit', 'application', registeredOn)).toThrow(
      UnknownServiceError,
    );
    expect(() => clock.stepDeadlines('training-centre-designation', 'duplicate', registeredOn)).toThrow(
      UnknownRequestKindError,
    );
    expect(() => clock.stepDeadlines('security-licence', 'application', registeredOn)).toThrow(
      UnknownRequestKindError,
    );
  });
});
