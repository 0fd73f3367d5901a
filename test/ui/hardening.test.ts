import { localPath } from '../../ui/app';
import { UserTaskKey } from '@camunda8/orchestration-cluster-api';
import { client, licenceAtCompletenessCheck, startApp } from './support/harness';

describe('web app hardening', () => {
  let ctx: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    ctx = await startApp();
  });
  afterAll(() => ctx.close());

  test('the language switch never redirects to another site (/\\host and //host are other sites to a browser)', async () => {
    for (const back of [
      '/\\evil.example',
      '//evil.example',
      '/\t/evil.example',
      'https://evil.example',
      '/%0a/evil',
    ]) {
      const res = await fetch(`${ctx.base}/lang?to=ru&back=${encodeURIComponent(back)}`, {
        redirect: 'manual',
      });
      expect([back, res.status]).toEqual([back, 302]);
      const location = res.headers.get('location') ?? '';
      expect([back, new URL(location, ctx.base).origin]).toEqual([back, new URL(ctx.base).origin]);
    }
    const ok = await fetch(`${ctx.base}/lang?to=ru&back=${encodeURIComponent('/portal?x=1')}`, {
      redirect: 'manual',
    });
    expect(ok.headers.get('location')).toBe('/portal?x=1');
    expect(localPath('/\\evil.example')).toBe('/');
  });

  test('/health answers for the orchestrator probes', async () => {
    const res = await fetch(`${ctx.base}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'UP' });
  });

  test('a task completion writes only the form’s fields: another process variable is refused, named, and nothing completes', async () => {
    const { userTaskKey: task } = await licenceAtCompletenessCheck(ctx.sys, 'SEC-2026-000043');
    const clerk = client(ctx.base, await ctx.as('clerk', { unit: 'police' }));
    const res = await clerk('POST', `/api/tasks/${task}/complete`, {
      variables: {
        documentsComplete: true,
        applicationNumber: 'SEC-2026-999999',
        deadlineTotal: '2099-12-31T18:30:00+05:00',
      },
    });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toEqual([
      'applicationNumber',
      'deadlineTotal',
    ]);
    expect(res.json.errors[0].ru).toContain('Этого поля нет в форме задачи');
    // Nothing reached the engine: the task is still open.
    expect(
      (
        await ctx.camunda.getUserTask(
          { userTaskKey: UserTaskKey.assumeExists(task) },
          { consistency: { waitUpToMs: 0 } },
        )
      ).state,
    ).toBe('CREATED');
    const ok = await clerk('POST', `/api/tasks/${task}/complete`, { variables: { documentsComplete: true } });
    expect(ok.status).toBe(200);
  });
});
