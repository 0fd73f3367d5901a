import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { groundsOf } from '../../domain/rules/refusal-grounds';
import { missingSubTypeOneDocuments } from '../../domain/rules/security-requirements';
import { caseSummary } from '../../domain/case-summary';
import { defaultLegalClock } from '../../domain/legal-clock';
import { evaluateValue } from '../../engine/feel';
import { SERVICE_IDS } from '../../domain/services';

const root = join(__dirname, '..', '..');
const read = (p: string) => JSON.parse(readFileSync(join(root, p), 'utf8'));
const forms = readdirSync(join(root, 'forms'))
  .filter((f) => f.endsWith('.form'))
  .map((f) => ({ f, form: read(`forms/${f}`) }));
const kk = read('forms/i18n/kk.json') as Record<string, string>;
const ru = read('forms/i18n/ru.json') as Record<string, string>;

type C = {
  type: string;
  key?: string;
  label?: string;
  dateLabel?: string;
  validate?: Record<string, unknown>;
};

describe('forms', () => {
  test('each form is a Camunda form whose id is its file name', () => {
    for (const { f, form } of forms) {
      expect(form.type).toBe('default');
      expect(form.id).toBe(f.replace(/\.form$/, ''));
      expect(form.schemaVersion).toBeGreaterThanOrEqual(16);
    }
  });

  test('every input field\'s label is in the form\'s language (`formLanguage`), both as "Kazakh / Russian" with none (Camunda Tasklist), as in the i18n files', () => {
    for (const { form } of forms) {
      for (const c of (form.components as C[]).filter((x) => x.key)) {
        const label = c.label ?? c.dateLabel ?? '';
        const shown = (formLanguage?: string) => evaluateValue(label, formLanguage ? { formLanguage } : {});
        expect(shown('kk')).toBe(kk[c.key!]);
        expect(shown('ru')).toBe(ru[c.key!]);
        expect(shown()).toBe(`${kk[c.key!]} / ${ru[c.key!]}`);
        expect(kk[c.key!]).toMatch(/[а-яәғқңөұүһі]/i);
        expect(ru[c.key!]).not.toMatch(/[әғқңөұүһі]/i);
      }
    }
  });

  test('decisions that drive gateways are required or booleans', () => {
    const find = (id: string, key: string) =>
      (forms.find((x) => x.form.id === id)!.form.components as C[]).find((c) => c.key === key)!;
    expect(find('completeness-check', 'documentsComplete').type).toBe('checkbox');
    for (const serviceId of SERVICE_IDS)
      expect(find(`compliance-study-${serviceId}`, 'groundsFound').type).toBe('checkbox');
    expect(find('hearing-record', 'hearingOutcome').validate?.required).toBe(true);
    expect(find('signature', 'decision').validate?.required).toBe(true);
    expect(find('preliminary-decision', 'hearingAt').validate?.required).toBe(true);
  });
});

describe('hearing forms (Order 923 §8; APPC art. 73; spec C6)', () => {
  const form = (id: string) => forms.find((x) => x.form.id === id)!.form;

  test('the hearing record lists every position the applicant sent, with its attachments and a late mark (rows prepared by the case-summary job)', () => {
    type G = C & { dataSource?: string; id?: string; components?: G[] };
    const walk = (cs: G[]): G[] => cs.flatMap((c) => [c, ...walk(c.components ?? [])]);
    const table = walk(form('hearing-record').components as G[]).find(
      (c) => c.type === 'table' && c.id === 'Table_displayMessages_ru',
    )!;
    const rows = caseSummary(
      {
        applicantPositions: [
          {
            text: 'Бірінші ұстаным',
            attachments: [
              { kind: 'hearing-position-document', fileName: 'qauly.pdf' },
              { kind: 'hearing-position-document', fileName: 'hat.pdf' },
            ],
            submittedAt: '2026-03-03T06:00:00.000Z',
            late: false,
          },
          { text: 'Кешіккен ұстаным', attachments: [], submittedAt: '2026-03-04T06:05:00.000Z', late: true },
        ],
      },
      { now: new Date('2026-03-05T06:00:00Z'), clock: defaultLegalClock },
    );
    expect(evaluateValue(table.dataSource, { ...rows })).toEqual([
      {
        at: '03.03.2026 11:00',
        kind: 'Позиция к заслушиванию',
        text: 'Бірінші ұстаным',
        attachments: 'qauly.pdf, hat.pdf',
      },
      {
        at: '04.03.2026 11:05',
        kind: 'Позиция (после заслушивания)',
        text: 'Кешіккен ұстаным',
        attachments: '—',
      },
    ]);
  });

  test('the preliminary decision shows why a hearing time was refused, and requires a time not in the past', () => {
    const prelim = form('preliminary-decision').components as Array<
      C & { text?: string; disallowPassedDates?: boolean }
    >;
    expect(prelim.some((c) => c.type === 'text' && c.text?.includes('{{hearingTimeError.kk}}'))).toBe(true);
    expect(prelim.some((c) => c.type === 'text' && c.text?.includes('{{hearingTimeError.ru}}'))).toBe(true);
    const at = prelim.find((c) => c.key === 'hearingAt')!;
    expect(at.validate?.required).toBe(true);
    expect(at.disallowPassedDates).toBe(true);
  });
});

