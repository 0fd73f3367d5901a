import * as b from '../../support/bpmn';
import { activate, deployAll, eventually, startInstance, useEngine } from './support';

/**
 * A long-polling job activation whose client goes away stops waiting (Camunda docs, "Job workers":
 * long polling; Zeebe's gateway drops a cancelled long poll). A job created afterwards goes to a
 * worker that is still there, not to the closed connection, where it would stay locked until its
 * timeout.
 */
describe('job activation: long polling and clients that go away', () => {
  const e = useEngine();

  test('given a long poll whose client disconnects, when a job is created, then another worker activates it at once', async () => {
    await deployAll(e.client, {
      'long-poll.bpmn': b.process(
        'long-poll',
        [b.start('Start'), b.service('Task_Work', 'lp-work'), b.end('End')],
        ['Start > Task_Work > End'],
      ),
    });
    const gone = new AbortController();
    const waiting = fetch(`${e.t.running.address}/v2/jobs/activation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'lp-work',
        timeout: 60_000,
        maxJobsToActivate: 1,
        requestTimeout: 20_000,
      }),
      signal: gone.signal,
    }).catch(() => undefined);
    // The request is waiting in the engine, then its client goes away.
    await new Promise((r) => setTimeout(r, 300));
    gone.abort();
    await waiting;
    await new Promise((r) => setTimeout(r, 300));

    await startInstance(e.client, 'long-poll');
    const jobs = await eventually(
      () => activate(e.client, 'lp-work'),
      (found) => found.length > 0,
    );
    expect(jobs).toHaveLength(1);
  });
});
