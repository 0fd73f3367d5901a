/**
 * The head's signature of the result over HTTP (Law on e-documents and EDS art. 7: the result exists
 * as an e-document signed with the official's EDS) and the public verification page. The signature
 * task cannot complete with "approve" before the assigned head's signature verified; a tampered
 * copy and an unknown number are told apart from a genuine document, in Kazakh and Russian.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../../domain/clock';
import { createDocumentService } from '../../adapters/documents';
import { createRequestSignatureLog } from '../../adapters/eds/request-signatures';
import { createSignedDocumentStore } from '../../adapters/eds/signed-documents';
import { createAuditTrail } from '../../adapters/db/audit';
import { openAppDatabase } from '../../adapters/db/connect';
import { sql } from 'kysely';
import { signCms } from '../../simulators/ncalayer/cms';
import { STAFF_SIGNERS } from '../../simulators/ncalayer/holders';
import { createTestPki, type TestPki } from '../../simulators/ncalayer/pki';
import { FACTS } from '../unit/documents/fixtures';
import { ProcessDefinitionId, UserTaskKey } from '@camunda8/orchestration-cluster-api';
import { SIGNED_BY_POLICE_HEAD } from '../support/process-fixtures';
import { variablesOf, waitForTask } from '../support/system-harness';
import { client, sharedSystem, startApp } from './support/harness';

const HEAD = STAFF_SIGNERS.find((s) => s.userId === 'police.head')!;
const MIA_HEAD = STAFF_SIGNERS.find((s) => s.userId === 'mia.head')!;
let pki: TestPki;
let dir: string;

beforeAll(async () => {
  pki = await createTestPki([HEAD, MIA_HEAD]);
});
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'eds-result-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A refusal of a security licence handed to the real deliver-result process (as its call activity
 * would): the workers form the result in Kazakh and Russian and the head's Task_SignResult opens.
 * The web app reads the documents the workers stored.
 */
let deliveries = 0;
async function setup() {
  const sys = await sharedSystem();
  const documents = createDocumentService({ dir: sys.documentsDir, clock: systemClock });
  const database = openAppDatabase({ dialect: 'sqlite', file: path.join(dir, 'app.sqlite') });
  const audit = createAuditTrail(database);
  const started = await startApp({
    clock: systemClock,
    documents,
    audit,
    eds: {
      trust: { roots: [pki.root], intermediates: [], crls: [pki.crl] },
      ncalayerUrl: 'ws://127.0.0.1:1',
      signed: createSignedDocumentStore(
        path.join(dir, 'documents', 'signed'),
        undefined,
        // The web app's database: the signed results are its rows.
        database,
      ),
      requestSignatures: createRequestSignatureLog(),
      staffIin: (s) => STAFF_SIGNERS.find((x) => x.userId === s.userId)?.iin,
    },
  });
  const created = await sys.client.createProcessInstance({
    processDefinitionId: ProcessDefinitionId.assumeExists('deliver-result'),
    variables: {
      ...FACTS.refusal,
      applicationNumber: `SEC-2026-0009${String(deliveries++).padStart(2, '0')}`,
      resultKind: 'refusal',
      signerGroup: 'police-head',
      headGroup: 'police-head',
      deadlineDelivery: '2026-04-20T18:30:00+05:00',
    },
  });
  const processInstanceKey = String(created.processInstanceKey);
  const task = await waitForTask(sys.client, processInstanceKey, 'Task_SignResult');
  const result = (await variablesOf(sys.client, processInstanceKey)).resultDocument as {
    number: string;
    documents: { lang: string; documentId: string }[];
  };
  const stored = result.documents.map((d) => ({ documentId: d.documentId, number: result.number }));
  const ctx = { ...started, close: () => started.close().then(() => database.close()) };
  return { ctx, stored, audit, database, taskKey: String(task.userTaskKey) };
}

async function headSigns(call: ReturnType<typeof client>, taskKey: string, alias = 'police-head') {
  const prepared = await call('POST', `/api/eds/tasks/${taskKey}/prepare`, {
    certificatePem: pki.find(alias, 'sign')!.certificate.toString('pem'),
  });
  if (prepared.status !== 200) return prepared;
  const signatures = await Promise.all(
    prepared.json.documents.map(async (d: { data: string }) =>
      (await signCms(pki.find(alias, 'sign')!, Buffer.from(d.data, 'base64'), { attached: false })).toString(
        'base64',
      ),
    ),
  );
  return call('POST', `/api/eds/tasks/${taskKey}/sign`, { signatures });
}

