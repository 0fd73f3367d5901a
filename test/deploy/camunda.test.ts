import { createServer, type Server } from 'node:net';
import { camundaClientOptions, chooseWorkerTransport, probeGrpcTcp } from '../../config/camunda';
import { loadConfig } from '../../config/schema';

describe('connection to Camunda', () => {
  it('for production passes the REST and gRPC addresses and the auth strategy to the SDK', () => {
    const config = loadConfig({
      ZEEBE_REST_ADDRESS: 'http://camunda:8080',
      ZEEBE_GRPC_ADDRESS: 'grpc://camunda:26500',
      CAMUNDA_AUTH_STRATEGY: 'BASIC',
      CAMUNDA_BASIC_AUTH_USERNAME: 'demo',
      CAMUNDA_BASIC_AUTH_PASSWORD: 'demo',
    });
    expect(camundaClientOptions(config)).toEqual({
      ZEEBE_REST_ADDRESS: 'http://camunda:8080',
      ZEEBE_GRPC_ADDRESS: 'grpc://camunda:26500',
      CAMUNDA_AUTH_STRATEGY: 'BASIC',
      CAMUNDA_BASIC_AUTH_USERNAME: 'demo',
      CAMUNDA_BASIC_AUTH_PASSWORD: 'demo',
      CAMUNDA_LOG_LEVEL: 'warn',
    });
  });

  it('with OAuth sends the client credentials and token endpoint, and no basic-auth fields', () => {
    const options = camundaClientOptions(
      loadConfig({
        CAMUNDA_AUTH_STRATEGY: 'OAUTH',
        ZEEBE_CLIENT_ID: 'workers',
        ZEEBE_CLIENT_SECRET: 's3cret',
        CAMUNDA_OAUTH_URL: 'https://idp.example.kz/token',
        CAMUNDA_BASIC_AUTH_USERNAME: 'leftover',
      }),
    );
    expect(options).toMatchObject({
      CAMUNDA_AUTH_STRATEGY: 'OAUTH',
      ZEEBE_CLIENT_ID: 'workers',
      ZEEBE_CLIENT_SECRET: 's3cret',
      CAMUNDA_OAUTH_URL: 'https://idp.example.kz/token',
    });
    expect(options).not.toHaveProperty('CAMUNDA_BASIC_AUTH_USERNAME');
  });

  it('embedded by default: the local engine, no gRPC, no auth', () => {
    const options = camundaClientOptions(loadConfig({}));
    expect(options).toEqual({
      ZEEBE_REST_ADDRESS: 'http://localhost:8080',
      CAMUNDA_AUTH_STRATEGY: 'NONE',
      CAMUNDA_LOG_LEVEL: 'warn',
    });
  });
});

describe('worker transport', () => {
  const withGrpc = loadConfig({ ZEEBE_GRPC_ADDRESS: 'grpc://camunda:26500' });

  it('streams jobs over gRPC when the gateway answers', async () => {
    const probed: string[] = [];
    const choice = await chooseWorkerTransport(withGrpc, async (address) => (probed.push(address), true));
    expect(choice).toEqual({ transport: 'grpc-stream' });
    expect(probed).toEqual(['grpc://camunda:26500']);
  });

  it('falls back to REST with a warning naming the address when the gateway does not answer', async () => {
    const choice = await chooseWorkerTransport(withGrpc, async () => false);
    expect(choice.transport).toBe('rest');
    expect(choice.warning).toContain('ZEEBE_GRPC_ADDRESS=grpc://camunda:26500');
    expect(choice.warning).toContain('REST');
  });

  it('treats a probe that throws as unreachable', async () => {
    const choice = await chooseWorkerTransport(withGrpc, () => Promise.reject(new Error('boom')));
    expect(choice.transport).toBe('rest');
  });

  it('uses REST without probing when no gRPC address is configured (embedded engine)', async () => {
    const probe = jest.fn(async () => true);
    expect(await chooseWorkerTransport(loadConfig({}), probe)).toEqual({ transport: 'rest' });
    expect(probe).not.toHaveBeenCalled();
  });

  describe('TCP probe', () => {
    let server: Server;
    let port: number;
    beforeAll(async () => {
      server = createServer((socket) => socket.end());
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      port = (server.address() as { port: number }).port;
    });
    afterAll(() => new Promise<void>((done) => server.close(() => done())));

    it('reports a listening port as reachable', async () => {
      expect(await probeGrpcTcp(`grpc://127.0.0.1:${port}`)).toBe(true);
    });

    it('reports a closed port as unreachable', async () => {
      const closed = createServer();
      await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
      const freed = (closed.address() as { port: number }).port;
      await new Promise<void>((done) => closed.close(() => done()));
      expect(await probeGrpcTcp(`grpc://127.0.0.1:${freed}`)).toBe(false);
    });
  });
});
