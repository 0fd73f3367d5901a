import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The real system for browser tests: embedded engine, every diagram and form deployed through the
 * deploy script, the job workers (when this checkout has them) and the web app, all on port 0.
 * The designer edits and deploys a temporary copy of bpmn/ and forms/, so no test changes the repository.
 */
export const REPO = path.resolve(__dirname, '..', '..', '..');

/** Why the real system cannot run in this checkout, or undefined when it can. */
export function missingPrerequisite(): string | undefined {
  if (!existsSync(path.join(REPO, 'engine', 'start.ts')))
    return 'engine/start.ts is absent: the embedded engine is not in this checkout yet';
  if (!existsSync('/usr/bin/chromium')) return '/usr/bin/chromium is missing (apt-get install -y chromium)';
  return undefined;
}

export interface RunningSystem {
  engineAddress: string;
  uiUrl: string;
  dataDir: string;
  /** The copy of bpmn/ and forms/ the system deployed and the designer edits. */
  resourcesDir: string;
  workers: boolean;
  close(): Promise<void>;
}

// Computed specifiers: these modules are written concurrently and may be absent from a checkout.
const load = <T>(rel: string): Promise<T> => import(path.join(REPO, rel)) as Promise<T>;

export async function startSystem(
  opts: {
    workers?: boolean;
    /** Folder with bpmn/ and forms/ to deploy; the repository by default. */ deployDir?: string;
  } = {},
): Promise<RunningSystem> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kzp-e2e-'));
  const closers: (() => Promise<void> | void)[] = [() => rmSync(dataDir, { recursive: true, force: true })];
  const close = async () => {
    for (const c of closers.reverse()) await c();
  };
  try {
    const { startEmbeddedEngine } = await load<{
      startEmbeddedEngine(o: {
        dataDir: string;
        port: number;
        log?: (m: string) => void;
      }): Promise<{ address: string; close(): Promise<void> }>;
    }>('engine/index');
    const engine = await startEmbeddedEngine({
      dataDir: path.join(dataDir, 'engine'),
      port: 0,
      log: () => {},
    });
    closers.push(() => engine.close());

    let gatewayBaseUrl: string | undefined;
    if (existsSync(path.join(REPO, 'simulators', 'index.ts'))) {
      const { startSimulators } = await load<{
        startSimulators(o: { port: number; host: string }): Promise<{ url: string; close(): Promise<void> }>;
      }>('simulators/index');
      const sims = await startSimulators({ port: 0, host: '127.0.0.1' });
      closers.push(() => sims.close());
      gatewayBaseUrl = sims.url;
    }

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ZEEBE_REST_ADDRESS: engine.address,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
      UI_PORT: '0',
      UI_HOST: '127.0.0.1',
      UI_DATA_DIR: path.join(dataDir, 'ui'),
      DOCUMENTS_DIR: path.join(dataDir, 'documents'),
      UI_SESSION_SECRET: 'e2e-session-secret-e2e-session-secret-0000',
      LOG_LEVEL: 'error',
      ...(gatewayBaseUrl ? { GATEWAY_BASE_URL: gatewayBaseUrl } : {}),
    };
    const { loadConfig } = await load<{ loadConfig(env: NodeJS.ProcessEnv): any }>('config/schema');
    const config = loadConfig(env);
    const resourcesDir = path.join(dataDir, 'resources');
    for (const folder of ['bpmn', 'forms'])
      cpSync(path.join(opts.deployDir ?? REPO, folder), path.join(resourcesDir, folder), { recursive: true });
    const { deployResources } = await load<typeof import('../../../deploy/deploy')>('deploy/deploy');
    await deployResources({ dir: resourcesDir, config, address: engine.address });

    let workers = false;
    if (opts.workers !== false && existsSync(path.join(REPO, 'workers', 'index.ts'))) {
      const { startWorkers } = await load<{
        startWorkers(o: { config: unknown; log: unknown }): Promise<{ stop(): Promise<void> }>;
      }>('workers/index');
      const quiet = {
        info: () => {},
        warn: () => {},
        error: (m: string, f?: object) => console.error(`[workers] ${m}`, f ?? ''),
      };
      const running = await startWorkers({ config, log: quiet });
      closers.push(() => running.stop());
      workers = true;
    }

    const { startUi } = await load<typeof import('../../../ui/start')>('ui/start');
    const ui = await startUi(env, { resourcesDir });
    closers.push(() => ui.close());
    return { engineAddress: engine.address, uiUrl: ui.url, dataDir, resourcesDir, workers, close };
  } catch (err) {
    await close();
    throw err;
  }
}
