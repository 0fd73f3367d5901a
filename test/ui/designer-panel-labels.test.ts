/**
 * The designer's properties panel speaks the page's language for the labels a designer sees most:
 * each label mapped in i18n/designer-panel.ts is one the installed properties panel really passes
 * through `translate`, and its Kazakh and Russian texts are the catalogue's, with no English left.
 */
import { readFileSync } from 'node:fs';
import { t } from '../../i18n';
import { DESIGNER_PANEL_LABELS } from '../../i18n/designer-panel';

const panelSource = readFileSync(require.resolve('bpmn-js-properties-panel/dist/index.esm.js'), 'utf8');

test('every mapped label is one the properties panel translates, and has a Kazakh and a Russian text without Latin words', () => {
  for (const [english, key] of Object.entries(DESIGNER_PANEL_LABELS)) {
    expect(panelSource.includes(`translate('${english}')`) ? english : `not in the panel: ${english}`).toBe(
      english,
    );
    for (const lang of ['kk', 'ru'] as const) {
      const text = t(lang, key);
      expect(text).not.toMatch(/[A-Za-z]{2,}/);
      expect(text).not.toBe(english);
    }
  }
  // The labels of the panel's groups a designer opens first.
  for (const label of [
    'General',
    'Name',
    'ID',
    'Documentation',
    'Task definition',
    'Form',
    'Inputs',
    'Outputs',
  ])
    expect(DESIGNER_PANEL_LABELS[label]).toBeDefined();
});
