import {
  CONFIG_KEYS,
  ConfigError,
  GATEWAY_SYSTEMS,
  describeConfig,
  loadConfig,
  type ConfigIssue,
} from '../../config/schema';
import { runScript } from './support';

function configErrorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration schema', () => {
  it('gives a working embedded set-up when nothing is configured', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('embedded');
    expect(config.camunda).toEqual({
      restAddress: 'http://localhost:8080',
      authStrategy: 'NONE',
      basicAuth: {},
      oauth: {},
      httpClient: 'keep-alive',
    });
    expect(config.engine).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: './data',
      // Zeebe's 4 MB maxMessageSize; no token unless configured (npm start makes one per run).
      maxMessageBytes: 4 * 1024 * 1024,
      feelTimeoutMs: 1000,
      maxQueuedCommands: 256,
      maxDocumentBytes: 10 * 1024 * 1024,
      token: undefined,
    });
    expect(config.ui.port).toBe(3000);
    expect(config.simulators.port).toBe(8090);
    expect(config.gateway).toMatchObject({ baseUrl: 'http://127.0.0.1:8090', timeoutMs: 5000, retries: 2 });
    expect(config.documents.dir).toBe('./data/documents');
    expect(config.worker).toEqual({ maxParallelJobs: 32, jobTimeoutMs: 60000 });
    expect(config.rules).toEqual({
      hearingNoticeWdBeforeEnd: 3,
      hearingWithinWd: 2,
      hearingMinNoticeWd: 1,
      fireMinQualifiedSpecialists: 2,
      completenessWdFire: 2,
    });
  });

  it('reads typed values from their environment variables, treating empty as unset', () => {
    const config = loadConfig({
      ENGINE_PORT: '0',
      GATEWAY_RETRIES: '5',
      ZEEBE_GRPC_ADDRESS: '',
      LOG_LEVEL: 'debug',
    });
    expect(config.engine.port).toBe(0);
    expect(config.gateway.retries).toBe(5);
    expect(config.camunda.grpcAddress).toBeUndefined();
    expect(config.log.level).toBe('debug');
  });

  it('places each state system under the gateway unless its own URL is given', () => {
    const config = loadConfig({
      GATEWAY_BASE_URL: 'http://gateway.local/',
      GATEWAY_LEGAL_ENTITIES_URL: 'https://gbd-ul.example.kz/api',
    });
    expect(config.gateway.urls.legalEntities).toBe('https://gbd-ul.example.kz/api');
    expect(config.gateway.urls.realEstate).toBe('http://gateway.local/real-estate');
    expect(Object.keys(config.gateway.urls).sort()).toEqual([...GATEWAY_SYSTEMS].sort());
  });

  it('rejects every bad value at once, naming the variable, the expected type and the value', () => {
    const error = configErrorOf(() =>
      loadConfig({
        ENGINE_PORT: '70000',
        CAMUNDA_AUTH_STRATEGY: 'KERBEROS',
        ZEEBE_REST_ADDRESS: 'camunda:8080',
      }),
    );
    const byEnv = Object.fromEntries(error.issues.map((i) => [i.env, i]));
    expect(Object.keys(byEnv).sort()).toEqual(['CAMUNDA_AUTH_STRATEGY', 'ENGINE_PORT', 'ZEEBE_REST_ADDRESS']);
    expect(byEnv.ENGINE_PORT).toMatchObject<Partial<ConfigIssue>>({
      expected: 'integer 0–65535',
      received: '70000',
    });
    expect(byEnv.CAMUNDA_AUTH_STRATEGY.expected).toBe('NONE | BASIC | OAUTH');
    expect(error.message).toContain('ENGINE_PORT (engine.port)');
    expect(error.message).toContain('"camunda:8080"');
  });

  it('never echoes a secret, even when it is the invalid value', () => {
    const secret = 'short-but-very-secret';
    const error = configErrorOf(() => loadConfig({ UI_SESSION_SECRET: secret }));
    expect(error.issues).toEqual([expect.objectContaining({ env: 'UI_SESSION_SECRET' })]);
    expect(error.issues[0].received).toBeUndefined();
    expect(error.message).not.toContain(secret);
    expect(JSON.stringify(error.issues)).not.toContain(secret);
  });

  it('requires the credentials the chosen auth strategy needs', () => {
    const basic = configErrorOf(() => loadConfig({ CAMUNDA_AUTH_STRATEGY: 'BASIC' }));
    expect(basic.issues.map((i) => i.env).sort()).toEqual([
      'CAMUNDA_BASIC_AUTH_PASSWORD',
      'CAMUNDA_BASIC_AUTH_USERNAME',
    ]);
    const oauth = configErrorOf(() =>
      loadConfig({ CAMUNDA_AUTH_STRATEGY: 'OAUTH', ZEEBE_CLIENT_ID: 'workers' }),
    );
    expect(oauth.issues.map((i) => i.env).sort()).toEqual(['CAMUNDA_OAUTH_URL', 'ZEEBE_CLIENT_SECRET']);
  });

  it('in production requires the session secret and the staff identity provider of the web app, and only of the web app', () => {
    const error = configErrorOf(() => loadConfig({ MODE: 'production' }, { service: 'ui' }));
    expect(error.issues.map((i) => i.env)).toEqual([
      'UI_SESSION_SECRET',
      'OIDC_ISSUER_URL',
      'OIDC_CLIENT_SECRET',
    ]);
    // A configured provider needs the client secret in any mode; unset, embedded mode runs its own.
    const partial = configErrorOf(() =>
      loadConfig({ OIDC_ISSUER_URL: 'https://id.example.kz/realms/kz-permits' }),
    );
    expect(partial.issues.map((i) => i.env)).toEqual(['OIDC_CLIENT_SECRET']);
    expect(loadConfig({}).oidc.issuerUrl).toBeUndefined();
    expect(loadConfig({ MODE: 'production' }, { service: 'workers' }).mode).toBe('production');
  });

  it('documents every key with its variable, type, default and meaning', () => {
    const rows = describeConfig();
    expect(rows).toHaveLength(CONFIG_KEYS.length);
    expect(new Set(rows.map((r) => r.env)).size).toBe(rows.length);
    for (const row of rows) {
      expect(row.doc.length).toBeGreaterThan(10);
      expect(row.services.length).toBeGreaterThan(0);
      if (row.secret) expect(row.default).toBeUndefined();
    }
  });

  it('docs/configuration.md is generated from the current schema', () => {
    const check = runScript('deploy/gen-config-doc.ts', ['--check']);
    expect(check).toEqual({ code: 0, output: '' });
  });
});
