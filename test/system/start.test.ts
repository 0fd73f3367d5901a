import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixtures } from '../../simulators';
import { startSystem, type RunningSystem } from '../../scripts/start';
import { csrfOf, signInStaff } from '../support/staff-sign-in';
import { signCms } from '../../simulators/ncalayer/cms';

/**
 * `npm start` as a newcomer runs it: every part started by the project itself, each reaching the
 * others at the addresses they really got. Here: the simulated antimonopoly body's answer travels
 * to the web app's inbound channel with the token made for this run.
 */
describe('npm start: the whole embedded system', () => {
  let sys: RunningSystem;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'system-start-'));
    sys = await startSystem({
      ENGINE_PORT: '0',
      UI_PORT: '0',
      SIMULATORS_PORT: '0',
      NCALAYER_STAND_IN_PORT: '0',
      ENGINE_DATA_DIR: path.join(dir, 'engine'),
      UI_DATA_DIR: path.join(dir, 'ui'),
      DOCUMENTS_DIR: path.join(dir, 'documents'),
      LOG_LEVEL: 'error',
    });
  }, 120_000);
  afterAll(async () => {
    await sys?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("the antimonopoly body's answer reaches the web app's inbound channel of this run", async () => {
    const company = fixtures.national.approved;
    // The company's head signs in by EDS with the stand-in's key (as NCALayer would sign the challenge).
    const keys = sys.ncalayer!.pki;
    const api = { 'x-requested-with': 'fetch', 'content-type': 'application/json' };
    const { challenge } = (await (
      await fetch(`${sys.uiUrl}/api/eds/challenge`, { method: 'POST', headers: api })
    ).json()) as { challenge: string };
    const signIn = await fetch(`${sys.uiUrl}/api/eds/signin`, {
      method: 'POST',
      headers: api,
      body: JSON.stringify({
        cms: (
          await signCms(keys.find('national-applicant', 'auth')!, Buffer.from(challenge, 'base64'), {
            attached: true,
          })
        ).toString('base64'),
      }),
    });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
    expect(cookie).toContain('=');
    // The portal page carries the session's CSRF token, which every write sends.
    const csrf = csrfOf(await (await fetch(`${sys.uiUrl}/portal`, { headers: { cookie } })).text());
    // And submits a national company's application, signed with the signing key.
    const text = JSON.stringify({
      serviceId: 'national-company-security-approval',
      applicant: {
        bin: company.bin,
        name: company.name,
        headIin: company.headIin,
        headFullName: company.headFullName,
        location: 'Астана, Мәңгілік Ел даңғылы, 8',
      },
      consentToRestrictedData: true,
      attachments: [{ kind: 'application-form', fileName: 'otinish.pdf' }],
      objects: [{ name: 'Айдау станциясы', location: 'Атырау облысы, Құлсары қ.' }],
      antimonopolyConsentRef: 'АМО-2026/114',
    });
    const signature = await signCms(keys.find('national-applicant', 'sign')!, Buffer.from(text), {
      attached: false,
    });
    const submitted = await fetch(`${sys.uiUrl}/api/applications`, {
      method: 'POST',
      headers: { ...api, cookie, 'x-csrf-token': csrf, 'x-eds-signature': signature.toString('base64') },
      body: text,
    });
    expect(submitted.status).toBe(201);
    // The register issued the number.
    const number = ((await submitted.json()) as { applicationNumber: string }).applicationNumber;

    // The body receives a letter on that application and answers it.
    const letter = await fetch(`${sys.simulatorsUrl}/antimonopoly/letters`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ applicationNumber: number, bin: company.bin, companyName: company.name }),
    });
    const { letterId } = (await letter.json()) as { letterId: string };
    const answer = await fetch(`${sys.simulatorsUrl}/antimonopoly/letters/${letterId}/answer`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ consent: true }),
    });
    // 202: the web app took it with this run's token (401 would mean no token, 503 no channel).
    expect(await answer.json()).toMatchObject({
      callback: { url: `${sys.uiUrl}/inbound/antimonopoly-answers`, status: 202, error: null },
    });
  });

  test("npm start's engine answers only its own services: a request without the run's token gets 401", async () => {
    const anonymous = await fetch(`${sys.engineUrl}/v2/process-instances/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(anonymous.status).toBe(401);
    // The workers, the web app and the deploy reached it with the token: the application above started
    // and the deployment is there (the engine's own answer to an authenticated search is not needed).
    expect(sys.engineUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('npm start runs the embedded identity provider: a seeded clerk signs in and sees the worklist', async () => {
    const clerk = await signInStaff(sys.uiUrl, 'mia.clerk');
    expect(clerk.landedOn).toBe('/worklist');
    const tasks = await fetch(`${sys.uiUrl}/api/tasks`, { headers: { cookie: clerk.cookie } });
    expect(tasks.status).toBe(200);
    const ops = await fetch(`${sys.uiUrl}/api/ops/incidents`, { headers: { cookie: clerk.cookie } });
    expect(ops.status).toBe(403);
  });
});
