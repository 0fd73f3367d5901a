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

  // Moves the shared clock to 3 March 11:00.
  test('the hearing is held at the set time without a position', async () => {
    const number = 'TRC-2026-000602';
    const key = await startHearing(number);
    await sendHearingNotice(sys, key, FOUNDER_CASE_HEARING.notice('2026-03-03T11:00:00+05:00'));

    await sys.setTime('2026-03-03T10:59:00+05:00');
    // A minute before the hearing nothing has happened: the hearing still waits.
    const before = await describeState(sys.client, key);
    expect(before).toContain('hearing/Event_HearingDateReached');
    expect(before).not.toContain('Task_RecordHearing');
    expect(before).toContain('incidents []');

    await sys.setTime('2026-03-03T11:00:00+05:00');
    const record = await waitForTask(sys.client, key, 'Task_RecordHearing');
    expect(record.candidateGroups).toEqual(['mia-clerks']);
    const atHearing = await variablesOf(sys.client, key);
    expect(atHearing.applicantPosition).toBeUndefined();
    expect(atHearing.applicantPositions).toBeUndefined();

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

  /** The applicant's position as the portal publishes it (intake.sendMessage). */
  const position = (number: string, text: string, attachments: { kind: string; fileName: string }[] = []) =>
    sys.client.publishMessage({
      name: 'applicant-position-submitted',
      correlationKey: number,
      timeToLive: 0,
      variables: {
        applicantPosition: text,
        applicantPositionAttachments: attachments,
        applicantPositionSubmittedAt: sys.clock.now().toISOString(),
      },
    } as any);

  // Runs at 3 March 11:00 (after the scenario above) and moves the shared clock to 4 March 11:05.
  test('Order 923 §8, APPC art. 73: a position sent before the hearing does not open the record before the announced time; every position is kept with its attachments, a late one marked', async () => {
    const number = 'TRC-2026-000601';
    const key = await startHearing(number);

    const prelim = await waitForTask(sys.client, key, 'Task_PreparePreliminaryDecision');
    expect(prelim.candidateGroups).toEqual(['mia-clerks']);
    expect(Date.parse(prelim.dueDate)).toBe(Date.parse(NOTICE_DUE));
    await sendHearingNotice(sys, key, FOUNDER_CASE_HEARING.notice('2026-03-04T11:00:00+05:00'));

    // The preliminary decision and the hearing notice are in the applicant's cabinet.
    const atNotice = await variablesOf(sys.client, key);
    expect(atNotice.resultDocument).toMatchObject({ kind: 'preliminary-decision' });
    const notices = await cabinetMessages(sys, company.bin, number);
    expect(notices).toContainEqual(
      expect.objectContaining({
        kind: 'preliminary-decision',
        documentId: atNotice.resultDocument.documentId,
      }),
    );
    expect(notices.find((m) => m.kind === 'hearing-notice').body).toContain(
      'Заслушивание: 04.03.2026, 11:00',
    );

    // Two positions before the hearing, the first with the court's decision attached.
    await position(number, FOUNDER_CASE_HEARING.position, [
      { kind: 'hearing-position-document', fileName: 'qauly-2026-02-20.pdf' },
    ]);
    await sys.setTime('2026-03-03T15:00:00+05:00');
    await position(number, 'Қосымша: іс қысқартылғаны туралы прокурордың хаты қоса беріледі.', [
      { kind: 'hearing-position-document', fileName: 'prokuror-hat.pdf' },
      { kind: 'hearing-position-document', fileName: 'anyqtama.pdf' },
    ]);
    const kept = await waitFor('both positions to be kept', async () => {
      const v = await variablesOf(sys.client, key);
      return v.applicantPositions?.length === 2 ? v.applicantPositions : undefined;
    });
    expect(kept).toEqual([
      {
        text: FOUNDER_CASE_HEARING.position,
        attachments: [{ kind: 'hearing-position-document', fileName: 'qauly-2026-02-20.pdf' }],
        submittedAt: '2026-03-03T06:00:00.000Z',
        late: false,
      },
      {
        text: 'Қосымша: іс қысқартылғаны туралы прокурордың хаты қоса беріледі.',
        attachments: [
          { kind: 'hearing-position-document', fileName: 'prokuror-hat.pdf' },
          { kind: 'hearing-position-document', fileName: 'anyqtama.pdf' },
        ],
        submittedAt: '2026-03-03T10:00:00.000Z',
        late: false,
      },
    ]);

    // A minute before the announced time the positions have not opened the hearing record.
    await sys.setTime('2026-03-04T10:59:00+05:00');
    const before = await describeState(sys.client, key);
    expect(before).toContain('hearing/Event_HearingDateReached');
    expect(before).not.toContain('Task_RecordHearing');
    expect(before).toContain('incidents []');

    await sys.setTime('2026-03-04T11:00:00+05:00');
    const record = await waitForTask(sys.client, key, 'Task_RecordHearing');
    expect(record.candidateGroups).toEqual(['mia-clerks']);
    expect(Date.parse(record.dueDate)).toBe(Date.parse(HEARING_DUE));

    // A position after the hearing time is kept too, marked late.
    await sys.setTime('2026-03-04T11:05:00+05:00');
    await position(number, 'Тыңдаудан кейін: қаулының түпнұсқасы жіберілді.');
    const all = await waitFor('the late position to be kept', async () => {
      const v = await variablesOf(sys.client, key);
      return v.applicantPositions?.length === 3 ? v.applicantPositions : undefined;
    });
    expect(all[2]).toEqual({
      text: 'Тыңдаудан кейін: қаулының түпнұсқасы жіберілді.',
      attachments: [],
      submittedAt: '2026-03-04T06:05:00.000Z',
      late: true,
    });
    expect(all.slice(0, 2)).toEqual(kept);

    await completeTask(sys.client, key, 'Task_RecordHearing', FOUNDER_CASE_HEARING.positionAccepted);
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_HearingConcluded');
    const vars = await variablesOf(sys.client, key);
    expect(vars.hearingOutcome).toBe('position-accepted');
    expect(vars.applicantPositions).toHaveLength(3);
    expect(vars.hearingRecordDocument).toMatchObject({ kind: 'hearing-record' });
    expect(vars.hearingDeadlineBreached).toBeUndefined();
    expect(await monitoringStages(sys, number)).toEqual(['hearing', 'hearing-held']);
    expect(await incidentsOf(sys.client, key)).toEqual([]);
  }, 60_000);

  // Runs at 4 March 11:05: the notice goes out today, so the earliest hearing day is 5 March.
  test('C6 (Order 923 §8; APPC art. 73): a hearing time too soon after the notice, after the hearing term or on a day off goes back to the clerk with the reason in Kazakh and Russian, never an incident', async () => {
    const number = 'TRC-2026-000604';
    const key = await startHearing(number);

    async function rejected(hearingAt: string): Promise<{ problem: string; kk: string; ru: string }> {
      const first = await completeTask(
        sys.client,
        key,
        'Task_PreparePreliminaryDecision',
        FOUNDER_CASE_HEARING.notice(hearingAt),
      );
      const again = await waitFor('the task to come back to the clerk', async () => {
        const t = await waitForTask(sys.client, key, 'Task_PreparePreliminaryDecision');
        return t.userTaskKey !== first.userTaskKey ? t : undefined;
      });
      expect(again.candidateGroups).toEqual(['mia-clerks']);
      expect(await incidentsOf(sys.client, key)).toEqual([]);
      return (await variablesOf(sys.client, key)).hearingTimeError;
    }

    const sameDay = await rejected('2026-03-04T16:00:00+05:00');
    expect(sameDay.problem).toBe('too-soon');
    expect(sameDay.kk).toContain('05.03.2026');
    expect(sameDay.ru).toContain('не ранее 05.03.2026');

    const late = await rejected('2026-03-11T11:00:00+05:00');
    expect(late.problem).toBe('after-deadline');
    expect(late.ru).toContain('10.03.2026');
    expect(late.kk).toMatch(/мерзімінен кеш/);

    const saturday = await rejected('2026-03-07T11:00:00+05:00');
    expect(saturday.problem).toBe('day-off');

    // No notice went out for a rejected time.
    expect(await cabinetMessages(sys, company.bin, number)).toEqual([]);

    await sendHearingNotice(sys, key, FOUNDER_CASE_HEARING.notice('2026-03-05T11:00:00+05:00'));
    const vars = await variablesOf(sys.client, key);
    expect(vars.hearingTimeError).toBeNull();
    expect(vars.hearingAt).toBe('2026-03-05T11:00:00+05:00');
    expect(await incidentsOf(sys.client, key)).toEqual([]);
  }, 60_000);

  test('Order 923 List row 9: a refusal ground of another service stops the preliminary decision with an incident naming the code and both services', async () => {
    const number = 'TRC-2026-000605';
    const key = await startProcess(sys, 'hearing', {
      ...calledWith(number),
      refusalGrounds: ['C_SECURITY_LAW_NON_COMPLIANCE', 'B13_SECURITY_LAW_NON_COMPLIANCE'],
    });
    await completeTask(
      sys.client,
      key,
      'Task_PreparePreliminaryDecision',
      FOUNDER_CASE_HEARING.notice('2026-03-05T15:00:00+05:00'),
    );
    const [incident] = await waitFor('the incident', async () => {
      const found = await incidentsOf(sys.client, key);
      return found.length ? found : undefined;
    });
    expect(incident.elementId).toBe('Task_GeneratePreliminaryDecision');
    expect(incident.errorMessage).toContain('B13_SECURITY_LAW_NON_COMPLIANCE');
    expect(incident.errorMessage).toContain('Выдача лицензии на право занятия охранной деятельностью');
    expect(incident.errorMessage).toContain(
      'Определение уполномоченным органом специализированного учебного центра',
    );
    expect(incident.errorMessage).not.toContain('C_SECURITY_LAW_NON_COMPLIANCE');
    expect(await cabinetMessages(sys, company.bin, number)).toEqual([]);
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
    await position(number, 'Қылмыстық іс бойынша қаулы қоса беріледі.');
    await sys.setTime('2026-03-06T11:00:00+05:00');
    await completeTask(sys.client, key, 'Task_RecordHearing', {
      applicantPositionSummary: 'Өтініш беруші қылмыстық іс бойынша қаулыны ұсынды.',
      hearingOutcome: 'refusal-confirmed',
      hearingReasons: 'Қаулы негізді жоймайды; бас тарту расталды.',
    });
    await waitForEnd(sys.client, key);

    expect(await completedEnds(key)).toEqual([
      'End_HearingConcluded',
      'End_HearingNoticeBreachRecorded',
      'End_PositionKept',
    ]);
    const vars = await variablesOf(sys.client, key);
    expect(vars.hearingOutcome).toBe('refusal-confirmed');
    expect(vars.hearingNoticeDeadlineBreached).toBe(true);
    expect(vars.hearingDeadlineBreached).toBeUndefined();
    expect(await incidentsOf(sys.client, key)).toEqual([]);
  }, 60_000);
});
