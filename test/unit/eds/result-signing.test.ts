/**
 * Signed results (Law on e-documents and EDS art. 7: a permit, a licence or a refusal exists as an
 * e-document signed with the official's EDS; art. 10: the signature is verified with a valid
 * certificate). The head's key signs the PDF; the server verifies before storing; a signed document
 * is immutable; the embedded signature is found again in the stored file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixedClock } from '../../../domain/clock';
import { createDocumentService } from '../../../adapters/documents';
import { extractPades } from '../../../adapters/eds/pades';
import { createResultSigning } from '../../../adapters/eds/result-signing';
import { createSignedDocumentStore } from '../../../adapters/eds/signed-documents';
import { openAppDatabase } from '../../../adapters/db/connect';
import { EdsError, verifyCms, type TrustStore } from '../../../adapters/eds/verify';
import { signCms } from '../../../simulators/ncalayer/cms';
import { APPLICANTS, BAD_CERTIFICATES, STAFF_SIGNERS } from '../../../simulators/ncalayer/holders';
import { createTestPki, type TestPki } from '../../../simulators/ncalayer/pki';
import { FACTS } from '../documents/fixtures';

const HEAD = STAFF_SIGNERS[1]; // police-head signs service B's results
let pki: TestPki;
let trust: TrustStore;
let dir: string;

beforeAll(async () => {
  pki = await createTestPki([HEAD, APPLICANTS[0], ...BAD_CERTIFICATES]);
  trust = { roots: [pki.root], intermediates: [], crls: [pki.crl] };
});
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'eds-sign-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function setup() {
  const clock = fixedClock(new Date());
  const documents = createDocumentService({ dir, clock });
  const stored = await documents.generate('refusal', FACTS.refusal, ['kk', 'ru']);
  const signed = createSignedDocumentStore(path.join(dir, 'signed'));
  const signing = createResultSigning({ documents, signed, trust, clock });
  const variables = {
    ...FACTS.refusal,
    resultDocument: { documents: stored.map((d) => ({ lang: d.lang, documentId: d.documentId })) },
  } as Record<string, unknown>;
  return { stored, signed, signing, variables };
}

const cert = (alias: string, type: 'auth' | 'sign' = 'sign') => pki.find(alias, type)!;

/** The assigned head preparing their signature of the result with their own signing key. */
const headArgs = (taskKey: string, variables: Record<string, unknown>) => ({
  taskKey,
  userId: 'police-head',
  expectedIin: HEAD.iin,
  certificatePem: cert('police-head').certificate.toString('pem'),
  variables,
  origin: 'http://x',
});

async function signAll(alias: string, docs: Array<{ data: string }>, type: 'auth' | 'sign' = 'sign') {
  return Promise.all(
    docs.map(async (d) =>
      (await signCms(cert(alias, type), Buffer.from(d.data, 'base64'), { attached: false })).toString(
        'base64',
      ),
    ),
  );
}

test('the head signs both languages; the stored PDF carries a signature that verifies over its bytes', async () => {
  const { signing, signed, variables, stored } = await setup();
  const prepared = await signing.prepare({
    taskKey: 't1',
    userId: 'police-head',
    expectedIin: HEAD.iin,
    certificatePem: cert('police-head').certificate.toString('pem'),
    variables,
    origin: 'http://127.0.0.1:3000',
  });
  expect(prepared.map((p) => p.documentId)).toEqual(stored.map((d) => d.documentId));
  const saved = await signing.sign({
    taskKey: 't1',
    userId: 'police-head',
    expectedIin: HEAD.iin,
    signatures: await signAll('police-head', prepared),
  });
  expect(saved[0].signer.iin).toBe(HEAD.iin);
  expect(await signing.isSignedBy(variables, HEAD.iin)).toBe(true);

  const doc = await signed.get(stored[0].documentId);
  const pades = extractPades(doc!.bytes)!;
  const v = await verifyCms(pades.cms, { data: pades.signedData, trust, now: new Date(), purpose: 'sign' });
  expect(v.signer.iin).toBe(HEAD.iin);
  // The visible block and the QR link are inside the signed bytes: the PDF is not the unsigned one.
  expect(doc!.meta.sha256).not.toBe(stored[0].sha256);
  expect(doc!.bytes.includes(Buffer.from('/Subtype /Image'))).toBe(true); // the QR code
});

