import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCalendarRevisionStore } from '../../adapters/calendar-revisions';
import { createDocumentService } from '../../adapters/documents';
import { buildDocument, factsFromVariables, type DocumentKind } from '../../domain/documents';
import { defaultLegalClock } from '../../domain/legal-clock';
import { evaluateCondition, evaluateValue } from '../../engine/feel';
import { fixtures } from '../../simulators';
import {
  applicantOf,
  breachRecorded,
  cabinetMessages,
  type Company,
  COMPLETE,
  completeTask,
  elementIdsOf,
  eLicensingRecords,
  endEventOf,
  groundsFound,
  hearingNotice,
  type HearingOutcome,
  hearingRecord,
  incidentsOf,
  incomplete,
  MONDAY,
  monitoringStages,
  NO_GROUNDS,
  NOW,
  publishCalendarRevised,
  holdHearingAt,
  sendHearingNotice,
  SIGNED_BY_POLICE_HEAD,
  submitApplication,
  testSystemAt,
  variablesOf,
  waitFor,
  waitForEnd,
  waitForReplacedTask,
  waitForTask,
} from '../support/process-fixtures';
import { englishInVariables } from '../support/language';

/** Wednesday 4 March 2026, 19:00: after the completeness term of an application registered on Monday. */
const WEDNESDAY_EVENING = '2026-03-04T19:00:00+05:00';

function licenceApplication(number: string, company: Company, extra: Record<string, unknown> = {}) {
  return {
    applicationNumber: number,
    serviceId: 'security-licence',
    requestKind: 'issue',
    subType: 1,
    applicant: applicantOf(company, 'Астана, Есіл ауданы, Қабанбай батыр даңғылы, 11'),
    consentToRestrictedData: true,
    attachments: [{ kind: 'application-form', fileName: 'otinish.pdf' }],
    ...extra,
  };
}

const PRELIMINARY = hearingNotice(
  '2026-03-11T11:00:00+05:00',
  'video',
  'Астана қ., Полиция департаменті, 214 кабинет',
  'Лицензия беруден бас тарту туралы алдын ала шешім: анықталған негіздер бойынша өтініш берушінің ұстанымын тыңдау қажет.',
);

