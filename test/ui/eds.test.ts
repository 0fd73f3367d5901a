/**
 * EDS in the web app over HTTP (Law on e-documents and EDS art. 10; spec C1, C7): applicant sign-in
 * with a signed one-time challenge, signed e-requests, and the refusals (expired, revoked,
 * untrusted, wrong person, tampered, replayed), each with a bilingual message and no change.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../../domain/clock';
import { createRequestSignatureLog } from '../../adapters/eds/request-signatures';
import { createSignedDocumentStore } from '../../adapters/eds/signed-documents';
import { signCms } from '../../simulators/ncalayer/cms';
import { APPLICANTS, BAD_CERTIFICATES, STAFF_SIGNERS } from '../../simulators/ncalayer/holders';
import { createTestPki, type TestPki } from '../../simulators/ncalayer/pki';
import type { EdsConfig } from '../../ui/eds/routes';
import { client, licenceApplication, startApp } from './support/harness';
import { csrfOf } from '../support/staff-sign-in';

const APPLICANT = APPLICANTS[0]; // licence-applicant: head of a seeded company (IIN + BIN)
const OTHER = APPLICANTS[1]; // fire-applicant: another company
let pki: TestPki;
let dir: string;
let ctx: Awaited<ReturnType<typeof startApp>>;
let eds: EdsConfig;

beforeAll(async () => {
  pki = await createTestPki([STAFF_SIGNERS[1], APPLICANT, OTHER, ...BAD_CERTIFICATES]);
});
beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'eds-ui-'));
  eds = {
    trust: { roots: [pki.root], intermediates: [], crls: [pki.crl] },
    ncalayerUrl: 'ws://127.0.0.1:1',
    signed: createSignedDocumentStore(path.join(dir, 'signed')),
    requestSignatures: createRequestSignatureLog(),
    staffIin: (s) => STAFF_SIGNERS.find((x) => x.userId === s.userId)?.iin,
  };
  // Certificates and signatures are made now, so the server's clock is the real one here.
  ctx = await startApp({ eds, clock: systemClock });
});
afterEach(async () => {
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

const key = (alias: string, type: 'auth' | 'sign') => pki.find(alias, type)!;

/** What the portal does: challenge, NCALayer signs it (attached), sign-in. */
async function signIn(alias: string, type: 'auth' | 'sign' = 'auth') {
  const call = client(ctx.base);
  const { json } = await call('POST', '/api/eds/challenge');
  const cms = await signCms(key(alias, type), Buffer.from(json.challenge, 'base64'), { attached: true });
  const res = await call('POST', '/api/eds/signin', { cms: cms.toString('base64') });
  const session = res.headers.get('set-cookie')?.split(';')[0];
  // The portal page hands its scripts the session's CSRF token, which every write sends.
  const cookie = session
    ? {
        cookie: session,
        csrf: csrfOf(await (await fetch(`${ctx.base}/portal`, { headers: { cookie: session } })).text()),
      }
    : undefined;
  return { res, cookie, cms: cms.toString('base64') };
}

function expectBilingualRefusal(res: { status: number; json: any }, status: number) {
  expect(res.status).toBe(status);
  expect(res.json.error.kk).toMatch(/[әғқңөұүһі]/i);
  expect(res.json.error.ru).toMatch(/[а-я]/i);
}

