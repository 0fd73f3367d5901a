/**
 * Issue 11 point 1: every decision form shows the case, in the form's language. Drives the
 * processes on the embedded engine with the real diagrams up to each user task, reads the variables
 * the task sees (the case-summary job has run before it), renders the task's form with form-js
 * itself in Chromium (test/support/form-js.ts) in Kazakh, in Russian (`formLanguage`, as our
 * worklist passes it) and with no language (Camunda Tasklist), and fails on an empty summary, a text
 * of the other language, raw JSON, element ids, Latin words or ISO timestamps.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseDisplay } from '../../domain/case-summary';
import { catalogue, t, type Lang, type MessageKey } from '../../i18n';
import { fixtures } from '../../simulators';
import { formRenderer, type FormRenderer } from '../support/form-js';
import {
  applicantOf,
  COMPLETE,
  completeTask,
  completeWith,
  groundsFound,
  hearingNotice,
  hearingRecord,
  holdHearingAt,
  json,
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
const formOf = (id: string) => JSON.parse(readFileSync(join(root, 'forms', `${id}.form`), 'utf8')) as unknown;

const LANGS: Lang[] = ['kk', 'ru'];
const other = (lang: Lang): Lang => (lang === 'kk' ? 'ru' : 'kk');
const displayIn = (vars: Record<string, unknown>, lang: Lang) =>
  vars[lang === 'kk' ? 'displayKk' : 'displayRu'] as CaseDisplay;
const TABLES = [
  'displayDeadlines',
  'displayChecks',
  'displayGrounds',
  'displayMessages',
  'displayRemarks',
  'displayDocuments',
];

/** Every string of a display (rows' cells, texts), previews' addresses aside. */
function displayStrings(d: CaseDisplay): string[] {
  return Object.entries(d).flatMap(([field, v]) =>
    typeof v === 'string'
      ? [v]
      : field === 'previews'
        ? []
        : (v as Array<Record<string, string>>).flatMap((row) => Object.values(row)),
  );
}

/**
 * What tells a text of the catalogue in `lang` from the other language's: the fixed parts (between
 * parameters) of its texts, at least 6 characters, found in no text of the other language.
 */
function marksOf(lang: Lang): string[] {
  const others = Object.values(catalogue(other(lang))).join('\n');
  const parts = Object.values(catalogue(lang)).flatMap((s) => s.split(/\{[^}]*\}|\n/));
  return [...new Set(parts.map((p) => p.trim()))].filter((p) => p.length >= 6 && !others.includes(p));
}
const MARKS = { kk: marksOf('kk'), ru: marksOf('ru') };
/** Letters of Kazakh that Russian has not. */
const KK_LETTERS = /[әғқңөұүһі]/i;

let fjs: FormRenderer;
beforeAll(async () => {
  fjs = await formRenderer();
}, 60_000);
afterAll(() => fjs?.close());

