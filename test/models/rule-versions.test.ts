import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES_FROM, rulesFromOf } from '../../domain/rules/rule-versions';
import { SERVICE_IDS } from '../../domain/services';

const root = join(__dirname, '..', '..');

describe('rules versions in the diagrams and forms (spec C13)', () => {
  test.each(SERVICE_IDS)(
    '%s declares the first registration day its rules govern in its version tag',
    (id) => {
      const xml = readFileSync(join(root, 'bpmn', `${id}.bpmn`), 'utf8');
      const tag =
        /<bpmn:process id="[^"]+"[^>]*>\s*<bpmn:documentation>[^<]*<\/bpmn:documentation>\s*<bpmn:extensionElements>\s*<zeebe:versionTag value="([^"]+)" \/>/.exec(
          xml,
        )?.[1];
      expect(rulesFromOf(tag)).toBe(RULES_FROM[id]);
    },
  );

  test.each(['completeness-check', 'compliance-study-fire-automation-permit'])(
    'the %s form shows the note on the earlier wording (Order 138 ¶4) when intake set it, and hides it otherwise',
    (formId) => {
      const form = JSON.parse(readFileSync(join(root, 'forms', `${formId}.form`), 'utf8'));
      // In the form's language: the case summary's `earlierWording`, set from intake's note.
      expect(form.components).toContainEqual({
        type: 'text',
        text: '**{{displayKk.earlierWording}}**',
        id: 'Text_EarlierWordingNote_kk',
        conditional: { hide: '=formLanguage = "ru" or displayKk.earlierWording = null' },
      });
      expect(form.components).toContainEqual({
        type: 'text',
        text: '**{{displayRu.earlierWording}}**',
        id: 'Text_EarlierWordingNote_ru',
        conditional: { hide: '=formLanguage = "kk" or displayRu.earlierWording = null' },
      });
    },
  );
});
