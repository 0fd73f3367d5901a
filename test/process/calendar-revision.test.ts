import { createCalendarRevisionStore } from '../../adapters/calendar-revisions';
import { reviseCalendar } from '../../operations/calendar-revision';
import { fixtures } from '../../simulators';
import { NOW } from '../support/engine-harness';
import {
  completeTask,
  startTestSystem,
  TestSystem,
  variablesOf,
  waitFor,
  waitForEnd,
  waitForTask,
} from '../support/system-harness';

/** Monday 2 March 2026, 10:00 in Astana. */
const MONDAY = '2026-03-02T10:00:00+05:00';

describe('a calendar revision re-arms the deadlines of running applications (rule C4, issue of transfer orders)', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startTestSystem(MONDAY);
  }, 60_000);
  afterAll(() => sys?.stop());

  test('given a licence application waiting at its completeness check due Wednesday, when Tuesday becomes a transferred day off, then the check is due Thursday, the old instant passes without a breach and the new one escalates', async () => {
    const c = fixtures.licence.approved;
    const { application } = await sys.intake.submit({
      applicationNumber: 'SEC-2026-000701',
      serviceId: 'security-licence',
      requestKind: 'issue',
      subType: 2,
      applicant: {
        bin: c.bin,
        name: c.name,
        headIin: c.headIin,
        headFullName: c.headFullName,
        location: 'Астана',
      },
      consentToRestrictedData: true,
      attachments: [],
    });
    const key = application.processInstanceKey!;
    const before = await waitForTask(sys.client, key, 'Task_CheckCompleteness');
    expect(before.dueDate).toBe('2026-03-04T18:30:00+05:00');

    const outcome = await reviseCalendar(
      {
        store: createCalendarRevisionStore(sys.revisionsFile),
        camunda: sys.client as never,
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
    await waitFor('the breach to be recorded', async () =>
      (await variablesOf(sys.client, key)).completenessDeadlineBreached ? true : undefined,
    );
    const still = await sys.client.searchUserTasks(
      { filter: { processInstanceKey: key, elementId: 'Task_CheckCompleteness', state: 'CREATED' } } as any,
      NOW,
    );
    expect(still.items).toHaveLength(1);

    await completeTask(sys.client, key, 'Task_CheckCompleteness', {
      documentsComplete: true,
      documentsExpired: false,
    });
    await completeTask(sys.client, key, 'Task_StudyCompliance', { groundsFound: false, refusalGrounds: [] });
    await completeTask(sys.client, key, 'Task_SignResult', {
      decision: 'approve',
      signerName: 'Әбілов Марат',
      signerPosition: 'Бастық',
    });
    await waitForEnd(sys.client, key);
  }, 90_000);
});