test('a signed document is immutable: preparing or storing it again is refused', async () => {
  const { signing, variables } = await setup();
  const args = headArgs('t2', variables);
  const prepared = await signing.prepare(args);
  await signing.sign({ ...args, signatures: await signAll('police-head', prepared) });
  await expect(signing.prepare(args)).rejects.toMatchObject({ code: 'EDS_SIGNED', status: 409 });
});

test('another person’s key cannot sign the head’s result (wrong person), and nothing is stored', async () => {
  const { signing, variables } = await setup();
  await expect(
    signing.prepare({
      taskKey: 't3',
      userId: 'police-head',
      expectedIin: HEAD.iin,
      certificatePem: cert('licence-applicant').certificate.toString('pem'),
      variables,
      origin: 'http://x',
    }),
  ).rejects.toMatchObject({ code: 'EDS_WRONG_PERSON' });
  const prepared = await signing.prepare({
    taskKey: 't3',
    userId: 'police-head',
    expectedIin: HEAD.iin,
    certificatePem: cert('police-head').certificate.toString('pem'),
    variables,
    origin: 'http://x',
  });
  await expect(
    signing.sign({
      taskKey: 't3',
      userId: 'police-head',
      expectedIin: HEAD.iin,
      signatures: await signAll('licence-applicant', prepared),
    }),
  ).rejects.toMatchObject({ code: 'EDS_WRONG_PERSON' });
  expect(await signing.isSignedBy(variables, HEAD.iin)).toBe(false);
});

test('the head’s authentication key is refused for signing (key usage); a signature over other bytes is refused (integrity)', async () => {
  const { signing, variables } = await setup();
  const args = headArgs('t4', variables);
  const prepared = await signing.prepare(args);
  await expect(
    signing.sign({ ...args, signatures: await signAll('police-head', prepared, 'auth') }),
  ).rejects.toMatchObject({
    code: 'EDS_KEY_USAGE',
  });
  const swapped = await signAll('police-head', [...prepared].reverse());
  await expect(signing.sign({ ...args, signatures: swapped })).rejects.toBeInstanceOf(EdsError);
  await expect(signing.sign({ ...args, signatures: swapped })).rejects.toMatchObject({
    code: 'EDS_INTEGRITY',
  });
  expect(await signing.isSignedBy(variables, HEAD.iin)).toBe(false);
});

test('two web-app replicas storing the head’s signature of one result at once: one stores both languages, the other is refused 409', async () => {
  const { signing, variables, stored } = await setup();
  // The second replica: its own signing state and store, on the same database and files.
  const database = openAppDatabase({ dialect: 'sqlite', file: path.join(dir, 'signed', 'app.sqlite') });
  const other = createResultSigning({
    documents: createDocumentService({ dir, clock: fixedClock(new Date()) }),
    signed: createSignedDocumentStore(path.join(dir, 'signed'), undefined, database),
    trust,
    clock: fixedClock(new Date()),
  });
  const args = headArgs('t5', variables);
  const [a, b] = await Promise.all([signing.prepare(args), other.prepare(args)]);
  const outcomes = await Promise.allSettled([
    signing.sign({ ...args, signatures: await signAll('police-head', a) }),
    other.sign({ ...args, signatures: await signAll('police-head', b) }),
  ]);
  const won = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
  const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
  expect(won).toHaveLength(1);
  expect(lost).toEqual([expect.objectContaining({ code: 'EDS_SIGNED', status: 409 })]);
  // Both languages are the winner's: never one language from each replica.
  const signed = createSignedDocumentStore(path.join(dir, 'signed'), undefined, database);
  for (const [i, d] of stored.entries())
    expect((await signed.meta(d.documentId))?.sha256).toBe(won[0][i].sha256);
  await database.close();
});
