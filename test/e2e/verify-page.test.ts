/**
 * The public verification page in Chromium (Law on e-documents and EDS art. 7, 10; Order 923 §9:
 * the result is an electronic document signed with the official's EDS), in Kazakh and Russian on a
 * 1366 px desktop and a 390 px phone: a genuine licence found by its number (the deep link a QR code
 * opens), a tampered copy uploaded, an unknown number typed and checked by keyboard. Every state reads
 * in the page's language: no Latin word but the register number itself, no ISO date, no sideways
 * scroll, no console error. Screenshots: docs/ui/verify-<state>-<width>-<lang>.png.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { systemClock } from '../../domain/clock';
import { factsFromVariables } from '../../domain/documents';
import { createDocumentService } from '../../adapters/documents';
import { createResultSigning } from '../../adapters/eds/result-signing';
import { createRequestSignatureLog } from '../../adapters/eds/request-signatures';
import { createSignedDocumentStore, type SignedDocument } from '../../adapters/eds/signed-documents';
import { signCms } from '../../simulators/ncalayer/cms';
import { STAFF_SIGNERS } from '../../simulators/ncalayer/holders';
import { createTestPki } from '../../simulators/ncalayer/pki';
import { buildBundles } from '../../ui/build';
import { FACTS } from '../unit/documents/fixtures';
import { startApp } from '../ui/support/harness';
import { launch, openDevice, type Lang, type Width } from './support/browser';
import { latinWords, RAW_ID, readableText } from './support/readable';
import { missingPrerequisite, REPO } from './support/system';

const missing = missingPrerequisite();
if (missing) console.warn(`e2e verification page test SKIPPED: ${missing}`);
const describeBrowser = missing ? describe.skip : describe;

jest.setTimeout(300_000);

const HEAD = STAFF_SIGNERS.find((s) => s.userId === 'police.head')!;
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;
const DEVICES: [Width, Lang][] = [
  [1366, 'kk'],
  [1366, 'ru'],
  [390, 'kk'],
  [390, 'ru'],
];

describeBrowser('the public verification page', () => {
  let browser: Browser;
  let dir: string;
  let app: Awaited<ReturnType<typeof startApp>>;
  let signed: SignedDocument[];
  let signedPdf: Buffer;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'verify-page-'));
    const pki = await createTestPki([HEAD]);
    const trust = { roots: [pki.root], intermediates: [], crls: [pki.crl] };
    const documents = createDocumentService({ dir: path.join(dir, 'documents'), clock: systemClock });
    const store = createSignedDocumentStore(path.join(dir, 'documents', 'signed'));
    // A licence formed by the document service and signed by the police head's key, as the head's
    // signature task does it (adapters/eds/result-signing.ts).
    const variables: Record<string, unknown> = { ...FACTS.licence, applicationNumber: 'SEC-2026-000501' };
    const formed = await documents.generate('licence', factsFromVariables(variables), ['kk', 'ru']);
    const signing = createResultSigning({ documents, signed: store, trust, clock: systemClock });
    const key = pki.find('police-head', 'sign')!;
    const prepared = await signing.prepare({
      taskKey: '1',
      userId: HEAD.userId,
      expectedIin: HEAD.iin,
      certificatePem: key.certificate.toString('pem'),
      variables: {
        ...variables,
        resultDocument: {
          number: formed[0].number,
          documents: formed.map((d) => ({ documentId: d.documentId, lang: d.lang })),
        },
      },
      origin: 'http://127.0.0.1',
    });
    const signatures = await Promise.all(
      prepared.map(async (d) =>
        (await signCms(key, Buffer.from(d.data, 'base64'), { attached: false })).toString('base64'),
      ),
    );
    signed = await signing.sign({ taskKey: '1', userId: HEAD.userId, expectedIin: HEAD.iin, signatures });
    signedPdf = (await store.get(signed[0].documentId))!.bytes;
    await buildBundles();
    app = await startApp({
      clock: systemClock,
      documents,
      eds: {
        trust,
        ncalayerUrl: 'ws://127.0.0.1:1',
        signed: store,
        requestSignatures: createRequestSignatureLog(),
        staffIin: () => undefined,
      },
    });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test.each(DEVICES)(
    'at %i px in %s: a genuine licence, a tampered copy and an unknown number each read in the language',
    async (width, lang) => {
      const { page, context, errors } = await openDevice(browser, width, lang, { validationAnswers: true });
      const number = signed[0].number;
      // The register number is the one Latin value a person reads here: they typed or scanned it.
      const readable = async (state: string) => {
        await page.screenshot({
          path: path.join(REPO, 'docs', 'ui', `verify-${state}-${width}-${lang}.png`),
        });
        const { text, overflow } = await readableText(page);
        expect(overflow).toBeLessThanOrEqual(0);
        expect(text).not.toMatch(RAW_ID);
        expect(text).not.toMatch(ISO_DATE);
        expect(latinWords(text.split(number).join(' '))).toEqual([]);
        return text;
      };
      const result = page.locator('[data-testid=verify-result]');
      try {
        // Given the deep link a QR code or a shared address opens
        await page.goto(`${app.base}/lang?to=${lang}&back=${encodeURIComponent(`/verify?number=${number}`)}`);
        // Then the licence is genuine: signer, signing time, issuer and validity, in both languages' documents
        await result.waitFor();
        expect(await result.getAttribute('data-genuine')).toBe('true');
        expect(await page.locator('.verify-facts').count()).toBe(2);
        const genuine = await readable('genuine');
        expect(genuine).toContain(HEAD.surname);
        expect(genuine).toContain('ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (СЫНАҚ)');
        expect(genuine).toContain(lang === 'ru' ? 'Лицензия' : 'Лицензия');
        expect(genuine).toMatch(/\d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d/);
        expect(genuine).toContain(lang === 'ru' ? 'казахский' : 'қазақ тілі');
        const pdf = await page.request.get(
          `${app.base}${await page.locator('.verify-facts cds-link').first().getAttribute('href')}`,
        );
        expect(pdf.headers()['content-type']).toBe('application/pdf');

        // When a copy with one changed byte is uploaded
        const changed = Buffer.from(signedPdf);
        changed[Math.floor(changed.length / 3)] ^= 1;
        await page.setInputFiles('#verify-file input[type=file]', {
          name: 'licence.pdf',
          mimeType: 'application/pdf',
          buffer: changed,
        });
        // Then it is not genuine
        await page.locator('[data-testid=verify-result][data-outcome=altered]').waitFor();
        const altered = await readable('altered');
        expect(altered).toContain(lang === 'ru' ? 'изменён' : 'өзгертілген');

        // When a number nobody issued is typed and checked with the keyboard alone
        await page.locator('#verify-number input').fill('KZ-2026-999999-LIC-01');
        await page.locator('#verify-number input').press('Enter');
        await page.locator('[data-testid=verify-result][data-outcome=not-found]').waitFor();
        const { text } = await readableText(page);
        expect(text).toContain(
          lang === 'ru'
            ? 'Подписанный документ с таким номером не найден'
            : 'Мұндай нөмірмен қол қойылған құжат табылмады',
        );
        expect(latinWords(text.split('KZ-2026-999999-LIC-01').join(' '))).toEqual([]);
        expect(new URL(page.url()).searchParams.get('number')).toBe('KZ-2026-999999-LIC-01');
        await page.screenshot({
          path: path.join(REPO, 'docs', 'ui', `verify-not-found-${width}-${lang}.png`),
        });

        // And an empty number is refused at the field, in the language
        await page.locator('#verify-number input').fill('');
        await page.locator('#verify-number-check').click();
        expect(await page.locator('#verify-number').getAttribute('invalid-text')).toBe(
          lang === 'ru' ? 'Номер документа: введите номер' : 'Құжат нөмірі: нөмірді енгізіңіз',
        );
        // The unknown number's 404 is the answer the page shows, not a fault.
        expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
