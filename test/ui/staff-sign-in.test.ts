import { createSessionStore } from '../../ui/auth/sessions';
import { staffIdentityFromClaims } from '../../ui/auth/identity';
import { IncidentKey } from '@camunda8/orchestration-cluster-api';
import { CookieJar, follow, seededUser, send, signInStaff } from '../support/staff-sign-in';
import {
  client,
  licenceAtCompletenessCheck,
  licenceWithLookupIncident,
  movableClock,
  startApp,
} from './support/harness';

/**
 * Staff sign-in end to end over HTTP: the web app and the embedded OpenID Connect provider, a
 * cookie jar following redirects between them as a browser does.
 */
describe('staff sign-in through the OpenID Connect provider', () => {
  const clock = movableClock('2026-04-15T10:00:00+05:00');
  let ctx: Awaited<ReturnType<typeof startApp>>;
  beforeEach(async () => {
    ctx = await startApp({
      clock,
      sessionStore: createSessionStore(':memory:'),
      sessionIdleMs: 30 * 60_000,
      sessionAbsoluteMs: 10 * 3600_000,
    });
  });
  afterEach(() => ctx.close());

  /** A real police clerk's task: a security licence at the completeness check (police-clerks). */
  let numbers = 200;
  const addTasks = async () => ({
    policeCheck: (await licenceAtCompletenessCheck(ctx.sys, `SEC-2026-000${numbers++}`)).userTaskKey,
  });

  test('a clerk signs in on the provider, sees only their group’s tasks and is refused operator and designer APIs', async () => {
    const tasks = await addTasks();
    const jar = new CookieJar();
    // The web app sends the browser to the provider with PKCE, state and nonce...
    const start = await send(jar, `${ctx.base}/auth/login`);
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.origin).toBe(ctx.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    // ...with the sign-in bound to a pre-session cookie only /auth sees.
    expect(start.headers.getSetCookie().join('\n')).toMatch(
      /kzp_login=[^;]+;.*Path=\/auth;.*HttpOnly;.*SameSite=Lax/,
    );

    const police = await signInStaff(ctx.base, 'police.clerk', undefined, jar);
    expect(police.landedOn).toBe('/worklist');
    const api = client(ctx.base, police);
    const me = (await api('GET', '/worklist')).text;
    expect(me).toContain('Сапарова Динара Маратқызы');

    const listed = (await api('GET', '/api/tasks')).json.items.map(
      (t: { userTaskKey: string }) => t.userTaskKey,
    );
    expect(listed).toContain(tasks.policeCheck);
    // A fire clerk is no candidate for the police task.
    const fire = client(ctx.base, await signInStaff(ctx.base, seededUser('clerk', 'fire')));
    expect(
      (await fire('GET', '/api/tasks')).json.items.map((t: { userTaskKey: string }) => t.userTaskKey),
    ).not.toContain(tasks.policeCheck);
    expect((await fire('GET', `/api/tasks/${tasks.policeCheck}`)).status).toBe(403);
    expect((await fire('POST', `/api/tasks/${tasks.policeCheck}/claim`)).status).toBe(403);
    expect((await api('POST', `/api/tasks/${tasks.policeCheck}/claim`)).status).toBe(200);

    expect((await api('GET', '/api/ops/instances')).status).toBe(403);
    expect((await api('POST', '/api/ops/incidents/1/retry')).status).toBe(403);
    expect((await api('GET', '/api/designer/diagrams')).status).toBe(403);
    expect((await api('POST', '/api/designer/deploy')).status).toBe(403);
    expect((await api('GET', '/operations')).status).toBe(403);
    expect((await api('GET', '/designer')).status).toBe(403);
  });

  test("a head does not see or take the clerks' tasks of their unit", async () => {
    const tasks = await addTasks();
    const head = client(ctx.base, await signInStaff(ctx.base, 'police.head'));
    const listed = (await head('GET', '/api/tasks')).json.items.map(
      (t: { userTaskKey: string }) => t.userTaskKey,
    );
    expect(listed).not.toContain(tasks.policeCheck);
    expect((await head('POST', `/api/tasks/${tasks.policeCheck}/claim`)).status).toBe(403);
  });

  test('operator and designer roles come from the provider’s groups', async () => {
    const operator = await signInStaff(ctx.base, 'operator');
    expect(operator.landedOn).toBe('/operations');
    expect((await client(ctx.base, operator)('GET', '/api/ops/incidents')).status).toBe(200);
    expect((await client(ctx.base, operator)('GET', '/api/designer/diagrams')).status).toBe(403);
    const designer = await signInStaff(ctx.base, 'designer');
    expect(designer.landedOn).toBe('/designer');
    expect((await client(ctx.base, designer)('GET', '/api/ops/incidents')).status).toBe(403);
  });

  test('a wrong password is refused on the provider’s page in Kazakh and Russian, and gives no session', async () => {
    await expect(signInStaff(ctx.base, 'police.clerk', 'wrong')).rejects.toThrow(/refused \(401\)/);
    const jar = new CookieJar();
    const login = await follow(jar, `${ctx.base}/auth/login`);
    const action = /action="([^"]+)" id="login-form"/.exec(await login.res.text())![1];
    const res = await send(jar, new URL(action, login.url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'police.clerk', password: 'wrong', lang: 'ru' }).toString(),
    });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('Неверное имя пользователя или пароль');
    expect(jar.cookies.has('kzp_session')).toBe(false);
  });

  test('session cookies are HttpOnly and SameSite=Lax', async () => {
    const jar = new CookieJar();
    const login = await follow(jar, `${ctx.base}/auth/login`);
    const action = /action="([^"]+)" id="login-form"/.exec(await login.res.text())![1];
    let res = await send(jar, new URL(action, login.url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'operator', password: 'demo-2026' }).toString(),
    });
    let url = login.url;
    let sessionCookie: string | undefined;
    while (res.headers.get('location')) {
      url = new URL(res.headers.get('location')!, url).href;
      res = await send(jar, url);
      sessionCookie ??= res.headers.getSetCookie().find((c) => c.startsWith('kzp_session='));
    }
    expect(sessionCookie).toMatch(/HttpOnly/);
    expect(sessionCookie).toMatch(/SameSite=Lax/);
    expect(sessionCookie).not.toMatch(/Secure/);
  });

  test('a session idle longer than the idle limit, or older than the absolute limit, is refused', async () => {
    const idle = await signInStaff(ctx.base, 'operator');
    clock.advance(29 * 60_000);
    expect((await client(ctx.base, idle)('GET', '/api/ops/incidents')).status).toBe(200);
    clock.advance(29 * 60_000); // 29 minutes after the last request: still alive
    expect((await client(ctx.base, idle)('GET', '/api/ops/incidents')).status).toBe(200);
    clock.advance(31 * 60_000);
    expect((await client(ctx.base, idle)('GET', '/api/ops/incidents')).status).toBe(401);
    expect((await client(ctx.base, idle)('GET', '/operations')).status).toBe(302);

    const busy = await signInStaff(ctx.base, 'operator');
    for (let minutes = 0; minutes < 10 * 60; minutes += 20) {
      clock.advance(20 * 60_000);
      const status = (await client(ctx.base, busy)('GET', '/api/ops/incidents')).status;
      expect({ minutes: minutes + 20, status }).toEqual({
        minutes: minutes + 20,
        status: minutes + 20 > 600 ? 401 : 200,
      });
    }
    clock.advance(20 * 60_000);
    expect((await client(ctx.base, busy)('GET', '/api/ops/incidents')).status).toBe(401);
  });

  test('sign-out deletes the session server-side (the old cookie is refused) and ends the provider session', async () => {
    const clerk = await signInStaff(ctx.base, 'fire.clerk');
    const api = client(ctx.base, clerk);
    expect((await api('GET', '/api/tasks')).status).toBe(200);

    const out = await send(clerk.jar, `${ctx.base}/signout`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: clerk.csrf }).toString(),
    });
    expect(out.status).toBe(302);
    const endSession = new URL(out.headers.get('location')!);
    expect(endSession.origin + endSession.pathname).toBe(`${ctx.issuer}/session/end`);
    expect(endSession.searchParams.get('id_token_hint')).toBeTruthy();
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${ctx.base}/`);

    // The copied old cookie no longer opens anything.
    expect((await api('GET', '/api/tasks')).status).toBe(401);
    expect((await api('GET', '/worklist')).status).toBe(302);

    // The provider's logout page submits itself; then the provider forgets the person...
    const confirm = await send(clerk.jar, endSession.href);
    const html = await confirm.text();
    const action = /<form id="op.logoutForm" method="post" action="([^"]+)">/.exec(html)![1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)![1];
    const done = await send(clerk.jar, new URL(action, endSession).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }).toString(),
    });
    expect(done.headers.get('location')).toBe(`${ctx.base}/`);
    // ...so signing in again asks for the password instead of passing straight through.
    const again = await follow(clerk.jar, `${ctx.base}/auth/login`);
    expect(await again.res.text()).toContain('id="login-form"');
  });

  test('state-changing requests without the session’s CSRF token are refused, with it accepted', async () => {
    const op = await signInStaff(ctx.base, 'operator');
    const { incidentKey: incident } = await licenceWithLookupIncident(ctx.sys, 'SEC-2026-000299');
    const post = (headers: Record<string, string>) =>
      fetch(`${ctx.base}/api/ops/incidents/${incident}/retry`, {
        method: 'POST',
        headers: {
          cookie: op.cookie,
          'x-requested-with': 'fetch',
          'content-type': 'application/json',
          ...headers,
        },
        body: JSON.stringify({ reason: 'Реестр снова отвечает' }),
      });
    const none = await post({});
    expect(none.status).toBe(403);
    expect((await none.json()).error).toMatchObject({
      code: 'CSRF',
      kk: expect.any(String),
      ru: expect.any(String),
    });
    expect((await post({ 'x-csrf-token': 'forged' })).status).toBe(403);
    // Another session's token is no good either.
    const other = await signInStaff(ctx.base, 'operator');
    expect((await post({ 'x-csrf-token': other.csrf })).status).toBe(403);
    // The refused requests reached nothing: the incident is still open.
    expect(
      (
        await ctx.camunda.searchIncidents(
          {
            filter: { incidentKey: IncidentKey.assumeExists(incident), state: 'ACTIVE' },
            page: { limit: 1 },
          },
          { consistency: { waitUpToMs: 0 } },
        )
      ).items,
    ).toHaveLength(1);
    expect((await post({ 'x-csrf-token': op.csrf })).status).toBe(200);
    // Sign-out is a write too: without the token the session survives.
    const out = await fetch(`${ctx.base}/signout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: op.cookie },
    });
    expect(out.status).toBe(403);
    expect((await client(ctx.base, op)('GET', '/api/ops/incidents')).status).toBe(200);
  });

  test('login CSRF: a callback is accepted only in the browser that started that sign-in, and only once', async () => {
    // The victim's browser never started this sign-in: the attacker's authorization response is refused.
    const attacker = new CookieJar();
    const login = await follow(attacker, `${ctx.base}/auth/login`);
    const action = /action="([^"]+)" id="login-form"/.exec(await login.res.text())![1];
    let res = await send(attacker, new URL(action, login.url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'operator', password: 'demo-2026' }).toString(),
    });
    let url = login.url;
    while (!url.startsWith(`${ctx.base}/auth/callback`)) {
      url = new URL(res.headers.get('location')!, url).href;
      if (!url.startsWith(`${ctx.base}/auth/callback`)) res = await send(attacker, url);
    }
    const victim = new CookieJar();
    const planted = await send(victim, url);
    expect(planted.status).toBe(400);
    expect(victim.cookies.has('kzp_session')).toBe(false);
    // The attacker's own browser may use it once; a replay is refused.
    expect((await send(attacker, url)).status).toBe(302);
    const replay = new CookieJar();
    replay.cookies.set('kzp_login', 'guessed');
    expect((await send(replay, url)).status).toBe(400);
  });
});