/** The faults a clerk would see on the form, rendered by form-js in `lang` (none: both, as in Tasklist). */
async function faultsOf(formId: string, vars: Record<string, unknown>, lang?: Lang): Promise<string[]> {
  const faults: string[] = [];
  const { text, submitted } = await fjs.render(formOf(formId), lang ? { ...vars, formLanguage: lang } : vars);
  const where = (what: string) => `${formId} (${lang ?? 'no language'}): ${what}`;
  if ('formLanguage' in submitted || Object.keys(submitted).some((k) => k.startsWith('display')))
    faults.push(where(`submits ${Object.keys(submitted).join(', ')}`));
  for (const l of lang ? [lang] : LANGS) {
    if (!text.includes(t(l, 'form.summary.title'))) faults.push(where(`no summary in ${l}`));
    for (const label of ['form.summary.applicant', 'form.summary.request'] as const)
      if (!new RegExp(`${t(l, label)}: \\S`).test(text)) faults.push(where(`empty ${t(l, label)}`));
    for (const table of TABLES)
      if (!text.includes(t(l, `form.table.${table}` as MessageKey)))
        faults.push(where(`no table ${table} in ${l}`));
  }
  if (lang) {
    if (text.includes(t(other(lang), 'form.summary.title')))
      faults.push(where(`the ${other(lang)} summary shows`));
    // The form's own labels are "Kazakh / Russian" (our worklist translates them, Tasklist shows both):
    // a text of the other language counts only where the form without the summary does not show it.
    const bare = Object.fromEntries(
      Object.entries(vars).filter(([k]) => k !== 'displayKk' && k !== 'displayRu'),
    );
    const chrome = (await fjs.render(formOf(formId), { ...bare, formLanguage: lang })).text;
    const times = (haystack: string, s: string) => haystack.split(s).length - 1;
    // What this language's display shows (the applicant's and the clerks' own words included) is
    // taken out first: a Kazakh remark in the Russian summary is the clerk's text, not a translation.
    const own = displayStrings(displayIn(vars, lang)).sort((a, b) => b.length - a.length);
    const rest = own.reduce((acc, s) => (s.length > 3 ? acc.split(s).join('\n') : acc), text);
    for (const s of displayStrings(displayIn(vars, other(lang))))
      if (s.length > 3 && !own.includes(s) && times(rest, s) > times(chrome, s))
        faults.push(where(`text of the other language: ${s}`));
    // Titles, instructions, labels and options too: a form in one language shows no text of the
    // catalogue of the other, and no "Kazakh / Russian" pair. What people typed (an order's title)
    // is theirs, in whichever language they wrote it.
    const typed = Object.values(vars).filter((v): v is string => typeof v === 'string' && v.length > 3);
    const chromeOnly = typed.reduce((acc, s) => acc.split(s).join('\n'), rest);
    for (const mark of MARKS[other(lang)])
      if (chromeOnly.includes(mark)) faults.push(where(`text of the other language: ${mark}`));
    for (const line of chromeOnly.split('\n')) {
      const [left, right] = line.split(' / ');
      if (right !== undefined && KK_LETTERS.test(left) && /[а-яё]/i.test(right) && !KK_LETTERS.test(right))
        faults.push(where(`a "Kazakh / Russian" pair: ${line}`));
    }
  }
  const snippet = (i: number) => text.slice(Math.max(0, i - 60), i + 60).replace(/\s+/g, ' ');
  const flag = (re: RegExp, what: string) => {
    const m = re.exec(text);
    if (m) faults.push(where(`${what}: …${snippet(m.index)}…`));
  };
  flag(/\{"|"\w+":|\[object Object\]|\bnull\b|\bundefined\b/, 'raw JSON');
  flag(/\b(Task|Gateway|Event|Flow)_[A-Z]/, 'element id');
  flag(/\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?/, 'ISO time');
  // Application numbers, other bodies' letter numbers (AML-000001) and file names the applicant
  // chose are not words a person reads.
  const words = text
    .replace(/\b[A-Z]{2,4}-\d{4}-\d{6}\b/g, '')
    .replace(/\b[A-Z]{2,4}-\d{6}\b/g, '')
    .replace(/https?:\/\/\S+/g, '')
    .replace(/\S+\.(pdf|png|jpe?g|docx?)\b/gi, '');
  const latin = words.match(/\b[A-Za-z]{2,}\b/g);
  if (latin) faults.push(where(`Latin words ${latin.join(', ')}`));
  return faults;
}

/** The form in Kazakh, in Russian and with no language, as form-js renders it. */
async function allFaults(formId: string, vars: Record<string, unknown>): Promise<string[]> {
  return [
    ...(await faultsOf(formId, vars, 'kk')),
    ...(await faultsOf(formId, vars, 'ru')),
    ...(await faultsOf(formId, vars)),
  ];
}

/** What form-js shows of a form in `lang`. */
const shownIn = async (formId: string, vars: Record<string, unknown>, lang: Lang) =>
  (await fjs.render(formOf(formId), { ...vars, formLanguage: lang })).text;

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

    const faults: string[] = [];
    for (const [formId, vars] of seen) faults.push(...(await allFaults(formId, vars)));
    expect(faults).toEqual([]);
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
    const draftFaults = await allFaults('draft-order', await atTask(key, 'Task_DraftOrder'));
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
      ...(await allFaults('legal-review', legal)),
      ...(await allFaults('editorial-review', editorial)),
      ...(await allFaults('draft-order', redraft)),
      ...(await allFaults(
        'compliance-study-training-centre-designation',
        seen.get('compliance-study-training-centre-designation')!,
      )),
    ]).toEqual([]);
    expect(await shownIn('draft-order', redraft, 'ru')).toContain(
      'Бұйрықтың 1-тармағында Заңның бабына сілтеме жоқ.',
    );
    expect(displayIn(redraft, 'ru').remarks).toContainEqual({
      who: 'Правовая экспертиза',
      text: 'Бұйрықтың 1-тармағында Заңның бабына сілтеме жоқ.',
    });
  }, 120_000);

  test('a security licence whose diploma is missing and a national company\u2019s approval: the missing-documents review, both studies and the consent letter', async () => {
    const company = fixtures.licence.educationMissing;
    const number = 'SEC-2026-000901';
    const key = await submitApplication(sys, {
      applicationNumber: number,
      serviceId: 'security-licence',
      requestKind: 'issue',
      subType: 1,
      applicant: applicantOf(company, 'Астана, Есіл ауданы, Қабанбай батыр даңғылы, 11'),
      consentToRestrictedData: true,
      attachments: [{ kind: 'application-form', fileName: 'otinish.pdf' }],
    });
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    await waitFor('the request for the missing diploma', async () =>
      (await variablesOf(sys.client, key)).missingDocumentsRequestedAt ? true : undefined,
    );
    await sys.intake.sendMessage(number, {
      kind: 'missing-documents',
      text: 'Дипломның көшірмесі қоса беріледі.',
      attachments: [{ kind: 'education-diploma', fileName: 'diplom.pdf' }],
    });
    const review = await atTask(key, 'Task_ReviewMissingDocuments');
    await completeTask(sys.client, key, 'Task_ReviewMissingDocuments', {
      missingDocumentsAccepted: true,
      missingDocumentsRemarks: 'Электрондық көшірме тексерілді, түпнұсқаға сәйкес.',
    });
    const licenceStudy = await atTask(key, 'Task_StudyCompliance');

    const approval = 'NAT-2026-000901';
    const national = fixtures.national.approved;
    const dKey = await submitApplication(sys, {
      applicationNumber: approval,
      serviceId: 'national-company-security-approval',
      applicant: applicantOf(national, 'Астана, Есіл ауданы, Мәңгілік Ел даңғылы, 8'),
      consentToRestrictedData: true,
      attachments: [
        { kind: 'application-form', fileName: 'otinish.pdf' },
        { kind: 'antimonopoly-consent', fileName: 'kelisim.pdf' },
        { kind: 'constituent-documents', fileName: 'jargy.pdf' },
      ],
      objects: [{ name: 'Әкімшілік ғимарат', location: 'Астана, Мәңгілік Ел даңғылы, 8' }],
      antimonopolyConsentRef: 'АМО-2026/901',
    });
    await completeTask(
      sys.client,
      dKey,
      'Task_CheckCompleteness',
      completeWith({
        docApplication: true,
        docAntimonopolyConsent: true,
        docConstituent: true,
        docObjectsList: true,
      }),
    );
    const approvalStudy = await atTask(dKey, 'Task_StudyCompliance');
    await completeTask(sys.client, dKey, 'Task_StudyCompliance', NO_GROUNDS);
    // The antimonopoly body answers the letter in its (simulated) system, which calls the inbound channel.
    const letter = await waitFor('the letter to the antimonopoly body', async () => {
      const letters = await json(`${sys.simulatorsUrl}/antimonopoly/letters?applicationNumber=${approval}`);
      return (letters as Array<{ letterId: string; answer: unknown }>).find((l) => l.answer === null);
    });
    const answered = await fetch(`${sys.simulatorsUrl}/antimonopoly/letters/${letter.letterId}/answer`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ consent: true, comment: 'Алдын ала келісім расталады.' }),
    });
    expect(answered.status).toBe(200);
    const consent = await atTask(dKey, 'Task_DraftConsentLetter');

    expect([
      ...(await allFaults('missing-documents-review', review)),
      ...(await allFaults('compliance-study-security-licence', licenceStudy)),
      ...(await allFaults('compliance-study-national-company-security-approval', approvalStudy)),
      ...(await allFaults('consent-letter-draft', consent)),
    ]).toEqual([]);
    expect(await shownIn('missing-documents-review', review, 'ru')).toContain('Запрошенные документы');
    expect(await shownIn('missing-documents-review', review, 'kk')).toContain('diplom.pdf');
    expect(await shownIn('consent-letter-draft', consent, 'ru')).toMatch(
      /Ответ антимонопольного органа:\s+предварительное согласие подтверждено/,
    );
    expect(await shownIn('consent-letter-draft', consent, 'kk')).toContain('02.03.2026 10:00');
  }, 180_000);

  test('what the summary states: checks with their state system and time, the grounds with the act, working days left on the legal clock, the position, the complaint', async () => {
    const study = seen.get('compliance-study-fire-automation-permit')!;
    const ru = await shownIn('compliance-study-fire-automation-permit', study, 'ru');
    const kk = await shownIn('compliance-study-fire-automation-permit', study, 'kk');
    // The registers answered at the engine's pinned time (Monday 2 March, 10:00 Almaty).
    expect(displayIn(study, 'ru').checks).toContainEqual({
      check: 'Юридическое лицо',
      result: expect.stringContaining('запрета суда нет'),
      source: 'Государственная база данных «Юридические лица»',
      answeredAt: '02.03.2026 10:00',
    });
    expect(ru).toContain('Государственная база данных «Юридические лица»');
    expect(ru).toContain('02.03.2026 10:00');
    expect(kk).toContain('«Заңды тұлғалар» мемлекеттік деректер қоры');
    expect(kk).not.toContain('Государственная база данных «Юридические лица»');
    // Order 138 Annex 2 row 11 item 2: the specialists' check recorded the ground, cited in the reader's language.
    expect(ru).toContain('подпункт 2) пункта 11 Перечня основных требований (приложение 2 к Правилам)');
    expect(kk).not.toContain('подпункт 2) пункта 11');
    expect(study.recordedGroundCodes).toEqual(['A02_PERMIT_REQUIREMENTS']);
    expect(ru).toContain('17.03.2026 18:30');
    expect(ru).toMatch(/рабочих дней: \d+/);
    expect(kk).toMatch(/\d+ жұмыс күні/);
    expect(await shownIn('preliminary-decision', seen.get('preliminary-decision')!, 'ru')).toMatch(
      /Допустимое время заслушивания: с \d\d\.\d\d\.2026 по 16\.03\.2026 18:30/,
    );
    expect(await shownIn('hearing-record', seen.get('hearing-record')!, 'kk')).toContain(
      'Маманның өтілін растайтын еңбек кітапшасын қоса береміз.',
    );
    const signature = seen.get('signature')!;
    expect(await shownIn('signature', signature, 'ru')).toContain('Результат: Мотивированный отказ');
    expect(await shownIn('signature', signature, 'kk')).toContain('Нәтиже: Дәлелді бас тарту');
    expect(await shownIn('complaint-review', seen.get('complaint-review')!, 'ru')).toContain(
      'Тыңдауда ұсынған құжаттарым ескерілмеді деп санаймын.',
    );
  });
});
