import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { catalogue, isMessageKey, LANGS } from '../../../i18n';
import { DESIGNER_MODELER_LABELS } from '../../../i18n/sections/designer-modeler.ru';

/**
 * The designer shows our element templates (.camunda/element-templates) in the page's language:
 * every template name, group, property label and choice that the properties panel prints has a
 * Kazakh and a Russian text (ui/client/components/designer-page.ts translates them on loading).
 */
const DIR = path.join(__dirname, '..', '..', '..', '.camunda', 'element-templates');

interface Template {
  name: string;
  groups?: { label: string }[];
  properties?: { label?: string; choices?: { name: string; value: string }[] }[];
}

const templates: Template[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => {
    const parsed = JSON.parse(readFileSync(path.join(DIR, f), 'utf8')) as Template | Template[];
    return Array.isArray(parsed) ? parsed : [parsed];
  });

const shownTexts = [
  ...new Set(
    templates.flatMap((t) => [
      t.name,
      ...(t.groups ?? []).map((g) => g.label),
      ...(t.properties ?? []).flatMap((p) => (p.label ? [p.label] : [])),
    ]),
  ),
];
const choiceValues = [
  ...new Set(
    templates.flatMap((t) => (t.properties ?? []).flatMap((p) => (p.choices ?? []).map((c) => c.value))),
  ),
];

describe("the designer's element templates in Kazakh and Russian", () => {
  test('there are templates with labels and choices to check', () => {
    expect(templates.length).toBeGreaterThan(10);
    expect(shownTexts.length).toBeGreaterThan(templates.length);
    expect(choiceValues.length).toBeGreaterThan(10);
  });

  test.each(LANGS)('in %s every name, group and property label has a text without Latin letters', (lang) => {
    const texts = catalogue(lang);
    const missing = shownTexts.filter((en) => !DESIGNER_MODELER_LABELS[en]);
    expect(missing).toEqual([]);
    const latin = shownTexts
      .map((en) => texts[DESIGNER_MODELER_LABELS[en]])
      .filter((s) => /[A-Za-z]/.test(s));
    expect(latin).toEqual([]);
  });

  test.each(LANGS)('in %s every choice (a document kind or a channel) is named', (lang) => {
    const texts = catalogue(lang);
    const unnamed = choiceValues.filter((v) => {
      const key = [`case.document.${v}`, `designer.t.channel.${v}`].find(isMessageKey);
      return !key || /[A-Za-z]/.test(texts[key]);
    });
    expect(unnamed).toEqual([]);
  });
});
