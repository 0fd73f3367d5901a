import { UserTaskKey } from '@camunda8/orchestration-cluster-api';
import { fixedClock } from '../../domain/clock';
import { variablesOf, waitForTask } from '../support/system-harness';
import {
  BIN,
  client,
  COMPLETENESS_CHECK,
  licenceAtCompletenessCheck,
  licenceWithLookupIncident,
  startApp,
} from './support/harness';

describe('web app: roles, worklist and operations', () => {
  let ctx: Awaited<ReturnType<typeof startApp>>;
  beforeEach(async () => {
    ctx = await startApp();
  });
  afterEach(() => ctx.close());

  test('every page refuses roles it is not for with 403, and sends visitors without a session to sign in', async () => {
    const pages: [string, string][] = [
      ['/worklist', 'clerk'],
      ['/operations', 'operator'],
      ['/portal', 'applicant'],
      ['/designer', 'designer'],
      ['/designer/forms', 'designer'],
    ];
    const roles = ['designer', 'clerk', 'operator', 'applicant', 'head'] as const;
    const sessions = Object.fromEntries(
      await Promise.all(roles.map(async (role) => [role, await ctx.as(role, { unit: 'police', bin: BIN })])),
    );
    for (const [path, allowed] of pages) {
      expect((await client(ctx.base)('GET', path)).status).toBe(302);
      for (const role of roles) {
        const res = await client(ctx.base, sessions[role])('GET', path);
        const ok = role === allowed || (path === '/worklist' && role === 'head');
        expect([path, role, res.status]).toEqual([path, role, ok ? 200 : 403]);
      }
    }
  });

  test('APIs answer 401 without a session and 403 for other roles', async () => {
    expect((await client(ctx.base)('GET', '/api/tasks')).status).toBe(401);
    expect(
      (await client(ctx.base, await ctx.as('applicant', { bin: BIN }))('GET', '/api/tasks')).status,
    ).toBe(403);
    expect(
      (await client(ctx.base, await ctx.as('clerk', { unit: 'fire' }))('GET', '/api/ops/incidents')).status,
    ).toBe(403);
    expect((await client(ctx.base, await ctx.as('operator'))('GET', '/api/designer/diagrams')).status).toBe(
      403,
    );
    expect((await client(ctx.base, await ctx.as('designer'))('POST', '/api/applications', {})).status).toBe(
      403,
    );
  });

  test('a made-up or altered session id is no session', async () => {
    const real = await ctx.as('operator');
    expect((await client(ctx.base, real)('GET', '/api/ops/incidents')).status).toBe(200);
    const altered = real.cookie.slice(0, -2) + (real.cookie.endsWith('AA') ? 'BB' : 'AA');
    expect((await client(ctx.base, altered)('GET', '/api/ops/incidents')).status).toBe(401);
    expect((await client(ctx.base, 'kzp_session=made-up')('GET', '/api/ops/incidents')).status).toBe(401);
  });

  test('API writes without the session CSRF token are refused', async () => {
    const op = await ctx.as('operator');
    const res = await fetch(`${ctx.base}/api/ops/incidents/1/retry`, {
      method: 'POST',
      headers: { cookie: op.cookie, 'x-requested-with': 'fetch' },
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('CSRF');
  });

  test('a clerk sees, claims and completes only tasks of their candidate groups, at the real completeness check', async () => {
    const { processInstanceKey, userTaskKey } = await licenceAtCompletenessCheck(ctx.sys, 'SEC-2026-000101');
    const police = client(ctx.base, await ctx.as('clerk', { unit: 'police' }));
    const fire = client(ctx.base, await ctx.as('clerk', { unit: 'fire' }));

    const list = await police('GET', '/api/tasks');
    const mine = list.json.items.find((t: { userTaskKey: string }) => t.userTaskKey === userTaskKey);
    expect(mine).toMatchObject({
      elementId: COMPLETENESS_CHECK,
      applicationNumber: 'SEC-2026-000101',
      remainingWorkingDays: expect.any(Number),
    });
    const stage = async (id: string) =>
      (await police('GET', `/api/tasks?stage=${id}`)).json.items.map(
        (t: { userTaskKey: string }) => t.userTaskKey,
      );
    expect(await stage(COMPLETENESS_CHECK)).toContain(userTaskKey);
    expect(await stage('Task_StudyCompliance')).not.toContain(userTaskKey);

    // The fire unit's clerks are not candidates for a police task.
    expect(
      (await fire('GET', '/api/tasks')).json.items.map((t: { userTaskKey: string }) => t.userTaskKey),
    ).not.toContain(userTaskKey);
    expect((await fire('GET', `/api/tasks/${userTaskKey}`)).status).toBe(403);
    expect((await fire('POST', `/api/tasks/${userTaskKey}/claim`)).status).toBe(403);

    expect((await police('POST', `/api/tasks/${userTaskKey}/claim`)).status).toBe(200);
    // forms/completeness-check.form: the reason is required unless the package is complete.
    const missing = await police('POST', `/api/tasks/${userTaskKey}/complete`, { variables: {} });
    expect(missing.status).toBe(400);
    expect(missing.json.errors.map((e: { path: string }) => e.path)).toEqual(['incompletenessReason']);
    const done = await police('POST', `/api/tasks/${userTaskKey}/complete`, {
      variables: { documentsComplete: true, documentsExpired: false },
    });
    expect(done.status).toBe(200);
    expect(await variablesOf(ctx.camunda, processInstanceKey)).toMatchObject({ documentsComplete: true });
    expect(await stage(COMPLETENESS_CHECK)).not.toContain(userTaskKey);
  });

  test('a task claimed by a colleague cannot be taken over or completed', async () => {
    const { userTaskKey } = await licenceAtCompletenessCheck(ctx.sys, 'SEC-2026-000102');
    await ctx.camunda.assignUserTask({
      userTaskKey: UserTaskKey.assumeExists(userTaskKey),
      assignee: 'someone-else',
    });
    const police = client(ctx.base, await ctx.as('clerk', { unit: 'police' }));
    expect((await police('POST', `/api/tasks/${userTaskKey}/claim`)).status).toBe(409);
    expect((await police('POST', `/api/tasks/${userTaskKey}/complete`, { variables: {} })).status).toBe(409);
    expect((await police('POST', `/api/tasks/${userTaskKey}/release`)).status).toBe(409);
  });

  test('retrying a job incident raises the job retries before resolving it, and the application moves on', async () => {
    const { processInstanceKey, incidentKey, elementId } = await licenceWithLookupIncident(
      ctx.sys,
      'SEC-2026-000103',
    );
    expect(elementId).toBe('Task_LookupLegalEntity');
    const op = client(ctx.base, await ctx.as('operator'));
    const incident = { incidentKey };
    const res = await op('POST', `/api/ops/incidents/${incident.incidentKey}/retry`, {
      reason: 'Реестр юридических лиц снова отвечает',
    });
    expect(res.json).toEqual({
      incidentKey: String(incident.incidentKey),
      resolved: true,
      retriesRaised: true,
    });
    await waitForTask(ctx.camunda, processInstanceKey, 'Task_StudyCompliance');
    expect(
      (await op('GET', '/api/ops/incidents')).json.items.filter(
        (i: { processInstanceKey: string }) => String(i.processInstanceKey) === processInstanceKey,
      ),
    ).toHaveLength(0);
  });

  test('the deadline board sorts a running completeness term into within 2 working days, due today and overdue as days pass', async () => {
    const { processInstanceKey } = await licenceAtCompletenessCheck(ctx.sys, 'SEC-2026-000104');
    const due = String((await variablesOf(ctx.camunda, processInstanceKey)).deadlineCompleteness);
    const dueDay = due.slice(0, 10);
    const boardAt = async (instant: string) => {
      await ctx.close();
      // The engine's clock decides what is overdue: it and the app's clock move to `instant`.
      ctx = await startApp({ clock: fixedClock(instant), engineTime: async () => new Date(instant) });
      const board = (await client(ctx.base, await ctx.as('operator'))('GET', '/api/ops/deadlines')).json;
      const has = (rows: { applicationNumber: string }[]) =>
        rows.some((r) => r.applicationNumber === 'SEC-2026-000104');
      return { overdue: has(board.overdue), dueToday: has(board.dueToday), within2: has(board.within2) };
    };
    expect(await boardAt(`${dueDay}T09:00:00+05:00`)).toEqual({
      overdue: false,
      dueToday: true,
      within2: false,
    });
    expect(await boardAt(new Date(Date.parse(due) + 3_600_000).toISOString())).toEqual({
      overdue: true,
      dueToday: false,
      within2: false,
    });
  });

  test('the sign-in page offers no role to choose: a posted role gives no staff session', async () => {
    const page = await (await fetch(`${ctx.base}/`)).text();
    expect(page).not.toContain('name="role"');
    expect(page).toContain('href="/auth/login"');
    const applicant = await ctx.as('applicant', { bin: BIN });
    expect(applicant.landedOn).toBe('/portal');
    // The old role picker's request: refused without the form's token, and never an operator.
    const picked = await fetch(`${ctx.base}/signin`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `role=operator&bin=${BIN}`,
    });
    expect(picked.status).toBe(403);
    expect(picked.headers.get('set-cookie') ?? '').not.toContain('kzp_session=');
  });

  test('an invalid BIN on the applicant sign-in is refused with the field named', async () => {
    const first = await fetch(`${ctx.base}/`);
    const token = /name="_signin" value="([^"]+)"/.exec(await first.text())![1];
    const cookie = first.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const bad = await fetch(`${ctx.base}/signin`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ _signin: token, bin: '123456789012' }).toString(),
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('БСН дұрыс емес');
  });
});
