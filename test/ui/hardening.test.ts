import { localPath } from '../../ui/app';
import { startApp } from './support/harness';

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
});