describe('security licence (service B) end to end on the embedded engine', () => {
  const sys = testSystemAt(MONDAY);

  const submit = (number: string, company: Company, extra: Record<string, unknown> = {}) =>
    submitApplication(sys, licenceApplication(number, company, extra));

  /** The clerk finds the package complete and no grounds, the head signs: the licence is issued. */
  async function issuedWithoutGrounds(key: string): Promise<void> {
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    await completeTask(sys.client, key, 'Task_StudyCompliance', NO_GROUNDS);
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_POLICE_HEAD);
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_LicenceIssued');
  }

  /** A re-issue of the licence held by the re-issue fixture company, for `reason`. */
  const submitReissue = (number: string, reason: string) =>
    submit(number, fixtures.licence.reissue, {
      requestKind: 'reissue',
      licenceNumber: fixtures.licence.reissue.licenceNumber,
      reissueReason: reason,
    });

  /** Elements the application (its own instance, not called ones) has passed through. */
  const visited = (key: string) => elementIdsOf(sys, key);

  /** The stored documents of the application, and what the one of `kind` says (in Russian) given the process's facts. */
  async function documentOf(applicationNumber: string, kind: DocumentKind, vars: Record<string, unknown>) {
    const stored = await createDocumentService({ dir: sys.documentsDir, clock: sys.clock }).list(
      applicationNumber,
    );
    // A result is formed for the signature and again once signed (with its signing date): the last one counts.
    const kindDocs = stored.filter((d) => d.kind === kind);
    const last = kindDocs
      .map((d) => d.number)
      .sort()
      .at(-1);
    // The signed issue keeps the draft's number; where it exists it is the document that counts.
    const numbered = kindDocs.filter((d) => d.number === last);
    const signedIssue = numbered.filter((d) => d.documentId.endsWith('-signed'));
    const ofKind = signedIssue.length ? signedIssue : numbered;
    const content = buildDocument(
      kind,
      { ...factsFromVariables(vars), documentDate: ofKind[0]?.createdAt },
      'ru',
    );
    return {
      stored: ofKind,
      text: [
        content.title,
        ...content.sections.flatMap((s) => [
          s.heading ?? '',
          ...s.paragraphs,
          ...(s.table?.rows ?? []).map((r) => r.join(': ')),
        ]),
        ...content.legalBasis,
      ].join('\n'),
    };
  }

  /** The clerk finds grounds; the hearing is prepared; the applicant's position arrives; the clerk records the outcome. */
  async function hearing(key: string, number: string, refusalGrounds: string[], outcome: HearingOutcome) {
    await completeTask(
      sys.client,
      key,
      'Task_StudyCompliance',
      groundsFound(refusalGrounds, 'Бас тарту негіздері анықталды'),
    );
    const prelim = await waitForTask(sys.client, key, 'Task_PreparePreliminaryDecision');
    expect(prelim.dueDate).toBeDefined();
    await sendHearingNotice(sys, key, PRELIMINARY);
    await sys.intake.sendMessage(number, {
      kind: 'hearing-position',
      text: 'Өтініш беруші негіздермен келіспейді, қосымша түсініктеме береді.',
    });
    // C6: the record task opens at the announced time (11 March), not when the position arrives.
    const record = await holdHearingAt(sys, key, '2026-03-11T11:00:00+05:00');
    const hearingVars = await variablesOf(sys.client, record.processInstanceKey);
    expect(hearingVars.applicantPosition).toMatch(/келіспейді/);
    expect(hearingVars.refusalGrounds).toEqual(expect.arrayContaining(refusalGrounds));
    // The preliminary decision names the grounds and the hearing's time.
    expect(hearingVars.resultDocument).toMatchObject({ kind: 'preliminary-decision' });
    expect((await documentOf(number, 'preliminary-decision', hearingVars)).text).toContain('11.03.2026');
    await completeTask(
      sys.client,
      key,
      'Task_RecordHearing',
      hearingRecord(
        outcome,
        'Өтініш беруші бас тарту негіздерімен келіспейтінін мәлімдеді.',
        'Тыңдау нәтижесінде шешімнің негіздері қаралды және бағаланды.',
      ),
    );
  }

  test('given a complete application with the fee paid, when the clerk finds no grounds and the head signs, then the licence is issued and delivered', async () => {
    const key = await submit('SEC-2026-000101', fixtures.licence.approved);
    await issuedWithoutGrounds(key);
    const vars = await variablesOf(sys.client, key);
    expect(vars.registeredOn).toBe('2026-03-02');
    expect(vars.deadlineTotal).toBe('2026-03-17T18:30:00+05:00');
    expect(vars.resultDocument).toMatchObject({ kind: 'licence' });
    expect(vars.resultDocument.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Order 923 licence rules, Annexes 4–5: the annex is issued with the licence, a document of its own.
    expect(vars.licenceDocuments).toBe('licence-and-annex');
    expect(vars.annexDocument).toMatchObject({ kind: 'licence-annex' });
    expect((await eLicensingRecords(sys, 'SEC-2026-000101')).map((r) => r.kind)).toEqual([
      'licence',
      'licence-annex',
    ]);
    const annex = await documentOf('SEC-2026-000101', 'licence-annex', vars);
    expect(annex.stored.map((d) => d.lang).sort()).toEqual(['kk', 'ru']);
    expect(annex.text).toContain(
      'Места осуществления деятельности: Астана, Есіл ауданы, Қабанбай батыр даңғылы, 11',
    );
    // The annex carries its licence's number.
    expect(vars.annexDocument.number).toBe(vars.resultDocument.number);
  }, 60_000);

  test('given an issue application missing the vehicle certificates, when the clerk finds the package incomplete, then a motivated refusal of further consideration citing §7 reaches the personal cabinet within the completeness term', async () => {
    const number = 'SEC-2026-000102';
    const company = fixtures.licence.approved;
    const key = await submit(number, company);
    await completeTask(
      sys.client,
      key,
      'Task_CheckCompleteness',
      incomplete('Кемінде екі көлік құралының тіркеу куәліктері ұсынылмаған.', {
        docApplication: true,
        docVehicles: false,
      }),
    );
    const sign = await waitForTask(sys.client, key, 'Task_SignResult');
    expect(sign.dueDate).toBe('2026-03-04T18:30:00+05:00');
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_POLICE_HEAD);
    await waitForEnd(sys.client, key);

    expect(await endEventOf(sys.client, key)).toBe('End_FurtherConsiderationRefused');
    const vars = await variablesOf(sys.client, key);
    expect(vars.deliveredResultKind).toBe('refusal-further-consideration');
    expect(vars.resultDocument).toMatchObject({
      kind: 'refusal-further-consideration',
      title: 'Өтінішті одан әрі қараудан дәлелді бас тарту',
    });
    expect(await visited(key)).not.toContain('Task_StudyCompliance');
    const delivered = await cabinetMessages(sys, company.bin, number);
    expect(delivered).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'refusal-further-consideration',
          documentId: vars.resultDocument.documentId,
        }),
      ]),
    );
    const doc = await documentOf(number, 'refusal-further-consideration', vars);
    expect(doc.stored.map((d) => d.lang).sort()).toEqual(['kk', 'ru']);
    expect(doc.text).toContain('В дальнейшем рассмотрении заявления отказано'.replace('В', 'в'));
    expect(doc.text).toMatch(/Основание: пункт 7 Правил/);
    expect(doc.text).toContain('транспортных средств');
  }, 60_000);

  test('Order 923 §6–§7 (List row 8 item 1): a sub-type 1 package without the console, radio and response-group documents is registered, the completeness form lists them, and the clerk refuses further consideration naming them, not refusal ground 13', async () => {
    const number = 'SEC-2026-000141';
    const company = fixtures.licence.approved;
    const key = await submit(number, company, {
      attachments: [
        { kind: 'application-form', fileName: 'otinish.pdf' },
        { kind: 'central-post-premises-lease', fileName: 'jalga-alu.pdf' },
      ],
    });
    expect((await sys.intake.status(number)).processInstanceKey).toBe(key);
    await waitForTask(sys.client, key, 'Task_CheckCompleteness');
    // An API reader is told the active step in its language, from the catalogue, with the element id.
    expect((await sys.intake.status(number, 'ru')).stages).toContainEqual({
      elementId: 'Task_CheckCompleteness',
      name: 'Проверка полноты документов',
    });
    expect((await sys.intake.status(number, 'kk')).stages).toContainEqual({
      elementId: 'Task_CheckCompleteness',
      name: 'Құжаттардың толықтығын тексеру',
    });

    // What the completeness form shows the clerk, from the application's own variables.
    const form = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'forms', 'completeness-check.form'), 'utf8'),
    );
    const view = form.components.find((c: { key?: string }) => c.key === 'viewMissingSubTypeOne');
    const atCheck = await variablesOf(sys.client, key);
    expect(evaluateCondition(view.conditional.hide, atCheck)).toBe(false);
    const shown = String(evaluateValue(view.expression, atCheck));
    expect(shown).toContain('штатное расписание и приказы пульта централизованного наблюдения');
    expect(shown).toContain('договор радиосвязи');
    expect(shown).toContain('групп быстрого реагирования');
    expect(shown).not.toContain('помещение центрального поста');

    await completeTask(
      sys.client,
      key,
      'Task_CheckCompleteness',
      incomplete('Пульт, радиобайланыс және жедел ден қою топтары бойынша құжаттар ұсынылмаған.', {
        docApplication: true,
        docCentralPostPremises: true,
        docMonitoringConsole: false,
        docRadioPermit: false,
        docResponseGroups: false,
        docVehicles: true,
      }),
    );
    const sign = await waitForTask(sys.client, key, 'Task_SignResult');
    expect(sign.dueDate).toBe('2026-03-04T18:30:00+05:00');
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_POLICE_HEAD);
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_FurtherConsiderationRefused');
    const vars = await variablesOf(sys.client, key);
    expect(vars.refusalGrounds).toBeUndefined();
    expect(await visited(key)).not.toContain('Task_CheckSecurityRequirements');
    const doc = await documentOf(number, 'refusal-further-consideration', vars);
    expect(doc.text).toMatch(
      /Не представлены документы\n1\) документы на централизованный пульт наблюдения\n2\) разрешение на использование радиочастотного спектра или договор радиосвязи\n3\) приказы о создании мобильных групп/,
    );
    expect(doc.text).not.toMatch(/Несоответствие услугополучателя/);
  }, 60_000);

  test('given an issue application with grounds for refusal, when the applicant states a position at the hearing and the refusal is confirmed, then a motivated refusal naming the ground is delivered', async () => {
    const number = 'SEC-2026-000104';
    const company = fixtures.licence.courtBan;
    const key = await submit(number, company);
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    await hearing(key, number, ['B08_COURT_BAN'], 'refusal-confirmed');
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_POLICE_HEAD);
    await waitForEnd(sys.client, key);

    expect(await endEventOf(sys.client, key)).toBe('End_ServiceRefused');
    const vars = await variablesOf(sys.client, key);
    expect(vars.hearingOutcome).toBe('refusal-confirmed');
    expect(vars.hearingRecordDocument).toMatchObject({ kind: 'hearing-record' });
    expect(vars.resultDocument).toMatchObject({ kind: 'refusal' });
    // Order 923 List row 9 item 8 on the way to the refusal: no English a person could read in Operate.
    expect(englishInVariables(vars)).toEqual([]);
    const messages = await cabinetMessages(sys, company.bin, number);
    expect(messages.map((m) => m.kind)).toEqual(expect.arrayContaining(['preliminary-decision', 'refusal']));
    const doc = await documentOf(number, 'refusal', vars);
    expect(doc.stored).toHaveLength(2);
    expect(doc.text).toContain('Основания отказа');
    expect(doc.text).toContain('о запрещении деятельности');
    // Order 923 List row 9 item 8, cited in the document's language; the hearing is stated (§8).
    expect(doc.text).toContain('основание: подпункт 8) пункта 9 Перечня основных требований');
    expect(doc.text).not.toMatch(/Annex|row/);
    expect(doc.text).toContain('Заслушивание проведено 11.03.2026');
    expect(doc.text).toContain('По итогам заслушивания основания для отказа подтверждены');
    expect(doc.stored.map((d) => d.date)).toEqual([
      expect.stringMatching(/^\d{2}\.\d{2}\.2026$/),
      expect.stringMatching(/^\d{2}\.\d{2}\.2026$/),
    ]);
    expect(await monitoringStages(sys, number)).toEqual(
      expect.arrayContaining([
        'registered',
        'completeness-check',
        'compliance-study',
        'hearing',
        'hearing-held',
        'result-forming',
        'result-delivered',
      ]),
    );
  }, 60_000);

  test("given an issue application with grounds for refusal, when the applicant's position is accepted at the hearing, then the licence is issued", async () => {
    const number = 'SEC-2026-000105';
    const key = await submit(number, fixtures.licence.criminalHead);
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    await hearing(key, number, ['B04_QUALIFICATION_REQUIREMENTS'], 'position-accepted');
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_POLICE_HEAD);
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_LicenceIssued');
    const vars = await variablesOf(sys.client, key);
    expect(vars.hearingOutcome).toBe('position-accepted');
    expect(vars.resultDocument).toMatchObject({ kind: 'licence' });
  }, 60_000);

  test('when the licence fee is unpaid, the application ends in a motivated refusal after a hearing', async () => {
    const number = 'SEC-2026-000106';
    const key = await submit(number, fixtures.licence.unpaid);
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    await waitForTask(sys.client, key, 'Task_StudyCompliance');
    const atStudy = await variablesOf(sys.client, key);
    expect(atStudy).toMatchObject({ feeNotPaid: true, refusalGrounds: ['B03_FEE_NOT_PAID'] });
    expect(atStudy.feeCheck).toMatchObject({ paid: false, amountPaid: 0, expectedAmount: 25_950 });
    expect(await incidentsOf(sys.client, key)).toEqual([]);
    await hearing(key, number, ['B03_FEE_NOT_PAID'], 'refusal-confirmed');
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_POLICE_HEAD);
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_ServiceRefused');
    const vars = await variablesOf(sys.client, key);
    expect(vars.resultDocument).toMatchObject({ kind: 'refusal' });
    const doc = await documentOf(number, 'refusal', vars);
    expect(doc.text).toMatch(/лицензионн\S* сбор/i);
  }, 60_000);

  test("given a licence fee paid at last year's rate, when the fee is checked, then the short payment becomes the unpaid-fee ground heard before refusal even if the clerk ticks no other ground", async () => {
    const number = 'SEC-2026-000107';
    const key = await submit(number, fixtures.licence.shortFee);
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    await waitForTask(sys.client, key, 'Task_StudyCompliance');
    const atStudy = await variablesOf(sys.client, key);
    expect(atStudy.feeNotPaid).toBe(true);
    expect(atStudy.feeCheck).toMatchObject({ paid: false, amountPaid: 23_592, expectedAmount: 25_950 });
    // The clerk leaves the form without grounds: the unpaid fee still leads to the hearing.
    await completeTask(sys.client, key, 'Task_StudyCompliance', NO_GROUNDS);
    const prelim = await waitForTask(sys.client, key, 'Task_PreparePreliminaryDecision');
    expect((await variablesOf(sys.client, prelim.processInstanceKey)).refusalGrounds).toEqual([
      'B03_FEE_NOT_PAID',
    ]);
    await sendHearingNotice(sys, key, PRELIMINARY);
    await sys.intake.sendMessage(number, {
      kind: 'hearing-position',
      text: 'Алым 2025 жылғы мөлшерлеме бойынша төленді.',
    });
    await holdHearingAt(sys, key, '2026-03-11T11:00:00+05:00');
    await completeTask(sys.client, key, 'Task_RecordHearing', {
      applicantPositionSummary: 'Өтініш беруші алымды өткен жылғы мөлшерлеме бойынша төлегенін растады.',
      hearingOutcome: 'refusal-confirmed',
      hearingReasons: 'Лицензиялық алым толық көлемде төленбеген, бас тарту негізі сақталады.',
    });
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_POLICE_HEAD);
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_ServiceRefused');
  }, 60_000);

  test('a duplicate is issued on the application alone', async () => {
    const number = 'SEC-2026-000110';
    const company = fixtures.licence.duplicate;
    const key = await submit(number, company, {
      requestKind: 'duplicate',
      subType: 2,
      licenceNumber: company.licenceNumber,
      duplicateReason: 'lost',
    });
    const check = await waitForTask(sys.client, key, 'Task_CheckCompleteness');
    expect(check.dueDate).toBe('2026-03-03T18:30:00+05:00');
    await issuedWithoutGrounds(key);
    const path = await visited(key);
    expect(path).toContain('Task_LookupLicenceForDuplicate');
    expect(path).not.toContain('Task_LookupLegalEntity');
    expect(path).not.toContain('Task_LookupVehicles');
    const vars = await variablesOf(sys.client, key);
    expect(vars.deadlineTotal).toBe('2026-03-04T18:30:00+05:00');
    expect(vars.feeCheck).toMatchObject({ paid: true, expectedAmount: 25_950 });
    // "Duplicate of the licence and (or) of its annex" (§11): both were asked for, both are duplicated.
    expect(await eLicensingRecords(sys, number)).toEqual([
      expect.objectContaining({ kind: 'licence', number: company.licenceNumber }),
      expect.objectContaining({ kind: 'licence-annex', number: company.licenceNumber }),
    ]);
  }, 60_000);

  test('sub-type 2 skips the sub-type 1 document checks', async () => {
    const number = 'SEC-2026-000111';
    const key = await submit(number, fixtures.licence.noVehicles, { subType: 2 });
    await issuedWithoutGrounds(key);
    const path = await visited(key);
    expect(path).toContain('Task_LookupLegalEntity');
    expect(path).not.toContain('Task_LookupVehicles');
    expect(path).not.toContain('Task_CheckSecurityRequirements');
    expect((await variablesOf(sys.client, key)).securityRequirementsCheck).toBeUndefined();
  }, 60_000);

  test.each([
    [
      'a missing diploma is requested and the submitted copy reviewed',
      'SEC-2026-000112',
      fixtures.licence.educationMissing,
      'education-diploma',
    ],
    [
      'a missing employment record is requested and the submitted copy reviewed',
      'SEC-2026-000113',
      fixtures.licence.employmentMissing,
      'employment-record',
    ],
  ])(
    '%s: the request goes out within 1 working day, the applicant sends the copy, the clerk reviews it and the application goes on',
    async (_name, number, company, document) => {
      const key = await submit(number, company);
      await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
      await waitFor('the request for the missing copy', async () =>
        (await variablesOf(sys.client, key)).missingDocumentsRequestedAt ? true : undefined,
      );
      const requested = await variablesOf(sys.client, key);
      expect(requested.missingDocumentsRequested).toEqual([{ document, role: 'head', iin: company.headIin }]);
      expect(Date.parse(requested.missingDocumentsRequestedAt)).toBeLessThanOrEqual(
        Date.parse(requested.deadlineDocumentRequest),
      );
      expect(requested.deadlineDocumentRequest).toBe('2026-03-03T18:30:00+05:00');
      expect(requested.deadlineMissingDocuments).toBe('2026-03-05T18:30:00+05:00');
      expect((await cabinetMessages(sys, company.bin, number)).map((m) => m.kind)).toContain(
        'missing-documents-request',
      );

      await sys.intake.sendMessage(number, {
        kind: 'missing-documents',
        text: 'Көшірме қоса беріледі',
        attachments: [{ kind: document, fileName: `${document}.pdf` }],
      });
      const review = await waitForTask(sys.client, key, 'Task_ReviewMissingDocuments');
      expect((await variablesOf(sys.client, key)).submittedDocuments).toEqual([
        { kind: document, fileName: `${document}.pdf` },
      ]);
      expect(review.candidateGroups).toEqual(['police-clerks']);
      await completeTask(sys.client, key, 'Task_ReviewMissingDocuments', {
        missingDocumentsAccepted: true,
        missingDocumentsRemarks: 'Электрондық көшірме тексерілді, түпнұсқаға сәйкес.',
      });
      await completeTask(sys.client, key, 'Task_StudyCompliance', NO_GROUNDS);
      await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_POLICE_HEAD);
      await waitForEnd(sys.client, key);
      expect(await endEventOf(sys.client, key)).toBe('End_LicenceIssued');
      expect((await variablesOf(sys.client, key)).missingDocumentsAccepted).toBe(true);
      expect(await visited(key)).not.toContain('Task_RecordDocumentsNotReceived');
    },
    60_000,
  );

  test('given the completeness check still open when its term runs out, then the head is told and the breach recorded without cancelling the task, and the application still completes', async () => {
    const number = 'SEC-2026-000114';
    const key = await submit(number, fixtures.licence.approved);
    const before = await waitForTask(sys.client, key, 'Task_CheckCompleteness');
    expect(before.dueDate).toBe('2026-03-04T18:30:00+05:00');
    await sys.setTime(WEDNESDAY_EVENING);
    await breachRecorded(sys, key, 'completeness');
    const still = await waitForTask(sys.client, key, 'Task_CheckCompleteness');
    expect(still.userTaskKey).toBe(before.userTaskKey);
    expect(await monitoringStages(sys, number)).toContain('deadline-breached');
    expect(await visited(key)).toEqual(
      expect.arrayContaining(['Task_NotifyCompletenessBreach', 'Task_ReportCompletenessBreach']),
    );
    await issuedWithoutGrounds(key);
  }, 60_000);

  test('given a re-issue with the fee paid, when everything is in order, then the re-issued licence keeps its number and is delivered within its 3 working days', async () => {
    const number = 'SEC-2026-000108';
    const key = await submitReissue(number, 'Заңды мекенжайдың өзгеруі');
    await issuedWithoutGrounds(key);
    const vars = await variablesOf(sys.client, key);
    expect(vars.registeredOn).toBe('2026-03-05');
    expect(vars.deadlineTotal).toBe('2026-03-11T18:30:00+05:00');
    expect(vars.feeCheck).toMatchObject({ paid: true, expectedAmount: 2_595 });
    expect(await eLicensingRecords(sys, number)).toEqual([
      expect.objectContaining({ kind: 'licence', number: fixtures.licence.reissue.licenceNumber }),
      expect.objectContaining({ kind: 'licence-annex', number: fixtures.licence.reissue.licenceNumber }),
    ]);
    const calls = await sys.client.searchProcessInstances(
      { filter: { parentProcessInstanceKey: key, processDefinitionId: 'deliver-result' } } as any,
      NOW,
    );
    const { deliveredAt } = await variablesOf(sys.client, (calls.items as any[])[0].processInstanceKey);
    expect(Date.parse(deliveredAt)).toBeLessThanOrEqual(Date.parse(vars.deadlineTotal));
    expect(vars.serviceTermDeadlineBreached).toBeUndefined();
    expect(await visited(key)).toContain('Task_LookupExistingLicence');
  }, 60_000);

  test('an incomplete re-issue ends in a motivated refusal without a hearing', async () => {
    const number = 'SEC-2026-000103';
    const key = await submitReissue(number, 'Атауының өзгеруі');
    await completeTask(sys.client, key, 'Task_CheckCompleteness', {
      documentsComplete: false,
      documentsExpired: true,
      incompletenessReason: 'Радиожиілік спектрін пайдалануға рұқсаттың мерзімі өткен.',
    });
    const sign = await waitForTask(sys.client, key, 'Task_SignResult');
    expect(sign.dueDate).toBe((await variablesOf(sys.client, key)).deadlineCompleteness);
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_POLICE_HEAD);
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_FurtherConsiderationRefused');
    const vars = await variablesOf(sys.client, key);
    expect(vars.resultDocument).toMatchObject({
      kind: 'refusal-further-consideration',
      title: 'Мемлекеттік қызмет көрсетуден дәлелді бас тарту',
    });
    const path = await visited(key);
    expect(path).not.toContain('Call_Hearing');
    expect(path).not.toContain('Task_StudyCompliance');
    const doc = await documentOf(number, 'refusal-further-consideration', vars);
    expect(doc.text).toContain('Мотивированный отказ в оказании государственной услуги');
    expect(doc.text).toMatch(/Основание: пункт 10 Правил/);
  }, 60_000);

  test('a re-issue with grounds is refused from the review', async () => {
    const number = 'SEC-2026-000109';
    const key = await submitReissue(number, 'Басшының ауысуы');
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    await completeTask(sys.client, key, 'Task_StudyCompliance', groundsFound(['B01_UNRELIABLE_DATA']));
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_POLICE_HEAD);
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_ServiceRefused');
    expect(await visited(key)).not.toContain('Call_Hearing');
    const vars = await variablesOf(sys.client, key);
    const doc = await documentOf(number, 'refusal', vars);
    expect(doc.text).toContain('недостоверности документов');
  }, 60_000);

  test('given the legal-entities register down, when the lookup fails until its retries run out, then an incident is shown, and once the register is back and the operator retries, the application completes', async () => {
    const number = 'SEC-2026-000115';
    await sys.control('legal-entities', { down: true });
    const key = await submit(number, fixtures.licence.approved);
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    // Back-off between retries runs on the engine clock: move it on until the retries are spent.
    let at = Date.parse(WEDNESDAY_EVENING);
    const incidents = await waitFor(
      'an incident on the legal-entity lookup',
      async () => {
        const open = await incidentsOf(sys.client, key);
        if (open.some((i) => i.elementId === 'Task_LookupLegalEntity')) return open;
        // Only while no job is with a worker (its time-out runs on the same clock), past the longest back-off.
        const jobs = (
          await sys.client.searchJobs(
            { filter: { processInstanceKey: key }, page: { limit: 100 } } as any,
            NOW,
          )
        ).items as any[];
        if (
          jobs.some((j) => j.state === 'CREATED' && j.deadline) ||
          !jobs.some((j) => j.hasFailedWithRetriesLeft)
        )
          return undefined;
        at += 61_000;
        await sys.setTime(new Date(at).toISOString());
        return undefined;
      },
      30_000,
    );
    const incident = incidents.find((i) => i.elementId === 'Task_LookupLegalEntity');
    expect(incident.errorType).toBe('JOB_NO_RETRIES');
    expect(incident.errorMessage).toMatch(/legal-entities/);
    expect(await visited(key)).not.toContain('Task_StudyCompliance');

    await sys.control('legal-entities', { down: false });
    for (const i of incidents) {
      if (i.jobKey) await sys.client.updateJob({ jobKey: i.jobKey, changeset: { retries: 3 } } as any);
      await sys.client.resolveIncident({ incidentKey: i.incidentKey } as any);
    }
    await completeTask(sys.client, key, 'Task_StudyCompliance', NO_GROUNDS);
    expect(await incidentsOf(sys.client, key)).toEqual([]);
    expect((await variablesOf(sys.client, key)).legalEntity).toMatchObject({
      bin: fixtures.licence.approved.bin,
    });
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_POLICE_HEAD);
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_LicenceIssued');
  }, 90_000);

  test("no copy by the window's end still leads to the study: the clerk sees the copies were not received", async () => {
    const number = 'SEC-2026-000117';
    const key = await submit(number, fixtures.licence.educationMissing);
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    await waitFor('the request for the missing copy', async () =>
      (await variablesOf(sys.client, key)).missingDocumentsRequestedAt ? true : undefined,
    );
    const { deadlineMissingDocuments } = await variablesOf(sys.client, key);
    expect(deadlineMissingDocuments).toBe('2026-03-11T18:30:00+05:00');
    // The request went out at registration; the clock moves on once the lookups wait for the copies.
    await waitFor('the lookups done, the copies awaited', async () =>
      (await visited(key)).includes('Gateway_AwaitMissingDocuments') ? true : undefined,
    );
    await sys.setTime('2026-03-11T19:00:00+05:00');
    await waitForTask(sys.client, key, 'Task_StudyCompliance');
    expect((await variablesOf(sys.client, key)).missingDocumentsAccepted).toBe(false);
    const path = await visited(key);
    expect(path).toContain('Task_RecordDocumentsNotReceived');
    expect(path).not.toContain('Task_ReviewMissingDocuments');
    await completeTask(sys.client, key, 'Task_StudyCompliance', NO_GROUNDS);
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_POLICE_HEAD);
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_LicenceIssued');
  }, 60_000);

  // Order 923, licence rules §10 and List row 8 last indent: a re-issue also needs the head's
  // diploma and employment record; when the registry has none, the 1-WD request and its answer
  // window are planned as for an issue (they used to be computed from a missing variable: an incident).
  test("Order 923 §10, List row 8: a re-issue whose head's diploma is not in the registry gets the 1-WD request and its answer window, not an incident", async () => {
    const number = 'SEC-2026-000118';
    const company = fixtures.licence.educationMissing;
    const key = await submit(number, company, {
      requestKind: 'reissue',
      licenceNumber: fixtures.licence.reissue.licenceNumber,
      reissueReason: 'Басшының ауысуы',
    });
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    const requested = await waitFor('the request for the missing diploma, or an incident', async () => {
      if ((await incidentsOf(sys.client, key)).length > 0)
        return { incident: await incidentsOf(sys.client, key) };
      const vars = await variablesOf(sys.client, key);
      return vars.missingDocumentsRequestedAt ? vars : undefined;
    });
    expect(requested.incident).toBeUndefined();
    expect(requested.missingDocumentsRequested).toEqual([
      { document: 'education-diploma', role: 'head', iin: company.headIin },
    ]);
    expect(requested.deadlineDocumentRequest).toBe(defaultLegalClock.termEnd(requested.registeredOn, 1));
    expect(requested.deadlineMissingDocuments).toBe(
      defaultLegalClock.stepDeadline(requested.deadlineDocumentRequest, 2),
    );
    expect(Date.parse(requested.missingDocumentsRequestedAt)).toBeLessThanOrEqual(
      Date.parse(requested.deadlineDocumentRequest),
    );
  }, 60_000);

  test('a calendar revision re-arms the timers without re-checking completeness', async () => {
    const number = 'SEC-2026-000116';
    const key = await submit(number, fixtures.licence.approved);
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    const before = await waitForTask(sys.client, key, 'Task_StudyCompliance');
    const old = await variablesOf(sys.client, key);
    expect(old.registeredOn).toBe('2026-03-12');
    expect(before.dueDate).toBe(old.deadlineStudy);

    await createCalendarRevisionStore(sys.database).append(
      {
        id: 'sec-test-transfer-2026-03-17',
        effectiveAt: '2026-03-11T18:00:00+05:00',
        author: 'operator.test',
        legalBasis: 'Transfer of a day off (synthetic test basis)',
        changes: [{ date: '2026-03-17', kind: 'transferred-day-off', name: 'Transferred day off' }],
      },
      sys.clock.now(),
    );
    await publishCalendarRevised(sys, number, { calendarRevisionId: 'sec-test-transfer-2026-03-17' });

    const after = await waitForReplacedTask(sys, key, 'Task_StudyCompliance', before);
    const vars = await variablesOf(sys.client, key);
    expect(Date.parse(vars.deadlineStudy)).toBeGreaterThan(Date.parse(old.deadlineStudy));
    expect(Date.parse(vars.deadlineTotal)).toBeGreaterThan(Date.parse(old.deadlineTotal));
    expect(after.dueDate).toBe(vars.deadlineStudy);
    const checks = await sys.client.searchUserTasks(
      { filter: { processInstanceKey: key, elementId: 'Task_CheckCompleteness' } } as any,
      NOW,
    );
    expect(checks.items).toHaveLength(1);
    expect(await monitoringStages(sys, number)).toContain('calendar-revised');

    await completeTask(sys.client, key, 'Task_StudyCompliance', NO_GROUNDS);
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_POLICE_HEAD);
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_LicenceIssued');
  }, 60_000);
  // Order 923 licence rules, List row 8 last indent: the head's diploma or employment record that
  // the registries cannot supply is asked for within 1 WD of the application. The lookups run at
  // registration beside the completeness check (they used to wait for it), and the request is the
  // bilingual request document with its answer deadline.
  test("Order 923 List row 8: registered on Monday 6 April, the request for the head's diploma is delivered by 18:30 on Tuesday 7 April, in Kazakh and Russian, with its deadline, while the completeness check is still open", async () => {
    await sys.setTime('2026-04-06T10:00:00+05:00');
    const number = 'SEC-2026-000119';
    const company = fixtures.licence.educationMissing;
    const key = await submit(number, company);
    const message = await waitFor('the request in the personal cabinet', async () =>
      (await cabinetMessages(sys, company.bin, number)).find((m) => m.kind === 'missing-documents-request'),
    );
    const vars = await variablesOf(sys.client, key);
    expect(vars.registeredOn).toBe('2026-04-06');
    expect(vars.deadlineDocumentRequest).toBe('2026-04-07T18:30:00+05:00');
    expect(Date.parse(vars.missingDocumentsRequestedAt)).toBeLessThanOrEqual(
      Date.parse('2026-04-07T18:30:00+05:00'),
    );
    expect(vars.deadlineMissingDocuments).toBe('2026-04-09T18:30:00+05:00');
    // Sent before the clerk has finished the completeness check.
    expect((await waitForTask(sys.client, key, 'Task_CheckCompleteness')).dueDate).toBe(
      '2026-04-08T18:30:00+05:00',
    );
    expect(message.body).toContain('Ұсыну мерзімі: 09.04.2026, сағат 18:30 (Астана уақыты) дейін.');
    expect(message.body).toContain('Срок представления: до 09.04.2026, 18:30 (время Астаны).');
    expect(message.documentId).toBe(vars.documentRequestDocument.documentId);
    const doc = await documentOf(number, 'missing-documents-request', {
      ...vars,
      missingDocuments: [
        {
          kk: 'басшының білімі туралы дипломның электрондық көшірмесі',
          ru: 'электронная копия диплома об образовании руководителя',
        },
      ],
      responseDueAt: vars.deadlineMissingDocuments,
    });
    expect(doc.stored.map((d) => d.lang).sort()).toEqual(['kk', 'ru']);
    expect(doc.text).toContain('Срок представления: до 09.04.2026');
    expect(doc.text).toContain('диплома об образовании руководителя');
  }, 60_000);

  // Order 923 licence rules §7–§9 and spec C4: the study is due when the hearing notice is (so a
  // hearing fits in the 10 WD), counted from the completeness check's actual end; the result is due
  // 1 WD after the checks end (here: the hearing).
  test('Order 923 §7–§9, C4: registered on Monday 13 April and found complete the same day, the study is due on 20 April (not the planned 22nd), and a refusal after a hearing is due 1 WD after the hearing, within the 10 WD', async () => {
    await sys.setTime('2026-04-13T10:00:00+05:00');
    const number = 'SEC-2026-000120';
    const key = await submit(number, fixtures.licence.courtBan);
    await waitForTask(sys.client, key, 'Task_CheckCompleteness');
    const planned = await variablesOf(sys.client, key);
    expect(planned).toMatchObject({
      registeredOn: '2026-04-13',
      deadlineCompleteness: '2026-04-15T18:30:00+05:00',
      deadlineStudy: '2026-04-22T18:30:00+05:00',
      deadlineHearingNotice: '2026-04-22T18:30:00+05:00',
      deadlineHearing: '2026-04-24T18:30:00+05:00',
      deadlineTotal: '2026-04-27T18:30:00+05:00',
    });
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    const studyTask = await waitForTask(sys.client, key, 'Task_StudyCompliance');
    expect(studyTask.dueDate).toBe('2026-04-20T18:30:00+05:00');

    await sys.setTime('2026-04-14T10:00:00+05:00');
    await completeTask(
      sys.client,
      key,
      'Task_StudyCompliance',
      groundsFound(['B08_COURT_BAN'], 'Соттың тыйым салуы анықталды'),
    );
    expect((await waitForTask(sys.client, key, 'Task_PreparePreliminaryDecision')).dueDate).toBeDefined();
    await sendHearingNotice(
      sys,
      key,
      hearingNotice(
        '2026-04-16T11:00:00+05:00',
        'video',
        'Астана қ., Полиция департаменті, 214 кабинет',
        'Лицензия беруден бас тарту туралы алдын ала шешім: соттың тыйым салуы бойынша ұстанымыңызды тыңдау қажет.',
      ),
    );
    await sys.setTime('2026-04-16T11:30:00+05:00');
    await sys.intake.sendMessage(number, {
      kind: 'hearing-position',
      text: 'Өтініш беруші шешіммен келіспейді.',
    });
    await completeTask(
      sys.client,
      key,
      'Task_RecordHearing',
      hearingRecord(
        'refusal-confirmed',
        'Өтініш беруші соттың тыйым салуымен келіспейді.',
        'Соттың тыйым салуы күшінде, бас тарту негізі сақталады.',
      ),
    );
    const sign = await waitForTask(sys.client, key, 'Task_SignResult');
    // §9: 1 WD after the checks, which ended with the hearing on Thursday 16 April.
    expect(sign.dueDate).toBe('2026-04-17T18:30:00+05:00');
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_POLICE_HEAD);
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_ServiceRefused');
    const vars = await variablesOf(sys.client, key);
    expect(vars.deadlineResult).toBe('2026-04-17T18:30:00+05:00');
    expect(Date.parse(vars.deadlineResult)).toBeLessThanOrEqual(Date.parse(vars.deadlineTotal));
    expect(vars.serviceTermDeadlineBreached).toBeUndefined();
  }, 60_000);

  test('C4: a completeness check finished a day late moves the study due date on: registered Monday 20 April, checked on Thursday 23 April, the study is due on 30 April instead of the planned 29th', async () => {
    await sys.setTime('2026-04-20T10:00:00+05:00');
    const number = 'SEC-2026-000121';
    const key = await submit(number, fixtures.licence.approved);
    await waitForTask(sys.client, key, 'Task_CheckCompleteness');
    const planned = await variablesOf(sys.client, key);
    expect(planned.deadlineStudy).toBe('2026-04-29T18:30:00+05:00');
    expect(planned.deadlineCompleteness).toBe('2026-04-22T18:30:00+05:00');
    await sys.setTime('2026-04-23T10:00:00+05:00');
    await breachRecorded(sys, key, 'completeness');
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    const studyTask = await waitForTask(sys.client, key, 'Task_StudyCompliance');
    expect(studyTask.dueDate).toBe('2026-04-30T18:30:00+05:00');
    // No grounds: the study ends on Friday 24 April, the licence is due 1 WD later (§9).
    await sys.setTime('2026-04-24T12:00:00+05:00');
    await completeTask(sys.client, key, 'Task_StudyCompliance', NO_GROUNDS);
    const sign = await waitForTask(sys.client, key, 'Task_SignResult');
    expect(sign.dueDate).toBe('2026-04-27T18:30:00+05:00');
    // Watched: past it, the head is told and the breach recorded; the signature is still owed.
    await sys.setTime('2026-04-27T18:31:00+05:00');
    await breachRecorded(sys, sign.processInstanceKey, 'signature');
    expect((await waitForTask(sys.client, key, 'Task_SignResult')).userTaskKey).toBe(sign.userTaskKey);
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_POLICE_HEAD);
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_LicenceIssued');
  }, 60_000);
  // Order 923 licence rules §10 ("re-issue of the licence and (or) of its annex"), Annexes 4–5: the
  // annex alone is re-issued — the result is the annex, with the places of activity, not a licence.
  test('Order 923 §10, Annexes 4–5: a re-issue of the annex alone delivers the re-issued annex with the new places of activity and no licence', async () => {
    const number = 'SEC-2026-000122';
    // Received after the re-issue fee was paid (3 March 2026), whatever the clock earlier tests left.
    await sys.setTime('2026-04-28T10:00:00+05:00');
    const key = await submit(number, fixtures.licence.reissue, {
      requestKind: 'reissue',
      licenceNumber: fixtures.licence.reissue.licenceNumber,
      reissueReason: 'Қызмет орнының өзгеруі',
      licenceDocuments: 'annex',
      placesOfActivity: ['Қарағанды қ., Бұқар жырау даңғылы, 60'],
    });
    await issuedWithoutGrounds(key);
    const vars = await variablesOf(sys.client, key);
    expect(vars.resultDocument).toMatchObject({ kind: 'licence-annex' });
    expect(vars.annexDocument ?? null).toBeNull();
    expect(await eLicensingRecords(sys, number)).toEqual([
      expect.objectContaining({ kind: 'licence-annex', number: fixtures.licence.reissue.licenceNumber }),
    ]);
    const doc = await documentOf(number, 'licence-annex', vars);
    expect(doc.text).toContain('Қарағанды қ., Бұқар жырау даңғылы, 60');
    expect(doc.text).toContain(`Настоящее приложение к лицензии № ${fixtures.licence.reissue.licenceNumber}`);
    const stored = await createDocumentService({ dir: sys.documentsDir, clock: sys.clock }).list(number);
    // The draft and its signed issue, in Kazakh and Russian, under one register number.
    expect(stored.map((d) => d.kind)).toEqual(Array(4).fill('licence-annex'));
    expect(new Set(stored.map((d) => d.number)).size).toBe(1);
  }, 60_000);
  // Order 923 licence rules, List row 8 last indent: the copies asked for at registration may come
  // while the completeness check is still open; they are kept until the application awaits them.
  test('Order 923 List row 8: a copy sent the day after the request, before the completeness check ends, is kept and reviewed once the lookups are done', async () => {
    await sys.setTime('2026-05-18T10:00:00+05:00');
    const number = 'SEC-2026-000123';
    const company = fixtures.licence.employmentMissing;
    const key = await submit(number, company);
    await waitFor('the request in the personal cabinet', async () =>
      (await cabinetMessages(sys, company.bin, number)).find((m) => m.kind === 'missing-documents-request'),
    );
    await sys.intake.sendMessage(number, {
      kind: 'missing-documents',
      text: 'Еңбек кітапшасының көшірмесі қоса беріледі',
      attachments: [{ kind: 'employment-record', fileName: 'enbek.pdf' }],
    });
    await sys.setTime('2026-05-19T17:00:00+05:00');
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    await waitForTask(sys.client, key, 'Task_ReviewMissingDocuments');
    expect((await variablesOf(sys.client, key)).submittedDocuments).toEqual([
      { kind: 'employment-record', fileName: 'enbek.pdf' },
    ]);
  }, 60_000);
});
