/**
 * Replicas on one PostgreSQL, as production runs them: a real PostgreSQL 15 server migrated by
 * `scripts/db-migrate.ts` (the db-migrate job), one embedded engine process, two web-app processes
 * and two worker processes, each a child process started the way `npm run ui` / `npm run workers`
 * start them, all on the same DATABASE_URL and the same object storage (a local S3 server). What is
 * written through one replica is seen through the other: an application, a calendar revision and an
 * uploaded document.
 *
 * Each web app starts its own embedded identity provider (OIDC_EMBEDDED_PORT=0): the embedded
 * provider registers only its own web app's redirect address, so the second web app cannot sign
 * staff in at the first's. Only the first web app's operator signs in here; the applicant's session
 * (in the database, one UI_SESSION_SECRET) is the same on both.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DateTime } from 'luxon';
import { makeBin, makeIin } from '../../domain/identifiers';
import { startSimulators } from '../../simulators';
import { postgresInstalled, startPostgres, type TestPostgres } from '../support/postgres';
import { startLocalS3, type LocalS3 } from '../support/s3';
import { signInApplicant, signInStaff, type Credentials } from '../support/staff-sign-in';
import { spawnService, stopService, waitForOutput, type Service } from './support';

const ROOT = path.resolve(__dirname, '../..');
const TOKEN = 'replicas-engine-token-0123456789abcdef';
const BIN = makeBin('2018-11', 'resident-legal-entity', 6203);
const PDF = Buffer.from('%PDF-1.7\n%synthetic attachment of a replicas test\n%%EOF\n');
const run = promisify(execFile);

function application() {
  return {
    serviceId: 'security-licence',
    applicationNumber: '',
    requestKind: 'issue',
    subType: 2,
    applicant: {
      bin: BIN,
      name: 'ТОО «Сенім Қорғау»',
      headFullName: 'Омаров Дәулет Серікұлы',
      headIin: makeIin('1979-03-14', 'male', 512),
      location: 'Астана, ул. Сығанақ, 20',
    },
    consentToRestrictedData: true,
    attachments: [{ kind: 'application-form', fileName: 'otinish.pdf' }],
  };
}

(postgresInstalled ? describe : describe.skip)('two web apps and two workers on one PostgreSQL', () => {
  let dir: string;
  let pg: TestPostgres;
  let s3: LocalS3;
  let simulators: Awaited<ReturnType<typeof startSimulators>>;
  const services: Service[] = [];
  let engineUrl: string;
  let web1: string;
  let web2: string;
  let workers: [Service, Service];
  let applicant: Credentials;
  let first: { applicationNumber: string };

  function start(name: string, script: string, env: NodeJS.ProcessEnv, args: string[] = []): Service {
    const service = spawnService(name, ['--import', 'tsx', script, ...args], { cwd: ROOT, env });
    services.push(service);
    return service;
  }

  const engine = async (route: string, body: unknown): Promise<any> => {
    const res = await fetch(`${engineUrl}/v2${route}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status !== 200) throw new Error(`engine ${route}: ${res.status} ${await res.text()}`);
    return res.json();
  };

  /** The deadlines the compute-deadlines worker wrote for an application, once it has. */
  async function deadlinesOf(number: string): Promise<Record<string, string>> {
    const until = Date.now() + 30_000;
    for (;;) {
      const instances = await engine('/process-instances/search', {
        filter: { variables: [{ name: 'applicationNumber', value: JSON.stringify(number) }] },
      });
      const key = instances.items.find((i: any) => !i.parentProcessInstanceKey)?.processInstanceKey;
      if (key) {
        const vars = await engine('/variables/search', { filter: { processInstanceKey: key } });
        const values = Object.fromEntries(
          (vars.items as { name: string; value: string }[]).map((v) => [v.name, JSON.parse(v.value)]),
        );
        if (values.deadlinesComputedAt)
          return Object.fromEntries(
            Object.entries(values).filter(([k, v]) => /^deadline[A-Z]/.test(k) && typeof v === 'string'),
          ) as Record<string, string>;
      }
      if (Date.now() > until) {
        const incidents = await engine('/incidents/search', { filter: { processInstanceKey: key } });
        throw new Error(`no deadlines computed for ${number}: ${JSON.stringify(incidents.items)}`);
      }
      await new Promise((r) => setTimeout(r, 300));
    }
  }

  async function submit(base: string, files: { name: string; bytes: Buffer }[] = []) {
    const form = new FormData();
    form.set('application', JSON.stringify(application()));
    for (const f of files)
      form.append('files', new Blob([new Uint8Array(f.bytes)], { type: 'application/pdf' }), f.name);
    const res = await fetch(`${base}/api/applications`, {
      method: 'POST',
      headers: {
        'x-requested-with': 'fetch',
        cookie: applicant.cookie,
        'x-csrf-token': applicant.csrf,
        'idempotency-key': randomUUID(),
      },
      body: form,
    });
    const text = await res.text();
    if (res.status !== 201 && res.status !== 200) throw new Error(`submission: ${res.status} ${text}`);
    return JSON.parse(text) as { applicationNumber: string };
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reliability-replicas-'));
    [pg, s3, simulators] = await Promise.all([startPostgres(), startLocalS3(), startSimulators({ port: 0 })]);
    const base: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'error', DATABASE_URL: pg.url };
    // The db-migrate job, before the services: they refuse an unmigrated database.
    await run(process.execPath, ['--import', 'tsx', 'scripts/db-migrate.ts'], { cwd: ROOT, env: base });

    const engineProcess = start('engine', 'engine/start.ts', {
      ...base,
      ENGINE_PORT: '0',
      ENGINE_TOKEN: TOKEN,
      ENGINE_DATA_DIR: path.join(dir, 'engine'),
    });
    engineUrl = (await waitForOutput(engineProcess, /REST API at (http:\/\/\S+)\/v2/))[1];
    const client = {
      ZEEBE_REST_ADDRESS: engineUrl,
      CAMUNDA_AUTH_STRATEGY: 'BASIC',
      CAMUNDA_BASIC_AUTH_USERNAME: 'engine',
      CAMUNDA_BASIC_AUTH_PASSWORD: TOKEN,
    };
    await run(process.execPath, ['--import', 'tsx', 'deploy/deploy.ts', '--address', engineUrl], {
      cwd: ROOT,
      env: { ...base, ...client },
      maxBuffer: 16 * 1024 * 1024,
    });

    const shared = {
      ...base,
      ...client,
      ...s3.env,
      GATEWAY_BASE_URL: simulators.url,
      UI_SESSION_SECRET: 'replicas-session-secret-0123456789abcdef',
      INBOUND_TOKEN: 'replicas-inbound-token-0123456789',
    };
    const replica = (n: number): NodeJS.ProcessEnv => ({
      ...shared,
      UI_PORT: '0',
      OIDC_EMBEDDED_PORT: '0',
      // Each process's own scratch folder: what they share is the database and the object storage.
      UI_DATA_DIR: path.join(dir, `ui-${n}`),
      DOCUMENTS_DIR: path.join(dir, `documents-${n}`),
    });
    // At info, the workers say when they are ready.
    workers = [
      start('workers-1', 'workers/start.ts', { ...replica(1), LOG_LEVEL: 'info' }),
      start('workers-2', 'workers/start.ts', { ...replica(2), LOG_LEVEL: 'info' }),
    ];
    const ui = [start('ui-1', 'ui/start.ts', replica(1)), start('ui-2', 'ui/start.ts', replica(2))];
    [web1, web2] = await Promise.all(
      ui.map(async (s) => (await waitForOutput(s, /ui ready at (http:\/\/\S+)/, 90_000))[1]),
    );
    await Promise.all(workers.map((w) => waitForOutput(w, /workers ready: \d+ job types/)));
    applicant = await signInApplicant(web1, BIN);
  }, 180_000);

  afterAll(async () => {
    for (const s of services.reverse()) await stopService(s);
    await simulators?.close();
    await s3?.stop();
    await pg?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  test('given an application with a PDF submitted through web app 1, when the applicant opens the cabinet on web app 2, then the application and its status are there', async () => {
    first = await submit(web1, [{ name: 'otinish.pdf', bytes: PDF }]);
    const list = await fetch(`${web2}/api/applications`, {
      headers: { 'x-requested-with': 'fetch', cookie: applicant.cookie },
    });
    expect(list.status).toBe(200);
    const items = ((await list.json()) as { items: { applicationNumber: string }[] }).items;
    expect(items.map((i) => i.applicationNumber)).toContain(first.applicationNumber);
    const one = await fetch(`${web2}/api/applications/${first.applicationNumber}`, {
      headers: { 'x-requested-with': 'fetch', cookie: applicant.cookie },
    });
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ applicationNumber: first.applicationNumber });
  });

  test('given that PDF uploaded through web app 1, when the applicant downloads it through web app 2, then the bytes are the same', async () => {
    const headers = { 'x-requested-with': 'fetch', cookie: applicant.cookie };
    const list = await fetch(`${web2}/api/applications/${first.applicationNumber}/attachments`, { headers });
    expect(list.status).toBe(200);
    const items = ((await list.json()) as { items: { id: string; fileName: string }[] }).items;
    expect(items.map((i) => i.fileName)).toEqual(['otinish.pdf']);
    const file = await fetch(
      `${web2}/api/applications/${first.applicationNumber}/attachments/${encodeURIComponent(items[0].id)}`,
      { headers },
    );
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
  });

  test('given a calendar revision recorded by the operator through web app 1, when an application is started, then its deadlines are computed on the revised calendar by whichever of the two worker processes takes the job', async () => {
    const before = await deadlinesOf(first.applicationNumber);
    expect(Object.keys(before).length).toBeGreaterThan(0);
    // The first working day after tomorrow (Almaty) becomes a day off: every term running across it
    // ends one working day later.
    const today = DateTime.now().setZone('Asia/Almaty').startOf('day');
    let day = today.plus({ days: 2 });
    while (day.weekday > 5) day = day.plus({ days: 1 });

    const op = await signInStaff(web1, 'operator');
    const revised = await fetch(`${web1}/api/ops/calendar/revisions`, {
      method: 'POST',
      headers: {
        'x-requested-with': 'fetch',
        'content-type': 'application/json',
        cookie: op.cookie,
        'x-csrf-token': op.csrf,
      },
      body: JSON.stringify({
        id: `ПП-${day.toFormat('yyyy-MM-dd')}`,
        effectiveFrom: today.toISODate(),
        act: 'Постановление Правительства Республики Казахстан № 900 «О переносе выходных дней»',
        paragraph: 'пункт 1',
        actDate: today.toISODate(),
        changes: [{ date: day.toISODate(), kind: 'transferred-day-off', name: 'Перенос' }],
      }),
    });
    expect({ status: revised.status, body: await revised.text() }).toMatchObject({ status: 201 });

    const second = await submit(web1);
    const after = await deadlinesOf(second.applicationNumber);
    // The terms both applications have by now (the first may have gone further and set more).
    const common = Object.keys(before).filter((k) => k in after);
    expect(common).toEqual(expect.arrayContaining(['deadlineTotal', 'deadlineCompleteness']));
    // Every deadline after the revised day moves later; none moves earlier.
    const moved = common.filter((k) => Date.parse(after[k]) > Date.parse(before[k]));
    for (const k of common)
      expect({ k, later: Date.parse(after[k]) >= Date.parse(before[k]) }).toEqual({ k, later: true });
    expect(moved.length).toBeGreaterThan(0);
    // Both worker processes compete for the job: neither opened the revision in memory, each reads
    // it from the database per job.
    for (const w of workers)
      expect({ worker: w.name, exit: w.child.exitCode }).toEqual({ worker: w.name, exit: null });
  });
});
