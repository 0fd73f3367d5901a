/**
 * The migrate command the deploy runs (compose's db-migrate service, the Kubernetes Job) and the
 * wait the web app's and workers' pods run before they start: compiled as `npm run build` compiles
 * it and run with node, against a real PostgreSQL 15.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAppDatabase } from '../../adapters/db/connect';
import { compileSources } from '../../scripts/build';
import { postgresInstalled, startPostgres, type TestPostgres } from '../support/postgres';
import { REPO_ROOT } from './support';

let dist: string;

function run(args: string[], env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    // As the image runs it: `node dist/scripts/db-migrate.js`, no tsx.
    const child = spawn(process.execPath, [join(dist, 'scripts', 'db-migrate.js'), ...args], {
      cwd: dist,
      env: { ...process.env, NODE_OPTIONS: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
  });
}

(postgresInstalled ? describe : describe.skip)('db-migrate on PostgreSQL', () => {
  let server: TestPostgres;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'db-migrate-dist-'));
    await compileSources(dist);
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(dist, 'node_modules'));
    server = await startPostgres();
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    if (!dist) return;
    // The link first, so that nothing behind it is ever touched.
    try {
      unlinkSync(join(dist, 'node_modules'));
    } catch {
      // not linked: compiling failed before
    }
    rmSync(dist, { recursive: true, force: true });
  });

  it('--wait holds a pod until the schema is current, and the migrate command makes it so, once', async () => {
    const env = { MODE: 'production', DATABASE_URL: await server.createDatabase('waiting') };
    // Nothing migrated yet: the wait gives up after its time, saying what is missing and what to run.
    const early = await run(['--wait', '0'], env);
    expect(early.code).toBe(1);
    expect(early.output).toMatch(
      /lacks migrations 0001-.*run `npm run db:migrate`.*dist\/scripts\/db-migrate\.js/s,
    );

    // A pod waiting while the migration runs starts right after it.
    const waiting = run(['--wait', '60'], env);
    const migrated = await run([], env);
    expect(migrated.code).toBe(0);
    expect(JSON.parse(migrated.output).applied).toEqual(
      expect.arrayContaining(['0001-operator-records-and-audit']),
    );
    const waited = await waiting;
    expect(waited).toEqual({ code: 0, output: expect.stringContaining('"current":true') });

    // A second run (the next release with no new migration) applies nothing; services start.
    const again = await run([], env);
    expect(JSON.parse(again.output).applied).toEqual([]);
    const service = openAppDatabase({ dialect: 'postgres', url: env.DATABASE_URL });
    try {
      await expect(service.ready()).resolves.toBeDefined();
    } finally {
      await service.close();
    }
  }, 60_000);

  it('refuses a --wait that is not whole seconds, naming the option', async () => {
    const result = await run(['--wait', 'soon'], { DATABASE_URL: server.url });
    expect(result).toEqual({
      code: 2,
      output: expect.stringContaining('--wait: expected whole seconds, got "soon"'),
    });
  });
});
