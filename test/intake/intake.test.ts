import {
  startApp,
  client,
  cookieFor,
  BIN,
  OTHER_BIN,
  licenceApplication,
  firePermitApplication,
} from '../ui/support/harness';

describe('intake of portal applications', () => {
  let ctx: Awaited<ReturnType<typeof startApp>>;
  let call: ReturnType<typeof client>;
  beforeEach(async () => {
    ctx = await startApp();
    call = client(ctx.base, cookieFor('applicant', { bin: BIN }));
  });
  afterEach(() => ctx.close());

  const starts = () => ctx.fake.calls.filter((c) => c.method === 'createProcessInstance');

  test('a valid licence application is registered on the day of receipt (C2) and starts its process by id', async () => {
    const res = await call('POST', '/api/applications', licenceApplication());
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      applicationNumber: 'SEC-2026-000042',
      state: 'started',
      registeredOn: '2026-04-15',
    });
    expect(starts()).toHaveLength(1);
    expect(starts()[0].input).toMatchObject({
      processDefinitionId: 'security-licence',
      variables: {
        applicationNumber: 'SEC-2026-000042',
        requestKind: 'issue',
        subType: 2,
        receivedAt: '2026-04-15T05:00:00.000Z',
        registeredOn: '2026-04-15',
      },
    });
  });

  test('repeating the same application number returns the same application and starts no second process', async () => {
    const first = await call('POST', '/api/applications', licenceApplication());
    const again = await call('POST', '/api/applications', licenceApplication());
    expect(again.status).toBe(200);
    expect(again.json.processInstanceKey).toBe(first.json.processInstanceKey);
    expect(starts()).toHaveLength(1);
  });

  test('concurrent submissions of one number start one process', async () => {
    const results = await Promise.all(
      [1, 2, 3].map(() => call('POST', '/api/applications', licenceApplication())),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(results.map((r) => r.json.processInstanceKey)).size).toBe(1);
    expect(starts()).toHaveLength(1);
  });

  test('when the engine accepted the start but the answer was lost, a repeat adopts that process instead of starting another', async () => {
    ctx.fake.faults.failNextStart = 'after-start';
    const first = await call('POST', '/api/applications', licenceApplication());
    expect(first.status).toBe(503);
    expect(ctx.store.get('SEC-2026-000042')?.state).toBe('starting');
    const again = await call('POST', '/api/applications', licenceApplication());
    expect(again.status).toBe(200);
    expect(again.json.state).toBe('started');
    expect(starts()).toHaveLength(1);
    expect(ctx.fake.instances.size).toBe(1);
  });

  test('when the engine was down, the application stays registered and a repeat starts it', async () => {
    ctx.fake.faults.failNextStart = 'before';
    expect((await call('POST', '/api/applications', licenceApplication())).status).toBe(503);
    const again = await call('POST', '/api/applications', licenceApplication());
    expect(again.json.state).toBe('started');
    expect(ctx.fake.instances.size).toBe(1);
  });

  test('a different application under a number already taken is refused with 409', async () => {
    await call('POST', '/api/applications', licenceApplication());
    const res = await call('POST', '/api/applications', { ...licenceApplication(), subType: 1 });
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({ code: 'APPLICATION_NUMBER_TAKEN' });
  });

  test('validation errors name the field path in Kazakh and Russian', async () => {
    const bad = licenceApplication();
    bad.applicant.bin = BIN.slice(0, 11) + String((Number(BIN[11]) + 1) % 10);
    const res = await call('POST', '/api/applications', {
      ...bad,
      applicationNumber: '42',
      requestKind: 'reissue',
    });
    expect(res.status).toBe(400);
    const byPath = Object.fromEntries(res.json.errors.map((e: { path: string }) => [e.path, e]));
    expect(byPath['applicant.bin']).toEqual({
      path: 'applicant.bin',
      kk: 'БСН бақылау саны дұрыс емес',
      ru: 'Неверное контрольное число БИН',
    });
    expect(byPath.applicationNumber.ru).toMatch(/Номер заявления/);
    expect(byPath.licenceNumber.kk).toMatch(/лицензия нөмірі/);
    expect(byPath.reissueReason.ru).toMatch(/причину переоформления/);
    expect(starts()).toHaveLength(0);
  });

  // Order 923 licence rules §2, §10, §11, Annexes 4–5: the licence and/or its annex is requested;
  // an annex alone belongs to a licence already held, whose number is then required.
  test('a licence application says whether the licence, its annex or both are requested; an annex alone needs the licence number (Order 923 §10–§11, Annexes 4–5)', async () => {
    const annexAlone = await call('POST', '/api/applications', {
      ...licenceApplication(),
      applicationNumber: 'SEC-2026-000901',
      licenceDocuments: 'annex',
    });
    expect(annexAlone.status).toBe(400);
    const byPath = Object.fromEntries(annexAlone.json.errors.map((e: { path: string }) => [e.path, e]));
    expect(byPath.licenceNumber.ru).toMatch(/только приложение к лицензии/);
    const unknown = await call('POST', '/api/applications', {
      ...licenceApplication(),
      applicationNumber: 'SEC-2026-000902',
      licenceDocuments: 'certificate',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors.map((e: { path: string }) => e.path)).toContain('licenceDocuments');
    expect(starts()).toHaveLength(0);
  });

  test('a fire permit needs specialists with a valid IIN; the error points at the specialist', async () => {
    const app = firePermitApplication();
    app.specialists[0].iin = '123456789012';
    const res = await call('POST', '/api/applications', app);
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain('specialists.0.iin');
  });

  test('refusing consent to restricted data is accepted: it is a refusal ground decided by the process (C14)', async () => {
    const res = await call('POST', '/api/applications', {
      ...firePermitApplication(),
      consentToRestrictedData: false,
    });
    expect(res.status).toBe(201);
    expect(starts()[0].input).toMatchObject({
      processDefinitionId: 'fire-automation-permit',
      variables: { consentToRestrictedData: false, requestKind: 'application' },
    });
  });

  test("an applicant cannot submit for another BIN nor read another applicant's application", async () => {
    expect(
      (await call('POST', '/api/applications', licenceApplication('SEC-2026-000043', OTHER_BIN))).status,
    ).toBe(403);
    await call('POST', '/api/applications', licenceApplication());
    const other = client(ctx.base, cookieFor('applicant', { bin: OTHER_BIN }));
    expect((await other('GET', '/api/applications/SEC-2026-000042')).status).toBe(404);
    expect(
      (
        await other('POST', '/api/complaints', {
          applicationNumber: 'SEC-2026-000042',
          text: 'Мерзім бұзылды, жауап жоқ',
        })
      ).status,
    ).toBe(404);
  });

  test('the status shows the stage, the running term in working days and the result documents', async () => {
    const created = await call('POST', '/api/applications', licenceApplication());
    const key = created.json.processInstanceKey;
    Object.assign(ctx.fake.instances.get(key)!.variables, {
      deadlineCompleteness: '2026-04-17T18:30:00+05:00',
      deadlineTotal: '2026-04-29T18:30:00+05:00',
      preliminaryDecision: { hearingAt: '2026-04-24T11:00:00+05:00', grounds: ['LICENCE_FEE_NOT_PAID'] },
      resultDocument: {
        documentId: 'doc-1',
        kind: 'licence',
        title: 'Лицензия',
        sha256: 'ab',
        documents: [{ lang: 'kk', documentId: 'doc-1-kk', sha256: 'cd' }],
      },
    });
    ctx.fake.addTask({
      name: 'Толықтығын тексеру',
      elementId: 'Task_CompletenessCheck',
      processDefinitionId: 'security-licence',
      processInstanceKey: key,
      candidateGroups: ['police-clerks'],
    });
    const res = await call('GET', '/api/applications/SEC-2026-000042');
    expect(res.status).toBe(200);
    expect(res.json.state).toBe('active');
    expect(res.json.stages).toEqual([{ elementId: 'Task_CompletenessCheck', name: 'Толықтығын тексеру' }]);
    // Wed 15 Apr 10:00 -> Fri 17 Apr 18:30: Wed, Thu, Fri.
    expect(res.json.deadlines.find((d: { step: string }) => d.step === 'Completeness')).toMatchObject({
      remainingWorkingDays: 3,
      urgency: 'ok',
    });
    expect(res.json.documents.map((d: { documentId: string }) => d.documentId)).toEqual([
      'doc-1-kk',
      'doc-1',
    ]);
    expect(res.json.notices[0]).toMatchObject({
      kind: 'preliminary-decision',
      hearingAt: '2026-04-24T11:00:00+05:00',
    });
  });

  test("an applicant's position at the hearing and a complaint become messages correlated by application number", async () => {
    await call('POST', '/api/applications', licenceApplication());
    const pos = await call('POST', '/api/applications/SEC-2026-000042/messages', {
      kind: 'hearing-position',
      text: 'Алым 12 сәуірде төленді, түбіртек қоса беріледі',
    });
    expect(pos.status).toBe(202);
    const complaint = await call('POST', '/api/complaints', {
      applicationNumber: 'SEC-2026-000042',
      text: 'Құжаттар толық болса да қайтарылды',
    });
    expect(complaint.status).toBe(202);
    expect(ctx.fake.messages.map((m) => [m.name, m.correlationKey])).toEqual([
      ['applicant-position-submitted', 'SEC-2026-000042'],
      ['complaint-filed', 'SEC-2026-000042'],
    ]);
    expect(ctx.fake.messages[1].variables).toMatchObject({
      serviceId: 'security-licence',
      registeredOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      applicant: { bin: expect.any(String) },
    });
    const bad = await call('POST', '/api/applications/SEC-2026-000042/messages', { kind: 'anything' });
    expect(bad.status).toBe(400);
  });
});
