/**
 * The properties panel's help, controls and validation messages (i18n/sections/designer-panel.*):
 * each mapped English text is one the installed panel really shows, and its Kazakh and Russian
 * texts carry no Latin word and keep the panel's `{placeholders}`.
 */
import { readFileSync } from 'node:fs';
import { catalogue } from '../../../i18n';
import { DESIGNER_PANEL_DOM_TEXTS, DESIGNER_PANEL_TEXTS } from '../../../i18n/sections/designer-panel.ru';

const SOURCES = [
  'bpmn-js-properties-panel/dist/index.esm.js',
  '@bpmn-io/properties-panel/dist/index.esm.js',
  '@camunda/example-data-properties-provider/lib/propertiesPanel/ExampleDataProperty.js',
  'camunda-bpmn-js/dist/camunda-cloud-modeler.development.js',
].map((file) => readFileSync(require.resolve(file), 'utf8'));

/** Texts the panel composes at run time from a template literal or an element's type. */
const COMPOSED: Record<string, string> = {
  'List contains {numOfItems} items': 'List contains {numOfItems} item${',
  'List contains {numOfItems} item': 'List contains {numOfItems} item${',
  'Click to set a dynamic value with FEEL expression': 'dynamic value with FEEL expression',
  'Click to remove dynamic value with FEEL expression': 'dynamic value with FEEL expression',
  'Message Start Event (Non Interrupting)': '(\\bNon Interrupting)',
};

const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();

test('every mapped text is one the installed panel shows, with a Kazakh and a Russian text without Latin words', () => {
  for (const [english, key] of Object.entries({ ...DESIGNER_PANEL_TEXTS, ...DESIGNER_PANEL_DOM_TEXTS })) {
    const needle = COMPOSED[english] ?? english;
    expect(SOURCES.some((s) => s.includes(needle)) ? english : `not in the panel: ${english}`).toBe(english);
    for (const lang of ['kk', 'ru'] as const) {
      const text = catalogue(lang)[key];
      expect(text.replace(/\{\w+\}/g, '')).not.toMatch(/[A-Za-z]{2,}/);
      expect(placeholders(text)).toEqual(placeholders(english));
    }
  }
  // The validation messages a designer meets first.
  for (const message of [
    'ID must be unique.',
    'ID must not be empty.',
    'Must not be empty.',
    'FEEL expression is mandatory',
  ])
    expect({ ...DESIGNER_PANEL_TEXTS, ...DESIGNER_PANEL_DOM_TEXTS }[message]).toBeDefined();
});