describe('applicant sign-in by EDS', () => {
  test('the IIN and BIN come from the certificate; the session sees that BIN’s applications', async () => {
    const { res, cookie } = await signIn('licence-applicant');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ iin: APPLICANT.iin, bin: APPLICANT.bin, redirect: '/portal' });
    expect(cookie).toBeDefined();
    const mine = client(ctx.base, cookie);
    const submitted = await submitSigned(
      mine,
      'licence-applicant',
      licenceApplication('SEC-2026-000501', APPLICANT.bin),
    );
    expect(submitted.status).toBeLessThan(300);
    const list = await mine('GET', '/api/applications');
    expect(list.json.items.map((i: any) => i.applicationNumber)).toEqual([submitted.json.applicationNumber]);
  });

  test('typing a BIN no longer signs an applicant in: the page offers only EDS, and a posted BIN opens no session', async () => {
    const form = await fetch(`${ctx.base}/`);
    const page = await form.text();
    expect(page).toContain('href="/signin/eds"');
    expect(page).not.toContain('name="bin"');
    // A BIN posted as the old form did, with the page's one-time cookie: sent to EDS or refused, never a session.
    const formCookie = (form.headers.get('set-cookie') ?? '').split(';')[0];
    const token = decodeURIComponent(formCookie.split('=')[1] ?? '');
    const res = await fetch(`${ctx.base}/signin`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: formCookie },
      body: new URLSearchParams({ _signin: token, bin: OTHER.bin! }).toString(),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/signin/eds');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  test('a replayed challenge signature is refused and opens no session', async () => {
    const first = await signIn('licence-applicant');
    expect(first.res.status).toBe(200);
    const replay = await client(ctx.base)('POST', '/api/eds/signin', { cms: first.cms });
    expectBilingualRefusal(replay, 401);
    expect(replay.headers.get('set-cookie')).toBeNull();
  });

  test('a signed text that is not one of our challenges is refused', async () => {
    const cms = await signCms(key('licence-applicant', 'auth'), Buffer.from('made-up challenge'), {
      attached: true,
    });
    const res = await client(ctx.base)('POST', '/api/eds/signin', { cms: cms.toString('base64') });
    expectBilingualRefusal(res, 401);
  });

  test.each([
    ['expired', 'EDS_EXPIRED'],
    ['revoked', 'EDS_REVOKED'],
    ['untrusted', 'EDS_UNTRUSTED'],
  ])('a %s certificate is refused with a bilingual message and opens no session', async (alias, code) => {
    const { res, cookie } = await signIn(alias);
    expectBilingualRefusal(res, 422);
    expect(res.json.error.code).toBe(code);
    expect(cookie).toBeUndefined();
  });

  test('another BIN’s application answers 404 to an EDS-signed-in applicant (no IDOR)', async () => {
    const other = await signIn('fire-applicant');
    const theirs = await submitSigned(
      client(ctx.base, other.cookie),
      'fire-applicant',
      licenceApplication('SEC-2026-000777', OTHER.bin),
    );
    expect(theirs.status).toBeLessThan(300);
    const { cookie } = await signIn('licence-applicant');
    const mine = client(ctx.base, cookie);
    expect((await mine('GET', '/api/applications/SEC-2026-000777')).status).toBe(404);
    expect((await mine('GET', '/api/applications')).json.items).toEqual([]);
    const message = await mine('POST', '/api/applications/SEC-2026-000777/messages', {
      kind: 'hearing-position',
      text: 'x',
    });
    expect(message.status).toBe(404);
  });
});

/** What the portal does for an e-request: NCALayer signs the exact JSON text (detached). */
async function submitSigned(call: ReturnType<typeof client>, alias: string | undefined, body: unknown) {
  const text = JSON.stringify(body);
  const headers: Record<string, string> = {};
  if (alias)
    headers['x-eds-signature'] = (
      await signCms(key(alias, 'sign'), Buffer.from(text, 'utf8'), { attached: false })
    ).toString('base64');
  return call('POST', '/api/applications', text, { 'content-type': 'application/json', ...headers });
}

