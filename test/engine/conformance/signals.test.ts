import * as b from '../../support/bpmn';
import {
  active,
  deployAll,
  jobs,
  complete,
  piState,
  startInstance,
  trail,
  useEngine,
  variables,
  rejection,
  NOW,
} from './support';

/**
 * Camunda 8.8 signals ("Signal events" and REST "Broadcast signal", POST /v2/signals/broadcast): a
 * broadcast triggers every open signal subscription of that name (intermediate catch, boundary,
 * event sub-process start) and starts every latest definition with a signal start event of that
 * name, passing the signal's variables; signals are not buffered; a signal intermediate throw or end
 * event broadcasts with its input mappings as variables.
 */
describe('signals', () => {
  const e = useEngine();

  const broadcast = (signalName: string, vars?: Record<string, unknown>) =>
    e.client.broadcastSignal({ signalName, variables: vars } as any) as Promise<any>;

  test('given a signal start event, when the signal is broadcast, then an instance starts with the signal variables', async () => {
    await deployAll(e.client, {
      'sig-start.bpmn': b.process(
        'sig-start',
        [
          b.start('Start_Amnesty', { signal: 'sig-amnesty' }),
          b.service('Task_Review', 'sig-review'),
          b.end('End'),
        ],
        ['Start_Amnesty > Task_Review > End'],
      ),
    });
    const r = await broadcast('sig-amnesty', { decree: 'D-1' });
    expect(r.signalKey).toMatch(/^\d+$/);
    const [job] = await jobs(e.client, 'sig-review');
    expect(job.processDefinitionId).toBe('sig-start');
    expect(job.variables).toEqual({ decree: 'D-1' });
  });

  test('given instances waiting at a signal catch event, when the signal is broadcast, then all of them continue with its variables', async () => {
    await deployAll(e.client, {
      'sig-catch.bpmn': b.process(
        'sig-catch',
        [b.start('Start'), b.catchEvent('Catch_Recall', { signal: 'sig-recall' }), b.end('End')],
        ['Start > Catch_Recall > End'],
      ),
    });
    const p1 = await startInstance(e.client, 'sig-catch');
    const p2 = await startInstance(e.client, 'sig-catch');
    expect(await active(e.client, p1)).toEqual(['Catch_Recall']);
    await broadcast('sig-recall', { reason: 'recalled' });
    expect(await piState(e.client, p1)).toBe('COMPLETED');
    expect(await piState(e.client, p2)).toBe('COMPLETED');
    expect(await variables(e.client, p1)).toEqual({ reason: 'recalled' });
  });

  test('given no open subscription, when a signal is broadcast, then it is not buffered for a later one', async () => {
    await deployAll(e.client, {
      'sig-late.bpmn': b.process(
        'sig-late',
        [b.start('Start'), b.catchEvent('Catch_Late', { signal: 'sig-late' }), b.end('End')],
        ['Start > Catch_Late > End'],
      ),
    });
    await broadcast('sig-late');
    const pik = await startInstance(e.client, 'sig-late');
    expect(await active(e.client, pik)).toEqual(['Catch_Late']);
  });

  test('given an interrupting signal boundary event, when the signal is broadcast, then the task is terminated and the boundary path taken', async () => {
    await deployAll(e.client, {
      'sig-boundary.bpmn': b.process(
        'sig-boundary',
        [
          b.start('Start'),
          b.service('Task_Inspect', 'sig-inspect'),
          b.boundary('Boundary_Suspended', 'Task_Inspect', { signal: 'sig-suspend' }),
          b.end('End_Done'),
          b.end('End_Suspended'),
        ],
        ['Start > Task_Inspect > End_Done', 'Boundary_Suspended > End_Suspended'],
      ),
    });
    const pik = await startInstance(e.client, 'sig-boundary');
    await broadcast('sig-suspend');
    expect(await piState(e.client, pik)).toBe('COMPLETED');
    expect(await trail(e.client, pik)).toEqual(
      expect.arrayContaining([
        'Task_Inspect:TERMINATED',
        'Boundary_Suspended:COMPLETED',
        'End_Suspended:COMPLETED',
      ]),
    );
  });

  test('given a non-interrupting signal boundary event, when the signal is broadcast twice, then the task stays and the path is taken twice', async () => {
    await deployAll(e.client, {
      'sig-boundary-ni.bpmn': b.process(
        'sig-boundary-ni',
        [
          b.start('Start'),
          b.service('Task_Inspect', 'sig-inspect-ni'),
          b.boundary('Boundary_Reminder', 'Task_Inspect', { signal: 'sig-remind', interrupting: false }),
          b.end('End_Done'),
          b.end('End_Reminded'),
        ],
        ['Start > Task_Inspect > End_Done', 'Boundary_Reminder > End_Reminded'],
      ),
    });
    const pik = await startInstance(e.client, 'sig-boundary-ni');
    await broadcast('sig-remind');
    await broadcast('sig-remind');
    expect(await active(e.client, pik)).toEqual(['Task_Inspect']);
    expect((await trail(e.client, pik)).filter((t) => t === 'End_Reminded:COMPLETED')).toHaveLength(2);
    const [job] = await jobs(e.client, 'sig-inspect-ni');
    await complete(e.client, job);
    expect(await piState(e.client, pik)).toBe('COMPLETED');
  });

  test('given a signal event sub-process, when the signal is broadcast, then it interrupts the process', async () => {
    await deployAll(e.client, {
      'sig-esp.bpmn': b.process(
        'sig-esp',
        [
          b.start('Start'),
          b.service('Task_Work', 'sig-esp-work'),
          b.end('End'),
          b.eventSubProcess(
            'Esp_Withdrawn',
            [b.start('Start_Withdrawn', { signal: 'sig-withdraw' }), b.end('End_Withdrawn')],
            ['Start_Withdrawn > End_Withdrawn'],
          ),
        ],
        ['Start > Task_Work > End'],
      ),
    });
    const pik = await startInstance(e.client, 'sig-esp');
    await broadcast('sig-withdraw');
    expect(await piState(e.client, pik)).toBe('COMPLETED');
    expect(await trail(e.client, pik)).toEqual(
      expect.arrayContaining(['Task_Work:TERMINATED', 'End_Withdrawn:COMPLETED']),
    );
  });

  test('given a signal intermediate throw event and a signal end event, when reached, then they broadcast with their input mappings as variables', async () => {
    await deployAll(e.client, {
      'sig-listener.bpmn': b.process(
        'sig-listener',
        [
          b.start('Start'),
          b.catchEvent('Catch_Decided', { signal: 'sig-decided' }),
          b.catchEvent('Catch_Closed', { signal: 'sig-closed' }),
          b.end('End'),
        ],
        ['Start > Catch_Decided > Catch_Closed > End'],
      ),
      'sig-thrower.bpmn': b.process(
        'sig-thrower',
        [
          b.start('Start'),
          b.throwEvent('Throw_Decided', { signal: 'sig-decided', inputs: [['=outcome', 'decision']] }),
          b.end('End_Closed', { signal: 'sig-closed' }),
        ],
        ['Start > Throw_Decided > End_Closed'],
      ),
    });
    const listener = await startInstance(e.client, 'sig-listener');
    const thrower = await startInstance(e.client, 'sig-thrower', { outcome: 'granted' });
    expect(await piState(e.client, thrower)).toBe('COMPLETED');
    expect(await piState(e.client, listener)).toBe('COMPLETED');
    expect(await variables(e.client, listener)).toEqual({ decision: 'granted' });
  });

  test('given a signal subscription, when message subscriptions are searched, then it is not listed as a message', async () => {
    await deployAll(e.client, {
      'sig-only.bpmn': b.process(
        'sig-only',
        [b.start('Start'), b.catchEvent('Catch_Only', { signal: 'sig-only' }), b.end('End')],
        ['Start > Catch_Only > End'],
      ),
    });
    const pik = await startInstance(e.client, 'sig-only');
    const r: any = await e.client.searchMessageSubscriptions(
      { filter: { processInstanceKey: pik } } as any,
      NOW,
    );
    expect(r.items).toEqual([]);
  });

  test('given no signal name, when broadcast, then 400', async () => {
    expect(await rejection(broadcast(''))).toMatchObject({ status: 400 });
  });
});
