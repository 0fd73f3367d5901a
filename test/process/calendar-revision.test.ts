import { createCalendarRevisionStore } from '../../adapters/calendar-revisions';
import { reviseCalendar } from '../../operations/calendar-revision';
import { fixtures } from '../../simulators';
import {
  applicantOf,
  breachRecorded,
  COMPLETE,
  completeTask,
  MONDAY,
  NO_GROUNDS,
  NOW,
  SIGNED_BY_POLICE_HEAD,
  testSystemAt,
  variablesOf,
  waitFor,
  waitForEnd,
  waitForTask,
} from '../support/process-fixtures';

describe('a calendar revision re-arms the deadlines of running applications (rule C4, issue of transfer orders)', () => {
  const sys = testSystemAt(MONDAY);

  test('given a licence application waiting at its completeness check due Wednesday, when Tuesday becomes a transferred day off, then the check is due Thursday, the old instant passes without a breach and the new one escalates', async () => {
    const c = fixtures.licence.approved;
    const { application } = await sys.intake.submit({
      applicationNumber: 'SEC-2026-000701',
      serviceId: 'security-licence',
      requestKind: 'issue',
      subType: 2,
      applicant: applicantOf(c, 'Астана'),
      consentToRestrictedData: true,
      attachments: [],
    });
    const key = application.processInstanceKey!;
    const before = await waitForTask(sys.client, key, 'Task_CheckCompleteness');
    expect(before.dueDate).toBe('2026-03-04T18:30:00+05:00');

    const outcome = await reviseCalendar(
      {
        store: createCalendarRevisionStore(sys.database),
        camunda: sys.client,
        now: () => sys.clock.now(),
      },
      {
        id: 'transfer-2026-03-03',
        effectiveAt: '2026-03-02T11:00:00+05:00',
        author: 'operator.kairat',
        legalBasis: 'Order of the Minister of Labour (synthetic test basis)',
        changes: [{ date: '2026-03-03', kind: 'transferred-day-off', name: 'Transferred day off' }],
      },
    );
    expect(outcome.rearmed).toEqual(['SEC-2026-000701']);

    const after = await waitFor('the re-armed completeness task', async () => {
      const t = await waitForTask(sys.client, key, 'Task_CheckCompleteness');
      return t.dueDate === '2026-03-05T18:30:00+05:00' ? t : undefined;
    });
    expect(after.userTaskKey).not.toBe(before.userTaskKey);
    const vars = await variablesOf(sys.client, key);
    expect(vars).toMatchObject({
      deadlineCompleteness: '2026-03-05T18:30:00+05:00',
      calendarRevisionId: 'transfer-2026-03-03',
    });

    // The instant of the old timer passes: nothing escalates.
    await sys.setTime('2026-03-04T19:00:00+05:00');
    await waitForTask(sys.client, key, 'Task_CheckCompleteness');
    expect((await variablesOf(sys.client, key)).completenessDeadlineBreached).toBeUndefined();

    // The revised term runs out: the breach is recorded and the task stays open.
    await sys.setTime('2026-03-05T19:00:00+05:00');
    await breachRecorded(sys, key, 'completeness');
    const still = await sys.client.searchUserTasks(
      { filter: { processInstanceKey: key, elementId: 'Task_CheckCompleteness', state: 'CREATED' } } as any,
      NOW,
    );
    expect(still.items).toHaveLength(1);

    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    await completeTask(sys.client, key, 'Task_StudyCompliance', NO_GROUNDS);
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_POLICE_HEAD);
    await waitForEnd(sys.client, key);
  }, 90_000);
});