describe('incomplete packages (Order 923 §6–§7; spec C5)', () => {
  test('the completeness form lists the sub-type 1 documents the attachments lack, as the domain rule does', () => {
    const components = forms.find((x) => x.form.id === 'completeness-check')!.form.components as Array<
      C & { expression?: string; conditional?: { hide: string } }
    >;
    const v = components.find((c) => c.key === 'viewMissingSubTypeOne')!;
    expect(v.conditional?.hide).toContain('subType != 1');
    const samples = [
      [],
      [{ kind: 'radio-subscriber-contract' }, { kind: 'monitoring-console-staffing' }],
      [
        'central-post-premises-lease',
        'monitoring-console-staffing',
        'monitoring-console-technical-docs',
        'radio-frequency-permit',
        'response-group-orders',
      ].map((kind) => ({ kind })),
    ];
    for (const attachments of samples) {
      const missing = missingSubTypeOneDocuments({ subType: 1, requestKind: 'issue', attachments });
      const expected = missing.length
        ? missing.map((d) => `${d.kk} / ${d.ru}`).join('; ')
        : 'барлығы қоса берілген / все приложены';
      expect(evaluateValue(v.expression, { attachments })).toBe(expected);
    }
  });
});

describe('expired documents (Order 923 §7; spec C5)', () => {
  test("the completeness form offers as expired only the documents of the application's own service", () => {
    const components = forms.find((x) => x.form.id === 'completeness-check')!.form.components as Array<
      C & { valuesExpression?: string }
    >;
    const expired = components.find((c) => c.key === 'expiredDocuments')!;
    const offered = (vars: Record<string, unknown>) =>
      (evaluateValue(expired.valuesExpression, vars) as { value: string }[]).map((v) => v.value);
    expect(offered({ serviceId: 'training-centre-designation' })).toEqual([
      'docApplication',
      'docInspectionAct',
      'docTeachers',
      'docCurricula',
      'docShootingRange',
    ]);
    expect(offered({ serviceId: 'security-licence', subType: 2, requestKind: 'issue' })).toEqual([
      'docApplication',
    ]);
    expect(offered({ serviceId: 'national-company-security-approval' })).toEqual([
      'docApplication',
      'docAntimonopolyConsent',
      'docConstituent',
      'docObjectsList',
    ]);
  });
});

describe('refusal grounds per service', () => {
  // Order 923 List row 9 (services B–D) and Order 138 Annex 2 row 11 (service A) each list their
  // own grounds: the study of one service must not offer another's.
  test.each(SERVICE_IDS)(
    'the study task of %s offers exactly its own grounds (Order 923 List row 9; Order 138 Annex 2 row 11)',
    (serviceId) => {
      const xml = readFileSync(join(root, 'bpmn', `${serviceId}.bpmn`), 'utf8');
      const task = xml.match(/<bpmn:userTask id="Task_StudyCompliance"[\s\S]*?<\/bpmn:userTask>/)![0];
      const formId = task.match(/formId="([^"]+)"/)![1];
      const study = forms.find((x) => x.form.id === formId)!.form;
      const taglist = (study.components as Array<C & { valuesExpression?: string }>).find(
        (c) => c.key === 'refusalGrounds',
      )!;
      const values = (formLanguage?: string) =>
        evaluateValue(taglist.valuesExpression, formLanguage ? { formLanguage } : {}) as Array<{
          value: string;
          label: string;
        }>;
      const offered = values().map((v) => v.value);
      expect(offered.sort()).toEqual(
        groundsOf(serviceId)
          .map((g) => g.code)
          .sort(),
      );
      // A clerk reads the labels: the ground's wording in the form's language, no internal code.
      const grounds = groundsOf(serviceId);
      expect(values('kk').map((v) => v.label)).toEqual(grounds.map((g) => g.textKk));
      expect(values('ru').map((v) => v.label)).toEqual(grounds.map((g) => g.textRu));
      for (const v of values()) expect(v.label).not.toContain(v.value);
    },
  );
});

describe('element templates', () => {
  const dir = join(root, '.camunda', 'element-templates');
  const templates = readdirSync(dir).map((f) => ({ f, t: read(`.camunda/element-templates/${f}`) }));

  test('one template per job type used in the diagrams, bound by a hidden task type', () => {
    const used = new Set<string>();
    for (const b of readdirSync(join(root, 'bpmn')).filter((f) => f.endsWith('.bpmn'))) {
      for (const m of readFileSync(join(root, 'bpmn', b), 'utf8').matchAll(
        /zeebe:taskDefinition type="([^"]+)"/g,
      ))
        used.add(m[1]);
    }
    const bound = templates.map(({ t }) =>
      t.properties.find((p: any) => p.binding.type === 'zeebe:taskDefinition'),
    );
    expect(bound.every((p) => p?.type === 'Hidden')).toBe(true);
    expect(new Set(bound.map((p) => p.value))).toEqual(used);
    for (const { f, t } of templates) {
      expect(t.appliesTo).toEqual(['bpmn:ServiceTask']);
      expect(f).toBe(`${t.properties[0].value}.json`);
    }
  });
});
