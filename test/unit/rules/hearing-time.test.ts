import { defaultLegalClock } from '../../../domain/legal-clock';
import { checkHearingTime } from '../../../domain/rules/hearing-time';

/** Spec C6 (Order 923 §8 second indent; APPC art. 73): the hearing time the clerk sets. */
describe('hearing time (Order 923 §8; APPC art. 73; spec C6)', () => {
  // Notice on Wednesday 4 March 2026 at 11:05; the hearing term ends on Tuesday 10 March (9 March is a holiday).
  const base = {
    noticeAt: new Date('2026-03-04T11:05:00+05:00'),
    deadlineHearing: '2026-03-10T18:30:00+05:00',
  };
  const check = (hearingAt: unknown, minNoticeWorkingDays?: number) =>
    checkHearingTime(defaultLegalClock, { ...base, hearingAt, minNoticeWorkingDays });

  test('a hearing on the next working day, in working hours, before the term is accepted', () => {
    expect(check('2026-03-05T11:00:00+05:00')).toEqual({ ok: true, hearingAt: '2026-03-05T11:00:00+05:00' });
    expect(check('2026-03-10T18:30:00+05:00')).toMatchObject({ ok: true });
  });

  test('the minimum notice counts working days: 1 WD after a Wednesday notice is Thursday; 2 WD skip the weekend and the 9 March holiday', () => {
    expect(check('2026-03-04T17:00:00+05:00')).toMatchObject({ ok: false, problem: 'too-soon' });
    expect(check('2026-03-06T11:00:00+05:00', 2)).toMatchObject({ ok: true });
    const tooSoon = check('2026-03-05T11:00:00+05:00', 2);
    expect(tooSoon).toMatchObject({ ok: false, problem: 'too-soon' });
    if (!tooSoon.ok) {
      expect(tooSoon.kk).toContain('06.03.2026');
      expect(tooSoon.ru).toContain('не ранее 06.03.2026');
    }
    // 3 WD after Wednesday 4 March: Thursday, Friday, then Tuesday 10 March (Monday 9 March is off).
    expect(check('2026-03-09T11:00:00+05:00', 3)).toMatchObject({ ok: false, problem: 'too-soon' });
    expect(check('2026-03-10T11:00:00+05:00', 3)).toMatchObject({ ok: true });
  });

  test('a hearing after the hearing term is refused with the term in both languages', () => {
    const late = check('2026-03-10T18:31:00+05:00');
    expect(late).toMatchObject({ ok: false, problem: 'after-deadline' });
    if (!late.ok) {
      expect(late.kk).toContain('10.03.2026');
      expect(late.ru).toContain('не позднее 10.03.2026');
    }
  });

  test('a day off or a time outside 09:00–18:30 is refused', () => {
    expect(check('2026-03-07T11:00:00+05:00')).toMatchObject({ ok: false, problem: 'day-off' });
    expect(check('2026-03-05T08:30:00+05:00')).toMatchObject({ ok: false, problem: 'outside-hours' });
    expect(check('2026-03-05T19:00:00+05:00')).toMatchObject({ ok: false, problem: 'outside-hours' });
  });

  test('a missing time, or one without its offset, names the field in both languages', () => {
    for (const bad of [undefined, '', 'завтра', '2026-03-05T11:00:00']) {
      const r = check(bad);
      expect(r).toMatchObject({ ok: false, problem: 'missing' });
      if (!r.ok) {
        expect(r.kk).toContain('Тыңдау күні мен уақыты');
        expect(r.ru).toContain('Дата и время заслушивания');
      }
    }
  });
});
