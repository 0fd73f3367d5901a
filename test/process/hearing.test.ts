import { fixtures } from '../../simulators';
import {
  applicantOf,
  breachRecorded,
  cabinetMessages,
  completeTask,
  describeState,
  elementIdsOf,
  endEventOf,
  FOUNDER_CASE_HEARING,
  incidentsOf,
  MONDAY,
  monitoringStages,
  NOW,
  sendHearingNotice,
  startProcess,
  testSystemAt,
  TRAINING_CENTRE_LOCATION,
  variablesOf,
  waitFor,
  waitForEnd,
  waitForTask,
} from '../support/process-fixtures';

/** The notice term of a training-centre application registered on 2 March (3 WD before its term ends). */
const NOTICE_DUE = '2026-03-05T18:30:00+05:00';
/** The hearing term: 2 WD after the notice term (9 March is the holiday for 8 March). */
const HEARING_DUE = '2026-03-10T18:30:00+05:00';

const company = fixtures.training.founderPendingCase;

/**
 * What `Call_Hearing` of a service process hands to `hearing` once the study found grounds: the
 * application's own variables (propagated) plus the mapped `clerkGroup` and `headGroup`.
 */
function calledWith(number: string) {
  return {
    applicationNumber: number,
    serviceId: 'training-centre-designation',
    applicant: applicantOf(company, TRAINING_CENTRE_LOCATION),
    registeredOn: '2026-03-02',
    groundsFound: true,
    refusalGrounds: ['C_SECURITY_LAW_NON_COMPLIANCE'],
    deadlineHearingNotice: NOTICE_DUE,
    deadlineHearing: HEARING_DUE,
    clerkGroup: 'mia-clerks',
    headGroup: 'mia-head',
  };
}