describe('cookies in production', () => {
  test('the session cookie is Secure when the app runs in production', async () => {
    const ctx = await startApp({ secureCookies: true });
    try {
      const jar = new CookieJar();
      const start = await send(jar, `${ctx.base}/auth/login`);
      expect(start.headers.getSetCookie().find((c) => c.startsWith('kzp_login='))).toMatch(/; Secure/);
      const staff = await signInStaff(ctx.base, 'operator');
      expect(staff.jar.lines.get('kzp_session')).toMatch(/; HttpOnly; Secure; SameSite=Lax$/);
      const signIn = await fetch(`${ctx.base}/`);
      expect(signIn.headers.getSetCookie().find((c) => c.startsWith('kzp_signin='))).toMatch(/; Secure/);
    } finally {
      await ctx.close();
    }
  });
});

describe('roles and units from token claims (docs/roles.md)', () => {
  test('candidate groups give clerk and head roles with their unit; operators and designers are groups too', () => {
    expect(staffIdentityFromClaims({ sub: 'u1', groups: ['police-clerks'] })).toMatchObject({
      roles: ['clerk'],
      groups: ['police-clerks'],
      unit: 'police',
    });
    expect(staffIdentityFromClaims({ sub: 'u2', groups: ['minister'] })).toMatchObject({
      roles: ['head'],
      groups: ['minister'],
      unit: 'minister',
    });
    expect(staffIdentityFromClaims({ sub: 'u3', groups: ['operators', 'designers'] })).toMatchObject({
      roles: ['operator', 'designer'],
      groups: [],
    });
  });

  test("Keycloak's full group paths and realm roles are read; unknown groups give no role", () => {
    expect(
      staffIdentityFromClaims({
        sub: 'k1',
        groups: ['/fire-head'],
        realm_access: { roles: ['operator', 'offline_access'] },
      }),
    ).toMatchObject({ roles: ['head', 'operator'], groups: ['fire-head'], unit: 'fire' });
    expect(staffIdentityFromClaims({ sub: 'k2', groups: ['admins', 'everyone'] }).roles).toEqual([]);
    expect(staffIdentityFromClaims({ sub: 'k3' }).roles).toEqual([]);
  });
});
