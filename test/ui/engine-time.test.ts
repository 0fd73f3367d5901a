/**
 * The web app reads the engine's time from the embedded engine (`GET /v2/clock`); against a Camunda
 * cluster, which has no such endpoint, it uses the wall clock, and a failed read falls back once.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fixedClock } from '../../domain/clock';
import { engineTimeOf } from '../../ui/engine-time';
import { startTestEngine } from '../support/engine-harness';

const LOCAL = fixedClock('2026-04-01T10:00:00+05:00');

test('given the embedded engine with its clock pinned, then the engine time is the pinned instant, not the local clock', async () => {
  const e = await startTestEngine();
  try {
    await e.client.pinClock({ timestamp: Date.parse('2026-04-17T10:00:00+05:00') } as never);
    const now = engineTimeOf(e.client, LOCAL);
    expect((await now()).toISOString()).toBe('2026-04-17T05:00:00.000Z');
    await e.client.pinClock({ timestamp: Date.parse('2026-04-20T09:00:00+05:00') } as never);
    expect((await now()).toISOString()).toBe('2026-04-20T04:00:00.000Z');
  } finally {
    await e.close();
  }
});

test('given an engine without the clock endpoint (a cluster: 404), then the local clock is used and not asked again', async () => {
  let asked = 0;
  const server: Server = createServer((_req, res) => {
    asked++;
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const restAddress = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
  try {
    const client = { getConfig: () => ({ restAddress }), getAuthHeaders: async () => ({}) };
    const now = engineTimeOf(client, LOCAL);
    expect(await now()).toEqual(LOCAL.now());
    expect(await now()).toEqual(LOCAL.now());
    expect(asked).toBe(1);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

test('given an unreachable engine, then that read falls back to the local clock and is logged', async () => {
  const logged: string[] = [];
  const client = {
    getConfig: () => ({ restAddress: 'http://127.0.0.1:1/v2' }),
    getAuthHeaders: async () => ({}),
  };
  const now = engineTimeOf(client, LOCAL, (m) => logged.push(m));
  expect(await now()).toEqual(LOCAL.now());
  expect(logged).toHaveLength(1);
});
