import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { orchestrationClient, processStarter } from '../../../config/camunda';
import { loadConfig } from '../../../config/schema';

/**
 * The network between the web app and the real embedded engine, where the faults of a real network
 * happen: every request is passed on unchanged, except that the engine can be made unreachable (the
 * connection is dropped before anything reaches it) or the answer to the next process start lost
 * (the engine starts the process, the connection drops before the answer arrives).
 */
export async function startEngineProxy(engineAddress: string) {
  const target = new URL(engineAddress);
  const state = { down: false, loseNextStartAnswer: false };
  const server: Server = createServer((req, res) => {
    if (state.down) return req.socket.destroy();
    const isStart = req.method === 'POST' && req.url === '/v2/process-instances';
    const loseAnswer = isStart && state.loseNextStartAnswer;
    if (loseAnswer) state.loseNextStartAnswer = false;
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        if (loseAnswer) {
          answer.resume();
          answer.on('end', () => req.socket.destroy());
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => req.socket.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The official client, as the web app builds it, through this network. One attempt per request:
  // what the intake does with a failed start is what is tested, not the client's own retries.
  const client = orchestrationClient(
    loadConfig({ ZEEBE_REST_ADDRESS: address, CAMUNDA_AUTH_STRATEGY: 'NONE' }),
    { CAMUNDA_SDK_HTTP_RETRY_MAX_ATTEMPTS: '1', CAMUNDA_SDK_LOG_LEVEL: 'silent' },
  );
  const config = loadConfig({ ZEEBE_REST_ADDRESS: address, CAMUNDA_AUTH_STRATEGY: 'NONE' });
  const quiet = { CAMUNDA_SDK_LOG_LEVEL: 'silent', CAMUNDA_SDK_HTTP_RETRY_BASE_DELAY_MS: '20' };
  return {
    client,
    /** The client as production builds it, retrying network errors by itself. */
    retryingClient: orchestrationClient(config, quiet),
    /** The web app's process starter, as ui/start.ts builds it. */
    starter: processStarter(config, quiet),
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
