import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixtures } from '../../simulators';
import { startSystem, type RunningSystem } from '../../scripts/start';
import { signInApplicant, signInStaff } from '../support/staff-sign-in';

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
      ENGINE_DATA_DIR: path.join(dir, 'engine'),
      UI_DATA_DIR: path.join(dir, 'ui'),
      DOCUMENTS_DIR: path.join(dir, 'documents'),
      CALENDAR_REVISIONS_FILE: path.join(dir, 'calendar-revisions.json'),
      LOG_LEVEL: 'error',
    });
  }, 120_000);
  afterAll(async () => {
    await sys?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("the antimonopoly body's answer reaches the web app's inbound channel of this run", async () => {
    const company = fixtures.national.approved;
    // An applicant signs in and submits a national company's application through the portal API.
    const { cookie, csrf } = await signInApplicant(sys.uiUrl, company.bin, company.headFullName);
    const number = 'NAT-2026-000950';
    const submitted = await fetch(`${sys.uiUrl}/api/applications`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      body: JSON.stringify({
        applicationNumber: number,
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
      }),
    });
    expect(submitted.status).toBe(201);

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

  test('npm start runs the embedded identity provider: a seeded clerk signs in and sees the worklist', async () => {
    const clerk = await signInStaff(sys.uiUrl, 'mia.clerk');
    expect(clerk.landedOn).toBe('/worklist');
    const tasks = await fetch(`${sys.uiUrl}/api/tasks`, { headers: { cookie: clerk.cookie } });
    expect(tasks.status).toBe(200);
    const ops = await fetch(`${sys.uiUrl}/api/ops/incidents`, { headers: { cookie: clerk.cookie } });
    expect(ops.status).toBe(403);
  });
});
