/**
 * Issue 11 point 1: every decision form shows the case. Drives a fire-automation permit (service A)
 * on the embedded engine with the real diagrams up to each user task, reads the variables the task
 * sees (the case-summary job has run before it), renders the task's form as form-js does (text
 * templates `{{…}}` and `{{#if …}}…{{/if}}`, table data sources and conditions, all FEEL, evaluated
 * by the engine's FEEL; `feelers` itself is an ES module Jest cannot load) and fails on an empty
 * summary, raw JSON, element ids, Latin words or ISO timestamps.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateValue } from '../../engine/feel';
import { fixtures } from '../../simulators';
import {
  applicantOf,
  COMPLETE,
  completeTask,
  completeWith,
  groundsFound,
  hearingNotice,
  hearingRecord,
  holdHearingAt,
  MONDAY,
  NO_GROUNDS,
  NOW,
  permitApplication,
  sendHearingNotice,
  submitApplication,
  testSystemAt,
  TRAINING_CENTRE_LOCATION,
  variablesOf,
  waitFor,
  waitForTask,
} from '../support/process-fixtures';

const root = join(__dirname, '..', '..');
type Component = {
  type: string;
  id?: string;
  text?: string;
  label?: string;
  key?: string;
  dataSource?: string;
  expression?: string;
  columns?: Array<{ key: string; label: string }>;
  conditional?: { hide?: string };
};
const formOf = (id: string) =>
  JSON.parse(readFileSync(join(root, 'forms', `${id}.form`), 'utf8')) as { components: Component[] };

const SUMMARY_TABLES = [
  'Table_displayDeadlines',
  'Table_displayChecks',
  'Table_displayGrounds',
  'Table_displayMessages',
  'Table_displayRemarks',
  'Table_displayDocuments',
];

/** form-js's templating, for what the forms use: `{{#if c}}…{{/if}}` (not nested) and `{{expression}}`. */
function evaluateTemplate(template: string, vars: Record<string, unknown>): string {
  const value = (expression: string) => evaluateValue(`=${expression}`, vars);
  return template
    .replace(/\{\{#if ([^}]+)\}\}([\s\S]*?)\{\{\/if\}\}/g, (_m, cond: string, body: string) => {
      const v = value(cond);
      return v !== null && v !== undefined && v !== false && v !== '' ? body : '';
    })
    .replace(/\{\{([^#/}][^}]*)\}\}/g, (_m, expression: string) => {
      const v = value(expression.trim());
      return v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
    });
}

/** What a person reads in the form, component by component, as form-js renders it. */
function render(formId: string, vars: Record<string, unknown>): Array<{ id: string; shown: string[] }> {
  const out: Array<{ id: string; shown: string[] }> = [];
  for (const c of formOf(formId).components) {
    if (c.conditional?.hide && evaluateValue(c.conditional.hide, vars) === true) continue;
    const id = c.id ?? c.key ?? c.type;
    if (c.type === 'text') out.push({ id, shown: [evaluateTemplate(c.text!, vars)] });
    else if (c.type === 'table') {
      const rows = evaluateValue(c.dataSource!, vars) as Array<Record<string, unknown>>;
      out.push({
        id,
        shown: rows.flatMap((r) =>
          c.columns!.map(
            (col) => (typeof r[col.key] === 'string' ? r[col.key] : JSON.stringify(r[col.key])) as string,
          ),
        ),
      });
    } else if (c.type === 'expression') out.push({ id, shown: [String(evaluateValue(c.expression!, vars))] });
  }
  return out;
}

/** The faults the reviewers found on the forms' screens. */
function faultsOf(formId: string, vars: Record<string, unknown>): string[] {
  const faults: string[] = [];
  const shown = render(formId, vars);
  for (const t of SUMMARY_TABLES) {
    const table = shown.find((s) => s.id === t);
    if (!table || table.shown.length === 0) faults.push(`${formId}: ${t} is empty`);
    for (const cell of table?.shown ?? [])
      if (!cell || !cell.trim()) faults.push(`${formId}: ${t} has an empty cell`);
  }
  const summary = shown.find((s) => s.id === 'Text_CaseSummary')?.shown[0] ?? '';
  if (!/Заявитель:\*\* \S/.test(summary) || !/Запрос:\*\* \S/.test(summary))
    faults.push(`${formId}: empty summary: ${summary}`);
  for (const { id, shown: texts } of shown) {
    for (const text of texts) {
      const where = `${formId} ${id}: ${text.slice(0, 200)}`;
      if (/\{"|"\w+":|\[object Object\]|\bnull\b|\bundefined\b/.test(text)) faults.push(`raw JSON: ${where}`);
      if (/\b(Task|Gateway|Event|Flow)_[A-Z]/.test(text)) faults.push(`element id: ${where}`);
      if (/\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?/.test(text)) faults.push(`ISO time: ${where}`);
      // Links, file names the applicant chose and application numbers are not words a person reads.
      const words = text
        .replace(/\b[A-Z]{2,4}-\d{4}-\d{6}\b/g, '')
        .replace(/\]\([^)]*\)/g, ']')
        .replace(/https?:\/\/\S+/g, '')
        .replace(/\S+\.(pdf|png|jpe?g|docx?)\b/gi, '');
      const latin = words.match(/\b[A-Za-z]{2,}\b/g);
      if (latin) faults.push(`Latin words ${latin.join(', ')}: ${where}`);
    }
  }
  return faults;
}

describe('decision forms show the case (issue 11 point 1), rendered with the variables of a real run', () => {
  const sys = testSystemAt(MONDAY);
  const seen = new Map<string, Record<string, unknown>>();

  /** The variables the user task `elementId` of the application sees, once it is created. */
  async function atTask(key: string, elementId: string): Promise<Record<string, unknown>> {
    const task = await waitForTask(sys.client, key, elementId);
    return variablesOf(sys.client, String(task.processInstanceKey));
  }

  test('a permit application with a specialist short of experience, from completeness to signature, and a complaint', async () => {
    const company = fixtures.fire.insufficientExperience;
    const number = 'FAP-2026-000901';
    const key = await submitApplication(sys, permitApplication(number, company));
    seen.set('completeness-check', await atTask(key, 'Task_CheckCompleteness'));
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    seen.set('compliance-study-fire-automation-permit', await atTask(key, 'Task_StudyCompliance'));
    await completeTask(
      sys.client,
      key,
      'Task_StudyCompliance',
      groundsFound(['A02_PERMIT_REQUIREMENTS'], 'Маманның еңбек өтілі жеткіліксіз.'),
    );
    seen.set('preliminary-decision', await atTask(key, 'Task_PreparePreliminaryDecision'));
    await sendHearingNotice(
      sys,
      key,
      hearingNotice(
        '2026-03-12T11:00:00+05:00',
        'video',
        'Бейнебайланыс, Өрт қызметі комитеті',
        'Өтініш беруші рұқсат беру талаптарына сәйкес келмейді: маманның еңбек өтілі жеткіліксіз.',
      ),
    );
    await sys.intake.sendMessage(number, {
      kind: 'hearing-position',
      text: 'Маманның өтілін растайтын еңбек кітапшасын қоса береміз.',
    });
    await holdHearingAt(sys, key, '2026-03-12T11:00:00+05:00');
    seen.set('hearing-record', await atTask(key, 'Task_RecordHearing'));
    await completeTask(
      sys.client,
      key,
      'Task_RecordHearing',
      hearingRecord(
        'refusal-confirmed',
        'Өтініш беруші өтілді растайтын құжат ұсынбады.',
        'Маманның өтілі талаптарға сай емес; негіз жойылмады.',
      ),
    );
    seen.set('signature', await atTask(key, 'Task_SignResult'));

    await sys.intake.fileComplaint({
      applicationNumber: number,
      text: 'Тыңдауда ұсынған құжаттарым ескерілмеді деп санаймын.',
    });
    const complaintKey = await waitFor('the complaint process', async () => {
      const page = await sys.client.searchProcessInstances(
        {
          filter: {
            processDefinitionId: 'complaint',
            variables: [{ name: 'applicationNumber', value: JSON.stringify(number) }],
          },
          page: { limit: 10 },
        } as any,
        NOW,
      );
      return (page.items as any[])[0]?.processInstanceKey as string | undefined;
    });
    seen.set('complaint-review', await atTask(complaintKey, 'Task_ReviewComplaint'));

    for (const [formId, vars] of seen) expect(faultsOf(formId, vars)).toEqual([]);
  }, 120_000);

  test('a training-centre designation: the draft order and both expertise forms, and the redraft with the expert\u2019s remarks', async () => {
    const company = fixtures.training.approved;
    const key = await submitApplication(sys, {
      applicationNumber: 'TRC-2026-000901',
      serviceId: 'training-centre-designation',
      applicant: applicantOf(company, TRAINING_CENTRE_LOCATION),
      consentToRestrictedData: true,
      attachments: [
        { kind: 'application-form', fileName: 'otinish.pdf' },
        { kind: 'inspection-act', fileName: 'tekseru-aktisi.pdf' },
        { kind: 'curricula', fileName: 'oqu-bagdarlamalary.pdf' },
      ],
    });
    await completeTask(
      sys.client,
      key,
      'Task_CheckCompleteness',
      completeWith({ docApplication: true, docInspectionAct: true, docTeachers: true, docCurricula: true }),
    );
    seen.set('compliance-study-training-centre-designation', await atTask(key, 'Task_StudyCompliance'));
    await completeTask(sys.client, key, 'Task_StudyCompliance', NO_GROUNDS);
    const draftFaults = faultsOf('draft-order', await atTask(key, 'Task_DraftOrder'));
    await completeTask(sys.client, key, 'Task_DraftOrder', {
      orderTitle: 'Мамандандырылған оқу орталығын айқындау туралы',
      orderText:
        'Қазақстан Республикасы Ішкі істер министрінің бұйрығы. «Күзет қызметі туралы» Заңға сәйкес оқу орталығы мамандандырылған оқу орталығы болып айқындалсын. Осы бұйрық қол қойылған күнінен бастап қолданысқа енгізіледі.',
    });
    const legal = await atTask(key, 'Task_LegalExpertise');
    const editorial = await atTask(key, 'Task_EditorialExpertise');
    await completeTask(sys.client, key, 'Task_LegalExpertise', {
      legalReviewApproved: false,
      legalReviewRemarks: 'Бұйрықтың 1-тармағында Заңның бабына сілтеме жоқ.',
    });
    await completeTask(sys.client, key, 'Task_EditorialExpertise', { editorialReviewApproved: true });
    const redraft = await atTask(key, 'Task_DraftOrder');
    expect([
      ...draftFaults,
      ...faultsOf('legal-review', legal),
      ...faultsOf('editorial-review', editorial),
      ...faultsOf('draft-order', redraft),
      ...faultsOf(
        'compliance-study-training-centre-designation',
        seen.get('compliance-study-training-centre-designation')!,
      ),
    ]).toEqual([]);
    expect(render('draft-order', redraft).find((s) => s.id === 'Table_displayRemarks')!.shown).toContain(
      'Бұйрықтың 1-тармағында Заңның бабына сілтеме жоқ.',
    );
  }, 120_000);

  test('what the summary states: checks with their state system and time, the grounds with the act, working days left on the legal clock, the position, the complaint', () => {
    const study = seen.get('compliance-study-fire-automation-permit')!;
    const checks = render('compliance-study-fire-automation-permit', study).find(
      (s) => s.id === 'Table_displayChecks',
    )!;
    expect(checks.shown).toEqual(
      expect.arrayContaining([
        'Заңды тұлға / Юридическое лицо',
        '«Заңды тұлғалар» мемлекеттік деректер қоры / Государственная база данных «Юридические лица»',
        // The registers answered at the engine's pinned time (Monday 2 March, 10:00 Almaty).
        '02.03.2026 10:00',
      ]),
    );
    const grounds = render('compliance-study-fire-automation-permit', study).find(
      (s) => s.id === 'Table_displayGrounds',
    )!;
    // Order 138 Annex 2 row 11 item 2: the specialists' check recorded the ground, cited in both languages.
    expect(grounds.shown.join(' ')).toContain(
      'подпункт 2) пункта 11 Перечня основных требований (приложение 2 к Правилам)',
    );
    expect(study.recordedGroundCodes).toEqual(['A02_PERMIT_REQUIREMENTS']);
    const deadlines = render('compliance-study-fire-automation-permit', study).find(
      (s) => s.id === 'Table_displayDeadlines',
    )!;
    expect(deadlines.shown).toContain('17.03.2026 18:30');
    expect(deadlines.shown.join(' ')).toMatch(/\d+ жұмыс күні \/ рабочих дней/);
    const prelim = render('preliminary-decision', seen.get('preliminary-decision')!);
    expect(prelim.map((s) => s.shown.join(' ')).join(' ')).toMatch(
      /Допустимое время заслушивания:\*\* .* \/ с \d\d\.\d\d\.2026 по 16\.03\.2026 18:30/,
    );
    const hearing = render('hearing-record', seen.get('hearing-record')!);
    expect(hearing.find((s) => s.id === 'Table_displayMessages')!.shown).toContain(
      'Маманның өтілін растайтын еңбек кітапшасын қоса береміз.',
    );
    const signature = seen.get('signature')!;
    expect(signature.signerPosition).toBe('Комитет төрағасы / Председатель Комитета');
    expect(
      render('signature', signature)
        .map((s) => s.shown.join(' '))
        .join(' '),
    ).toContain('Мотивированный отказ');
    const complaint = render('complaint-review', seen.get('complaint-review')!);
    expect(complaint.find((s) => s.id === 'Table_displayMessages')!.shown).toContain(
      'Тыңдауда ұсынған құжаттарым ескерілмеді деп санаймын.',
    );
  });
});
