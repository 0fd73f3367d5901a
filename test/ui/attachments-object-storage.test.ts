/**
 * Applicants' attachments in an S3-compatible store (s3rver on 127.0.0.1) behind the web app on
 * the embedded engine. The bytes go to the bucket before anything is recorded: while the store is
 * down a submission is refused with 503 in Kazakh and Russian and no application is registered;
 * once it is back the same form (same Idempotency-Key) registers the application with its files.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createS3BlobStore, type BlobStore } from '../../adapters/blobs';
import type { Credentials } from '../support/staff-sign-in';
import { startCuttableProxy, startLocalS3, type LocalS3 } from '../support/s3';
import { client, licenceApplication, startApp } from './support/harness';

const PDF = Buffer.from('%PDF-1.7\n%synthetic charter\n%%EOF');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

describe('attachments in object storage', () => {
  let s3: LocalS3;
  let proxy: Awaited<ReturnType<typeof startCuttableProxy>>;
  let bucket: BlobStore;
  let attachmentsDir: string;
  let ctx: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    s3 = await startLocalS3();
    proxy = await startCuttableProxy(s3.endpoint);
    bucket = createS3BlobStore({
      bucket: s3.bucket,
      endpoint: s3.endpoint,
      region: 'us-east-1',
      credentials: s3.credentials,
      forcePathStyle: true,
    });
  });
  beforeEach(async () => {
    attachmentsDir = mkdtempSync(path.join(tmpdir(), 'kzp-attachments-'));
    ctx = await startApp({
      attachmentsDir,
      attachmentBlobs: createS3BlobStore({
        bucket: s3.bucket,
        endpoint: proxy.endpoint,
        region: 'us-east-1',
        credentials: s3.credentials,
        forcePathStyle: true,
        prefix: 'attachments',
        maxAttempts: 1,
        timeoutMs: 3000,
      }),
    });
  });
  afterEach(async () => {
    proxy.setDown(false);
    await ctx.close();
    rmSync(attachmentsDir, { recursive: true, force: true });
  });
  afterAll(async () => {
    await proxy.stop();
    await s3.stop();
  });

  async function submit(who: Credentials, number: string, key: string) {
    const form = new FormData();
    form.set('application', JSON.stringify(licenceApplication(number)));
    form.append('files', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'Жарғы.pdf');
    form.append('files', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'photo.png');
    const res = await fetch(`${ctx.base}/api/applications`, {
      method: 'POST',
      headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'idempotency-key': key },
      body: form,
    });
    return { status: res.status, json: (await res.json()) as any };
  }

  it('keeps the bytes in the bucket and serves them back to the applicant', async () => {
    const me = await ctx.as('applicant');
    const res = await submit(me, 'SEC-2026-000101', 'form-s3-000001');
    expect(res.status).toBe(201);
    const number = res.json.applicationNumber;
    const call = client(ctx.base, me);
    const { items } = (await call('GET', `/api/applications/${number}/attachments`)).json;
    expect(items.map((a: { fileName: string }) => a.fileName)).toEqual(['Жарғы.pdf', 'photo.png']);
    for (const [item, bytes] of [
      [items[0], PDF],
      [items[1], PNG],
    ] as const) {
      expect((await bucket.get(`attachments/files/${item.id}`))!.equals(bytes)).toBe(true);
      const file = await fetch(`${ctx.base}/api/applications/${number}/attachments/${item.id}`, {
        headers: { cookie: me.cookie },
      });
      expect(file.status).toBe(200);
      expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
    }
    // Nothing of the application's files on this machine: their rows are in the database.
    expect(readdirSync(attachmentsDir).filter((f) => f !== '.incoming')).toEqual([]);
  });

  it('with the store down refuses the submission with 503 (kk/ru) and registers nothing; the same form later registers once', async () => {
    const me = await ctx.as('applicant');
    proxy.setDown(true);
    const refused = await submit(me, 'SEC-2026-000102', 'form-s3-000002');
    expect(refused).toEqual({
      status: 503,
      json: {
        error: {
          code: 'FILE_STORE_UNAVAILABLE',
          kk: expect.stringContaining('Файлдар қоймасы қазір қолжетімсіз'),
          ru: expect.stringContaining('Хранилище файлов сейчас недоступно: заявление не зарегистрировано'),
        },
      },
    });
    expect(await ctx.store.list()).toEqual([]);

    proxy.setDown(false);
    const accepted = await submit(me, 'SEC-2026-000102', 'form-s3-000002');
    expect(accepted.status).toBe(201);
    expect(await ctx.store.list()).toHaveLength(1);
    const again = await submit(me, 'SEC-2026-000102', 'form-s3-000002');
    expect(again.json.applicationNumber).toBe(accepted.json.applicationNumber);
    const { items } = (
      await client(ctx.base, me)('GET', `/api/applications/${accepted.json.applicationNumber}/attachments`)
    ).json;
    expect(items).toHaveLength(2);
  });
});
