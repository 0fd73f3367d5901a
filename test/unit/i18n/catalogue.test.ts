import { catalogue, format, LANGS, t } from '../../../i18n';
import { kk } from '../../../i18n/kk';
import { ru } from '../../../i18n/ru';
import { ALLOWED_LATIN, ALLOWED_PRODUCT_NAMES, INTERNAL_CODES, latinLeft } from '../../support/language';

/**
 * One message catalogue per language for every text a person reads. Texts are in Kazakh and
 * Russian only (Order 138 Annex 2 row 7; Order 923 List row 5: the applicant reads what is decided
 * in the state language or Russian), so each key has both, with the same placeholders.
 */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogue', () => {
  it('has every key in Kazakh and in Russian, and no key in one language only', () => {
    expect(Object.keys(kk).sort()).toEqual(Object.keys(ru).sort());
  });

  it.each(LANGS)('has a non-empty text for every key in %s', (lang) => {
    const empty = Object.entries(catalogue(lang)).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it('uses the same {param} placeholders in Kazakh and Russian', () => {
    const mismatched = Object.keys(ru).filter(
      (key) =>
        placeholders(kk[key as keyof typeof ru]).join() !== placeholders(ru[key as keyof typeof ru]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it.each(LANGS)('has no Latin words or internal codes in its %s texts', (lang) => {
    const offending = Object.entries(catalogue(lang)).flatMap(([key, text]) => {
      const words = latinLeft(text.replace(/\{\w+\}/g, ' '), [...ALLOWED_LATIN, ...ALLOWED_PRODUCT_NAMES]);
      const codes = INTERNAL_CODES.filter((code) => code.test(text.replace(/\{\w+\}/g, ' ')));
      return words.length || codes.length ? [`${key}: ${text}`] : [];
    });
    expect(offending).toEqual([]);
  });

  it('has Kazakh texts that are not the Russian ones copied over, except words spelt alike', () => {
    // A handful of words are the same in both languages (Оператор, Диаграмма, Министр, SHA-256);
    // a longer text equal in both is an untranslated copy.
    const copied = Object.keys(ru).filter((key) => {
      const k = kk[key as keyof typeof ru];
      return k === ru[key as keyof typeof ru] && k.split(/\s+/).length > 2;
    });
    expect(copied).toEqual([]);
  });

  it('fills placeholders and refuses a message whose parameter is missing', () => {
    expect(t('ru', 'notice.application-registered.body', { number: 'FAP-2026-000701' })).toBe(
      'Заявление № FAP-2026-000701 зарегистрировано.',
    );
    expect(t('kk', 'notice.application-registered.body', { number: 'FAP-2026-000701' })).toBe(
      'Өтініш № FAP-2026-000701 тіркелді.',
    );
    expect(() => format('Өтініш № {number}')).toThrow('{number}');
  });

  it('checks the checks: a Latin word, an internal code and a lone placeholder are caught', () => {
    expect(latinLeft('Заявление submitted', [...ALLOWED_LATIN, ...ALLOWED_PRODUCT_NAMES])).toEqual([
      'submitted',
    ]);
    expect(latinLeft('Запустите NCALayer', [...ALLOWED_LATIN, ...ALLOWED_PRODUCT_NAMES])).toEqual([]);
    expect(INTERNAL_CODES.some((c) => c.test('основание A02_PERMIT_REQUIREMENTS'))).toBe(true);
    expect(placeholders('срок {deadline}').join()).not.toBe(placeholders('мерзімі').join());
  });
});
