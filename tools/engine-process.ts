import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

export interface EngineProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>` */
  address: string;
  /** Everything the process wrote to stdout and stderr. */
  output(): string;
}

/**
 * The engine as `npm run engine` runs it (engine/start.ts through tsx), in its own process, so it can
 * be killed without a chance to shut down. `node --import tsx` keeps it to one process: SIGKILL on the
 * tsx CLI wrapper would leave its child holding the data directory.
 */
export async function startEngineProcess(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
): Promise<EngineProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'engine/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, ENGINE_PORT: '0', ENGINE_DATA_DIR: dataDir, ENGINE_HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`engine did not report ready within 60 s:\n${output}`)),
      60_000,
    );
    const onData = () => {
      const m = /ready.*?(http:\/\/[^\s/]+)\/v2/.exec(output);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`engine exited with ${code} before it was ready:\n${output}`));
    });
  });
  return { child, address, output: () => output };
}

/** SIGKILL: no shutdown hook runs. Resolves once the process is gone. */
export async function killProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}
