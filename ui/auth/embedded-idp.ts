import { fork } from 'node:child_process';
import path from 'node:path';
import type { IdpOptions } from './idp';

export interface EmbeddedIdp {
  issuer: string;
  close(): Promise<void>;
}

/**
 * Starts the embedded OpenID Connect provider (ui/auth/idp.ts) in a child process and waits for
 * its issuer URL. The child stops with `close()` and also when this process goes away.
 */
export function startEmbeddedIdp(options: IdpOptions, timeoutMs = 30_000): Promise<EmbeddedIdp> {
  // Compiled (dist/): the provider's JavaScript; in development its TypeScript through tsx.
  const compiled = __filename.endsWith('.js');
  const child = fork(path.join(__dirname, compiled ? 'idp.js' : 'idp.ts'), [], {
    execArgv: compiled ? ['--no-warnings'] : ['--import', 'tsx', '--no-warnings'],
    env: { ...process.env, IDP_OPTIONS: JSON.stringify(options) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise<EmbeddedIdp>((resolve, reject) => {
    const timer = setTimeout(() => {
      void close();
      reject(new Error(`identity provider did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('message', (m: { issuer?: string }) => {
      clearTimeout(timer);
      if (m.issuer) resolve({ issuer: m.issuer, close });
      else reject(new Error('identity provider sent no issuer'));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`identity provider exited with code ${code}`));
    });
  });
}
