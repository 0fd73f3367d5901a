import { catalogue, format, LANGS, t } from '../../../i18n';
import { kk } from '../../../i18n/kk';
import { ru } from '../../../i18n/ru';
import { summaryKk } from '../../../i18n/sections/summary.kk';
import { summaryRu } from '../../../i18n/sections/summary.ru';
import { errorsKk } from '../../../i18n/sections/errors.kk';
import { errorsRu } from '../../../i18n/sections/errors.ru';
import { documentsKk } from '../../../i18n/sections/documents.kk';
import { documentsRu } from '../../../i18n/sections/documents.ru';
import { formsKk } from '../../../i18n/sections/forms.kk';
import { formsRu } from '../../../i18n/sections/forms.ru';
import { groundsKk } from '../../../i18n/sections/grounds.kk';
import { groundsRu } from '../../../i18n/sections/grounds.ru';
import { rulesKk } from '../../../i18n/sections/rules.kk';
import { rulesRu } from '../../../i18n/sections/rules.ru';
import { stepsKk } from '../../../i18n/sections/steps.kk';
import { stepsRu } from '../../../i18n/sections/steps.ru';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
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

/** The sections kept in their own files (i18n/sections/), spread into the two catalogues. */
const SECTIONS: Record<
  string,
  { kk: Readonly<Record<string, string>>; ru: Readonly<Record<string, string>> }
> = {
  documents: { kk: documentsKk, ru: documentsRu },
  errors: { kk: errorsKk, ru: errorsRu },
  forms: { kk: formsKk, ru: formsRu },
  grounds: { kk: groundsKk, ru: groundsRu },
  rules: { kk: rulesKk, ru: rulesRu },
  steps: { kk: stepsKk, ru: stepsRu },
  summary: { kk: summaryKk, ru: summaryRu },
};

describe('the catalogue sections (documents, errors, forms, refusal grounds, rules, steps, summary)', () => {
  it.each(Object.keys(SECTIONS))('has the %s section whole in both catalogues, no key overridden', (name) => {
    const section = SECTIONS[name];
    expect(Object.keys(section.kk).sort()).toEqual(Object.keys(section.ru).sort());
    const overridden = Object.keys(section.ru).filter(
      (key) =>
        catalogue('ru')[key as keyof typeof ru] !== section.ru[key] ||
        catalogue('kk')[key as keyof typeof ru] !== section.kk[key],
    );
    expect(overridden).toEqual([]);
  });

  it('defines every key in one section only', () => {
    const keys = Object.values(SECTIONS).flatMap((s) => Object.keys(s.ru));
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });

  // Order 138 Annex 2 row 7, Order 923 List row 5: what the documents and forms say is read in
  // Kazakh or Russian; it lives in the catalogue, so no string in their code is Kazakh or Russian.
  const CYRILLIC = /[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]/;
  const SOURCES = [
    'adapters/documents/pdf.ts',
    'adapters/eds/pades.ts',
    'adapters/eds/result-signing.ts',
    'config/log.ts',
    'domain/applications/cabinet.ts',
    'domain/case-summary.ts',
    'adapters/eds/verify.ts',
    'domain/documents/build.ts',
    'domain/documents/context.ts',
    'domain/documents/findings.ts',
    'domain/documents/format.ts',
    'domain/documents/notices.ts',
    'domain/documents/results.ts',
    'domain/documents/services.ts',
    'domain/documents/variables.ts',
    'domain/legal-clock/fees.ts',
    'domain/rules/fire-specialists.ts',
    'domain/rules/legal-amendments.ts',
    'domain/rules/refusal-grounds.ts',
    'domain/rules/security-requirements.ts',
    'intake/attachments.ts',
    'intake/inbound.ts',
    'intake/intake.ts',
    'intake/text.ts',
    'scripts/record-amendment.ts',
    'tools/bpmn-builder/builder.ts',
    'tools/bpmn-builder/forms.ts',
    'ui/app.ts',
    'ui/auth/idp.ts',
    'ui/auth/oidc.ts',
    'ui/auth/sessions.ts',
    'ui/eds/routes.ts',
    'ui/paging.ts',
    'ui/routes/worklist.ts',
    'workers/case-summary.ts',
    'workers/generate-document.ts',
    'workers/request-missing-documents.ts',
    'workers/send-letter.ts',
  ];
  /** String and template literal texts of a source file that hold Kazakh or Russian letters. */
  function cyrillicStrings(
    file: string,
    text = readFileSync(join(__dirname, '../../..', file), 'utf8'),
  ): string[] {
    const found: string[] = [];
    const visit = (node: ts.Node) => {
      if (
        ts.isStringLiteralLike(node) ||
        ts.isTemplateHead(node) ||
        ts.isTemplateMiddle(node) ||
        ts.isTemplateTail(node)
      ) {
        if (CYRILLIC.test(node.text)) found.push(node.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true));
    return found;
  }

  // Not texts: the letters a letter's outgoing number may hold (the rules-change form's pattern),
  // and the marker a redacted log field carries (config/log.ts `REDACTED`), which operators search for.
  const NOT_TEXT = new Set(['^[A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі0-9/\\-.]{1,40}$', '[скрыто]']);

  it.each(SOURCES)('leaves no Kazakh or Russian text inline in %s', (file) => {
    expect(cyrillicStrings(file).filter((text) => !NOT_TEXT.has(text))).toEqual([]);
  });

  it('checks the check: an inline pair is found, a regular expression is not', () => {
    expect(cyrillicStrings('x.ts', "const a = tr('Өтініш', `Заявление ${n}`); const r = /^г\\./;")).toEqual([
      'Өтініш',
      'Заявление ',
    ]);
  });
});
