import { fixtures } from '../../simulators';
import {
  applicantOf,
  breachRecorded,
  cabinetMessages,
  type Company,
  COMPLETE,
  completeTask,
  describeState,
  documentTextRu,
  completeWith,
  endEventOf,
  FOUNDER_CASE_HEARING,
  groundsFound,
  incidentsOf,
  incomplete,
  MONDAY,
  monitoringEvents,
  NO_GROUNDS,
  NOW,
  expectStudyReArmedByRevision,
  holdHearingAt,
  sendHearingNotice,
  SIGNED_BY_MIA_HEAD,
  SIGNED_BY_MINISTER,
  submitApplication,
  testSystemAt,
  TRAINING_CENTRE_LOCATION,
  variablesOf,
  waitFor,
  waitForEnd,
  waitForTask,
} from '../support/process-fixtures';

function designationApplication(number: string, company: Company, extra: Record<string, unknown> = {}) {
  return {
    applicationNumber: number,
    serviceId: 'training-centre-designation',
    applicant: applicantOf(company, TRAINING_CENTRE_LOCATION),
    consentToRestrictedData: true,
    attachments: [
      { kind: 'application-form', fileName: 'otinish.pdf' },
      { kind: 'inspection-act', fileName: 'tekseru-aktisi.pdf' },
      { kind: 'curricula', fileName: 'oqu-bagdarlamalary.pdf' },
    ],
    ...extra,
  };
}

const ORDER = {
  orderTitle: 'Мамандандырылған оқу орталығын айқындау туралы',
  orderText:
    'Қазақстан Республикасы Ішкі істер министрінің бұйрығы. «Күзет қызметі туралы» Заңға сәйкес «Қалқан Оқу Орталығы» ЖШС мамандандырылған оқу орталығы болып айқындалсын. Осы бұйрық қол қойылған күнінен бастап қолданысқа енгізіледі.',
};

