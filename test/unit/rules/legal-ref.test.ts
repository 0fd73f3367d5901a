import { asLegalRef, citeLegalRef, groundLegalRef, listRef } from '../../../domain/rules/legal-ref';
import { groundByCode } from '../../../domain/rules/refusal-grounds';

describe('legal references as data, printed from the catalogue in Kazakh and Russian', () => {
  test('Order 138 Annex 2 row 11 item 2: the specialists ground of service A, cited in each language', () => {
    const ref = groundByCode('A02_PERMIT_REQUIREMENTS').ruleRef;
    expect(ref).toEqual({
      act: 'order-138',
      service: 'fire-automation-permit',
      annex: 2,
      row: 11,
      ground: 2,
    });
    expect(citeLegalRef(ref, 'ru')).toBe(
      'подпункт 2) пункта 11 Перечня основных требований (приложение 2 к Правилам)',
    );
    expect(citeLegalRef(ref, 'kk')).toBe('Қағидаларға 2-қосымшадағы Тізбенің 11-тармағының 2) тармақшасы');
  });

  test('Order 923 §8 and §10: the grounds of services C and D the amended paragraphs name', () => {
    expect(groundByCode('C_SECURITY_LAW_NON_COMPLIANCE').ruleRef).toEqual({
      act: 'order-923',
      service: 'training-centre-designation',
      paragraph: 8,
    });
    const d = groundByCode('D_ANTIMONOPOLY_CONSENT_NOT_CONFIRMED').ruleRef;
    expect(d).toEqual({ act: 'order-923', service: 'national-company-security-approval', paragraph: 10 });
    expect(citeLegalRef(d, 'ru')).toBe('пункт 10 Правил');
    expect(citeLegalRef(d, 'kk')).toBe('Қағидалардың 10-тармағы');
  });

  test('Order 923 licence rules Annex 1 row 8 item 1: a requirement of the List, not a ground', () => {
    const ref = listRef('security-licence', 8, { item: 1 });
    expect(ref).toEqual({ act: 'order-923', service: 'security-licence', annex: 1, row: 8, item: 1 });
    expect(citeLegalRef(ref, 'ru')).toBe(
      'подпункт 1) пункта 8 Перечня основных требований (приложение 1 к Правилам)',
    );
  });

  test('a worded note, an unknown act, an act that is not the rules of the service, or a place that is no place is not a reference', () => {
    const a02 = groundLegalRef('fire-automation-permit', 'A02_PERMIT_REQUIREMENTS');
    expect(asLegalRef(a02)).toEqual(a02);
    expect(asLegalRef('MES Order 372 (as amended by Order 138), Annex 2 row 11 ground 2')).toBeUndefined();
    expect(asLegalRef({ ...a02, act: 'order-372' })).toBeUndefined();
    expect(asLegalRef({ ...a02, act: 'order-923' })).toBeUndefined();
    expect(asLegalRef({ ...a02, annex: 1 })).toBeUndefined();
    expect(asLegalRef({ act: 'order-138', service: 'fire-automation-permit' })).toBeUndefined();
    expect(asLegalRef({ ...a02, paragraph: 8 })).toBeUndefined();
    expect(asLegalRef({ ...a02, ground: 0 })).toBeUndefined();
    expect(() => groundLegalRef('security-licence', 'A02_PERMIT_REQUIREMENTS')).toThrow();
  });
});
