import { ElementInstanceKey, UserTaskKey } from '@camunda8/orchestration-cluster-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { listAttachments } from '../../intake/attachments';
import { createAttachmentRepository } from '../../adapters/db/attachments';
import { createApplicationStore } from '../../intake/store';
import { SERVICE_IDS } from '../../domain/services';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Credentials } from '../support/staff-sign-in';
import { signInStaff } from '../support/staff-sign-in';
import { waitForTask } from '../support/system-harness';
import {
  BIN,
  client,
  COMPLETENESS_CHECK,
  firePermitApplication,
  licenceAtCompletenessCheck,
  licenceApplication,
  sharedSystem,
  startApp,
} from './support/harness';
import { readAnswer } from './support/requests';

/**
 * Hostile and broken input on the web app: bad cookies and bodies, attachments, headers, sessions,
 * the deadline board and validation gaps. None of it may answer 5xx or leave half-recorded data.
 * The web app runs on the embedded engine with the repository's diagrams and the workers
 * (test/ui/support/harness.ts): what it starts, publishes and completes is read from that engine.
 */
const PDF = Buffer.from('%PDF-1.7\n%synthetic\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

describe('web app hardening: input, attachments, headers, board, access', () => {
  let ctx: Awaited<ReturnType<typeof startApp>>;
  let attachmentsDir: string;
  // One register for the file, as for the engine: a number is never issued twice, so no test's
  // application is taken for the process another test started under the same number.
  const register = createApplicationStore(':memory:');
  afterAll(() => register.close());
  /** What the register and the engine held when the test began: what a test adds is not in here. */
  let registeredBefore: Awaited<ReturnType<typeof register.list>>;
  let processesBefore: Set<string>;
  /** The portal's key of the form filled in: one per test, as the register lives across tests. */
  let formKey = '';
  let forms = 0;

  /** Every application process (not a called one) in the engine. */
  async function applicationProcesses() {
    const sys = await sharedSystem();
    const page = await sys.client.searchProcessInstances(
      { page: { limit: 1000 } },
      { consistency: { waitUpToMs: 0 } },
    );
    return (page.items ?? []).filter(
      (i) =>
        !i.parentProcessInstanceKey && (SERVICE_IDS as readonly string[]).includes(i.processDefinitionId),
    );
  }

  beforeEach(async () => {
    attachmentsDir = mkdtempSync(path.join(tmpdir(), 'kzp-attachments-'));
    formKey = `form-files-${String(++forms).padStart(4, '0')}`;
    ctx = await startApp({
      store: register,
      attachmentsDir,
      documents: {
        get: async (id: string) =>
          ({
            'police-doc': { number: 'SEC-2026-000777', fileName: 'licence.pdf' },
            'fire-doc': { number: 'FAP-2026-000777', fileName: 'ruqsat.pdf' },
          })[id]
            ? {
                meta: {
                  applicationNumber: id === 'police-doc' ? 'SEC-2026-000777' : 'FAP-2026-000777',
                  fileName: 'doc.pdf',
                  contentType: 'application/pdf',
                },
                bytes: PDF,
              }
            : null,
      } as never,
    });
    registeredBefore = await register.list();
    processesBefore = new Set((await applicationProcesses()).map((i) => String(i.processInstanceKey)));
  });
  afterEach(async () => {
    await ctx.close();
    rmSync(attachmentsDir, { recursive: true, force: true });
  });

  /** The application processes this test started. */
  const starts = async () =>
    (await applicationProcesses()).filter((i) => !processesBefore.has(String(i.processInstanceKey)));
  /** Messages the engine holds for an application: every one is published with a time to live. */
  const published = async (applicationNumber: string) =>
    (await sharedSystem()).engine.running.engine.queries
      .messages()
      .filter((m) => m.correlationKey === applicationNumber)
      .map((m) => m.name);

  /** A multipart submission as the portal sends it: the e-request in `application`, files in `files`. */
  async function submitWithFiles(
    who: Credentials,
    files: { name: string; bytes: Buffer; type?: string }[],
    application: object = licenceApplication(),
  ) {
    const form = new FormData();
    form.set('application', JSON.stringify(application));
    for (const f of files)
      form.append(
        'files',
        new Blob([new Uint8Array(f.bytes)], { type: f.type ?? 'application/pdf' }),
        f.name,
      );
    const res = await fetch(`${ctx.base}/api/applications`, {
      method: 'POST',
      headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'idempotency-key': formKey },
      body: form,
    });
    const { status, json } = await readAnswer(res);
    return { status, json, headers: res.headers };
  }

  const bilingual = { kk: expect.any(String), ru: expect.any(String) };

  // ---- item 10: no 5xx on bad input --------------------------------------------------------------

  test('a malformed % escape in a cookie is no 5xx: the page and the API answer as without it', async () => {
    const page = await fetch(`${ctx.base}/`, { headers: { cookie: 'kzp_lang=%E0%A4%A; kzp_session=%' } });
    expect(page.status).toBe(200);
    const api = await fetch(`${ctx.base}/api/tasks`, { headers: { cookie: 'kzp_session=%zz%' } });
    expect(api.status).toBe(401);
    const applicant = await ctx.as('applicant');
    const mine = await fetch(`${ctx.base}/api/applications`, {
      headers: { cookie: `${applicant.cookie}; kzp_lang=%` },
    });
    expect(mine.status).toBe(200);
  });

  test('a JSON body sent as multipart, a cut-off form, or a body of another type answers 400/415 in Kazakh and Russian and registers nothing', async () => {
    const me = await ctx.as('applicant');
    const send = (contentType: string, body: string) =>
      fetch(`${ctx.base}/api/applications`, {
        method: 'POST',
        headers: { cookie: me.cookie, 'x-csrf-token': me.csrf, 'content-type': contentType },
        body,
      });
    const json = JSON.stringify(licenceApplication());
    for (const [type, body, status] of [
      ['multipart/form-data; boundary=x', json, 400],
      ['multipart/form-data', json, 400],
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="application"\r\n\r\n{',
        400,
      ],
      ['text/plain', json, 415],
    ] as const) {
      const res = await send(type, body);
      const answer = await res.json();
      expect([type, res.status]).toEqual([type, status]);
      expect(answer.error).toMatchObject(bilingual);
    }
    expect(await ctx.store.list()).toEqual(registeredBefore);
    expect(await starts()).toEqual([]);
  });

  test('Cyrillic attachment names are stored and served as the applicant gave them (UTF-8, filename*)', async () => {
    const me = await ctx.as('applicant');
    const res = await submitWithFiles(me, [{ name: 'Жарғы көшірмесі.pdf', bytes: PDF }]);
    expect(res.status).toBe(201);
    const number = res.json.applicationNumber;
    const call = client(ctx.base, me);
    const list = await call('GET', `/api/applications/${number}/attachments`);
    expect(list.json.items.map((a: { fileName: string }) => a.fileName)).toEqual(['Жарғы көшірмесі.pdf']);
    const file = await call('GET', `/api/applications/${number}/attachments/${list.json.items[0].id}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('Жарғы көшірмесі.pdf')}`,
    );
  });

  // ---- item 15: attachments --------------------------------------------------------------------

  test('a 300-character file name is refused with 400 naming the file before anything is registered', async () => {
    const me = await ctx.as('applicant');
    const res = await submitWithFiles(me, [{ name: `${'ж'.repeat(296)}.pdf`, bytes: PDF }]);
    expect(res.status).toBe(400);
    expect(res.json.errors[0]).toMatchObject({
      path: 'files[0]',
      ru: expect.stringContaining('не более 255'),
    });
    expect(await ctx.store.list()).toEqual(registeredBefore);
    expect(await starts()).toEqual([]);
  });

  test('21 files or a 25 MB file answer 413 naming the limit in Kazakh and Russian, and register nothing', async () => {
    const me = await ctx.as('applicant');
    const many = await submitWithFiles(
      me,
      Array.from({ length: 21 }, (_, i) => ({ name: `f${i}.pdf`, bytes: PDF })),
    );
    expect(many.status).toBe(413);
    expect(many.json.error).toMatchObject({
      kk: expect.stringContaining('20'),
      ru: expect.stringContaining('20'),
    });
    const big = await submitWithFiles(me, [
      { name: 'big.pdf', bytes: Buffer.concat([PDF, Buffer.alloc(25 * 1024 * 1024)]) },
    ]);
    expect(big.status).toBe(413);
    expect(big.json.error.ru).toContain('20 МБ');
    expect(big.json.error.kk).toContain('20 МБ');
    expect(await ctx.store.list()).toEqual(registeredBefore);
  });

  test('two files of the same name are both kept', async () => {
    const me = await ctx.as('applicant');
    const second = Buffer.concat([PDF, Buffer.from('second')]);
    const res = await submitWithFiles(me, [
      { name: 'otinish.pdf', bytes: PDF },
      { name: 'otinish.pdf', bytes: second },
    ]);
    expect(res.status).toBe(201);
    const call = client(ctx.base, me);
    const number = res.json.applicationNumber;
    const items = (await call('GET', `/api/applications/${number}/attachments`)).json.items;
    expect(items.map((a: { fileName: string }) => a.fileName)).toEqual(['otinish.pdf', 'otinish.pdf']);
    const bodies = await Promise.all(
      items.map((a: { id: string }) => call('GET', `/api/applications/${number}/attachments/${a.id}`)),
    );
    expect(bodies.map((b) => b.text)).toEqual([PDF.toString(), second.toString()]);
  });

  test('only PDF, JPEG and PNG by their content: html, svg and exe are refused whatever their name', async () => {
    const me = await ctx.as('applicant');
    for (const bytes of [
      Buffer.from('<!doctype html><script>alert(1)</script>'),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
      Buffer.from('MZ\x90\x00\x03\x00\x00\x00'),
    ]) {
      const res = await submitWithFiles(me, [{ name: 'scan.pdf', bytes }]);
      expect(res.status).toBe(400);
      expect(res.json.errors[0].ru).toContain('только PDF, JPEG или PNG');
    }
    expect(await ctx.store.list()).toEqual(registeredBefore);
    const ok = await submitWithFiles(me, [
      { name: 'photo.png', bytes: PNG, type: 'image/png' },
      { name: 'scan.jpg', bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), type: 'image/jpeg' },
    ]);
    expect(ok.status).toBe(201);
    expect(
      await listAttachments(createAttachmentRepository(register.database), ok.json.applicationNumber),
    ).toHaveLength(2);
  });

  // ---- item 16: headers, sign-in ---------------------------------------------------------------

  test('pages and APIs carry CSP (scripts only from the app), no framing, nosniff and a referrer policy; pages run no inline script', async () => {
    const applicant = await ctx.as('applicant');
    for (const [url, cookie] of [
      ['/', ''],
      ['/portal', applicant.cookie],
      ['/api/applications', applicant.cookie],
    ]) {
      const res = await fetch(ctx.base + url, { headers: { cookie } });
      const csp = res.headers.get('content-security-policy') ?? '';
      expect([url, csp]).toEqual([url, expect.stringContaining("script-src 'self';")]);
      expect(csp).toContain("frame-ancestors 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      if (url !== '/api/applications') {
        const html = await res.text();
        const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
        expect(scripts.filter((attrs) => !/src=|type="application\/json"/.test(attrs))).toEqual([]);
      }
    }
  });

  test('a 100 kB sign-in name is refused with 400 naming the field, and opens no session', async () => {
    const form = await fetch(`${ctx.base}/`);
    const token = /name="_signin" value="([^"]+)"/.exec(await form.text())![1];
    const formCookie = form.headers.getSetCookie().map((c) => c.split(';')[0]);
    const res = await fetch(`${ctx.base}/signin`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: formCookie.join('; ') },
      body: new URLSearchParams({ _signin: token, bin: BIN, name: 'Ә'.repeat(100 * 1024) }).toString(),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('«Аты» өрісі тым ұзын');
    expect(res.headers.getSetCookie().some((c) => c.startsWith('kzp_session='))).toBe(false);
  });

  test('login CSRF: a sign-in posted from another site (no pre-session token, or another browser’s) opens no session', async () => {
    const victim = await fetch(`${ctx.base}/`);
    const victimCookie = victim.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const attacker = await fetch(`${ctx.base}/`);
    const attackerToken = /name="_signin" value="([^"]+)"/.exec(await attacker.text())![1];
    for (const [cookie, token] of [
      ['', attackerToken],
      [victimCookie, attackerToken],
      [victimCookie, ''],
    ]) {
      const res = await fetch(`${ctx.base}/signin`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body: new URLSearchParams({ _signin: token, bin: BIN }).toString(),
      });
      expect(res.status).toBe(403);
      expect(res.headers.getSetCookie().some((c) => c.startsWith('kzp_session='))).toBe(false);
    }
  });

  // ---- item 9: sessions expire in the browser too ----------------------------------------------

  test('the session cookie expires with the session (Max-Age of the absolute limit)', async () => {
    const staff = await signInStaff(ctx.base, 'operator');
    expect(staff.jar.lines.get('kzp_session')).toMatch(/Max-Age=36000/);
    const applicant = await ctx.as('applicant');
    expect(applicant.jar.lines.get('kzp_session')).toMatch(/Max-Age=36000/);
  });

  // ---- item 17: the deadline board -------------------------------------------------------------

  test('a deadline outside the calendar’s years marks that one application on the board; the others are shown', async () => {
    // Two security licences at the clerk's completeness check, whose term (deadlineCompleteness, set
    // by the process) is then changed in the engine: one ended yesterday, one lies in 2031, a year
    // the working-day calendar does not have. Numbers of their own: the file's register never issues them.
    const at = async (n: string, due: string) => {
      const { processInstanceKey } = await licenceAtCompletenessCheck(ctx.sys, n);
      await ctx.sys.client.createElementInstanceVariables({
        elementInstanceKey: ElementInstanceKey.assumeExists(processInstanceKey),
        variables: { deadlineCompleteness: due },
      });
    };
    await at('SEC-2026-000801', '2026-04-14T18:30:00+05:00');
    await at('SEC-2026-000802', '2031-04-15T18:30:00+05:00');
    const res = await client(ctx.base, await ctx.as('operator'))('GET', '/api/ops/deadlines');
    expect(res.status).toBe(200);
    expect(res.json.overdue.map((r: { applicationNumber: string }) => r.applicationNumber)).toEqual([
      'SEC-2026-000801',
    ]);
    expect(res.json.uncomputable).toEqual([
      expect.objectContaining({
        applicationNumber: 'SEC-2026-000802',
        step: 'Completeness',
        kk: 'Мерзімді есептеу мүмкін емес: 2031 жылдың күнтізбесі жоқ',
        ru: 'Срок невозможно рассчитать: нет календаря на 2031 год',
      }),
    ]);
  });

  // ---- item 18: validation gaps ----------------------------------------------------------------

  test('a message of kind __proto__, constructor or any kind not listed is refused and nothing is published', async () => {
    const me = client(ctx.base, await ctx.as('applicant'));
    const number = (await me('POST', '/api/applications', licenceApplication())).json.applicationNumber;
    for (const kind of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'complaint']) {
      const res = await me('POST', `/api/applications/${number}/messages`, { kind, text: 'Мәтін / Текст' });
      expect([kind, res.status]).toEqual([kind, 400]);
      expect(res.json.errors[0].path).toBe('kind');
    }
    // A raw JSON body whose own key is __proto__ is the same.
    const raw = await me(
      'POST',
      `/api/applications/${number}/messages`,
      '{"kind":"__proto__","text":"Мәтін"}',
      { 'content-type': 'application/json' },
    );
    expect(raw.status).toBe(400);
    expect(await published(number)).toEqual([]);
    // A listed kind reaches the engine: the probe above sees what is published.
    const listed = await me('POST', `/api/applications/${number}/messages`, {
      kind: 'hearing-position',
      text: 'Мәтін / Текст',
    });
    expect(listed.status).toBe(202);
    expect(await published(number)).toEqual(['applicant-position-submitted']);
  });

  test('NUL and right-to-left override characters are refused in names and texts, each field named', async () => {
    const me = client(ctx.base, await ctx.as('applicant'));
    const bad = firePermitApplication();
    bad.applicant.name = 'ТОО «Өрт\u0000 Автоматика»';
    bad.specialists[0].fullName = 'Ахметов \u202Eрияна\u202C Данияр';
    const res = await me('POST', '/api/applications', bad);
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toEqual([
      'applicant.name',
      'specialists[0].fullName',
    ]);
    expect(res.json.errors[0]).toMatchObject(bilingual);
    expect(await ctx.store.list()).toEqual(registeredBefore);

    const submitted = (await me('POST', '/api/applications', licenceApplication())).json;
    const number = submitted.applicationNumber;
    const text = await me('POST', `/api/applications/${number}/messages`, {
      kind: 'hearing-position',
      text: 'Алым төленді \u2067fdp.exe\u2069',
    });
    expect([text.status, text.json.errors[0].path]).toEqual([400, 'text']);
    const complaint = await me('POST', '/api/complaints', {
      applicationNumber: number,
      text: 'Жалоба\u0000 текст',
    });
    expect([complaint.status, complaint.json.errors[0].path]).toEqual([400, 'text']);
    const file = await submitWithFiles(await ctx.as('applicant'), [
      { name: 'scan\u202Efdp.exe', bytes: PDF },
    ]);
    expect(file.status).toBe(400);
    expect(await published(number)).toEqual([]);

    // What a clerk types into a task form is held to the same rule: the application's completeness
    // check, whose form (forms/completeness-check.form) has the textarea of the refusal's reason.
    const task = await waitForTask(ctx.sys.client, submitted.processInstanceKey, COMPLETENESS_CHECK);
    const clerk = client(ctx.base, await ctx.as('clerk', { unit: 'police' }));
    const done = await clerk('POST', `/api/tasks/${task.userTaskKey}/complete`, {
      variables: { incompletenessReason: 'Жоқ\u202E' },
    });
    expect([done.status, done.json.errors[0].path]).toEqual([400, 'incompletenessReason']);
    const after = await ctx.sys.client.getUserTask(
      { userTaskKey: UserTaskKey.assumeExists(String(task.userTaskKey)) },
      { consistency: { waitUpToMs: 0 } },
    );
    expect([after.state, after.assignee]).toEqual(['CREATED', undefined]);
  });

  test('a task role downloads only its own unit’s documents: a fire clerk cannot read a police application’s document', async () => {
    const fire = client(ctx.base, await ctx.as('clerk', { unit: 'fire' }));
    const police = client(ctx.base, await ctx.as('clerk', { unit: 'police' }));
    const operator = client(ctx.base, await ctx.as('operator'));
    expect((await fire('GET', '/api/documents/police-doc')).status).toBe(404);
    expect((await fire('GET', '/api/documents/fire-doc')).status).toBe(200);
    expect((await police('GET', '/api/documents/police-doc')).status).toBe(200);
    expect((await police('GET', '/api/documents/fire-doc')).status).toBe(404);
    expect((await operator('GET', '/api/documents/fire-doc')).status).toBe(200);
  });
});
