import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAuditTrail, type AuditTrail } from '../../adapters/db/audit';
import { DatabaseUnavailableError, openAppDatabase, type AppDatabase } from '../../adapters/db/connect';
import { COMPLETE, NO_GROUNDS } from '../support/process-fixtures';
import { waitForTask } from '../support/system-harness';
import { client, licenceAtCompletenessCheck, licenceWithLookupIncident, startApp } from './support/harness';

const PDF = Buffer.from('%PDF-1.7 synthetic');
/** One stored document of application SEC-2026-000151, readable by the police unit's clerks. */
const documents = {
  get: async (id: string) =>
    (id === 'doc-151'
      ? { meta: { applicationNumber: 'SEC-2026-000151', fileName: 'licence.pdf' }, bytes: PDF }
      : null) as never,
};

describe('the web app writes the audit trail: who, what, on which application and task, when, from where', () => {
  let dir: string;
  let database: AppDatabase;
  let trail: AuditTrail;
  let ctx: Awaited<ReturnType<typeof startApp>>;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kzp-audit-'));
    database = openAppDatabase({ dialect: 'sqlite', file: path.join(dir, 'app.sqlite') });
    trail = createAuditTrail(database);
    ctx = await startApp({ audit: trail, documents });
  });
  afterEach(async () => {
    await ctx.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a clerk claiming and completing a task, and reading a document, leaves one event each; a refused claim leaves none', async () => {
    const { processInstanceKey, userTaskKey } = await licenceAtCompletenessCheck(ctx.sys, 'SEC-2026-000151');
    const fire = client(ctx.base, await ctx.as('clerk', { unit: 'fire' }));
    expect((await fire('POST', `/api/tasks/${userTaskKey}/claim`)).status).toBe(403);
    expect(await trail.list()).toEqual([]);

    const police = client(ctx.base, await ctx.as('clerk', { unit: 'police' }));
    expect((await police('POST', `/api/tasks/${userTaskKey}/claim`)).status).toBe(200);
    const done = await police('POST', `/api/tasks/${userTaskKey}/complete`, {
      variables: { documentsComplete: true, documentsExpired: false },
    });
    expect(done.status).toBe(200);
    expect((await police('GET', '/api/documents/doc-151?download=1')).status).toBe(200);
    expect((await police('GET', '/api/documents/doc-151')).status).toBe(200);

    const events = (await trail.list()).reverse();
    expect(events.map((e) => e.action)).toEqual([
      'task.claim',
      'task.complete',
      'document.download',
      'document.view',
    ]);
    const [claim, complete, download] = events;
    expect(claim).toMatchObject({
      at: '2026-04-15T05:00:00.000Z',
      userId: expect.any(String),
      role: 'clerk',
      applicationNumber: 'SEC-2026-000151',
      taskKey: userTaskKey,
      ip: expect.stringMatching(/127\.0\.0\.1$/),
      detail: { elementId: 'Task_CheckCompleteness', processInstanceKey },
    });
    expect(complete).toMatchObject({ userId: claim.userId, taskKey: userTaskKey });
    expect(download).toMatchObject({ documentId: 'doc-151', applicationNumber: 'SEC-2026-000151' });
  });

  test('a completion carrying a decision (the study: grounds found or not) is recorded as the decision, with its value', async () => {
    const { processInstanceKey, userTaskKey } = await licenceAtCompletenessCheck(ctx.sys, 'SEC-2026-000152');
    const police = client(ctx.base, await ctx.as('clerk', { unit: 'police' }));
    await police('POST', `/api/tasks/${userTaskKey}/complete`, { variables: COMPLETE });
    const study = await waitForTask(ctx.camunda, processInstanceKey, 'Task_StudyCompliance');
    const done = await police('POST', `/api/tasks/${study.userTaskKey}/complete`, { variables: NO_GROUNDS });
    expect(done.status).toBe(200);
    expect(await trail.list({ action: 'decision' })).toEqual([
      expect.objectContaining({
        taskKey: String(study.userTaskKey),
        applicationNumber: 'SEC-2026-000152',
        detail: expect.objectContaining({
          elementId: 'Task_StudyCompliance',
          groundsFound: false,
          refusalGrounds: [],
        }),
      }),
    ]);
    expect((await trail.list({ action: 'task.complete' })).map((e) => e.detail.elementId)).toEqual([
      'Task_CheckCompleteness',
    ]);
  });

  test('an operator retrying an incident is recorded with the incident', async () => {
    const { incidentKey } = await licenceWithLookupIncident(ctx.sys, 'SEC-2026-000153');
    const op = client(ctx.base, await ctx.as('operator'));
    expect(
      (
        await op('POST', `/api/ops/incidents/${incidentKey}/retry`, {
          reason: 'Служба реестра снова отвечает',
        })
      ).status,
    ).toBe(200);
    expect(await trail.list()).toEqual([
      expect.objectContaining({
        action: 'operator.incident-retry',
        role: 'operator',
        detail: expect.objectContaining({
          incidentKey: String(incidentKey),
          retriesRaised: true,
          reason: 'Служба реестра снова отвечает',
        }),
      }),
    ]);
  });
});

test('with the trail unwritable a document is not handed out (503, in Kazakh and Russian), while a claim already made in the engine stands', async () => {
  const down: AuditTrail = {
    record: async () => {
      throw new DatabaseUnavailableError('postgres://app:***@db:5432/permits', new Error('ECONNREFUSED'));
    },
    list: async () => [],
  };
  const ctx = await startApp({ audit: down, documents });
  try {
    const police = client(ctx.base, await ctx.as('clerk', { unit: 'police' }));
    const res = await police('GET', '/api/documents/doc-151');
    expect(res.status).toBe(503);
    expect(res.json.error).toMatchObject({
      kk: 'Қызмет уақытша қолжетімсіз, кейінірек қайталаңыз',
      ru: 'Сервис временно недоступен, повторите позже',
    });
    const { userTaskKey } = await licenceAtCompletenessCheck(ctx.sys, 'SEC-2026-000154');
    expect((await police('POST', `/api/tasks/${userTaskKey}/claim`)).status).toBe(200);
  } finally {
    await ctx.close();
  }
});
