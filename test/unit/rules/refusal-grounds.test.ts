import {
  finding,
  groundByCode,
  groundsOf,
  misplacedGrounds,
  REFUSAL_GROUNDS,
} from '../../../domain/rules/refusal-grounds';
import { asLegalRef, citeLegalRef } from '../../../domain/rules/legal-ref';

describe('refusal grounds catalogue', () => {
  test('service A has the five grounds of Annex 2 row 11, the last being no consent (C14)', () => {
    const a = groundsOf('fire-automation-permit');
    expect(a.map((g) => g.code)).toEqual([
      'A01_UNRELIABLE_DATA',
      'A02_PERMIT_REQUIREMENTS',
      'A03_COURT_BAN',
      'A04_SPECIAL_RIGHT_DEPRIVED',
      'A05_NO_CONSENT_PERSONAL_DATA',
    ]);
  });

  test('service B has the thirteen grounds of List row 9, numbered as in the act', () => {
    const b = groundsOf('security-licence');
    expect(b).toHaveLength(13);
    b.forEach((g, i) => expect(g.code.startsWith(`B${String(i + 1).padStart(2, '0')}_`)).toBe(true));
    // Order 923, licence rules, Annex 1 (List) row 9 item 3: where the act states the ground, as data.
    expect(groundByCode('B03_FEE_NOT_PAID').ruleRef).toEqual({
      act: 'order-923',
      service: 'security-licence',
      annex: 1,
      row: 9,
      ground: 3,
    });
  });

  test('every service offers the no-consent ground (C14)', () => {
    for (const s of [
      'fire-automation-permit',
      'security-licence',
      'training-centre-designation',
      'national-company-security-approval',
    ] as const) {
      expect(groundsOf(s).some((g) => g.code.endsWith('NO_CONSENT_PERSONAL_DATA'))).toBe(true);
    }
  });

  test('codes are unique and every ground has a legal reference and both languages', () => {
    expect(new Set(REFUSAL_GROUNDS.map((g) => g.code)).size).toBe(REFUSAL_GROUNDS.length);
    for (const g of REFUSAL_GROUNDS) {
      expect(asLegalRef(g.ruleRef)).toEqual(g.ruleRef);
      for (const lang of ['kk', 'ru'] as const) expect(citeLegalRef(g.ruleRef, lang)).not.toMatch(/[A-Za-z]/);
      expect(g.textKk).toMatch(/[әғқңөұүһі]/i);
      expect(g.textRu).toMatch(/[а-яё]/i);
    }
  });

  test('a finding appends the specific fact in both languages', () => {
    const f = finding('A02_PERMIT_REQUIREMENTS', { kk: 'маман', ru: 'специалист' });
    expect(f.textKk.endsWith(': маман')).toBe(true);
    expect(f.textRu.endsWith(': специалист')).toBe(true);
    expect(() => groundByCode('NOPE')).toThrow(/unknown refusal ground/);
  });

  test('Order 923 List row 9, Order 138 Annex 2 row 11: a code of another service, or no code at all, is misplaced and says whose it is', () => {
    expect(
      misplacedGrounds('training-centre-designation', [
        'C_SECURITY_LAW_NON_COMPLIANCE',
        'B13_SECURITY_LAW_NON_COMPLIANCE',
        { code: 'A01_UNRELIABLE_DATA' },
        'NOPE',
        { code: 'OWN_WORDING', textRu: 'основание с собственным текстом' },
      ]),
    ).toEqual([
      { code: 'B13_SECURITY_LAW_NON_COMPLIANCE', ownerServiceId: 'security-licence' },
      { code: 'A01_UNRELIABLE_DATA', ownerServiceId: 'fire-automation-permit' },
      { code: 'NOPE', ownerServiceId: undefined },
    ]);
    expect(
      misplacedGrounds(
        'security-licence',
        groundsOf('security-licence').map((g) => g.code),
      ),
    ).toEqual([]);
  });
});
