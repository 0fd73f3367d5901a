import http from 'node:http';
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

  // Zeebe's gateway yields jobs it could not hand to a worker back to the broker (JobIntent.YIELD):
  // they are activatable again at once instead of after their timeout. Both orders in which the
  // engine can learn of the closed connection, driven within one turn of the event loop.
  test.each([
    [
      'after the job is taken for it, before the answer is written',
      (create: () => void, close: () => void) => {
        create();
        close();
      },
    ],
    [
      'before the job is taken for it, while the close is still being processed',
      (create: () => void, close: () => void) => {
        close();
        setImmediate(create);
      },
    ],
  ])(
    'given a long poll whose connection closes %s, then another worker activates the job at once, not after the job timeout',
    async (_when, race) => {
      const type = `lp-yield-${Math.random().toString(36).slice(2, 8)}`;
      const id = `long-poll-${type}`;
      await deployAll(e.client, {
        [`${id}.bpmn`]: b.process(
          id,
          [b.start('Start'), b.service('Task_Work', type), b.end('End')],
          ['Start > Task_Work > End'],
        ),
      });
      const { hostname, port } = new URL(e.t.running.address);
      const poll = http.request({
        host: hostname,
        port,
        method: 'POST',
        path: '/v2/jobs/activation',
        agent: false,
        headers: { 'content-type': 'application/json' },
      });
      const closed = new Promise<void>((resolve) => poll.on('close', () => resolve()));
      let answered = false;
      poll.on('response', () => (answered = true));
      poll.on('error', () => undefined);
      poll.end(JSON.stringify({ type, timeout: 60_000, maxJobsToActivate: 5, requestTimeout: 20_000 }));
      // The request is waiting in the engine.
      await new Promise((r) => setTimeout(r, 300));

      race(
        () => e.t.running.engine.createProcessInstance({ bpmnProcessId: id, variables: {} }),
        () => poll.destroy(),
      );
      await closed;
      expect(answered).toBe(false);

      const started = Date.now();
      const jobs = await eventually(
        () => activate(e.client, type),
        (found) => found.length > 0,
        3000,
      );
      expect(jobs).toHaveLength(1);
      // Well before the 60 s job timeout the closed poll asked for.
      expect(Date.now() - started).toBeLessThan(3000);
    },
  );
});
