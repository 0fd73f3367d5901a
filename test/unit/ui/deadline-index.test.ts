import { createDeadlineIndex, nearestRunningTerm, type RunningApplication } from '../../../ui/deadline-index';

/** The deadline board's index: running terms only, nearest first, renewed by a read once stale. */

describe('the deadline board index', () => {
  test('given terms of active and inactive steps and the service term, then the nearest running one counts', () => {
    const vars = {
      deadlineTotal: '2026-06-30T18:30:00+05:00',
      deadlineStudy: '2026-04-20T18:30:00+05:00',
      deadlineCompleteness: '2026-04-01T18:30:00+05:00',
      applicationNumber: 'SEC-2026-000001',
    };
    expect(nearestRunningTerm(vars, [{ elementId: 'Task_StudyCompliance' }])).toBe(
      Date.parse('2026-04-20T18:30:00+05:00'),
    );
    expect(nearestRunningTerm(vars, [{ elementId: 'Task_SignResult' }])).toBe(
      Date.parse('2026-06-30T18:30:00+05:00'),
    );
    expect(nearestRunningTerm({}, [])).toBe(Infinity);
  });

  test('given an application started after a pass, when the board is read within the minute and after it, then it comes first only after the next pass', async () => {
    const apps: (RunningApplication & { due: string })[] = Array.from({ length: 120 }, (_, i) => ({
      processInstanceKey: String(2251799813685300 + i),
      processDefinitionId: i % 2 ? 'security-licence' : 'fire-automation-permit',
      due: '2026-06-30T18:30:00+05:00',
    }));
    let clock = 0;
    const index = createDeadlineIndex(
      {
        running: async (from, limit) => ({ items: apps.slice(from, from + limit), total: apps.length }),
        activeElements: async (keys) => new Map(keys.map((k) => [k, [{ elementId: 'Task_Study' }]])),
        variables: async (keys) =>
          new Map(keys.map((k) => [k, { deadlineTotal: apps.find((a) => a.processInstanceKey === k)!.due }])),
      },
      { now: () => clock },
    );
    expect((await index.page(0, 50)).total).toBe(120);
    apps.push({
      processInstanceKey: '2251799813686000',
      processDefinitionId: 'security-licence',
      due: '2026-04-10T18:30:00+05:00',
    });
    clock = 59_000;
    expect((await index.page(0, 50)).items[0].processInstanceKey).not.toBe('2251799813686000');
    clock = 61_000;
    // The stale read answers from the old pass and starts the next one.
    expect((await index.page(0, 50)).total).toBe(120);
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    const first = await index.page(0, 50);
    expect(first.total).toBe(121);
    expect(first.items[0].processInstanceKey).toBe('2251799813686000');
    const fire = await index.page(0, 50, 'fire-automation-permit');
    expect(fire.total).toBe(60);
    expect(fire.items.every((a) => a.processDefinitionId === 'fire-automation-permit')).toBe(true);
  });
});
