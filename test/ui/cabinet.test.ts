/**
 * The applicant's cabinet on the real system: embedded engine with the repository's diagrams, every
 * job worker, the state-system simulators (the personal cabinet the workers write to) and the web
 * app, the applicant signed in by BIN. Each rule of what an applicant may see, and when, is checked
 * through the web app's own API as the portal reads it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createDocumentService } from '../../adapters/documents';
import { createGatewayClients } from '../../adapters/gateway';
import { defaultLegalClock } from '../../domain/legal-clock';
import { createApplicationStore } from '../../intake/store';
import { fixtures } from '../../simulators';
import { createApp } from '../../ui/app';
import {
  applicantOf,
  type Company,
  COMPLETE,
  completeTask,
  groundsFound,
  hearingNotice,
  hearingRecord,
  holdHearingAt,
  MONDAY,
  NO_GROUNDS,
  sendHearingNotice,
  SIGNED_BY_POLICE_HEAD,
  testSystemAt,
  variablesOf,
  waitFor,
  waitForEnd,
  waitForTask,
} from '../support/process-fixtures';
import { signInApplicant } from '../support/staff-sign-in';
import { client } from './support/requests';

jest.setTimeout(120_000);

const HEARING_AT = '2026-03-11T11:00:00+05:00';
const NOTICE = hearingNotice(
  HEARING_AT,
  'video',
  'Астана қ., Полиция департаменті, 214 кабинет',
  'Лицензия беруден бас тарту туралы алдын ала шешім: өтініш берушінің ұстанымын тыңдау қажет.',
);

function licenceApplication(number: string, company: Company) {
  return {
    applicationNumber: number,
    serviceId: 'security-licence',
    requestKind: 'issue',
    subType: 1,
    applicant: applicantOf(company, 'Астана, Есіл ауданы, Қабанбай батыр даңғылы, 11'),
    consentToRestrictedData: true,
    attachments: [{ kind: 'application-form', fileName: 'otinish.pdf' }],
  };
}

describe("the applicant's cabinet on the real system", () => {
  const sys = testSystemAt(MONDAY);
  let server: Server;
  let base: string;
  let attachmentsDir: string;

  beforeAll(async () => {
    attachmentsDir = mkdtempSync(path.join(os.tmpdir(), 'cabinet-attachments-'));
    const app = createApp({
      camunda: sys.client as never,
      store: createApplicationStore(':memory:'),
      legalClock: defaultLegalClock,
      clock: sys.clock,
      sessionSecret: 'cabinet-test-secret-cabinet-test-secret-00',
      repoDir: process.cwd(),
      attachmentsDir,
      documents: createDocumentService({ dir: sys.documentsDir, clock: sys.clock }),
      cabinetMessages: createGatewayClients({ baseUrl: sys.simulatorsUrl, retries: 0 }).cabinet.messages,
    });
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    rmSync(attachmentsDir, { recursive: true, force: true });
  });

  const as = async (company: Company) => client(base, await signInApplicant(base, company.bin));

  /** Submits through the portal's API; the register issues the number. */
  async function submit(company: Company) {
    const me = await as(company);
    const res = await me('POST', '/api/applications', licenceApplication('', company));
    expect(res.status).toBe(201);
    return { me, key: String(res.json.processInstanceKey), number: String(res.json.applicationNumber) };
  }

  async function view(me: Awaited<ReturnType<typeof as>>, number: string) {
    const res = await me('GET', `/api/applications/${number}`);
    expect(res.status).toBe(200);
    return res.json;
  }

  test('Order 923 §8 (APPC art. 73): the draft refusal is invisible while the head decides, and visible with its grounds once signed; another applicant is refused it', async () => {
    const company = fixtures.licence.shortFee;
    const { me, key, number } = await submit(company);
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    await completeTask(sys.client, key, 'Task_StudyCompliance', NO_GROUNDS);

    // While the clerk prepares the preliminary decision, the applicant is told nothing of a refusal.
    await waitForTask(sys.client, key, 'Task_PreparePreliminaryDecision');
    let v = await view(me, number);
    expect(v.hearing).toBeUndefined();
    expect(v.outcome).toBeUndefined();
    expect(v.documents).toEqual([]);
    expect(v.history.map((h: any) => h.code)).not.toContain('Task_DeliverPreliminaryDecision');
    expect(JSON.stringify(v)).not.toMatch(/Заслушивание|отказ/i);

    // Once the notice is sent: the hearing with its time, the preliminary grounds and the notice, dated.
    await sendHearingNotice(sys, key, NOTICE);
    v = await view(me, number);
    expect(v.hearing).toMatchObject({ at: HEARING_AT, open: true });
    expect(v.hearing.grounds.map((g: any) => g.ru).join(' ')).toMatch(/сбор/i);
    expect(v.notices.map((n: any) => n.kind)).toEqual(
      expect.arrayContaining(['preliminary-decision', 'hearing-notice']),
    );
    for (const n of v.notices) expect(Number.isNaN(Date.parse(n.at))).toBe(false);
    const hearingNote = v.notices.find((n: any) => n.kind === 'hearing-notice');
    expect(hearingNote.title.ru).toBe('Уведомление о заслушивании');
    expect(hearingNote.body.ru.startsWith(`По заявлению № ${number}`)).toBe(true);
    expect(hearingNote.body.kk).not.toMatch(/По заявлению/);
    expect(v.documents.map((d: any) => [d.kind, d.lang])).toEqual([
      ['preliminary-decision', 'kk'],
      ['preliminary-decision', 'ru'],
    ]);
    expect(v.history.map((h: any) => h.code)).toContain('Task_DeliverPreliminaryDecision');

    // The applicant answers; the hearing confirms the refusal; the head has the draft refusal to sign.
    const position = await me('POST', `/api/applications/${number}/messages`, {
      kind: 'hearing-position',
      text: 'Алым 2025 жылғы мөлшерлеме бойынша төленді.',
    });
    expect(position.status).toBe(202);
    await holdHearingAt(sys, key, HEARING_AT);
    await completeTask(
      sys.client,
      key,
      'Task_RecordHearing',
      hearingRecord('refusal-confirmed', 'Алым толық төленбеген.', 'Бас тарту негізі сақталады.'),
    );
    const signTask = await waitForTask(sys.client, key, 'Task_SignResult');
    const draft = (await variablesOf(sys.client, signTask.processInstanceKey)).resultDocument;
    expect(draft.kind).toBe('refusal');
    v = await view(me, number);
    expect(v.outcome).toBeUndefined();
    expect(v.documents.map((d: any) => d.kind)).not.toContain('refusal');
    expect(JSON.stringify(v)).not.toContain(draft.documentId);
    expect((await me('GET', `/api/documents/${draft.documentId}`)).status).toBe(404);
    expect((await me('GET', `/api/documents/${draft.documents[1].documentId}`)).status).toBe(404);

    // The head signs: the refusal is the outcome, in plain words with its number, date and grounds.
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_POLICE_HEAD);
    await waitForEnd(sys.client, key);
    v = await view(me, number);
    expect(v.state).toBe('completed');
    expect(v.outcome).toMatchObject({
      kind: 'refusal',
      text: { ru: 'В оказании государственной услуги отказано' },
      number: expect.stringMatching(new RegExp(`^${number}-REF-`)),
      date: expect.stringMatching(/^\d{2}\.\d{2}\.2026$/),
    });
    expect(v.outcome.grounds.map((g: any) => g.ru).join(' ')).toMatch(/сбор/i);
    expect(v.stage.ru).toBe('В оказании государственной услуги отказано');
    const refusal = v.outcome.documents.find((d: any) => d.lang === 'ru');
    const download = await me('GET', `/api/documents/${refusal.documentId}?download=1`);
    expect(download.status).toBe(200);
    expect(v.notices.map((n: any) => n.kind)).toEqual(
      expect.arrayContaining(['refusal', 'result-delivered']),
    );

    // Another applicant sees neither the application nor its documents.
    const other = await as(fixtures.licence.approved);
    expect((await other('GET', `/api/applications/${number}`)).status).toBe(404);
    expect((await other('GET', `/api/documents/${refusal.documentId}`)).status).toBe(404);

    // A complaint, and its answer with the document, once the head has answered it (5 WD).
    const complaint = await me('POST', '/api/complaints', {
      applicationNumber: number,
      text: 'Алым толық төленген, түбіртек бар; бас тартумен келіспеймін.',
    });
    expect(complaint.status).toBe(202);
    await waitFor('the complaint to be shown as under review', async () => {
      const c = (await view(me, number)).complaints;
      return c.length === 1 && c[0].state === 'reviewing' && c[0].dueAt ? c : undefined;
    });
    const review = await waitFor('the complaint review task', async () => {
      const page = await sys.client.searchUserTasks(
        { filter: { state: 'CREATED', elementId: 'Task_ReviewComplaint' }, page: { limit: 100 } } as any,
        { consistency: { waitUpToMs: 0 } } as any,
      );
      return (page.items as any[])[0];
    });
    await sys.client.completeUserTask({
      userTaskKey: review.userTaskKey,
      variables: { complaintUpheld: false, complaintAnswer: 'Алым толық төленбеген; шешім өзгеріссіз.' },
    } as any);
    const answered = await waitFor('the complaint answer in the cabinet', async () => {
      const c = (await view(me, number)).complaints[0];
      return c?.state === 'answered' ? c : undefined;
    });
    expect(answered.answer).toMatchObject({
      upheld: false,
      text: 'Алым толық төленбеген; шешім өзгеріссіз.',
    });
    expect(answered.answer.documents.map((d: any) => d.kind)).toEqual([
      'complaint-answer',
      'complaint-answer',
    ]);
  });

  test('Order 923 §8: a licence issued after the hearing shows the licence, not the preliminary grounds, which stay only as the notice received', async () => {
    const company = fixtures.licence.approved;
    const { me, key, number } = await submit(company);
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    await completeTask(
      sys.client,
      key,
      'Task_StudyCompliance',
      groundsFound(['B01_UNRELIABLE_DATA'], 'Мәліметтер тексерілуде'),
    );
    await waitForTask(sys.client, key, 'Task_PreparePreliminaryDecision');
    await sendHearingNotice(sys, key, NOTICE);
    expect((await view(me, number)).hearing.grounds).toHaveLength(1);
    await holdHearingAt(sys, key, HEARING_AT);
    await completeTask(
      sys.client,
      key,
      'Task_RecordHearing',
      hearingRecord('position-accepted', 'Мәліметтер расталды.', 'Негіз жойылды.'),
    );
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_POLICE_HEAD);
    await waitForEnd(sys.client, key);

    const v = await view(me, number);
    expect(v.outcome).toMatchObject({ kind: 'licence', text: { ru: 'Лицензия выдана' }, grounds: [] });
    expect(v.outcome.number).toBeTruthy();
    expect(v.hearing).toMatchObject({ open: false, grounds: [] });
    expect(JSON.stringify(v)).not.toMatch(/недостоверн/i);
    // The notice he received is still there, with its document.
    expect(v.notices.map((n: any) => n.kind)).toEqual(
      expect.arrayContaining(['preliminary-decision', 'hearing-notice', 'licence', 'result-delivered']),
    );
    expect(v.history.map((h: any) => h.code)).toEqual(
      expect.arrayContaining([
        'Task_ReportRegistered',
        'Task_ReportCompletenessStage',
        'Task_ReportStudyStage',
        'Task_DeliverPreliminaryDecision',
        'Task_ReportHearingHeld',
        'Task_ReportResultForming',
        'Task_ReportResultDelivered',
      ]),
    );
    for (const h of v.history) {
      expect(h.text.kk).toBeTruthy();
      expect(h.text.ru).not.toMatch(/[A-Za-z]/);
    }
  });

  test('Order 923 licence rules, List row 8 last indent: the request for a missing diploma is shown with its due time, and the copy uploaded from the cabinet moves the application on', async () => {
    const company = fixtures.licence.educationMissing;
    const { me, key, number } = await submit(company);
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    const requested = await waitFor('the request in the cabinet', async () => {
      const v = await view(me, number);
      return v.request && v.notices.some((n: any) => n.kind === 'missing-documents-request') ? v : undefined;
    });
    expect(requested.request).toMatchObject({
      open: true,
      dueAt: '2026-03-05T18:30:00+05:00',
      items: [
        {
          kk: 'басшының білімі туралы дипломның электрондық көшірмесі',
          ru: 'электронная копия диплома об образовании руководителя',
        },
      ],
    });
    expect(requested.request.documents.map((d: any) => d.kind)).toEqual([
      'missing-documents-request',
      'missing-documents-request',
    ]);
    const note = requested.notices.find((n: any) => n.kind === 'missing-documents-request');
    expect(note.body.ru).toMatch(/^Сведения не получены/);
    expect(note.body.kk).not.toMatch(/Сведения/);

    // The applicant uploads the copy: multipart, as the portal sends it.
    const form = new FormData();
    form.set(
      'message',
      JSON.stringify({ kind: 'missing-documents', text: 'Диплом көшірмесі қоса беріледі' }),
    );
    form.append('files', new Blob([Buffer.from('%PDF-1.4\n%synthetic diploma\n')]), 'diplom.pdf');
    const creds = await signInApplicant(base, company.bin);
    const sent = await fetch(`${base}/api/applications/${number}/messages`, {
      method: 'POST',
      headers: { cookie: creds.cookie, 'x-csrf-token': creds.csrf },
      body: form,
    });
    expect(sent.status).toBe(202);

    await waitForTask(sys.client, key, 'Task_ReviewMissingDocuments');
    expect((await variablesOf(sys.client, key)).submittedDocuments).toEqual([
      { kind: 'missing-document', fileName: 'diplom.pdf' },
    ]);
    // The copy is kept in the attachments' object store, under a key of its own.
    const kept = (readdirSync(attachmentsDir, { recursive: true }) as string[])
      .map((f) => path.join(attachmentsDir, f))
      .filter((f) => statSync(f).isFile())
      .map((f) => readFileSync(f, 'utf8'));
    expect(kept).toContain('%PDF-1.4\n%synthetic diploma\n');
    expect((await me('GET', `/api/applications/${number}/attachments`)).json).toMatchObject({
      items: [expect.objectContaining({ fileName: 'diplom.pdf' })],
    });
    const answered = await view(me, number);
    expect(answered.request).toMatchObject({ open: false, closed: false });
    expect(Number.isNaN(Date.parse(answered.request.answeredAt))).toBe(false);
    expect(answered.history.map((h: any) => h.code)).toEqual(
      expect.arrayContaining(['Task_RequestMissingDocuments', 'Event_MissingDocumentsSubmitted']),
    );
  });
});
