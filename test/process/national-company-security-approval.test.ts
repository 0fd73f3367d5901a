import { makeIin } from '../../domain/identifiers';
import { fixtures } from '../../simulators';
import {
  applicantOf,
  breachRecorded,
  cabinetMessages,
  completeTask,
  completeWith,
  documentTextRu,
  elementIdsOf,
  endEventOf,
  groundsFound,
  hearingNotice,
  hearingRecord,
  incidentsOf,
  incomplete,
  json,
  MONDAY,
  monitoringEvents,
  NO_GROUNDS,
  expectStudyReArmedByRevision,
  holdHearingAt,
  sendHearingNotice,
  SIGNED_BY_MIA_HEAD,
  submitApplication,
  testSystemAt,
  variablesOf,
  waitFor,
  waitForEnd,
  waitForTask,
} from '../support/process-fixtures';

function approvalApplication(number: string, extra: Record<string, unknown> = {}) {
  const company = fixtures.national.approved;
  return {
    applicationNumber: number,
    serviceId: 'national-company-security-approval',
    applicant: applicantOf(company, 'Астана, Есіл ауданы, Мәңгілік Ел даңғылы, 8'),
    consentToRestrictedData: true,
    attachments: [
      { kind: 'application-form', fileName: 'otinish.pdf' },
      { kind: 'antimonopoly-consent', fileName: 'kelisim.pdf' },
      { kind: 'constituent-documents', fileName: 'jargy.pdf' },
    ],
    objects: [
      { name: 'Магистральдық құбыр желісінің айдау станциясы', location: 'Атырау облысы, Құлсары қ.' },
      { name: 'Әкімшілік ғимарат', location: 'Астана, Мәңгілік Ел даңғылы, 8' },
    ],
    antimonopolyConsentRef: 'АМО-2026/114',
    ...extra,
  };
}

const COMPLETE = completeWith({
  docApplication: true,
  docAntimonopolyConsent: true,
  docConstituent: true,
  docObjectsList: true,
});
const CONSENT_LETTER = {
  antimonopolyConsentConfirmed: true,
  consentLetterText:
    'Ішкі істер министрлігі ұлттық компанияның күзет ұйымын құруына келісім береді; монополияға қарсы органның алдын ала келісімі расталды.',
  objectsCount: '2',
};
const PRELIMINARY = hearingNotice(
  '2026-03-12T11:00:00+05:00',
  'written',
  'Астана, Тәуелсіздік даңғылы, 1, 305-кабинет',
  'Бас тарту үшін негіздер анықталды; өтініш беруші тыңдау барысында ұстанымын білдіруге құқылы (ҚР ӘРПК 73-бабы).',
);
const POSITION_RECORD = hearingRecord(
  'refusal-confirmed',
  'Өтініш беруші ұстанымын жазбаша жіберді, негіздерді жоққа шығаратын құжат ұсынбады.',
  'Ұсынылған түсініктеме бас тарту негізін жоймайды.',
);

