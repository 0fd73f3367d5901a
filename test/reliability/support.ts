import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSystem, type RunningSystem } from '../../scripts/start';
import { signCms } from '../../simulators/ncalayer/cms';
import { csrfOf, signInStaff } from '../support/staff-sign-in';

/** A signed-in party: what a browser would send with each request. */
export interface Party {
  name: string;
  cookie: string;
  csrf: string;
}

export const ANONYMOUS: Party = { name: 'anonymous', cookie: '', csrf: '' };

/** `npm start`'s system in a temporary folder, everything on ports the OS picks, logs kept. */
export async function startReliabilitySystem(): Promise<{
  sys: RunningSystem;
  dir: string;
  close(): Promise<void>;
}> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reliability-system-'));
  const sys = await startSystem({
    ...process.env,
    ENGINE_PORT: '0',
    UI_PORT: '0',
    SIMULATORS_PORT: '0',
    NCALAYER_STAND_IN_PORT: '0',
    ENGINE_DATA_DIR: path.join(dir, 'engine'),
    UI_DATA_DIR: path.join(dir, 'ui'),
    DOCUMENTS_DIR: path.join(dir, 'documents'),
    LOG_LEVEL: 'error',
  });
  return {
    sys,
    dir,
    close: async () => {
      await sys.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function staff(sys: RunningSystem, username: string): Promise<Party> {
  const c = await signInStaff(sys.uiUrl, username);
  return { name: username, cookie: c.cookie, csrf: c.csrf };
}

/** An applicant signs in by EDS with one of the stand-in's test keys (as NCALayer would sign). */
export async function applicant(sys: RunningSystem, alias: string): Promise<Party> {
  const key = sys.ncalayer!.pki.find(alias, 'auth');
  if (!key) throw new Error(`no auth key ${alias} in the NCALayer stand-in`);
  const api = { 'x-requested-with': 'fetch', 'content-type': 'application/json' };
  const { challenge } = (await (
    await fetch(`${sys.uiUrl}/api/eds/challenge`, { method: 'POST', headers: api })
  ).json()) as { challenge: string };
  const signIn = await fetch(`${sys.uiUrl}/api/eds/signin`, {
    method: 'POST',
    headers: api,
    body: JSON.stringify({
      cms: (await signCms(key, Buffer.from(challenge, 'base64'), { attached: true })).toString('base64'),
    }),
  });
  if (signIn.status !== 200) throw new Error(`EDS sign-in of ${alias}: ${signIn.status}`);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
  const csrf = csrfOf(await (await fetch(`${sys.uiUrl}/portal`, { headers: { cookie } })).text());
  return { name: alias, cookie, csrf };
}

/** Headers a page's script sends for `party`. */
export function headersOf(party: Party, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'x-requested-with': 'fetch',
    ...(party.cookie ? { cookie: party.cookie } : {}),
    ...(party.csrf ? { 'x-csrf-token': party.csrf } : {}),
    ...extra,
  };
}

/** A service run as a child process, its output (stdout and stderr) kept. */
export interface Service {
  name: string;
  child: ChildProcess;
  output: () => string;
}

export function spawnService(
  name: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv },
): Service {
  let out = '';
  const child = spawn(process.execPath, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  return { name, child, output: () => out };
}

/** SIGTERM, then SIGKILL after 5 s; resolves once the process has gone. */
export async function stopService(s: Service): Promise<void> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return;
  const exited = new Promise((resolve) => s.child.once('exit', resolve));
  s.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (s.child.exitCode === null && s.child.signalCode === null) {
    s.child.kill('SIGKILL');
    await exited;
  }
}

/** Waits for a line of the service's output; fails with the output if it exits or takes too long. */
export async function waitForOutput(
  s: Service,
  pattern: RegExp,
  timeoutMs = 60_000,
): Promise<RegExpMatchArray> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = s.output().match(pattern);
    if (found) return found;
    if (s.child.exitCode !== null || Date.now() > until)
      throw new Error(`${s.name} did not print ${pattern} (exit ${s.child.exitCode}):\n${s.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
