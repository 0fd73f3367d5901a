import {
  amendmentId,
  LegalAmendmentError,
  parseLegalAmendment,
} from '../../../domain/rules/legal-amendments';

const ORDER_138 = {
  serviceId: 'fire-automation-permit',
  actTitle: 'Приказ Министра по чрезвычайным ситуациям Республики Казахстан',
  actNumber: '138',
  actDate: '2026-03-31',
  effectiveDate: '2026-07-12',
  changes: 'Новая редакция пунктов 3, 4 и 8 и приложений 1–2 Правил',
  author: 'operator-1',
};

function problemsOf(raw: unknown) {
  try {
    parseLegalAmendment(raw);
  } catch (err) {
    if (err instanceof LegalAmendmentError) return err.problems;
    throw err;
  }
  throw new Error('accepted');
}

describe('legal amendments an operator records (Order 138 §8; spec C12)', () => {
  test('an amendment of the fire-permit Rules is accepted with an identity of its act, date and effective date', () => {
    const a = parseLegalAmendment(ORDER_138);
    expect(a).toMatchObject({ ...ORDER_138, id: amendmentId(ORDER_138) });
    expect(a.id).toBe('RC-2026-07-12-2026-03-31-138');
    // The same act recorded by someone else, with spacing in its number, is the same amendment.
    expect(parseLegalAmendment({ ...ORDER_138, actNumber: ' 138 ', author: 'operator-2' }).id).toBe(a.id);
    // Order 138 ¶4: its parts taking effect on another date are another amendment with its own notice.
    expect(parseLegalAmendment({ ...ORDER_138, effectiveDate: '2026-04-20' }).id).not.toBe(a.id);
  });

  test('Order 923 has no paragraph like Order 138 §8: amendments of the Rules of B, C, D are refused with the reason', () => {
    for (const serviceId of [
      'security-licence',
      'training-centre-designation',
      'national-company-security-approval',
    ]) {
      const [p] = problemsOf({ ...ORDER_138, serviceId, actNumber: '923' });
      expect(p.path).toBe('serviceId');
      expect(p.ru).toContain('(приказ № 923) не предусматривают информирования');
      expect(p.kk).toContain('(№ 923 бұйрық)');
    }
  });

  test('every bad field is named with its problem in Kazakh and Russian, and nothing in English', () => {
    const problems = problemsOf({
      serviceId: 'unknown',
      actNumber: '',
      actDate: '31.03.2026',
      effectiveDate: '2026-07-12',
      changes: 'x'.repeat(8001),
    });
    expect(problems.map((p) => p.path)).toEqual([
      'serviceId',
      'actTitle',
      'actNumber',
      'actDate',
      'changes',
      'author',
    ]);
    for (const p of problems) {
      expect(p.kk).toMatch(/[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/);
      expect(p.ru).toMatch(/[А-Яа-я]/);
      expect(`${p.kk} ${p.ru}`).not.toMatch(/[A-Za-z]/);
    }
    expect(problemsOf({ ...ORDER_138, effectiveDate: '2026-03-30' })).toEqual([
      {
        path: 'effectiveDate',
        kk: 'Қолданысқа енгізілу күні (2026-03-30) актінің күнінен (2026-03-31) ерте болмауы керек',
        ru: 'Дата вступления в силу (2026-03-30) не может быть раньше даты акта (2026-03-31)',
      },
    ]);
    expect(problemsOf({ ...ORDER_138, actNumber: '138; DROP' })[0]).toMatchObject({
      path: 'actNumber',
      ru: 'Номер акта может содержать только буквы, цифры, дефис и косую черту, указано: «138; DROP»',
    });
    expect(problemsOf([])[0].path).toBe('');
  });
});