describe('national-company security approval (service D) end to end on the embedded engine', () => {
  const sys = testSystemAt(MONDAY);

  const submit = (number: string, extra: Record<string, unknown> = {}) =>
    submitApplication(sys, approvalApplication(number, extra));

  /** The application waits at the catch event for the antimonopoly body's answer. */
  async function waitingForAntimonopoly(key: string): Promise<void> {
    await waitFor('the wait for the antimonopoly answer', async () => {
      const waiting = await elementIdsOf(sys, key, {
        elementId: 'Event_AntimonopolyAnswerReceived',
        state: 'ACTIVE',
      });
      return waiting.length === 1 ? true : undefined;
    });
  }

  /**
   * The antimonopoly body answers the application's letter in its (simulated) system, which
   * delivers the answer to the provider's inbound channel; the channel publishes the message.
   */
  async function answer(number: string, consent: boolean, comment: string): Promise<string> {
    const letters = await json(`${sys.simulatorsUrl}/antimonopoly/letters?applicationNumber=${number}`);
    const open = letters.filter((l: any) => l.answer === null);
    expect(open).toHaveLength(1);
    const res = await fetch(`${sys.simulatorsUrl}/antimonopoly/letters/${open[0].letterId}/answer`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ consent, comment }),
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.callback).toMatchObject({ status: 202, error: null });
    return open[0].letterId;
  }

  async function positionAndRecord(
    number: string,
    key: string,
    record: Record<string, unknown> = POSITION_RECORD,
  ) {
    await waitForTask(sys.client, key, 'Task_PreparePreliminaryDecision');
    await sendHearingNotice(sys, key, PRELIMINARY);
    await sys.intake.sendMessage(number, {
      kind: 'hearing-position',
      text: 'Негіздермен келіспейміз, түсініктеме қоса беріледі.',
    });
    // C6: the record opens at the announced time (12 March), not when the position arrives.
    await holdHearingAt(sys, key, '2026-03-12T11:00:00+05:00');
    await completeTask(sys.client, key, 'Task_RecordHearing', record);
  }

  test('given a complete application with no grounds, when the letter goes to the antimonopoly body and its consent arrives, then the consent letter is drafted within 4 working days of the answer, signed by the head and delivered', async () => {
    const number = 'NAT-2026-000401';
    const key = await submit(number);
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    const study = await waitForTask(sys.client, key, 'Task_StudyCompliance');
    expect(study.candidateGroups).toEqual(['mia-clerks']);
    expect((await variablesOf(sys.client, key)).legalEntity).toMatchObject({
      bin: fixtures.national.approved.bin,
    });
    await completeTask(sys.client, key, 'Task_StudyCompliance', NO_GROUNDS);

    await waitingForAntimonopoly(key);
    const letters = await json(`${sys.simulatorsUrl}/antimonopoly/letters?applicationNumber=${number}`);
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({
      applicationNumber: number,
      bin: fixtures.national.approved.bin,
      antimonopolyConsentRef: 'АМО-2026/114',
    });
    const waiting = await variablesOf(sys.client, key);
    expect(waiting.antimonopolyLetterId).toBe(letters[0].letterId);
    expect(waiting.antimonopolyLetter).toMatchObject({ kind: 'antimonopoly-letter' });
    expect(waiting.antimonopolyAnswerReceivedAt).toBeUndefined();

    const letterId = await answer(number, true, 'Алдын ала келісім расталады.');
    const draft = await waitForTask(sys.client, key, 'Task_DraftConsentLetter');
    expect(draft.candidateGroups).toEqual(['mia-clerks']);
    const answered = await variablesOf(sys.client, key);
    expect(answered.antimonopolyAnswer).toEqual({
      consent: true,
      comment: 'Алдын ала келісім расталады.',
      letterId,
      answeredAt: new Date(Date.parse(MONDAY)).toISOString(),
    });
    // Planned from the letter's term it would be 27 March; counted from the answer (2 March) it is 6 March.
    expect(answered.deadlineConsent).toBe('2026-03-06T18:30:00+05:00');
    expect(Date.parse(draft.dueDate)).toBe(Date.parse('2026-03-06T18:30:00+05:00'));
    await completeTask(sys.client, key, 'Task_DraftConsentLetter', CONSENT_LETTER);

    const sign = await waitForTask(sys.client, key, 'Task_SignResult');
    expect(sign.candidateGroups).toEqual(['mia-head']);
    expect(Date.parse(sign.dueDate)).toBe(Date.parse('2026-03-06T18:30:00+05:00'));
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_MIA_HEAD);
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_ConsentLetterIssued');

    const vars = await variablesOf(sys.client, key);
    expect(vars.deliveredResultKind).toBe('consent-letter');
    expect(vars.resultDocument).toMatchObject({ kind: 'consent-letter' });
    expect(vars.resultDocument.sha256).toMatch(/^[0-9a-f]{64}$/);
    const cabinet = await cabinetMessages(sys, fixtures.national.approved.bin);
    expect(
      cabinet.filter(
        (m: any) => m.applicationNumber === number && m.documentId === vars.resultDocument.documentId,
      ),
    ).toHaveLength(1);
    expect(await incidentsOf(sys.client, key)).toEqual([]);
  }, 90_000);

  test('given the antimonopoly body refuses its consent, when the clerk records it unconfirmed, then the applicant is heard and the head signs a motivated refusal', async () => {
    const number = 'NAT-2026-000402';
    const key = await submit(number);
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    await completeTask(sys.client, key, 'Task_StudyCompliance', NO_GROUNDS);
    await waitingForAntimonopoly(key);
    await answer(number, false, 'Нарықтағы үстем жағдайға байланысты келісім расталмайды.');
    await completeTask(sys.client, key, 'Task_DraftConsentLetter', { antimonopolyConsentConfirmed: false });

    await waitForTask(sys.client, key, 'Task_PreparePreliminaryDecision');
    expect((await variablesOf(sys.client, key)).refusalGrounds).toEqual([
      'D_ANTIMONOPOLY_CONSENT_NOT_CONFIRMED',
    ]);
    await positionAndRecord(number, key);

    const sign = await waitForTask(sys.client, key, 'Task_SignResult');
    expect(sign.candidateGroups).toEqual(['mia-head']);
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_MIA_HEAD);
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_ServiceRefused');
    const vars = await variablesOf(sys.client, key);
    expect(vars.hearingOutcome).toBe('refusal-confirmed');
    expect(vars.resultDocument).toMatchObject({ kind: 'refusal' });
    expect(await json(`${sys.simulatorsUrl}/antimonopoly/letters?applicationNumber=${number}`)).toHaveLength(
      1,
    );
  }, 90_000);

  test("given the antimonopoly body refuses its consent, when the hearing accepts the applicant's position, then no second letter goes to the body and the clerk drafts the consent letter on the hearing's record", async () => {
    const number = 'NAT-2026-000408';
    const key = await submit(number);
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    await completeTask(sys.client, key, 'Task_StudyCompliance', NO_GROUNDS);
    await waitingForAntimonopoly(key);
    const letterId = await answer(number, false, 'Алдын ала келісімнің көшірмесі табылмады.');
    await waitForTask(sys.client, key, 'Task_DraftConsentLetter');

    // The body's system delivers the same answer again: the channel takes it as already received.
    const again = await fetch(`${sys.simulatorsUrl}/antimonopoly/letters/${letterId}/redeliver`, {
      method: 'POST',
    });
    expect((await again.json()).callback).toMatchObject({ status: 202 });
    await completeTask(sys.client, key, 'Task_DraftConsentLetter', { antimonopolyConsentConfirmed: false });

    await positionAndRecord(
      number,
      key,
      hearingRecord(
        'position-accepted',
        'Өтініш беруші монополияға қарсы органның 2026-03-20 № 12-04/881 келісімін ұсынды.',
        'Алдын ала келісім құжатпен расталды.',
      ),
    );
    const redraft = await waitForTask(sys.client, key, 'Task_DraftConsentLetter');
    expect(redraft.candidateGroups).toEqual(['mia-clerks']);
    expect(await json(`${sys.simulatorsUrl}/antimonopoly/letters?applicationNumber=${number}`)).toHaveLength(
      1,
    );
    await completeTask(sys.client, key, 'Task_DraftConsentLetter', CONSENT_LETTER);
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_MIA_HEAD);
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_ConsentLetterIssued');
    const vars = await variablesOf(sys.client, key);
    expect(vars.hearingOutcome).toBe('position-accepted');
    expect(vars.resultDocument).toMatchObject({ kind: 'consent-letter' });
    expect(await incidentsOf(sys.client, key)).toEqual([]);
  }, 90_000);

  test('Order 923 national-company List row 8 lead-in: an application filed by a representative under a power of attorney reaches the clerk with who represents the company and under which document', async () => {
    const representative = {
      fullName: 'Әбенова Дана Серікқызы',
      iin: makeIin('1991-11-03', 'female', 4120),
      powerOfAttorney: {
        number: 'СН-2026-015',
        issuedOn: '2026-02-02',
        validFrom: '2026-02-02',
        validUntil: '2026-12-31',
      },
    };
    const key = await submit('NAT-2026-000409', { representative });
    await waitForTask(sys.client, key, 'Task_CheckCompleteness');
    expect((await variablesOf(sys.client, key)).representative).toEqual(representative);
  });

  test('Order 923 §6–§7 (spec C5): a package without the antimonopoly consent and the list of objects is registered, and the clerk refuses further consideration within 2 WD naming them; no letter goes to the antimonopoly body', async () => {
    const number = 'NAT-2026-000403';
    // Intake registers the package: the missing documents are the clerk's to judge, not a rejection.
    const key = await submit(number, {
      attachments: [{ kind: 'application-form', fileName: 'otinish.pdf' }],
      objects: undefined,
      antimonopolyConsentRef: undefined,
    });
    expect((await sys.intake.status(number)).processInstanceKey).toBe(key);
    await completeTask(
      sys.client,
      key,
      'Task_CheckCompleteness',
      incomplete(
        'Монополияға қарсы органның алдын ала келісімі мен күзетілетін объектілер тізбесі ұсынылмаған.',
        {
          docApplication: true,
          docAntimonopolyConsent: false,
          docConstituent: true,
          docObjectsList: false,
        },
      ),
    );
    const sign = await waitForTask(sys.client, key, 'Task_SignResult');
    expect(Date.parse(sign.dueDate)).toBe(Date.parse('2026-03-04T18:30:00+05:00'));
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_MIA_HEAD);
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_FurtherConsiderationRefused');
    const vars = await variablesOf(sys.client, key);
    expect(vars.resultDocument).toMatchObject({ kind: 'refusal-further-consideration' });
    const text = documentTextRu('refusal-further-consideration', vars, sys.clock.now());
    expect(text).toContain('Не представлены документы');
    expect(text).toContain('предварительное согласие антимонопольного органа');
    expect(text).toContain('перечень объектов');
    expect(await json(`${sys.simulatorsUrl}/antimonopoly/letters?applicationNumber=${number}`)).toEqual([]);
  }, 90_000);

  test('given the study finds grounds, when the hearing confirms the refusal, then the head signs a motivated refusal and no letter goes to the antimonopoly body', async () => {
    const number = 'NAT-2026-000404';
    const key = await submit(number);
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    await completeTask(
      sys.client,
      key,
      'Task_StudyCompliance',
      groundsFound(
        ['D_SECURITY_LAW_NON_COMPLIANCE'],
        'Құрылтай құжаттары MIA 863 бұйрығының 3-тармағына сәйкес емес.',
      ),
    );
    const prelim = await waitForTask(sys.client, key, 'Task_PreparePreliminaryDecision');
    expect(prelim.candidateGroups).toEqual(['mia-clerks']);
    await positionAndRecord(number, key);
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_MIA_HEAD);
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_ServiceRefused');
    const vars = await variablesOf(sys.client, key);
    expect(vars.refusalGrounds).toEqual(['D_SECURITY_LAW_NON_COMPLIANCE']);
    expect(vars.resultDocument).toMatchObject({ kind: 'refusal' });
    expect(await json(`${sys.simulatorsUrl}/antimonopoly/letters?applicationNumber=${number}`)).toEqual([]);
  }, 90_000);

  test("given an application handed in at the provider's office, when it is submitted, then it is registered and reviewed like a portal one", async () => {
    const number = 'NAT-2026-000405';
    const submitted = await sys.intake.submit(approvalApplication(number, { channel: 'office' }));
    expect(submitted.status).toBe(201);
    expect(submitted.application.registeredOn).toBe('2026-03-02');
    const key = submitted.application.processInstanceKey!;
    const check = await waitForTask(sys.client, key, 'Task_CheckCompleteness');
    expect(check.candidateGroups).toEqual(['mia-clerks']);
    expect((await variablesOf(sys.client, key)).channel).toBe('office');
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    await completeTask(sys.client, key, 'Task_StudyCompliance', NO_GROUNDS);
    await waitingForAntimonopoly(key);
    const status = await sys.intake.status(number);
    expect(status.processInstanceKey).toBe(key);
  }, 90_000);

  test('given the study is open, when a calendar revision arrives, then the timers are re-armed without re-checking completeness', async () => {
    const key = await submit('NAT-2026-000407');
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    await expectStudyReArmedByRevision(sys, key, 'NAT-2026-000407');
  }, 90_000);

  test('given an application registered on Monday 2 March, when its 15 working days (9 and 23–25 March off) run out on 27 March at 18:30 while the antimonopoly body has not answered, then the head is told and the breach is recorded while the application still waits', async () => {
    const number = 'NAT-2026-000406';
    const key = await submit(number);
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    await completeTask(sys.client, key, 'Task_StudyCompliance', NO_GROUNDS);
    await waitingForAntimonopoly(key);
    const vars = await variablesOf(sys.client, key);
    expect(vars.deadlineCompleteness).toBe('2026-03-04T18:30:00+05:00');
    // Spec C4; rules §8–§9: each term runs from the actual end of the step before — the check and
    // the study both ended on Monday 2 March: study 3 WD, letter 6 WD (9 March off) from that day.
    expect(vars.deadlineStudy).toBe('2026-03-05T18:30:00+05:00');
    expect(vars.deadlineLetter).toBe('2026-03-11T18:30:00+05:00');
    expect(vars.deadlineTotal).toBe('2026-03-27T18:30:00+05:00');

    await sys.setTime('2026-03-27T18:29:00+05:00');
    expect((await variablesOf(sys.client, key)).serviceTermDeadlineBreached).toBeUndefined();
    await sys.setTime('2026-03-27T18:31:00+05:00');
    await breachRecorded(sys, key, 'serviceTerm');
    const events = await monitoringEvents(sys, number);
    expect(events.some((e: any) => e.stage === 'deadline-breached')).toBe(true);
    await waitingForAntimonopoly(key);
  }, 90_000);
});