describe('training-centre designation (service C) end to end on the embedded engine', () => {
  const sys = testSystemAt(MONDAY);

  const submit = (number: string, company: Company, extra: Record<string, unknown> = {}) =>
    submitApplication(sys, designationApplication(number, company, extra));

  async function throughStudy(key: string, study: Record<string, unknown> = NO_GROUNDS) {
    await completeTask(
      sys.client,
      key,
      'Task_CheckCompleteness',
      completeWith({ docApplication: true, docInspectionAct: true, docTeachers: true, docCurricula: true }),
    );
    await completeTask(sys.client, key, 'Task_StudyCompliance', study);
  }

  /** Both expertise tasks must be open at the same time before either is completed. */
  async function bothExpertiseTasks(key: string): Promise<[any, any]> {
    const legal = await waitForTask(sys.client, key, 'Task_LegalExpertise');
    const editorial = await waitForTask(sys.client, key, 'Task_EditorialExpertise');
    return [legal, editorial];
  }

  async function approveDraft(key: string) {
    await completeTask(sys.client, key, 'Task_DraftOrder', ORDER);
    await bothExpertiseTasks(key);
    await completeTask(sys.client, key, 'Task_LegalExpertise', { legalReviewApproved: true });
    await completeTask(sys.client, key, 'Task_EditorialExpertise', { editorialReviewApproved: true });
  }

  test('given a complete application with no grounds, when the draft order passes legal and editorial expertise in parallel and the Minister signs, then the training centre is designated and the order is delivered', async () => {
    const company = fixtures.training.approved;
    const key = await submit('TRC-2026-000301', company);
    await throughStudy(key);

    const draft = await waitForTask(sys.client, key, 'Task_DraftOrder');
    expect(draft.candidateGroups).toEqual(['mia-clerks']);
    // Spec C4; rules §9: the draft's 3 WD run from the study's actual end (Monday 2 March).
    expect(Date.parse(draft.dueDate)).toBe(Date.parse('2026-03-05T18:30:00+05:00'));
    await completeTask(sys.client, key, 'Task_DraftOrder', ORDER);

    const [legal, editorial] = await bothExpertiseTasks(key);
    expect(legal.candidateGroups).toEqual(['legal-experts']);
    expect(editorial.candidateGroups).toEqual(['editorial-experts']);
    await completeTask(sys.client, key, 'Task_LegalExpertise', { legalReviewApproved: true });
    await completeTask(sys.client, key, 'Task_EditorialExpertise', { editorialReviewApproved: true });

    const sign = await waitForTask(sys.client, key, 'Task_SignResult');
    expect(sign.candidateGroups).toEqual(['minister']);
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_MINISTER);
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_TrainingCentreDesignated');

    const vars = await variablesOf(sys.client, key);
    expect(vars.registeredOn).toBe('2026-03-02');
    expect(vars.deliveredResultKind).toBe('ministers-order');
    expect(vars.resultDocument).toMatchObject({ kind: 'ministers-order' });
    expect(vars.resultDocument.sha256).toMatch(/^[0-9a-f]{64}$/);
    const cabinet = await cabinetMessages(sys, company.bin);
    expect(
      cabinet.filter(
        (m: any) =>
          m.applicationNumber === 'TRC-2026-000301' && m.documentId === vars.resultDocument.documentId,
      ),
    ).toHaveLength(1);
    expect(await incidentsOf(sys.client, key)).toEqual([]);
  }, 90_000);

  test('given the experts concluded on 2 March, when the order goes to the Minister, then the signature is due within 4 working days of the conclusions', async () => {
    const key = await submit('TRC-2026-000302', fixtures.training.approved);
    await throughStudy(key);
    await approveDraft(key);
    const sign = await waitForTask(sys.client, key, 'Task_SignResult');
    const vars = await variablesOf(sys.client, key);
    expect(vars.expertiseConcludedAt).toBeDefined();
    expect(vars.deadlineAgreement).toBe('2026-03-06T18:30:00+05:00');
    expect(Date.parse(sign.dueDate)).toBe(Date.parse('2026-03-06T18:30:00+05:00'));
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_MINISTER);
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_TrainingCentreDesignated');
  }, 90_000);

  test('given an expert rejects the draft order, when both conclusions are in, then the draft goes back to the clerk for redrafting and the revised draft is reviewed again', async () => {
    const key = await submit('TRC-2026-000303', fixtures.training.approved);
    await throughStudy(key);
    await completeTask(sys.client, key, 'Task_DraftOrder', ORDER);
    await bothExpertiseTasks(key);
    await completeTask(sys.client, key, 'Task_LegalExpertise', {
      legalReviewApproved: false,
      legalReviewRemarks: 'Бұйрықтың 1-тармағында Заңның бабына сілтеме жоқ.',
    });
    await completeTask(sys.client, key, 'Task_EditorialExpertise', { editorialReviewApproved: true });

    const redraft = await waitForTask(sys.client, key, 'Task_DraftOrder');
    expect(redraft.candidateGroups).toEqual(['mia-clerks']);
    const atRedraft = await variablesOf(sys.client, key);
    expect(atRedraft.legalReviewRemarks).toBe('Бұйрықтың 1-тармағында Заңның бабына сілтеме жоқ.');
    expect(atRedraft.expertiseConcludedAt).toBeUndefined();

    await approveDraft(key);
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_MINISTER);
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_TrainingCentreDesignated');
  }, 90_000);

  test('given an incomplete package, when the clerk records it, then a refusal of further consideration signed by the head ends the application', async () => {
    const key = await submit('TRC-2026-000304', fixtures.training.approved, {
      attachments: [{ kind: 'application-form', fileName: 'otinish.pdf' }],
    });
    await completeTask(
      sys.client,
      key,
      'Task_CheckCompleteness',
      incomplete('Тексеру актісі мен оқу бағдарламалары ұсынылмаған.', {
        docApplication: true,
        docInspectionAct: false,
      }),
    );
    const sign = await waitForTask(sys.client, key, 'Task_SignResult');
    expect(sign.candidateGroups).toEqual(['mia-head']);
    expect(Date.parse(sign.dueDate)).toBe(Date.parse('2026-03-04T18:30:00+05:00'));
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_MIA_HEAD);
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_FurtherConsiderationRefused');
    const vars = await variablesOf(sys.client, key);
    expect(vars.resultDocument).toMatchObject({ kind: 'refusal-further-consideration' });
    expect(vars).not.toHaveProperty('resultKind', 'ministers-order');
  }, 90_000);

  test('Order 923 §7 (spec C5): a package with an expired inspection act and no curricula is registered, and the refusal of further consideration names the missing and the expired documents within 2 WD', async () => {
    const number = 'TRC-2026-000341';
    const key = await submit(number, fixtures.training.approved, {
      attachments: [
        { kind: 'application-form', fileName: 'otinish.pdf' },
        { kind: 'inspection-act', fileName: 'akt-2024.pdf' },
      ],
    });
    expect((await sys.intake.status(number)).processInstanceKey).toBe(key);
    await completeTask(sys.client, key, 'Task_CheckCompleteness', {
      ...incomplete('Тексеру актісінің мерзімі өткен, оқу бағдарламалары ұсынылмаған.', {
        docApplication: true,
        docInspectionAct: true,
        docTeachers: true,
        docCurricula: false,
      }),
      documentsExpired: true,
      expiredDocuments: ['docInspectionAct'],
    });
    const sign = await waitForTask(sys.client, key, 'Task_SignResult');
    expect(Date.parse(sign.dueDate)).toBe(Date.parse('2026-03-04T18:30:00+05:00'));
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_MIA_HEAD);
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_FurtherConsiderationRefused');
    const vars = await variablesOf(sys.client, key);
    expect(vars.resultDocument).toMatchObject({ kind: 'refusal-further-consideration' });
    const text = documentTextRu('refusal-further-consideration', vars, sys.clock.now());
    expect(text).toMatch(/Не представлены документы\n1\) [^\n]*учебн/);
    expect(text).toMatch(/Документы с истёкшим сроком действия\n1\) акт обследования/);
  }, 90_000);

  test("given grounds were found, when the applicant's position is accepted at the hearing, then the order is drafted, reviewed and signed by the Minister", async () => {
    const key = await submit('TRC-2026-000306', fixtures.training.founderPendingCase, {
      shootingRangeLeased: true,
    });
    await throughStudy(key, groundsFound(['C_SECURITY_LAW_NON_COMPLIANCE']));
    await sendHearingNotice(sys, key, FOUNDER_CASE_HEARING.notice('2026-03-12T11:00:00+05:00'));
    const sent = await sys.intake.sendMessage('TRC-2026-000306', {
      kind: 'hearing-position',
      text: FOUNDER_CASE_HEARING.position,
    });
    expect(sent.messageName).toBe('applicant-position-submitted');
    // Order 923 §8: the position does not open the hearing record; the announced time (12 March) does.
    const state = await describeState(sys.client, key);
    expect(state).toContain('hearing/Event_HearingDateReached');
    expect(state).not.toContain('Task_RecordHearing');
    await holdHearingAt(sys, key, '2026-03-12T11:00:00+05:00');
    await completeTask(sys.client, key, 'Task_RecordHearing', FOUNDER_CASE_HEARING.positionAccepted);
    // Spec C6: a position sent once the hearing is over is kept with the application, marked late.
    await waitForTask(sys.client, key, 'Task_DraftOrder');
    await sys.intake.sendMessage('TRC-2026-000306', {
      kind: 'hearing-position',
      text: 'Тыңдаудан кейін: қаулының түпнұсқасы жіберілді.',
      attachments: [{ kind: 'hearing-position-document', fileName: 'qauly-tupnusqa.pdf' }],
    });
    const positions = await waitFor('the late position to be kept', async () => {
      const v = await variablesOf(sys.client, key);
      return v.applicantPositions?.length === 2 ? v.applicantPositions : undefined;
    });
    expect(positions[0]).toMatchObject({ text: FOUNDER_CASE_HEARING.position, late: false });
    expect(positions[1]).toMatchObject({
      text: 'Тыңдаудан кейін: қаулының түпнұсқасы жіберілді.',
      attachments: [{ kind: 'hearing-position-document', fileName: 'qauly-tupnusqa.pdf' }],
      late: true,
    });
    await approveDraft(key);
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_MINISTER);
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_TrainingCentreDesignated');
    const vars = await variablesOf(sys.client, key);
    expect(vars.applicantPositions).toHaveLength(2);
    expect(vars.applicantPositionSummary).toContain('қысқартылған');
    expect(vars.hearingOutcome).toBe('position-accepted');
    expect(vars.deliveredResultKind).toBe('ministers-order');
  }, 90_000);

  test('given a founder with a pending criminal case, when the hearing date comes without a position and the hearing confirms the refusal, then the head signs a motivated refusal', async () => {
    const company = fixtures.training.founderPendingCase;
    const key = await submit('TRC-2026-000305', company, { shootingRangeLeased: true });
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    await waitForTask(sys.client, key, 'Task_StudyCompliance');
    const looked = await variablesOf(sys.client, key);
    expect(looked.criminalRecords.some((r: any) => r.pendingCriminalCase === true)).toBe(true);
    await completeTask(
      sys.client,
      key,
      'Task_StudyCompliance',
      groundsFound(['C_SECURITY_LAW_NON_COMPLIANCE'], 'Құрылтайшыға қатысты қылмыстық іс бар.'),
    );

    const prelim = await waitForTask(sys.client, key, 'Task_PreparePreliminaryDecision');
    expect(prelim.candidateGroups).toEqual(['mia-clerks']);
    await sendHearingNotice(sys, key, FOUNDER_CASE_HEARING.notice('2026-03-03T11:00:00+05:00'));
    await sys.setTime('2026-03-03T11:00:00+05:00');
    await waitForTask(sys.client, key, 'Task_RecordHearing');
    await completeTask(sys.client, key, 'Task_RecordHearing', FOUNDER_CASE_HEARING.heldWithoutPosition);
    const sign = await waitForTask(sys.client, key, 'Task_SignResult');
    expect(sign.candidateGroups).toEqual(['mia-head']);
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_MIA_HEAD);
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_ServiceRefused');
    const vars = await variablesOf(sys.client, key);
    expect(vars.hearingOutcome).toBe('refusal-confirmed');
    expect(vars.hearingRecordDocument).toMatchObject({ kind: 'hearing-record' });
    expect(vars.resultDocument).toMatchObject({ kind: 'refusal' });
    const cabinet = await cabinetMessages(sys, company.bin);
    expect(
      cabinet.filter((m: any) => m.applicationNumber === 'TRC-2026-000305').length,
    ).toBeGreaterThanOrEqual(2);
  }, 90_000);

  test('given the study is open, when a calendar revision arrives, then the timers are re-armed without re-checking completeness', async () => {
    const key = await submit('TRC-2026-000308', fixtures.training.approved);
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    await expectStudyReArmedByRevision(sys, key, 'TRC-2026-000308');
  }, 90_000);

  test('given an application registered on Tuesday 3 March, when its 12 working days (9 March a holiday) run out on 20 March at 18:30, then the head is told and the breach is recorded while the review goes on', async () => {
    const key = await submit('TRC-2026-000307', fixtures.training.approved);
    await waitForTask(sys.client, key, 'Task_CheckCompleteness');
    const vars = await variablesOf(sys.client, key);
    expect(vars.registeredOn).toBe('2026-03-03');
    expect(vars.deadlineCompleteness).toBe('2026-03-05T18:30:00+05:00');
    expect(vars.deadlineStudy).toBe('2026-03-11T18:30:00+05:00');
    expect(vars.deadlineDraft).toBe('2026-03-16T18:30:00+05:00');
    expect(vars.deadlineTotal).toBe('2026-03-20T18:30:00+05:00');

    await sys.setTime('2026-03-20T18:29:00+05:00');
    // The completeness term (5 March) has long passed; the overall term has not, yet.
    await breachRecorded(sys, key, 'completeness');
    expect((await variablesOf(sys.client, key)).serviceTermDeadlineBreached).toBeUndefined();

    await sys.setTime('2026-03-20T18:31:00+05:00');
    const breached = await breachRecorded(sys, key, 'serviceTerm');
    expect(breached).toBe(true);
    const events = await monitoringEvents(sys, 'TRC-2026-000307');
    expect(events.some((e: any) => e.stage === 'deadline-breached')).toBe(true);
    expect(await waitForTask(sys.client, key, 'Task_CheckCompleteness')).toBeDefined();
    const state = await sys.client.getProcessInstance({ processInstanceKey: key } as any, NOW);
    expect(state.state).toBe('ACTIVE');
  }, 90_000);
});
