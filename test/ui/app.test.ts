import { startApp, client, BIN } from './support/harness';

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

  test('a clerk sees, claims and completes only tasks of their candidate groups, most urgent first', async () => {
    const pi = (
      await ctx.fake.camunda.createProcessInstance({
        processDefinitionId: 'security-licence',
        variables: { applicationNumber: 'SEC-2026-000042' },
      })
    ).processInstanceKey;
    const later = ctx.fake.addTask({
      name: 'Check',
      elementId: 'Task_CompletenessCheck',
      processDefinitionId: 'security-licence',
      processInstanceKey: pi,
      candidateGroups: ['police-clerks'],
      dueDate: '2026-04-20T18:30:00+05:00',
    });
    const today = ctx.fake.addTask({
      name: 'Study',
      elementId: 'Task_Study',
      processDefinitionId: 'security-licence',
      processInstanceKey: pi,
      candidateGroups: ['police-clerks'],
      dueDate: '2026-04-15T18:30:00+05:00',
      form: {
        components: [
          { key: 'documentsComplete', label: 'Complete?', type: 'checkbox', validate: { required: true } },
          // Hidden when the documents are complete: then it must not be demanded.
          {
            key: 'incompletenessReason',
            label: 'Why',
            type: 'textarea',
            validate: { required: true },
            conditional: { hide: '=documentsComplete = true' },
          },
        ],
      },
    });
    const fireTask = ctx.fake.addTask({
      name: 'Fire',
      elementId: 'Task_CompletenessCheck',
      processDefinitionId: 'fire-automation-permit',
      processInstanceKey: pi,
      candidateGroups: ['fire-clerks'],
    });
    const police = client(ctx.base, await ctx.as('clerk', { unit: 'police' }));

    const list = await police('GET', '/api/tasks');
    expect(list.json.items.map((t: { userTaskKey: string }) => t.userTaskKey)).toEqual([today, later]);
    expect(list.json.items[0]).toMatchObject({
      urgency: 'last-day',
      remainingWorkingDays: 1,
      applicationNumber: 'SEC-2026-000042',
    });
    expect((await police('GET', '/api/tasks?stage=Task_Study')).json.items).toHaveLength(1);

    expect((await police('GET', `/api/tasks/${fireTask}`)).status).toBe(403);
    expect((await police('POST', `/api/tasks/${fireTask}/claim`)).status).toBe(403);

    expect((await police('POST', `/api/tasks/${today}/claim`)).status).toBe(200);
    const missing = await police('POST', `/api/tasks/${today}/complete`, { variables: {} });
    expect(missing.status).toBe(400);
    expect(missing.json.errors.map((e: { path: string }) => e.path)).toEqual([
      'documentsComplete',
      'incompletenessReason',
    ]);
    expect(
      (await police('POST', `/api/tasks/${today}/complete`, { variables: { documentsComplete: true } }))
        .status,
    ).toBe(200);
    expect(ctx.fake.calls.filter((c) => c.method === 'completeUserTask').map((c) => c.input)).toEqual([
      { userTaskKey: today, variables: { documentsComplete: true } },
    ]);
  });

  test('a task claimed by a colleague cannot be taken over or completed', async () => {
    const pi = (
      await ctx.fake.camunda.createProcessInstance({ processDefinitionId: 'security-licence', variables: {} })
    ).processInstanceKey;
    const key = ctx.fake.addTask({
      name: 'Check',
      elementId: 'Task_CompletenessCheck',
      processDefinitionId: 'security-licence',
      processInstanceKey: pi,
      candidateGroups: ['police-clerks'],
      assignee: 'someone-else',
    });
    const police = client(ctx.base, await ctx.as('clerk', { unit: 'police' }));
    expect((await police('POST', `/api/tasks/${key}/claim`)).status).toBe(409);
    expect((await police('POST', `/api/tasks/${key}/complete`, { variables: {} })).status).toBe(409);
    expect((await police('POST', `/api/tasks/${key}/release`)).status).toBe(409);
  });

  test('retrying a job incident raises the job retries before resolving the incident', async () => {
    const incidentKey = ctx.fake.addIncident({
      processInstanceKey: '1',
      jobKey: '77',
      errorType: 'JOB_NO_RETRIES',
      errorMessage: 'gateway down',
      elementId: 'Task_LookupRegistration',
    });
    const op = client(ctx.base, await ctx.as('operator'));
    const res = await op('POST', `/api/ops/incidents/${incidentKey}/retry`);
    expect(res.json).toEqual({ incidentKey, resolved: true, retriesRaised: true });
    expect(
      ctx.fake.calls
        .filter((c) => c.method === 'updateJob' || c.method === 'resolveIncident')
        .map((c) => c.method),
    ).toEqual(['updateJob', 'resolveIncident']);
    expect(ctx.fake.jobRetries.get('77')).toBe(1);
    expect((await op('GET', '/api/ops/incidents')).json.items).toHaveLength(0);
  });

  test('the deadline board sorts running terms into overdue, due today and within 2 working days', async () => {
    const mk = async (n: string, due: string) => {
      const pi = (
        await ctx.fake.camunda.createProcessInstance({
          processDefinitionId: 'security-licence',
          variables: { applicationNumber: n, deadlineCompleteness: due },
        })
      ).processInstanceKey;
      ctx.fake.addTask({
        name: 'Check',
        elementId: 'Task_CompletenessCheck',
        processDefinitionId: 'security-licence',
        processInstanceKey: pi,
        candidateGroups: ['police-clerks'],
      });
    };
    await mk('SEC-2026-000001', '2026-04-14T18:30:00+05:00');
    await mk('SEC-2026-000002', '2026-04-15T18:30:00+05:00');
    await mk('SEC-2026-000003', '2026-04-16T18:30:00+05:00');
    await mk('SEC-2026-000004', '2026-04-30T18:30:00+05:00');
    const board = (await client(ctx.base, await ctx.as('operator'))('GET', '/api/ops/deadlines')).json;
    const numbers = (rows: { applicationNumber: string }[]) => rows.map((r) => r.applicationNumber);
    expect(numbers(board.overdue)).toEqual(['SEC-2026-000001']);
    expect(numbers(board.dueToday)).toEqual(['SEC-2026-000002']);
    expect(numbers(board.within2)).toEqual(['SEC-2026-000003']);
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
