/**
 * EDS in the browser against the real system (Law on e-documents and EDS art. 7, 10; spec C1, C7):
 * the applicant signs in with NCALayer (the stand-in, driven through ncalayer-js-client by the
 * portal), signs the application, the clerk sees the signature, the head signs the licence with
 * their key, and anyone verifies the result on the public page, including an uploaded copy.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { fixtures } from '../../simulators';
import { startEmbeddedNcaLayer, type NcaLayerStandIn } from '../../simulators/ncalayer';
import {
  fillLicenceForm,
  launch,
  openDevice,
  openPage,
  shot,
  signIn,
  type Lang,
  type Width,
} from './support/browser';
import { eventually, field, option } from './support/forms';
import { STAFF_SIGNERS } from '../../simulators/ncalayer/holders';
import { openAppDatabase } from '../../adapters/db/connect';
import { latinWords, RAW_ID, readableText } from './support/readable';
import { missingPrerequisite, REPO, startSystem, type RunningSystem } from './support/system';

const missing = missingPrerequisite();
if (missing) console.warn(`e2e EDS browser tests SKIPPED: ${missing}`);
const describeSystem = missing ? describe.skip : describe;

jest.setTimeout(900_000);

const COMPANY = fixtures.licence.approved;

describeSystem('EDS on the real system', () => {
  let system: RunningSystem;
  let browser: Browser;
  let standIn: NcaLayerStandIn;

  beforeAll(async () => {
    const ncalayer = await startEmbeddedNcaLayer({
      dir: path.join(os.tmpdir(), `eds-e2e-${process.pid}`),
    });
    standIn = ncalayer.standIn;
    system = await startSystem({ env: ncalayer.env });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await system?.close();
    await standIn?.close();
  });

  test.each([
    [1366, 'kk'],
    [1366, 'ru'],
    [390, 'kk'],
    [390, 'ru'],
  ] as [Width, Lang][])(
    'the EDS sign-in page at %i px in %s reads in the language and signs the applicant in',
    async (width, lang) => {
      const { page, context, errors } = await openDevice(browser, width, lang);
      const probes: string[] = [];
      page.on('requestfailed', (r) => probes.push(`${r.failure()?.errorText} ${r.url()}`));
      await page.goto(`${system.uiUrl}/lang?to=${lang}&back=/`);
      await page.click('#eds-signin-link');
      await page.locator('eds-signin-page cds-button#eds-signin-button').waitFor();
      await page.screenshot({ path: path.join(REPO, 'docs', 'ui', `eds-signin-${width}-${lang}.png`) });
      const { text, overflow } = await readableText(page);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(text).not.toMatch(RAW_ID);
      // NCALayer is the name of the state's signing program, as the applicant knows it.
      expect(latinWords(text, ['NCALayer'])).toEqual([]);
      // When they sign in with their key, the portal opens with the certificate's company
      standIn.choose('licence-applicant');
      await page.click('#eds-signin-button');
      await page.waitForURL((u) => u.pathname === '/portal');
      expect(await page.locator('[data-testid=who]').textContent()).toContain(COMPANY.bin);
      // The only failed loads allowed: ncalayer-js-client's probes of KAZTOKEN (none runs here).
      const refused = probes.filter((p) => p.startsWith('net::ERR_CONNECTION_REFUSED'));
      expect(refused.filter((p) => !p.includes('https://127.0.0.1:24680'))).toEqual([]);
      expect(errors.filter((e) => !/ERR_CONNECTION_REFUSED/.test(e))).toEqual([]);
      await context.close();
    },
  );

  test('sign in by EDS, sign the application, the head signs the licence, the public page verifies it', async () => {
    // Given the applicant's key chosen in NCALayer
    standIn.choose('licence-applicant');
    const applicant = await openPage(browser);
    const page = applicant.page;
    const probes: string[] = [];
    page.on('requestfailed', (r) => probes.push(`${r.failure()?.errorText} ${r.url()}`));
    await page.goto(`${system.uiUrl}/`);
    await page.click('#eds-signin-link');
    await page.click('#eds-signin-button');
    // Then the portal opens with the company of the certificate
    await page.waitForURL((u) => u.pathname === '/portal');
    expect(await page.locator('[data-testid=who]').textContent()).toContain(COMPANY.bin);
    await shot(page, 'eds-portal');

    // When they fill in and submit a licence application (NCALayer signs it)
    await fillLicenceForm(page, COMPANY);
    await page.click('[data-testid=application-form] button[type=submit]');
    await page.locator('[data-testid=application-status]').waitFor();
    const number = (await page.locator('[data-testid=application-number]').textContent())!;

    // And the clerk sees who signed it and completes the steps
    const clerk = await openPage(browser);
    await signIn(clerk.page, system.uiUrl, 'clerk', { unit: 'police' });
    const openTask = async (p: Page) => {
      const row = await eventually(`a task for ${number}`, async () => {
        await p.goto(`${system.uiUrl}/worklist`);
        const r = p.locator('[data-testid=task-list] tr', { hasText: number });
        return (await r.count()) > 0 ? r.first() : undefined;
      });
      await row.locator('a').click();
      await p.locator('[data-testid=task-form] .fjs-form').waitFor();
    };
    const complete = async (p: Page, fill: () => Promise<void>) => {
      await p.click('cds-button[data-action=claim]:has-text("Алу")');
      await p.locator('cds-button[data-action=release]:has-text("Қайтару")').waitFor();
      await fill();
      await p.click('cds-button[data-action=complete]:has-text("Аяқтау")');
      await p.locator('.detail .ok').waitFor();
    };
    await openTask(clerk.page);
    await clerk.page
      .locator('[data-testid=request-signatures] cds-structured-list-row', {
        hasText: COMPANY.headFullName.split(' ')[0].toUpperCase(),
      })
      .waitFor();
    await shot(clerk.page, 'eds-request-signature');
    await complete(clerk.page, async () => {
      await field(clerk.page, 'completeness-check', 'docApplication').check();
      await field(clerk.page, 'completeness-check', 'documentsComplete').check();
    });
    await openTask(clerk.page);
    await complete(clerk.page, async () => {
      await field(clerk.page, 'compliance-study-security-licence', 'studyNotes').fill(
        'Негіздер табылмады / Оснований для отказа нет',
      );
    });

    // When the head approves and signs with their key
    standIn.choose('police-head');
    const head = await openPage(browser);
    head.page.on('requestfailed', (r) => probes.push(`${r.failure()?.errorText} ${r.url()}`));
    await signIn(head.page, system.uiUrl, 'head', { unit: 'police' });
    await openTask(head.page);
    await complete(head.page, async () => {
      await option(head.page, 'signature', 'decision', 'approve').check();
      await field(head.page, 'signature', 'signerName').fill('Ахметова Динара');
    });

    // Then the signed licence is on the public verification page
    // (the signed results are rows of the web app's database, their files in the documents' store)
    const appDb = openAppDatabase({ dialect: 'sqlite', file: path.join(system.dataDir, 'ui', 'app.sqlite') });
    const signed = await eventually('the signed licence', async () => {
      const rows = await (
        await appDb.ready()
      )
        .selectFrom('signed_documents')
        .select(['document_id', 'number', 'storage_key'])
        .orderBy('document_id')
        .execute();
      return rows.length ? rows : undefined;
    }).finally(() => appDb.close());
    const visitor = await openPage(browser, 'ru');
    await visitor.page.goto(`${system.uiUrl}/verify?number=${encodeURIComponent(signed[0].number)}`);
    const result = visitor.page.locator('[data-testid=verify-result]');
    await result.waitFor();
    expect(await result.getAttribute('data-genuine')).toBe('true');
    expect(await result.textContent()).toContain(
      STAFF_SIGNERS.find((h) => h.alias === 'police-head')!.surname,
    );
    await shot(visitor.page, 'eds-verify');
    // And an uploaded copy is checked: the signed file is unaltered, a changed one is not
    const bytes = readFileSync(path.join(system.dataDir, 'documents', 'signed', signed[0].storage_key));
    await visitor.page.setInputFiles('#verify-file input[type=file]', {
      name: 'licence.pdf',
      mimeType: 'application/pdf',
      buffer: bytes,
    });
    await visitor.page.locator('[data-testid=verify-result][data-outcome=unaltered]').waitFor();
    expect(await visitor.page.locator('[data-testid=verify-result]').getAttribute('data-genuine')).toBe(
      'true',
    );
    const changed = Buffer.from(bytes);
    changed[Math.floor(changed.length / 3)] ^= 1;
    await visitor.page.setInputFiles('#verify-file input[type=file]', {
      name: 'licence.pdf',
      mimeType: 'application/pdf',
      buffer: changed,
    });
    await visitor.page.locator('[data-testid=verify-result][data-outcome=altered]').waitFor();
    expect(await visitor.page.locator('[data-testid=verify-result]').getAttribute('data-genuine')).toBe(
      'false',
    );
    await shot(visitor.page, 'eds-verify-altered');
    // ncalayer-js-client probes KAZTOKEN's local HTTP API (https://127.0.0.1:24680) on every connect;
    // no KAZTOKEN runs here, so those refused probes are the only errors allowed.
    const refused = probes.filter((p) => p.startsWith('net::ERR_CONNECTION_REFUSED'));
    expect(refused.filter((p) => !p.includes('https://127.0.0.1:24680'))).toEqual([]);
    const real = (errors: string[]) => errors.filter((e) => !/ERR_CONNECTION_REFUSED/.test(e));
    expect(real(applicant.consoleErrors)).toEqual([]);
    expect(real(head.consoleErrors)).toEqual([]);
  });
});
