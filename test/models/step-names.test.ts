/**
 * Every element of every shipped diagram is named in Kazakh and in Russian from the message
 * catalogue (i18n/sections/steps.*, key `step.<element id>`), and the diagrams carry those names as
 * "Kazakh / Russian": Camunda Tasklist and Operate show the diagram's own names and have no
 * language switch, so a name in English would reach clerks and operators (Order 138 Annex 2 row 7;
 * Order 923 List row 5: the service is rendered in the state language or Russian). Our operations
 * page names each element by its id in the page's language.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { catalogue, isMessageKey, LANGS, t } from '../../i18n';
import { elementLabel, localiseDiagram } from '../../ui/operations/labels';

const bpmnDir = join(__dirname, '..', '..', 'bpmn');
const files = readdirSync(bpmnDir).filter((f) => f.endsWith('.bpmn'));

type El = { $type: string; id: string; name?: string; flowElements?: El[]; [k: string]: unknown };
interface Named {
  file: string;
  id: string;
  type: string;
  name?: string;
}

/** Every element a person may see: the process, its flow elements at every depth, its errors. */
async function elementsOf(file: string): Promise<Named[]> {
  const xml = readFileSync(join(bpmnDir, file), 'utf8');
  const { rootElement } = await new BpmnModdle({ zeebe }).fromXML(xml);
  const out: Named[] = [];
  const visit = (el: El) => {
    out.push({ file, id: el.id, type: el.$type, name: el.name });
    for (const child of el.flowElements ?? []) visit(child);
  };
  for (const root of (rootElement as unknown as { rootElements: El[] }).rootElements) {
    if (root.$type === 'bpmn:Process') visit(root);
    if (root.$type === 'bpmn:Error') out.push({ file, id: root.id, type: root.$type, name: root.name });
  }
  return out;
}

/** Elements that must have a catalogue name: all but sequence flows without a label. */
const needsName = (e: Named) => e.type !== 'bpmn:SequenceFlow' || !!e.name;
const LATIN = /[A-Za-z]/;

let elements: Named[] = [];
beforeAll(async () => {
  elements = (await Promise.all(files.map(elementsOf))).flat();
});

describe('names of the diagrams’ elements', () => {
  it('reads every diagram in bpmn/ (the check has something to check)', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    expect(elements.filter(needsName).length).toBeGreaterThan(230);
  });

  it.each(LANGS)('names every element of every diagram in %s in the catalogue', (lang) => {
    const texts = catalogue(lang) as Readonly<Record<string, string>>;
    const missing = elements
      .filter(needsName)
      .filter((e) => !texts[`step.${e.id}`]?.trim())
      .map((e) => `${e.file} ${e.id}`);
    expect(missing).toEqual([]);
  });

  it('writes no Latin letter in any element name of any diagram', () => {
    const latin = elements
      .filter((e) => e.name && LATIN.test(e.name))
      .map((e) => `${e.file} ${e.id}: ${e.name}`);
    expect(latin).toEqual([]);
  });

  it('names each element in the diagram as "Kazakh / Russian" from the catalogue', () => {
    const wrong = elements
      .filter((e) => e.name)
      .filter((e) => {
        const key = `step.${e.id}`;
        return !isMessageKey(key) || e.name !== `${t('kk', key)} / ${t('ru', key)}`;
      })
      .map((e) => `${e.file} ${e.id}: ${e.name}`);
    expect(wrong).toEqual([]);
  });

  it('checks the check: an English name and an element without a catalogue entry are caught', () => {
    expect(LATIN.test('Record the registration')).toBe(true);
    expect(
      LATIN.test(`${t('kk', 'step.Task_ReportRegistered')} / ${t('ru', 'step.Task_ReportRegistered')}`),
    ).toBe(false);
    expect(needsName({ file: 'x', id: 'Task_Unknown', type: 'bpmn:ServiceTask' })).toBe(true);
    expect(isMessageKey('step.Task_Unknown')).toBe(false);
  });
});

describe('the operations page names elements by id in the page’s language', () => {
  it('names an automatic step by its own name, not by its kind', () => {
    expect(elementLabel('Task_LookupRealEstate', 'SERVICE_TASK', 'ru')).toBe(
      'Запрос сведений о недвижимости',
    );
    expect(elementLabel('Task_LookupRealEstate', 'SERVICE_TASK', 'kk')).toBe(
      'Жылжымайтын мүлік туралы мәліметтерді сұрату',
    );
    expect(elementLabel('Task_LookupRealEstate', 'SERVICE_TASK', 'ru')).not.toBe(t('ru', 'ops.kind.lookup'));
    expect(elementLabel('Gateway_DocumentsComplete', 'EXCLUSIVE_GATEWAY', 'kk')).toBe('Құжаттар толық па?');
  });

  it('falls back to the kind for a designer’s element without a catalogue entry', () => {
    expect(elementLabel('Task_LookupSomethingNew', 'SERVICE_TASK', 'ru')).toBe(t('ru', 'ops.kind.lookup'));
    expect(elementLabel('Activity_0x1y2z', 'USER_TASK', 'kk')).toBe(t('kk', 'ops.kind.userTask'));
  });

  it.each(LANGS)('shows every shipped diagram in %s only, with its branch labels', (lang) => {
    for (const file of files) {
      const shown = localiseDiagram(readFileSync(join(bpmnDir, file), 'utf8'), lang);
      const names = [...shown.matchAll(/<bpmn:(\w+) id="([^"]+)"[^>]*? name="([^"]*)"/g)].filter(
        ([, local]) => local !== 'message' && local !== 'error',
      );
      expect(names.length).toBeGreaterThan(0);
      for (const [, , id, name] of names) expect([id, name]).toEqual([id, t(lang, `step.${id}` as never)]);
    }
  });
});
