import { fixtures } from '../../simulators';
import {
  completeTask,
  describeState,
  endEventOf,
  incidentsOf,
  startTestSystem,
  TestSystem,
  variablesOf,
  waitFor,
  waitForEnd,
  waitForTask,
} from '../support/system-harness';
import { NOW } from '../support/engine-harness';

/** Monday 2 March 2026, 10:00 in Astana: a working day. */
const MONDAY = '2026-03-02T10:00:00+05:00';

type Company = { bin: string; name: string; headIin: string; headFullName: string };

function designationApplication(number: string, company: Company, extra: Record<string, unknown> = {}) {
  return {
    applicationNumber: number,
    serviceId: 'training-centre-designation',
    applicant: {
      bin: company.bin,
      name: company.name,
      headIin: company.headIin,
      headFullName: company.headFullName,
      location: 'Шымкент, Әл-Фараби ауданы, Байтұрсынов көшесі, 12',
    },
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
const SIGNED_BY_MINISTER = {
  decision: 'approve',
  signerName: 'Ахметжанов Марат Мұратұлы',
  signerPosition: 'Ішкі істер министрі',
};
const SIGNED_BY_HEAD = {
  decision: 'approve',
  signerName: 'Оспанов Серік Болатұлы',
  signerPosition: 'Департамент бастығы',
};
const HEARING_NOTICE = {
  hearingAt: '2026-03-12T11:00:00+05:00',
  hearingMethod: 'video',
  hearingPlace: 'https://meet.mia.gov.kz/hearing',
  preliminaryDecisionText:
    'Құрылтайшыға қатысты қылмыстық іс қозғалған: «Күзет қызметі туралы» Заңның талаптарына сәйкес келмейді, бас тарту туралы алдын ала шешім.',
};

async function json(url: string): Promise<any> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return res.json();
}

describe('training-centre designation (service C) end to end on the embedded engine', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startTestSystem(MONDAY);
  }, 60_000);
  afterAll(() => sys?.stop());

  async function submit(
    number: string,
    company: Company,
    extra: Record<string, unknown> = {},
  ): Promise<string> {
    const submitted = await sys.intake.submit(designationApplication(number, company, extra));
    expect(submitted.status).toBe(201);
    return submitted.application.processInstanceKey!;
  }

  async function throughStudy(
    key: string,
    study: Record<string, unknown> = { groundsFound: false, refusalGrounds: [] },
  ) {
    await completeTask(sys.client, key, 'Task_CheckCompleteness', {
      documentsComplete: true,
      documentsExpired: false,
      docApplication: true,
      docInspectionAct: true,
      docTeachers: true,
      docCurricula: true,
    });
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
    expect(Date.parse(draft.dueDate)).toBe(Date.parse('2026-03-13T18:30:00+05:00'));
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
    const cabinet = await json(`${sys.simulatorsUrl}/cabinet/${company.bin}/messages`);
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
    await completeTask(sys.client, key, 'Task_CheckCompleteness', {
      documentsComplete: false,
      documentsExpired: false,
      docApplication: true,
      docInspectionAct: false,
      incompletenessReason: 'Тексеру актісі мен оқу бағдарламалары ұсынылмаған.',
    });
    const sign = await waitForTask(sys.client, key, 'Task_SignResult');
    expect(sign.candidateGroups).toEqual(['mia-head']);
    expect(Date.parse(sign.dueDate)).toBe(Date.parse('2026-03-04T18:30:00+05:00'));
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_HEAD);
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_FurtherConsiderationRefused');
    const vars = await variablesOf(sys.client, key);
    expect(vars.resultDocument).toMatchObject({ kind: 'refusal-further-consideration' });
    expect(vars).not.toHaveProperty('resultKind', 'ministers-order');
  }, 90_000);

  test("given grounds were found, when the applicant's position is accepted at the hearing, then the order is drafted, reviewed and signed by the Minister", async () => {
    const key = await submit('TRC-2026-000306', fixtures.training.founderPendingCase, {
      shootingRangeLeased: true,
    });
    await throughStudy(key, { groundsFound: true, refusalGrounds: ['C_SECURITY_LAW_NON_COMPLIANCE'] });
    await completeTask(sys.client, key, 'Task_PreparePreliminaryDecision', HEARING_NOTICE);
    await waitFor('the hearing to wait for the position', async () =>
      (await describeState(sys.client, key)).includes('Gateway_AwaitPosition') ? true : undefined,
    );
    const sent = await sys.intake.sendMessage('TRC-2026-000306', {
      kind: 'hearing-position',
      text: 'Қылмыстық іс 2026 жылғы 20 ақпанда қысқартылды, қаулы қоса беріледі.',
    });
    expect(sent.messageName).toBe('applicant-position-submitted');
    // The position, not the hearing date (12 March), opens the hearing record.
    await waitForTask(sys.client, key, 'Task_RecordHearing');
    expect(sys.clock.now().toISOString()).toBe('2026-03-02T05:00:00.000Z');
    await completeTask(sys.client, key, 'Task_RecordHearing', {
      applicantPositionSummary: 'Құрылтайшыға қатысты қылмыстық іс ақтайтын негізде қысқартылған.',
      hearingOutcome: 'position-accepted',
      hearingReasons: 'Ұсынылған қаулы негізді жояды; қызмет көрсетіледі.',
    });
    await approveDraft(key);
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_MINISTER);
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_TrainingCentreDesignated');
    const vars = await variablesOf(sys.client, key);
    expect(vars.applicantPositionSummary).toContain('қысқартылған');
    expect(vars.hearingOutcome).toBe('position-accepted');
    expect(vars.deliveredResultKind).toBe('ministers-order');
  }, 90_000);

  test('given a founder with a pending criminal case, when the hearing date comes without a position and the hearing confirms the refusal, then the head signs a motivated refusal', async () => {
    const company = fixtures.training.founderPendingCase;
    const key = await submit('TRC-2026-000305', company, { shootingRangeLeased: true });
    await completeTask(sys.client, key, 'Task_CheckCompleteness', {
      documentsComplete: true,
      documentsExpired: false,
    });
    await waitForTask(sys.client, key, 'Task_StudyCompliance');
    const looked = await variablesOf(sys.client, key);
    expect(looked.criminalRecords.some((r: any) => r.pendingCriminalCase === true)).toBe(true);
    await completeTask(sys.client, key, 'Task_StudyCompliance', {
      groundsFound: true,
      refusalGrounds: ['C_SECURITY_LAW_NON_COMPLIANCE'],
      studyNotes: 'Құрылтайшыға қатысты қылмыстық іс бар.',
    });

    const prelim = await waitForTask(sys.client, key, 'Task_PreparePreliminaryDecision');
    expect(prelim.candidateGroups).toEqual(['mia-clerks']);
    await completeTask(sys.client, key, 'Task_PreparePreliminaryDecision', {
      ...HEARING_NOTICE,
      hearingAt: '2026-03-03T11:00:00+05:00',
    });
    await waitFor('the hearing to wait for the position or the date', async () =>
      (await describeState(sys.client, key)).includes('Gateway_AwaitPosition') ? true : undefined,
    );
    await sys.setTime('2026-03-03T11:00:00+05:00');
    await waitForTask(sys.client, key, 'Task_RecordHearing');
    await completeTask(sys.client, key, 'Task_RecordHearing', {
      applicantPositionSummary: 'Өтініш беруші тыңдауға қатысқан жоқ, ұстаным білдірмеді.',
      hearingOutcome: 'refusal-confirmed',
      hearingReasons: 'Құрылтайшыға қатысты қылмыстық іс қаралуда; негіз жойылмады.',
    });
    const sign = await waitForTask(sys.client, key, 'Task_SignResult');
    expect(sign.candidateGroups).toEqual(['mia-head']);
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_HEAD);
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_ServiceRefused');
    const vars = await variablesOf(sys.client, key);
    expect(vars.hearingOutcome).toBe('refusal-confirmed');
    expect(vars.hearingRecordDocument).toMatchObject({ kind: 'hearing-record' });
    expect(vars.resultDocument).toMatchObject({ kind: 'refusal' });
    const cabinet = await json(`${sys.simulatorsUrl}/cabinet/${company.bin}/messages`);
    expect(
      cabinet.filter((m: any) => m.applicationNumber === 'TRC-2026-000305').length,
    ).toBeGreaterThanOrEqual(2);
  }, 90_000);

  test('given the study is open, when a calendar revision arrives, then the timers are re-armed without re-checking completeness', async () => {
    const key = await submit('TRC-2026-000308', fixtures.training.approved);
    await completeTask(sys.client, key, 'Task_CheckCompleteness', {
      documentsComplete: true,
      documentsExpired: false,
    });
    const before = await waitForTask(sys.client, key, 'Task_StudyCompliance');
    await sys.client.publishMessage({
      name: 'calendar-revised',
      correlationKey: 'TRC-2026-000308',
      timeToLive: 0,
      variables: {},
    } as any);
    const after = await waitFor('the study to be offered again', async () => {
      const t = await waitForTask(sys.client, key, 'Task_StudyCompliance');
      return t.userTaskKey !== before.userTaskKey ? t : undefined;
    });
    expect(Date.parse(after.dueDate)).toBe(Date.parse(before.dueDate));
    expect(await describeState(sys.client, key)).not.toContain('Task_CheckCompleteness');
    const events = await json(`${sys.simulatorsUrl}/monitoring/events?applicationNumber=TRC-2026-000308`);
    expect(events.filter((e: any) => e.stage === 'completeness-check')).toHaveLength(1);
    expect(events.some((e: any) => e.stage === 'calendar-revised')).toBe(true);
    // Withdrawn here so that its own escalations stay out of the term test that follows.
    await sys.client.cancelProcessInstance({ processInstanceKey: key } as any);
    await waitForEnd(sys.client, key);
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
    await waitFor('the completeness breach', async () =>
      (await variablesOf(sys.client, key)).completenessDeadlineBreached === true ? true : undefined,
    );
    expect((await variablesOf(sys.client, key)).serviceTermDeadlineBreached).toBeUndefined();

    await sys.setTime('2026-03-20T18:31:00+05:00');
    const breached = await waitFor('the service term breach', async () =>
      (await variablesOf(sys.client, key)).serviceTermDeadlineBreached === true ? true : undefined,
    );
    expect(breached).toBe(true);
    const events = await json(`${sys.simulatorsUrl}/monitoring/events?applicationNumber=TRC-2026-000307`);
    expect(events.some((e: any) => e.stage === 'deadline-breached')).toBe(true);
    expect(await waitForTask(sys.client, key, 'Task_CheckCompleteness')).toBeDefined();
    const state = await sys.client.getProcessInstance({ processInstanceKey: key } as any, NOW);
    expect(state.state).toBe('ACTIVE');
  }, 90_000);
});
