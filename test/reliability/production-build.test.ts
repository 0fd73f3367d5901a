/**
 * Images that start: `npm run build` compiles the services to JavaScript and builds the browser
 * bundles into dist/; the output with package.json and package-lock.json is copied into a fresh
 * folder, `npm ci --omit=dev` installs production dependencies only (no tsx, no esbuild, no
 * bundler), and every service is started from the build output with `node dist/...`, as the
 * image's commands do: the engine, the simulators, the deploy job, the workers and the web app,
 * each answering its health check. Needs the npm registry; takes a few minutes (better-sqlite3
 * may compile from source).
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startLocalS3, type LocalS3 } from '../support/s3';
import { spawnService, stopService, waitForOutput, type Service } from './support';
import { ENGINE_NODE_OPTIONS } from '../../engine/node-options';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');
const TOKEN = 'production-build-token-0123456789';

describe('production build', () => {
  let dir: string;
  let s3: LocalS3;
  const services: Service[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kzp-production-'));
    s3 = await startLocalS3();
  });
  afterAll(async () => {
    for (const s of services.reverse()) await stopService(s);
    await s3.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  function start(
    name: string,
    script: string,
    env: Record<string, string>,
    args: string[] = [],
    nodeOptions: readonly string[] = [],
  ): Service {
    const service = spawnService(name, [...nodeOptions, path.join('dist', script), ...args], {
      cwd: dir,
      // Only what a container would get: no NODE_OPTIONS or loaders from the test runner.
      env: { PATH: process.env.PATH ?? '', HOME: dir, LOG_LEVEL: 'info', ...env },
    });
    services.push(service);
    return service;
  }

  it(
    'builds, installs production dependencies only, and starts every service from dist/',
    async () => {
      await run('npm', ['run', '-s', 'build'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
      cpSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
      for (const f of ['package.json', 'package-lock.json']) cpSync(path.join(ROOT, f), path.join(dir, f));
      await run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], {
        cwd: dir,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, npm_config_loglevel: 'error' },
      });
      // Development packages are not there: the services cannot lean on them.
      for (const dev of ['tsx', 'esbuild', 'camunda-bpmn-js', '@bpmn-io/form-js', 'typescript'])
        expect({ dev, installed: existsSync(path.join(dir, 'node_modules', dev)) }).toEqual({
          dev,
          installed: false,
        });
      expect(existsSync(path.join(dir, 'dist', 'ui', 'public', 'build', 'worklist.js'))).toBe(true);

      const engine = start(
        'engine',
        'engine/start.js',
        { ENGINE_PORT: '0', ENGINE_TOKEN: TOKEN, ENGINE_DATA_DIR: path.join(dir, 'data', 'engine') },
        [],
        ENGINE_NODE_OPTIONS,
      );
      const engineUrl = (await waitForOutput(engine, /REST API at (http:\/\/\S+)\/v2/))[1];
      const topology = await fetch(`${engineUrl}/v2/topology`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(topology.status).toBe(200);

      const simulators = start('simulators', 'simulators/start.js', { SIMULATORS_PORT: '0' });
      const simulatorsUrl = (await waitForOutput(simulators, /listening on (http:\/\/\S+)/))[1];
      expect((await fetch(`${simulatorsUrl}/health`)).status).toBe(200);

      const client = {
        ZEEBE_REST_ADDRESS: engineUrl,
        CAMUNDA_AUTH_STRATEGY: 'BASIC',
        CAMUNDA_BASIC_AUTH_USERNAME: 'engine',
        CAMUNDA_BASIC_AUTH_PASSWORD: TOKEN,
      };
      const deploy = start('deploy', 'deploy/deploy.js', client, ['--address', engineUrl]);
      const deployed = await new Promise<number | null>((resolve) => deploy.child.once('exit', resolve));
      expect({ exit: deployed, output: deploy.output() }).toEqual({ exit: 0, output: expect.any(String) });
      const definitions = await fetch(`${engineUrl}/v2/process-definitions/search`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(((await definitions.json()) as { items: unknown[] }).items.length).toBeGreaterThanOrEqual(8);

      const files = { ...s3.env, DOCUMENTS_DIR: path.join(dir, 'data', 'documents') };
      const workers = start('workers', 'workers/start.js', {
        ...client,
        ...files,
        GATEWAY_BASE_URL: simulatorsUrl,
      });
      await waitForOutput(workers, /workers ready: \d+ job types/);

      const ui = start('ui', 'ui/start.js', {
        ...client,
        ...files,
        UI_PORT: '0',
        UI_DATA_DIR: path.join(dir, 'data', 'ui'),
        GATEWAY_BASE_URL: simulatorsUrl,
      });
      const uiUrl = (await waitForOutput(ui, /ui ready at (http:\/\/\S+)/, 90_000))[1];
      expect(await (await fetch(`${uiUrl}/health`)).json()).toEqual({ status: 'UP' });
      // Bundles and the libraries' style sheets come from the build, not from development packages.
      for (const asset of ['/build/worklist.js', '/build/designer.js', '/vendor/bpmn-js/bpmn-js.css'])
        expect({ asset, status: (await fetch(uiUrl + asset)).status }).toEqual({ asset, status: 200 });

      for (const s of [engine, simulators, workers, ui])
        expect({ service: s.name, running: s.child.exitCode === null }).toEqual({
          service: s.name,
          running: true,
        });
    },
    25 * 60_000,
  );
});