describe('hearing before a refusal (C6) as a process of its own on the embedded engine', () => {
  const sys = testSystemAt(MONDAY);

  const startHearing = (number: string) => startProcess(sys, 'hearing', calledWith(number));

  async function completedEnds(key: string): Promise<string[]> {
    return (await elementIdsOf(sys, key, { type: 'END_EVENT', state: 'COMPLETED' })).sort();
  }

  test("the hearing is recorded after the applicant's position arrives", async () => {
    const number = 'TRC-2026-000601';
    const key = await startHearing(number);

    const prelim = await waitForTask(sys.client, key, 'Task_PreparePreliminaryDecision');
    expect(prelim.candidateGroups).toEqual(['mia-clerks']);
    expect(Date.parse(prelim.dueDate)).toBe(Date.parse(NOTICE_DUE));
    await sendHearingNotice(sys, key, FOUNDER_CASE_HEARING.notice('2026-03-04T11:00:00+05:00'));

    // The preliminary decision and the hearing notice are in the applicant's cabinet.
    const atNotice = await variablesOf(sys.client, key);
    expect(atNotice.resultDocument).toMatchObject({ kind: 'preliminary-decision' });
    expect(atNotice.resultDocument.sha256).toMatch(/^[0-9a-f]{64}$/);
    const notices = await cabinetMessages(sys, company.bin, number);
    expect(notices).toContainEqual(
      expect.objectContaining({
        kind: 'preliminary-decision',
        documentId: atNotice.resultDocument.documentId,
      }),
    );
    expect(notices).toContainEqual(expect.objectContaining({ kind: 'hearing-notice' }));
    expect(notices.find((m) => m.kind === 'hearing-notice').body).toContain(
      '04.03.2026, 11:00 (время Астаны)',
    );

    // The applicant answers through the portal, correlated by the application number.
    await sys.client.publishMessage({
      name: 'applicant-position-submitted',
      correlationKey: number,
      timeToLive: 0,
      variables: {
        applicantPosition: FOUNDER_CASE_HEARING.position,
        applicantPositionSubmittedAt: sys.clock.now().toISOString(),
      },
    } as any);

    // The position, not the hearing date (4 March), opens the hearing record.
    const record = await waitForTask(sys.client, key, 'Task_RecordHearing');
    expect(sys.clock.now().toISOString()).toBe('2026-03-02T05:00:00.000Z');
    expect(record.candidateGroups).toEqual(['mia-clerks']);
    expect(Date.parse(record.dueDate)).toBe(Date.parse(HEARING_DUE));
    expect((await variablesOf(sys.client, key)).applicantPosition).toBe(FOUNDER_CASE_HEARING.position);

    await completeTask(sys.client, key, 'Task_RecordHearing', FOUNDER_CASE_HEARING.positionAccepted);
    await waitForEnd(sys.client, key);

    expect(await endEventOf(sys.client, key)).toBe('End_HearingConcluded');
    expect(await completedEnds(key)).toEqual(['End_HearingConcluded']);
    const vars = await variablesOf(sys.client, key);
    expect(vars.hearingOutcome).toBe('position-accepted');
    expect(vars.applicantPositionSummary).toContain('қысқартылған');
    expect(vars.hearingRecordDocument).toMatchObject({ kind: 'hearing-record' });
    expect(vars.hearingRecordDocument.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(vars.hearingNoticeDeadlineBreached).toBeUndefined();
    expect(vars.hearingDeadlineBreached).toBeUndefined();
    expect(await monitoringStages(sys, number)).toEqual(['hearing', 'hearing-held']);
    expect(await incidentsOf(sys.client, key)).toEqual([]);
  }, 60_000);

  // Moves the shared clock to 3 March 11:00.
  test('the hearing is held at the set time without a position', async () => {
    const number = 'TRC-2026-000602';
    const key = await startHearing(number);
    await sendHearingNotice(sys, key, FOUNDER_CASE_HEARING.notice('2026-03-03T11:00:00+05:00'));

    await sys.setTime('2026-03-03T10:59:00+05:00');
    // A minute before the hearing nothing has happened: the hearing still waits.
    const before = await describeState(sys.client, key);
    expect(before).toContain('hearing/Gateway_AwaitPosition');
    expect(before).not.toContain('Task_RecordHearing');
    expect(before).toContain('incidents []');

    await sys.setTime('2026-03-03T11:00:00+05:00');
    const record = await waitForTask(sys.client, key, 'Task_RecordHearing');
    expect(record.candidateGroups).toEqual(['mia-clerks']);
    const atHearing = await variablesOf(sys.client, key);
    expect(atHearing.applicantPosition).toBeUndefined();

    await completeTask(sys.client, key, 'Task_RecordHearing', FOUNDER_CASE_HEARING.heldWithoutPosition);
    await waitForEnd(sys.client, key);

    expect(await endEventOf(sys.client, key)).toBe('End_HearingConcluded');
    const vars = await variablesOf(sys.client, key);
    expect(vars.hearingOutcome).toBe('refusal-confirmed');
    expect(vars.hearingRecordDocument).toMatchObject({ kind: 'hearing-record' });
    expect(vars.hearingNoticeDeadlineBreached).toBeUndefined();
    expect(vars.hearingDeadlineBreached).toBeUndefined();
    expect(await incidentsOf(sys.client, key)).toEqual([]);
  }, 60_000);

  // Moves the shared clock past the notice term: keep this scenario last in the file.
  test('a late preliminary decision escalates to the head without cancelling the task', async () => {
    const number = 'TRC-2026-000603';
    const key = await startHearing(number);
    const prelim = await waitForTask(sys.client, key, 'Task_PreparePreliminaryDecision');

    await sys.setTime('2026-03-05T18:29:00+05:00');
    // Timers due by then have fired: a minute before the term, no escalation has started.
    expect(await describeState(sys.client, key)).not.toContain('Task_NotifyHearingNoticeBreach');
    expect(await completedEnds(key)).toEqual([]);
    expect((await variablesOf(sys.client, key)).hearingNoticeDeadlineBreached).toBeUndefined();

    await sys.setTime('2026-03-05T18:31:00+05:00');
    await breachRecorded(sys, key, 'hearingNotice');
    const stages = await monitoringStages(sys, number);
    expect(stages).toContain('notice:deadline-breached:hearingNotice:mia-head');
    expect(stages).toContain('deadline-breached');
    await waitFor('the escalation branch to end', async () =>
      (await completedEnds(key)).includes('End_HearingNoticeBreachRecorded') ? true : undefined,
    );
    expect(await completedEnds(key)).toEqual(['End_HearingNoticeBreachRecorded']);

    // The same task is still open: the late notice is still owed.
    const still = await waitForTask(sys.client, key, 'Task_PreparePreliminaryDecision');
    expect(still.userTaskKey).toBe(prelim.userTaskKey);
    const state = await sys.client.getProcessInstance({ processInstanceKey: key } as any, NOW);
    expect(state.state).toBe('ACTIVE');

    await sendHearingNotice(sys, key, FOUNDER_CASE_HEARING.notice('2026-03-06T11:00:00+05:00'));
    await sys.client.publishMessage({
      name: 'applicant-position-submitted',
      correlationKey: number,
      timeToLive: 0,
      variables: { applicantPosition: 'Қылмыстық іс бойынша қаулы қоса беріледі.' },
    } as any);
    await completeTask(sys.client, key, 'Task_RecordHearing', {
      applicantPositionSummary: 'Өтініш беруші қылмыстық іс бойынша қаулыны ұсынды.',
      hearingOutcome: 'refusal-confirmed',
      hearingReasons: 'Қаулы негізді жоймайды; бас тарту расталды.',
    });
    await waitForEnd(sys.client, key);

    expect(await completedEnds(key)).toEqual(['End_HearingConcluded', 'End_HearingNoticeBreachRecorded']);
    const vars = await variablesOf(sys.client, key);
    expect(vars.hearingOutcome).toBe('refusal-confirmed');
    expect(vars.hearingNoticeDeadlineBreached).toBe(true);
    expect(vars.hearingDeadlineBreached).toBeUndefined();
    expect(await incidentsOf(sys.client, key)).toEqual([]);
  }, 60_000);
});
