import * as b from '../support/bpmn';
import { deploy, pinClock, startTestEngine, type TestEngine } from '../support/engine-harness';
import { NOW_IN_ALMATY, client, startApp } from './support/harness';

/**
 * The deadline board lists running applications by their nearest running legal term, overdue
 * first, 50 to a page, from an index of the running instances' terms: an overdue application that
 * started last is on the first page, not on the last (oldest-first paging hid it there). The app's
 * clock is Wednesday 15 April 2026, 10:00 in Almaty (test/ui/support/harness.ts).
 */

const LATER = '2026-06-30T18:30:00+05:00';

describe('the deadline board on the embedded engine', () => {
  let e: TestEngine;
  let ctx: Awaited<ReturnType<typeof startApp>>;
  let overdueKey: string;

  beforeAll(async () => {
    e = await startTestEngine();
    // The engine's clock decides what is overdue: the app's time, Wednesday 15 April 2026, 10:00.
    await pinClock(e.client, NOW_IN_ALMATY);
    await deploy(e.client, {
      'police-review.bpmn': b.process(
        'police-review',
        [b.start('Start'), b.userTask('Task_Study', { candidateGroups: 'police-clerks' }), b.end('End')],
        ['Start > Task_Study > End'],
      ),
    });
    const start = (n: number, terms: Record<string, string>) =>
      e.running.engine.createProcessInstance({
        bpmnProcessId: 'police-review',
        variables: {
          serviceId: 'security-licence',
          applicationNumber: `SEC-2026-${String(n).padStart(6, '0')}`,
          ...terms,
        },
      }).key;
    // 70 applications whose terms end at the end of June, started first.
    for (let i = 0; i < 70; i++)
      start(i, { deadlineTotal: LATER, deadlineStudy: '2026-05-20T18:30:00+05:00' });
    // Started last: the service term ends today (18:30), and one whose study term ended on Friday.
    start(70, { deadlineTotal: '2026-04-15T18:30:00+05:00' });
    overdueKey = start(71, { deadlineTotal: LATER, deadlineStudy: '2026-04-10T18:30:00+05:00' });
    // A term of a step that is not active (an earlier completeness check) does not count.
    start(72, { deadlineTotal: LATER, deadlineCompleteness: '2026-04-01T18:30:00+05:00' });
    ctx = await startApp({ camunda: e.client as never });
  });
  afterAll(async () => {
    await ctx?.close();
    await e?.close();
  });

  test('given 73 running applications, when the board’s first page is read, then the overdue and the due-today ones that started last come first, ordered by their nearest term', async () => {
    const op = client(ctx.base, await ctx.as('operator'));
    const first = await op('GET', '/api/ops/deadlines');
    expect(first.status).toBe(200);
    expect(first.json.page).toMatchObject({ totalItems: 73, totalPages: 2 });
    expect(first.json.overdue.map((r: any) => [r.applicationNumber, r.step])).toEqual([
      ['SEC-2026-000071', 'Study'],
    ]);
    expect(first.json.dueToday.map((r: any) => [r.applicationNumber, r.step])).toEqual([
      ['SEC-2026-000070', 'Total'],
    ]);
    // Neither the inactive completeness term nor the later terms are urgent.
    expect(first.json.within2).toEqual([]);
    const second = await op('GET', '/api/ops/deadlines?page=2');
    expect([...second.json.overdue, ...second.json.dueToday]).toEqual([]);
  });

  test('given the overdue application ends after the index was built, when the board is read again, then it is no longer shown', async () => {
    const op = client(ctx.base, await ctx.as('operator'));
    const [task] = (
      await e.client.searchUserTasks(
        { filter: { processInstanceKey: overdueKey } } as any,
        {
          consistency: { waitUpToMs: 0 },
        } as any,
      )
    ).items as any[];
    e.running.engine.completeUserTask(String(task.userTaskKey), {});
    const after = await op('GET', '/api/ops/deadlines');
    expect(after.json.overdue).toEqual([]);
    expect(after.json.dueToday.map((r: any) => r.applicationNumber)).toEqual(['SEC-2026-000070']);
    // The board says which clock decided: the engine's, the same as the server's here.
    expect(after.json.clock).toEqual({ at: '15.04.2026 10:00', wall: null });
  });

  test('given the engine’s clock is on Thursday 18:25 while the server’s is on Wednesday, then the board and the application’s terms count from the engine’s clock and show both times', async () => {
    await pinClock(e.client, '2026-04-16T18:25:00+05:00');
    const onEngine = await startApp({ camunda: e.client as never });
    try {
      const op = client(onEngine.base, await onEngine.as('operator'));
      const board = await op('GET', '/api/ops/deadlines');
      // The service term that ended on Wednesday at 18:30 is overdue by the engine's clock.
      expect(board.json.overdue.map((r: any) => r.applicationNumber)).toContain('SEC-2026-000070');
      expect(board.json.clock).toEqual({ at: '16.04.2026 18:25', wall: '15.04.2026 10:00' });
      const key = board.json.overdue.find(
        (r: any) => r.applicationNumber === 'SEC-2026-000070',
      ).processInstanceKey;
      const instance = await op('GET', `/api/ops/applications/${key}`);
      expect(instance.json.clock).toEqual({ at: '16.04.2026 18:25', wall: '15.04.2026 10:00' });
      expect(instance.json.deadlines.map((d: any) => d.urgency)).toEqual(['overdue']);
    } finally {
      await onEngine.close();
      await pinClock(e.client, NOW_IN_ALMATY);
    }
  });
});
