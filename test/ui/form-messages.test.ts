/**
 * form-js's validation messages in the worklist's forms come from the message catalogue in the
 * page's language: the real forms rendered by form-js in Debian's Chromium, submitted with empty
 * required fields and a reason too short, show Kazakh or Russian messages and no English. The same
 * forms without the module show form-js's English, so the check would catch a regression.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { t } from '../../i18n';
import { localiseFormMessage } from '../../ui/client/form-messages';
import { formJsPage, type FormJsPage } from '../support/form-js';
import { missingPrerequisite } from '../e2e/support/system';

const REPO = path.resolve(__dirname, '..', '..');
const missing = missingPrerequisite();
if (missing) console.warn(`form messages in the browser SKIPPED: ${missing}`);
const inBrowser = missing ? describe.skip : describe;

jest.setTimeout(120_000);

const form = (name: string) => JSON.parse(readFileSync(path.join(REPO, 'forms', `${name}.form`), 'utf8'));

test.each(['kk', 'ru'] as const)('every message form-js writes becomes a catalogue text in %s', (lang) => {
  const translate = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) =>
    t(lang, key, params);
  expect(localiseFormMessage('Field is required.', translate)).toBe(t(lang, 'fjs.required'));
  expect(localiseFormMessage('Field must have minimum length of 20.', translate)).toBe(
    t(lang, 'fjs.minLength', { min: 20 }),
  );
  expect(localiseFormMessage('Value is expected to have at most 2 decimal digits.', translate)).toBe(
    t(lang, 'fjs.decimals', { digits: 2 }),
  );
  expect(
    localiseFormMessage('Please select a valid value, the two nearest valid values are 5 and 10.', translate),
  ).toBe(t(lang, 'fjs.step', { below: 5, above: 10 }));
  expect(
    localiseFormMessage(
      'Field must be a valid  international phone number. (e.g. +4930664040900)',
      translate,
    ),
  ).toBe(t(lang, 'fjs.phone'));
  // An English message of a later form-js is not shown as it is; a form's own Russian message is.
  expect(localiseFormMessage('Something new went wrong.', translate)).toBe(t(lang, 'fjs.invalid'));
  expect(localiseFormMessage('Только цифры', translate)).toBe('Только цифры');
});

inBrowser('form-js in the browser', () => {
  let fjs: FormJsPage;

  beforeAll(async () => {
    fjs = await formJsPage(`
      import { Form } from '@bpmn-io/form-js-viewer';
      import { formMessagesModule } from './ui/client/form-messages';
      import { t } from './i18n';
      const container = document.createElement('div');
      document.body.replaceChildren(container);
      (window as any).render = async (schema: any, data: any, lang: 'kk' | 'ru' | null) => {
        container.replaceChildren();
        const form = new Form({
          container,
          additionalModules: lang ? [formMessagesModule((key, params) => t(lang, key, params))] : [],
        } as never);
        await form.importSchema(schema, data);
        const result = form.submit();
        await new Promise((r) => setTimeout(r, 50));
        return {
          fields: Object.keys(result.errors),
          shown: Array.from(document.querySelectorAll('.fjs-form-field-error')).map((e) => e.textContent ?? ''),
        };
      };`);
  });
  afterAll(async () => fjs?.close());

  const render = (name: string, data: Record<string, unknown>, lang: 'kk' | 'ru' | null) =>
    fjs.call<{ fields: string[]; shown: string[] }>('render', form(name), data, lang);

  test.each(['kk', 'ru'] as const)(
    'the preliminary decision submitted empty and a completeness check with a short reason show %s messages, no English',
    async (lang) => {
      const empty = await render('preliminary-decision', {}, lang);
      expect(empty.fields.length).toBeGreaterThan(0);
      expect(empty.shown.length).toBeGreaterThan(0);
      for (const text of empty.shown) expect(text).not.toMatch(/[A-Za-z]{2,}/);
      expect(empty.shown).toContain(t(lang, 'fjs.required'));

      const short = await render(
        'completeness-check',
        { documentsComplete: false, incompletenessReason: 'Жоқ' },
        lang,
      );
      expect(short.shown).toContain(t(lang, 'fjs.minLength', { min: 20 }));
      for (const text of short.shown) expect(text).not.toMatch(/[A-Za-z]{2,}/);
    },
  );

  test('without the module the same form shows form-js’s English (what the module replaces)', async () => {
    const english = await render('preliminary-decision', {}, null);
    expect(english.shown).toContain('Field is required.');
  });
});