test('an approved result completes only after the head’s EDS signature verified; then it is genuine on the public page', async () => {
  const { ctx, stored, audit, database, taskKey } = await setup();
  try {
    const head = client(ctx.base, await ctx.as('head', { unit: 'police' }));
    const early = await head('POST', `/api/tasks/${taskKey}/complete`, {
      variables: SIGNED_BY_POLICE_HEAD,
    });
    expect(early.status).toBe(409);
    expect(early.json.error.kk).toMatch(/ЭЦҚ/);
    expect(early.json.error.ru).toMatch(/ЭЦП/);
    expect(
      (
        await ctx.camunda.getUserTask(
          { userTaskKey: UserTaskKey.assumeExists(taskKey) },
          { consistency: { waitUpToMs: 0 } },
        )
      ).state,
    ).toBe('CREATED');

    const signed = await headSigns(head, taskKey);
    expect(signed.status).toBe(200);
    expect(signed.json.signed).toHaveLength(2);
    const done = await head('POST', `/api/tasks/${taskKey}/complete`, { variables: SIGNED_BY_POLICE_HEAD });
    expect(done.status).toBe(200);
    // The audit trail holds the signature (both documents) and the decision, by the head.
    const trail = (await audit.list()).reverse();
    expect(trail.map((e) => [e.action, e.userId, e.taskKey])).toEqual([
      ['signature', 'police.head', taskKey],
      ['decision', 'police.head', taskKey],
    ]);
    expect(trail[0].detail.documents).toEqual(stored.map((d) => d.documentId));
    expect(trail[1].detail).toMatchObject({ elementId: 'Task_SignResult', decision: 'approve' });

    // The document served to everyone is now the signed one.
    const served = await fetch(`${ctx.base}/api/documents/${stored[0].documentId}`, {
      headers: { cookie: (await ctx.as('clerk', { unit: 'police' })).cookie },
    });
    const bytes = Buffer.from(await served.arrayBuffer());
    expect(bytes.includes(Buffer.from('/ByteRange'))).toBe(true);

    // Anyone (no session) checks it by number, and uploads the file to check it is unaltered
    // (the public page's API, ui/client/components/verify-page.ts).
    const page = await fetch(`${ctx.base}/api/verify?number=${encodeURIComponent(stored[0].number)}`);
    const found = await page.json();
    expect(page.status).toBe(200);
    expect(found.genuine).toBe(true);
    expect(JSON.stringify(found.documents)).toContain(HEAD.surname);
    const upload = async (pdf: Buffer) => {
      const form = new FormData();
      form.set('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'x.pdf');
      const res = await fetch(`${ctx.base}/api/verify/upload`, { method: 'POST', body: form });
      return { status: res.status, json: await res.json() };
    };
    const same = await upload(bytes);
    expect(same.status).toBe(200);
    expect(same.json.genuine).toBe(true);
    const tampered = Buffer.from(bytes);
    tampered[Math.floor(tampered.length / 2)] ^= 1;
    const altered = await upload(tampered);
    expect(altered.status).toBe(422);
    expect(altered.json.genuine).toBe(false);
    expect(altered.json.message.kk).toContain('өзгертілген'); // kk: "altered"

    // A signed document is immutable: signing it again is refused.
    const again = await head('POST', `/api/eds/tasks/${taskKey}/prepare`, {
      certificatePem: pki.find('police-head', 'sign')!.certificate.toString('pem'),
    });
    expect(again.status).toBe(409);

    // Every download from the public page is in the audit trail: the visitor has no session, so
    // the trail holds their address, the document and when.
    const visitorPdf = await fetch(`${ctx.base}/verify/${encodeURIComponent(stored[0].documentId)}/pdf`);
    expect(visitorPdf.status).toBe(200);
    expect(Buffer.from(await visitorPdf.arrayBuffer()).equals(bytes)).toBe(true);
    const downloads = await audit.list({ action: 'document.download' });
    expect(downloads).toEqual([
      expect.objectContaining({
        userId: 'public',
        role: 'public',
        documentId: stored[0].documentId,
        ip: expect.stringMatching(/127\.0\.0\.1/),
        detail: expect.objectContaining({ page: 'verify' }),
      }),
    ]);
    // Nothing is served without its trace: a trail that cannot be written answers 503, no file.
    const k = await database.ready();
    await sql`ALTER TABLE audit_events RENAME TO audit_events_away`.execute(k);
    try {
      const untraced = await fetch(`${ctx.base}/verify/${encodeURIComponent(stored[0].documentId)}/pdf`);
      expect(untraced.status).toBe(503);
      expect(untraced.headers.get('content-type')).not.toMatch(/pdf/);
      expect(await untraced.text()).toContain('Сервис временно недоступен');
    } finally {
      await sql`ALTER TABLE audit_events_away RENAME TO audit_events`.execute(k);
    }
  } finally {
    await ctx.close();
  }
});

test('another official’s key is refused for the assigned head’s result and nothing is signed', async () => {
  const { ctx, taskKey } = await setup();
  try {
    const head = client(ctx.base, await ctx.as('head', { unit: 'police' }));
    const res = await headSigns(head, taskKey, 'mia-head');
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('EDS_WRONG_PERSON');
    const still = await head('POST', `/api/tasks/${taskKey}/complete`, {
      variables: SIGNED_BY_POLICE_HEAD,
    });
    expect(still.status).toBe(409);
  } finally {
    await ctx.close();
  }
});

test('an unknown document number is reported as not found, in the visitor’s language', async () => {
  const { ctx } = await setup();
  try {
    const res = await fetch(`${ctx.base}/api/verify?number=NOPE-01-kk`, {
      headers: { cookie: 'kzp_lang=ru' },
    });
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body.genuine).toBe(false);
    expect(body.message.ru).toContain('Подписанный документ с таким номером не найден');
  } finally {
    await ctx.close();
  }
});
