/**
 * Starts the embedded engine as a child process on a free port, for tests that need a live
 * Orchestration Cluster REST API. Resolves once it prints its `ready` line.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const ENGINE_ENTRY = join(REPO_ROOT, 'engine', 'start.ts');
export const engineAvailable = (): boolean => existsSync(ENGINE_ENTRY);

export interface RunningEngine {
  /** REST address without /v2, as ZEEBE_REST_ADDRESS expects it. */
  address: string;
  stop(): Promise<void>;
}

/** The token `npm run engine` requires; deploy tests send it as the SDK's BASIC password. */
export const ENGINE_TEST_TOKEN = 'deploy-test-engine-token-0123456789';

export function startEngine(timeoutMs = 20000): Promise<RunningEngine> {
  const dataDir = mkdtempSync(join(tmpdir(), 'deploy-test-engine-'));
  // One process (node --import tsx), so stopping it stops the engine and nothing is left behind.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', ENGINE_ENTRY], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      ENGINE_PORT: '0',
      ENGINE_HOST: '127.0.0.1',
      ENGINE_DATA_DIR: dataDir,
      ENGINE_TOKEN: ENGINE_TEST_TOKEN,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () =>
    new Promise<void>((done) => {
      const cleanUp = () => {
        rmSync(dataDir, { recursive: true, force: true });
        done();
      };
      if (child.exitCode !== null || child.signalCode !== null) return cleanUp();
      child.once('exit', cleanUp);
      child.kill('SIGTERM');
    });

  return new Promise((resolveStart, reject) => {
    let output = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      void stop().then(() => reject(new Error(`${why}\n--- engine output ---\n${output}`)));
    };
    const timer = setTimeout(() => fail(`engine did not print "ready" within ${timeoutMs} ms`), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready.*?(https?:\/\/[^\s/]+(?::\d+)?)/.exec(output);
      if (ready) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolveStart({ address: ready[1], stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => fail(`engine exited with code ${code} before it was ready`));
  });
}

/** Runs a repository script with tsx in its own process (Prettier, used by the generators, needs real ESM). */
export function runScript(script: string, args: string[] = []): { code: number; output: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, script), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  return { code: run.status ?? -1, output: `${run.stdout}${run.stderr}` };
}
