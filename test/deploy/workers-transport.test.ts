import net from 'node:net';
import { loadConfig } from '../../config/schema';
import { probeGrpcTcp } from '../../config/camunda';
import { startWorkers } from '../../workers';
import { startTestEngine, TestEngine } from '../support/engine-harness';

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('workers with the production configuration shape (REST + gRPC addresses)', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine();
  });
  afterAll(() => t.close());

  test('given a gRPC address where no gateway listens, when the workers start, then they warn and fall back to REST job workers against the REST address', async () => {
    const port = await closedPort();
    const config = loadConfig({
      ZEEBE_REST_ADDRESS: t.running.address,
      ZEEBE_GRPC_ADDRESS: `grpc://127.0.0.1:${port}`,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
      LOG_LEVEL: 'error',
    });
    expect(await probeGrpcTcp(config.camunda.grpcAddress!, 500)).toBe(false);
    const warnings: string[] = [];
    const log = { info: () => undefined, warn: (m: string) => warnings.push(m), error: () => undefined };
    const running = await startWorkers({ config, log });
    try {
      expect(running.transport).toBe('rest');
      expect(running.types).toContain('compute-deadlines');
      expect(warnings.join('\n')).toMatch(
        new RegExp(`ZEEBE_GRPC_ADDRESS=grpc://127.0.0.1:${port} is set but not reachable.*REST`),
      );
    } finally {
      await running.stop();
    }
  });
});
