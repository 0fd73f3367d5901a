/**
 * The public verification page's API and its deep links (Law on e-documents and EDS art. 10: anyone
 * may check a signed e-document). Bad input is refused naming the field, in Kazakh and Russian; the
 * addresses printed on documents (`/verify/<document id>` in the QR code) and shared links
 * (`/verify?number=…`) open the page checking that number.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequestSignatureLog } from '../../adapters/eds/request-signatures';
import { createSignedDocumentStore } from '../../adapters/eds/signed-documents';
import { startApp } from './support/harness';

let dir: string;
let ctx: Awaited<ReturnType<typeof startApp>>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'verify-api-'));
  ctx = await startApp({
    eds: {
      trust: { roots: [], intermediates: [], crls: [] },
      ncalayerUrl: 'ws://127.0.0.1:1',
      signed: createSignedDocumentStore(path.join(dir, 'signed')),
      requestSignatures: createRequestSignatureLog(),
      staffIin: () => undefined,
    },
  });
});
afterAll(async () => {
  await ctx?.close();
  rmSync(dir, { recursive: true, force: true });
});

const bootOf = (html: string) =>
  JSON.parse(/<script type="application\/json" id="boot">(.*?)<\/script>/s.exec(html)![1]);

test('a check without a number, or with one longer than any register number, is refused at the field in kk and ru', async () => {
  const empty = await fetch(`${ctx.base}/api/verify?number=%20`);
  expect(empty.status).toBe(400);
  const body = await empty.json();
  expect(body.errors).toEqual([
    { path: 'number', kk: 'Құжат нөмірі: нөмірді енгізіңіз', ru: 'Номер документа: введите номер' },
  ]);
  const long = await fetch(`${ctx.base}/api/verify?number=${'1'.repeat(81)}`);
  expect(long.status).toBe(400);
  expect((await long.json()).errors[0]).toMatchObject({
    path: 'number',
    ru: 'Номер документа: не длиннее 80 знаков',
  });
});

test('an unknown number is an answer, not a fault: 404 with the outcome and its text in both languages', async () => {
  const res = await fetch(`${ctx.base}/api/verify?number=${encodeURIComponent('KZ-2026-000001-LIC-01')}`);
  expect(res.status).toBe(404);
  expect(await res.json()).toEqual({
    outcome: 'not-found',
    genuine: false,
    message: {
      kk: 'Мұндай нөмірмен қол қойылған құжат табылмады',
      ru: 'Подписанный документ с таким номером не найден',
    },
    documents: [],
  });
});

test('an upload without a file is refused at the file field; a file that is no signed document is "altered"', async () => {
  const none = await fetch(`${ctx.base}/api/verify/upload`, { method: 'POST', body: new FormData() });
  expect(none.status).toBe(400);
  expect((await none.json()).errors).toEqual([
    { path: 'file', kk: 'PDF файлын таңдаңыз', ru: 'Выберите PDF-файл' },
  ]);
  const form = new FormData();
  form.set('file', new Blob([Buffer.from('%PDF-1.7 not signed')], { type: 'application/pdf' }), 'x.pdf');
  const other = await fetch(`${ctx.base}/api/verify/upload`, { method: 'POST', body: form });
  expect(other.status).toBe(422);
  expect(await other.json()).toMatchObject({ outcome: 'altered', genuine: false, documents: [] });
});

test('the QR code’s /verify/<document id> and a shared /verify?number=… open the Lit page checking that number', async () => {
  for (const [url, number] of [
    ['/verify/SEC-2026-000501-LIC-01-kk', 'SEC-2026-000501-LIC-01-kk'],
    [`/verify?number=${encodeURIComponent('26004567')}`, '26004567'],
    ['/verify', ''],
  ]) {
    const res = await fetch(`${ctx.base}${url}`, { headers: { cookie: 'kzp_lang=ru' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<script type="module" src="/build/verify.js"></script>');
    expect(bootOf(html).data).toEqual({ number });
    expect(bootOf(html).lang).toBe('ru');
  }
});
