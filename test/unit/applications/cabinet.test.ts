/**
 * What the applicant's cabinet shows, as pure rules (domain/applications/cabinet.ts). The same rules
 * run on the real engine in test/ui/cabinet.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  cabinetView,
  HIDDEN_STAGE_ELEMENTS,
  languageParts,
  MILESTONES,
  NOTICE_TITLES,
  type CabinetInput,
  type CabinetMessage,
} from '../../../domain/applications/cabinet';
import { defaultLegalClock } from '../../../domain/legal-clock';
import { NOTICE_TEMPLATES } from '../../../workers/notify';

const BPMN = path.resolve(__dirname, '../../../bpmn');
const KAZAKH_LETTERS = /[әғқңөұүһі]/i;
const NOW = new Date('2026-03-10T10:00:00+05:00');

const message = (kind: string, documentId: string | null, at: string): CabinetMessage => ({
  messageId: `MSG-${kind}`,
  applicationNumber: 'SEC-2026-000042',
  kind,
  title: 'Тақырып / Заголовок',
  body: null,
  documentId,
  channel: 'cabinet',
  deliveredAt: at,
});

const doc = (documentId: string, kind: string, lang: string) => ({
  documentId,
  kind,
  lang,
  title: kind,
  number: `SEC-2026-000042-${kind.slice(0, 3).toUpperCase()}-01`,
  date: '06.03.2026',
});

function input(over: Partial<CabinetInput>): CabinetInput {
  return {
    applicationNumber: 'SEC-2026-000042',
    serviceId: 'security-licence',
    registeredOn: '2026-03-02',
    receivedAt: '2026-03-02T05:00:00.000Z',
    state: 'active',
    variables: {},
    variableSets: [],
    elements: [],
    messages: [],
    documents: {},
    complaints: [],
    ...over,
  };
}

test('every notice the workers send to the cabinet reads in one language: its Kazakh part has no Russian and its Russian part no Kazakh', () => {
  const variables = {
    applicationNumber: 'SEC-2026-000042',
    serviceId: 'security-licence' as const,
    hearingAt: '2026-03-16T10:00:00+05:00',
    serviceDeadline: '2026-03-20T18:30:00+05:00',
  };
  for (const [kind, template] of Object.entries(NOTICE_TEMPLATES)) {
    const body = languageParts(template.body(variables));
    expect({ kind, ru: KAZAKH_LETTERS.test(body.ru) }).toEqual({ kind, ru: false });
    expect({ kind, kk: body.kk === body.ru }).toEqual({ kind, kk: false });
    expect(NOTICE_TITLES[kind]).toBeDefined();
  }
});

test("every template the diagrams send to the applicant's cabinet has a title in both languages", () => {
  const templates = readdirSync(BPMN)
    .filter((f) => f.endsWith('.bpmn'))
    .flatMap((f) => [...readFileSync(path.join(BPMN, f), 'utf8').matchAll(/key="template" value="([^"]+)"/g)])
    .map((m) => m[1])
    .filter((t) => t !== 'deadline-breached');
  expect(templates.length).toBeGreaterThan(0);
  for (const t of templates)
    expect({ t, title: NOTICE_TITLES[t]?.ru }).toEqual({ t, title: expect.any(String) });
});

test('every stage the diagrams record is either told to the applicant in kk/ru or deliberately kept from them', () => {
  const reportIds = readdirSync(BPMN)
    .filter((f) => f.endsWith('.bpmn'))
    .flatMap((f) => [...readFileSync(path.join(BPMN, f), 'utf8').matchAll(/id="(Task_Report[A-Za-z]+)"/g)])
    .map((m) => m[1]);
  for (const id of new Set(reportIds))
    expect({ id, known: Boolean(MILESTONES[id]) || HIDDEN_STAGE_ELEMENTS.test(id) }).toEqual({
      id,
      known: true,
    });
});

test('Order 923 §8: a refusal formed for the head to sign is not shown; once delivered it is the outcome with its grounds and both language copies', () => {
  const draft = {
    resultDocument: {
      documentId: 'R-kk',
      kind: 'refusal',
      documents: [
        { lang: 'kk', documentId: 'R-kk' },
        { lang: 'ru', documentId: 'R-ru' },
      ],
    },
    refusalGrounds: ['B03_FEE_NOT_PAID'],
  };
  const documents = { 'R-kk': doc('R-kk', 'refusal', 'kk'), 'R-ru': doc('R-ru', 'refusal', 'ru') };
  const deciding = cabinetView(
    input({ variables: draft, variableSets: [draft], documents }),
    defaultLegalClock,
    NOW,
  );
  expect(deciding.outcome).toBeUndefined();
  expect(deciding.documents).toEqual([]);

  const delivered = cabinetView(
    input({
      state: 'completed',
      variables: draft,
      variableSets: [draft],
      documents,
      messages: [message('refusal', 'R-kk', '2026-03-06T08:00:00.000Z')],
    }),
    defaultLegalClock,
    NOW,
  );
  expect(delivered.outcome).toMatchObject({
    kind: 'refusal',
    number: 'SEC-2026-000042-REF-01',
    date: '06.03.2026',
  });
  expect(delivered.outcome!.documents.map((d) => d.documentId)).toEqual(['R-kk', 'R-ru']);
  expect(delivered.outcome!.grounds).toHaveLength(1);
  expect(delivered.stage.ru).toBe('В оказании государственной услуги отказано');
});

test('Order 923 §8: a licence issued after a preliminary refusal shows no refusal ground', () => {
  const vars = { refusalGrounds: ['B01_UNRELIABLE_DATA'], hearingAt: '2026-03-11T11:00:00+05:00' };
  const v = cabinetView(
    input({
      state: 'completed',
      variables: vars,
      variableSets: [vars],
      documents: { 'L-kk': doc('L-kk', 'licence', 'kk'), 'P-kk': doc('P-kk', 'preliminary-decision', 'kk') },
      messages: [
        message('preliminary-decision', 'P-kk', '2026-03-05T08:00:00.000Z'),
        message('licence', 'L-kk', '2026-03-12T08:00:00.000Z'),
      ],
    }),
    defaultLegalClock,
    NOW,
  );
  expect(v.outcome).toMatchObject({ kind: 'licence', grounds: [] });
  expect(v.hearing).toMatchObject({ open: false, grounds: [] });
  expect(v.notices.map((n) => n.kind)).toEqual(['preliminary-decision', 'licence']);
});

test('the notices are unavailable, not empty, when the personal cabinet cannot be read', () => {
  const v = cabinetView(input({ messages: null }), defaultLegalClock, NOW);
  expect(v.noticesUnavailable).toBe(true);
  expect(v.notices).toEqual([]);
});
