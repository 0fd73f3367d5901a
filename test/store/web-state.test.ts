/**
 * The web app's working state in the application database, on SQLite and on a real PostgreSQL:
 * what one replica writes (a draft, an operator's action, a session, its end) another replica reads
 * through its own connection, and a restart keeps.
 */
import { openAppDatabase, type AppDatabase } from '../../adapters/db/connect';
import {
  createDesignerDraftRepository,
  createOperatorLogRepository,
  createSessionRepository,
  createTaskDraftRepository,
} from '../../adapters/db/web-state';
import { DIALECTS, stopSharedPostgres, type DialectCase } from '../support/postgres';

const T0 = Date.parse('2026-04-15T05:00:00.000Z');

describe.each(DIALECTS)('the web app state on $name', ({ open }) => {
  let database: Awaited<ReturnType<DialectCase['open']>>;
  let replica: AppDatabase;
  beforeEach(async () => {
    database = await open();
    replica = openAppDatabase(database.location);
  });
  afterEach(async () => {
    await database.close();
    await replica.close();
  });
  afterAll(stopSharedPostgres);

  test("a clerk's draft is kept per person and task, replaced by the next save, read on another replica, and a completed task's drafts go for everyone", async () => {
    const one = createTaskDraftRepository(database);
    const two = createTaskDraftRepository(replica);
    await one.save({ userId: 'police-clerk', userTaskKey: '2251799813685301', data: { a: 1 }, savedAt: T0 });
    await one.save({
      userId: 'police-clerk',
      userTaskKey: '2251799813685301',
      data: { a: 2, note: 'Құжаттар толық' },
      savedAt: T0 + 1000,
    });
    await one.save({ userId: 'police-head', userTaskKey: '2251799813685301', data: { b: 1 }, savedAt: T0 });
    await one.save({ userId: 'police-clerk', userTaskKey: '2251799813685302', data: { c: 1 }, savedAt: T0 });
    expect(await two.get('police-clerk', '2251799813685301')).toEqual({
      userId: 'police-clerk',
      userTaskKey: '2251799813685301',
      data: { a: 2, note: 'Құжаттар толық' },
      savedAt: T0 + 1000,
    });
    await two.discard('police-head', '2251799813685301');
    expect(await one.get('police-head', '2251799813685301')).toBeUndefined();
    expect(await one.get('police-clerk', '2251799813685301')).toBeDefined();
    await two.discardTask('2251799813685301');
    expect(await one.get('police-clerk', '2251799813685301')).toBeUndefined();
    expect((await one.get('police-clerk', '2251799813685302'))?.data).toEqual({ c: 1 });
  });

  test("the operators' log keeps every action with its reason, oldest first, per process instance, across replicas", async () => {
    const one = createOperatorLogRepository(database);
    const two = createOperatorLogRepository(replica);
    await one.record({
      processInstanceKey: '2251799813685400',
      applicationNumber: 'SEC-2026-000101',
      action: 'variable',
      subject: 'feePaid',
      before: false,
      after: true,
      reason: 'Төлем расталды',
      by: 'operator',
      at: T0,
    });
    await two.record({
      processInstanceKey: '2251799813685500',
      action: 'cancel',
      reason: 'Өтініш кері қайтарылды',
      by: 'operator',
      at: T0 + 5,
    });
    await two.record({
      processInstanceKey: '2251799813685400',
      action: 'retry',
      subject: 'Task_CheckFee',
      reason: 'Шлюз қайта жұмыс істейді',
      by: 'operator',
      at: T0 + 10,
    });
    const ofFirst = await one.forInstances(['2251799813685400']);
    expect(ofFirst.map((a) => a.action)).toEqual(['variable', 'retry']);
    expect(ofFirst[0]).toMatchObject({ before: false, after: true, reason: 'Төлем расталды', at: T0 });
    expect((await two.forInstances(['2251799813685400', '2251799813685500'])).map((a) => a.action)).toEqual([
      'variable',
      'cancel',
      'retry',
    ]);
    expect(await one.forInstances([])).toEqual([]);
  });

  test("the designer's latest save per file is its draft, whoever saved it on whichever replica", async () => {
    const one = createDesignerDraftRepository(database);
    const two = createDesignerDraftRepository(replica);
    await one.save({
      kind: 'bpmn',
      name: 'hearing.bpmn',
      content: '<v1/>',
      savedBy: 'designer',
      savedAt: T0,
    });
    await two.save({
      kind: 'bpmn',
      name: 'hearing.bpmn',
      content: '<v2/>',
      savedBy: 'designer2',
      savedAt: T0 + 1,
    });
    await two.save({ kind: 'form', name: 'check.form', content: '{}', savedBy: 'designer', savedAt: T0 });
    expect(await one.latest('bpmn', 'hearing.bpmn')).toEqual({
      kind: 'bpmn',
      name: 'hearing.bpmn',
      content: '<v2/>',
      savedBy: 'designer2',
      savedAt: T0 + 1,
    });
    expect(await one.latest('form', 'hearing.bpmn')).toBeUndefined();
    expect(await one.names('bpmn')).toEqual(['hearing.bpmn']);
    expect(await two.names('form')).toEqual(['check.form']);
  });

  test('a session written on one replica is read on another; touch, sign-out and purge by idle and absolute limits act everywhere; a sign-in under way is taken once', async () => {
    const one = createSessionRepository<{ kind: string; sub: string }>(database);
    const two = createSessionRepository<{ kind: string; sub: string }>(replica);
    await one.put('k-staff', {
      identity: { kind: 'staff', sub: 'police-clerk' },
      csrfToken: 'csrf-1',
      createdAt: T0,
      lastSeenAt: T0,
      idToken: 'id-token',
    });
    await one.put('k-old', {
      identity: { kind: 'applicant', sub: 'x' },
      csrfToken: 'c',
      createdAt: T0 - 11 * 3600_000,
      lastSeenAt: T0,
    });
    await one.put('k-idle', {
      identity: { kind: 'applicant', sub: 'y' },
      csrfToken: 'c',
      createdAt: T0,
      lastSeenAt: T0 - 31 * 60_000,
    });
    expect(await two.get('k-staff')).toEqual({
      identity: { kind: 'staff', sub: 'police-clerk' },
      csrfToken: 'csrf-1',
      createdAt: T0,
      lastSeenAt: T0,
      idToken: 'id-token',
    });
    await two.touch('k-staff', T0 + 60_000);
    expect((await one.get('k-staff'))?.lastSeenAt).toBe(T0 + 60_000);

    await one.putLogin('l1', {
      state: 's',
      nonce: 'n',
      codeVerifier: 'v',
      returnTo: '/worklist',
      createdAt: T0,
    });
    await one.putLogin('l-stale', {
      state: 's',
      nonce: 'n',
      codeVerifier: 'v',
      returnTo: '/',
      createdAt: T0 - 11 * 60_000,
    });
    await two.purge(T0 - 30 * 60_000, T0 - 10 * 3600_000, T0 - 10 * 60_000);
    expect(await one.get('k-old')).toBeUndefined();
    expect(await one.get('k-idle')).toBeUndefined();
    expect(await one.get('k-staff')).toBeDefined();
    expect(await one.takeLogin('l-stale')).toBeUndefined();
    const [a, b] = await Promise.all([one.takeLogin('l1'), two.takeLogin('l1')]);
    expect([a, b].filter(Boolean)).toEqual([
      { state: 's', nonce: 'n', codeVerifier: 'v', returnTo: '/worklist', createdAt: T0 },
    ]);

    await two.delete('k-staff');
    expect(await one.get('k-staff')).toBeUndefined();
  });
});