describe('EDS-signed e-requests', () => {
  test('a signed application is accepted and its signature is shown to the clerk', async () => {
    const { cookie } = await signIn('licence-applicant');
    const res = await submitSigned(
      client(ctx.base, cookie),
      'licence-applicant',
      licenceApplication('SEC-2026-000601', APPLICANT.bin),
    );
    expect(res.status).toBeLessThan(300);
    const number = res.json.applicationNumber;
    const clerk = client(ctx.base, await ctx.as('clerk', { unit: 'police' }));
    const sigs = await clerk('GET', `/api/eds/requests/${number}`);
    expect(sigs.json.items).toHaveLength(1);
    expect(sigs.json.items[0]).toMatchObject({
      kind: 'application',
      signer: { iin: APPLICANT.iin, bin: APPLICANT.bin },
      certificate: { serialNumber: key('licence-applicant', 'sign').certificate.serialNumber },
    });
    // An applicant cannot read the clerk's view.
    expect((await client(ctx.base, cookie)('GET', `/api/eds/requests/${number}`)).status).toBe(403);
  });

  test('a complaint is signed too: unsigned it is refused, signed it is filed and its signature kept', async () => {
    const { cookie } = await signIn('licence-applicant');
    const call = client(ctx.base, cookie);
    const number = (
      await submitSigned(call, 'licence-applicant', licenceApplication('SEC-2026-000606', APPLICANT.bin))
    ).json.applicationNumber;
    const text = JSON.stringify({
      applicationNumber: number,
      text: 'Мерзім бұзылды / Срок нарушен',
    });
    const unsigned = await call('POST', '/api/complaints', text, { 'content-type': 'application/json' });
    expectBilingualRefusal(unsigned, 400);
    expect(unsigned.json.error.ru).toContain('не подписан ЭЦП');
    const cms = await signCms(key('licence-applicant', 'sign'), Buffer.from(text), { attached: false });
    const filed = await call('POST', '/api/complaints', text, {
      'content-type': 'application/json',
      'x-eds-signature': cms.toString('base64'),
    });
    expect(filed.status).toBe(202);
    const clerk = client(ctx.base, await ctx.as('clerk', { unit: 'police' }));
    const kinds = (await clerk('GET', `/api/eds/requests/${number}`)).json.items.map((i: any) => i.kind);
    expect(kinds).toEqual(['application', 'complaint']);
  });

  test('an unsigned application is refused and nothing is recorded', async () => {
    const { cookie } = await signIn('licence-applicant');
    const res = await submitSigned(
      client(ctx.base, cookie),
      undefined,
      licenceApplication('SEC-2026-000602', APPLICANT.bin),
    );
    expectBilingualRefusal(res, 400);
    expect(await ctx.store.get('SEC-2026-000602')).toBeUndefined();
  });

  test('an application signed by someone else (another company’s head) is refused and nothing is recorded', async () => {
    const { cookie } = await signIn('licence-applicant');
    const res = await submitSigned(
      client(ctx.base, cookie),
      'fire-applicant',
      licenceApplication('SEC-2026-000603', APPLICANT.bin),
    );
    expectBilingualRefusal(res, 403);
    expect(res.json.error.code).toBe('EDS_WRONG_PERSON');
    expect(await ctx.store.get('SEC-2026-000603')).toBeUndefined();
  });

  test('a signature over other text than what was sent is refused (tampered) and nothing is recorded', async () => {
    const { cookie } = await signIn('licence-applicant');
    const body = licenceApplication('SEC-2026-000604', APPLICANT.bin);
    const signedOther = await signCms(
      key('licence-applicant', 'sign'),
      Buffer.from(JSON.stringify({ ...body, subType: 1 })),
      {
        attached: false,
      },
    );
    const res = await client(ctx.base, cookie)('POST', '/api/applications', JSON.stringify(body), {
      'content-type': 'application/json',
      'x-eds-signature': signedOther.toString('base64'),
    });
    expectBilingualRefusal(res, 422);
    expect(res.json.error.code).toBe('EDS_INTEGRITY');
    expect(await ctx.store.get('SEC-2026-000604')).toBeUndefined();
  });

  test('a revoked signing certificate is refused for a request', async () => {
    const { cookie } = await signIn('licence-applicant');
    const res = await submitSigned(
      client(ctx.base, cookie),
      'revoked',
      licenceApplication('SEC-2026-000605', APPLICANT.bin),
    );
    expectBilingualRefusal(res, 422);
    expect(await ctx.store.get('SEC-2026-000605')).toBeUndefined();
  });
});
