/**
 * Sessions over HTTP on two web-app replicas sharing one application database (SQLite and a real
 * PostgreSQL): a sign-in on one is valid on the other and after a restart; sign-out on either ends
 * it on both; the idle limit applies as before.
 */
import { mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeBin } from '../../domain/identifiers';
import { embeddedSessionSecret } from '../../ui/auth/sessions';
import { movableClock } from '../ui/support/requests';
import { appReplica, type AppReplica } from '../support/app-replica';
import { csrfOf } from '../support/staff-sign-in';
import {
  DIALECTS,
  postgresInstalled,
  startPostgres,
  stopSharedPostgres,
  type DialectCase,
} from '../support/postgres';

const BIN = makeBin('2019-03', 'resident-legal-entity', 4521);
const SECRET = 'replica-secret-replica-secret-0123456789';

describe.each(DIALECTS)('sessions on two web-app replicas on $name', ({ open }) => {
  let database: Awaited<ReturnType<DialectCase['open']>>;
  const replicas: AppReplica[] = [];
  const clock = movableClock('2026-04-15T10:00:00+05:00');

  /** One web-app replica on its own connection to the database. */
  async function replica(): Promise<string> {
    const one = await appReplica(database.location, () => ({ clock, sessionSecret: SECRET }));
    replicas.push(one);
    return one.url;
  }
  const stop = (i: number) => replicas[i].close();

  beforeEach(async () => {
    database = await open();
  });
  afterEach(async () => {
    for (const one of replicas.splice(0)) await one.close();
    await database.close();
  });
  afterAll(stopSharedPostgres);

  const cookieOf = (res: Response, name: string) =>
    (res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`)) ?? '').split(';')[0];

  async function signIn(base: string): Promise<{ cookie: string; csrf: string }> {
    const form = await fetch(`${base}/`);
    const signin = cookieOf(form, 'kzp_signin');
    const token = signin.split('=')[1];
    const res = await fetch(`${base}/signin`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: signin },
      body: new URLSearchParams({ _signin: token, bin: BIN, name: 'Айгүл Сейітова' }).toString(),
    });
    expect(res.status).toBe(302);
    const cookie = cookieOf(res, 'kzp_session');
    expect(cookie).toMatch(/^kzp_session=./);
    const portal = await (await fetch(`${base}/portal`, { headers: { cookie } })).text();
    const csrf = csrfOf(portal);
    return { cookie, csrf };
  }
  const portal = async (base: string, cookie: string) =>
    (await fetch(`${base}/portal`, { redirect: 'manual', headers: { cookie } })).status;

  test('a session started on replica 1 is valid on replica 2 and after replica 1 restarts; sign-out on 2 ends it on 1', async () => {
    const one = await replica();
    const two = await replica();
    const { cookie, csrf } = await signIn(one);
    expect(csrf).not.toBe('');
    expect(await portal(one, cookie)).toBe(200);
    expect(await portal(two, cookie)).toBe(200);

    await stop(0);
    const oneAgain = await replica();
    expect(await portal(oneAgain, cookie)).toBe(200);

    const out = await fetch(`${two}/signout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(out.status).toBe(302);
    // Before, each replica kept its own sessions: replica 1 still let the cookie in.
    expect(await portal(oneAgain, cookie)).toBe(302);
    expect(await portal(two, cookie)).toBe(302);
  });

  test('a session idle longer than the limit is refused on every replica, as before', async () => {
    const one = await replica();
    const two = await replica();
    const { cookie } = await signIn(one);
    clock.advance(31 * 60_000);
    expect(await portal(two, cookie)).toBe(302);
    expect(await portal(one, cookie)).toBe(302);
  });
});

(postgresInstalled ? describe : describe.skip)('a database that is down when a session is written', () => {
  test('sign-in is answered 503 with Retry-After in Kazakh and Russian, no session is kept, and the same sign-in succeeds once the server is back', async () => {
    const pg = await startPostgres();
    const app = await appReplica(
      { dialect: 'postgres', url: pg.url },
      () => ({
        clock: movableClock('2026-04-15T10:00:00+05:00'),
        sessionSecret: SECRET,
      }),
      { migrate: true },
    );
    const base = app.url;
    try {
      const form = await fetch(`${base}/`);
      const signin = (form.headers.getSetCookie().find((c) => c.startsWith('kzp_signin=')) ?? '').split(
        ';',
      )[0];
      const post = () =>
        fetch(`${base}/signin`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: signin },
          body: new URLSearchParams({
            _signin: signin.split('=')[1],
            bin: BIN,
            name: 'Айгүл Сейітова',
          }).toString(),
        });
      pg.stopServer();
      const down = await post();
      expect(down.status).toBe(503);
      expect(down.headers.get('retry-after')).toBe('5');
      expect(down.headers.getSetCookie().some((c) => c.startsWith('kzp_session='))).toBe(false);
      const body = (await down.json()) as { error: { code: string; kk: string; ru: string } };
      expect(body.error.code).toBe('DATABASE_UNAVAILABLE');
      expect(body.error.kk).toMatch(/[әіңғүұқөһ]/i);
      expect(body.error.ru).toMatch(/[а-я]/i);
      pg.startServer();
      const raw = new (await import('pg')).default.Client({ connectionString: pg.url });
      await raw.connect();
      expect((await raw.query('select count(*)::int as n from web_sessions')).rows[0].n).toBe(0);
      await raw.end();
      const up = await post();
      expect(up.status).toBe(302);
      expect(up.headers.getSetCookie().some((c) => c.startsWith('kzp_session='))).toBe(true);
    } finally {
      await app.close();
      await pg.stop();
    }
  });
});

test('an embedded install without UI_SESSION_SECRET makes its session secret once and keeps it owner-only in UI_DATA_DIR, so sessions survive a restart', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kzp-secret-'));
  const first = embeddedSessionSecret(dir);
  expect(first).toMatch(/^[0-9a-f]{64}$/);
  expect(embeddedSessionSecret(dir)).toBe(first);
  expect(statSync(path.join(dir, 'session-secret')).mode & 0o777).toBe(0o600);
});
