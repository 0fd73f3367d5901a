import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../config/schema';
import { deployResources } from '../../../deploy/deploy';
import { startEmbeddedEngine } from '../../../engine';
import { startSimulators } from '../../../simulators';
import { startUi } from '../../../ui/start';
import { startWorkers } from '../../../workers';
import { lintOncePerRun } from '../../support/lint-once';

/**
 * The real system for browser tests: embedded engine, every diagram and form deployed through the
 * deploy script, the job workers and the web app, all on port 0.
 * The deployment is made from a temporary copy of bpmn/ and forms/; the designer reads the repository's
 * files and never writes them (its drafts live in the web app's store).
 */
export const REPO = path.resolve(__dirname, '..', '..', '..');

/** Why the real system cannot run in this checkout, or undefined when it can. */
export function missingPrerequisite(): string | undefined {
  if (!existsSync('/usr/bin/chromium')) return '/usr/bin/chromium is missing (apt-get install -y chromium)';
  return undefined;
}

export interface RunningSystem {
  engineAddress: string;
  uiUrl: string;
  /** The state-system simulators (`PUT /_control/:system` makes one misbehave). */
  simulatorsUrl: string;
  dataDir: string;
  /** The copy of bpmn/ and forms/ the system deployed. */
  resourcesDir: string;
  workers: boolean;
  close(): Promise<void>;
}

export async function startSystem(
  opts: {
    workers?: boolean;
    /** Folder with bpmn/ and forms/ to deploy; the repository by default. */ deployDir?: string;
    /** Extra environment of the web app (e.g. the EDS trust files of an NCALayer stand-in). */
    env?: Record<string, string>;
  } = {},
): Promise<RunningSystem> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kzp-e2e-'));
  const closers: (() => Promise<void> | void)[] = [() => rmSync(dataDir, { recursive: true, force: true })];
  const close = async () => {
    for (const c of closers.reverse()) await c();
  };
  try {
    const engine = await startEmbeddedEngine({
      dataDir: path.join(dataDir, 'engine'),
      port: 0,
      log: () => {},
    });
    closers.push(() => engine.close());

    const sims = await startSimulators({ port: 0, host: '127.0.0.1' });
    closers.push(() => sims.close());

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
      GATEWAY_BASE_URL: sims.url,
      ...opts.env,
    };
    const config = loadConfig(env);
    const resourcesDir = path.join(dataDir, 'resources');
    for (const folder of ['bpmn', 'forms'])
      cpSync(path.join(opts.deployDir ?? REPO, folder), path.join(resourcesDir, folder), { recursive: true });
    await deployResources({ dir: resourcesDir, config, address: engine.address, lint: lintOncePerRun });

    let workers = false;
    if (opts.workers !== false) {
      const quiet = {
        info: () => {},
        warn: () => {},
        error: (m: string, f?: object) => console.error(`[workers] ${m}`, f ?? ''),
      };
      const running = await startWorkers({ config, log: quiet });
      closers.push(() => running.stop());
      workers = true;
    }

    // The designer reads the shipped files and keeps its drafts in the web app's store.
    const ui = await startUi(env, { resourcesDir: opts.deployDir ?? REPO });
    closers.push(() => ui.close());
    return {
      engineAddress: engine.address,
      uiUrl: ui.url,
      simulatorsUrl: sims.url,
      dataDir,
      resourcesDir,
      workers,
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
