/**
 * The applicant's cabinet in Chromium against the real system (engine, diagrams, workers,
 * simulators, web app), at 1366 px and on a 390 px phone, in Kazakh and Russian, the browser set to
 * another time zone than Almaty's. The clerk's and head's steps are taken through the engine's API:
 * this walks the applicant. Screenshots (full page) go to docs/ui/cabinet-*.png (docs/ui.md).
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Camunda8 } from '@camunda8/sdk';
import { formatAlmatyDateTime } from '../../domain/almaty-time';
import { fixtures } from '../../simulators';
import { launch, openDevice, signIn, type Lang, type Width } from './support/browser';
import { eventually } from './support/forms';
import { readableText } from './support/readable';
import { missingPrerequisite, REPO, startSystem, type RunningSystem } from './support/system';

const missing = missingPrerequisite();
if (missing) console.warn(`e2e cabinet tests SKIPPED: ${missing}`);
const describeSystem = missing ? describe.skip : describe;

jest.setTimeout(600_000);

/** A company whose head's diploma is not in the education registry: the copy is asked of the applicant. */
const COMPANY = fixtures.licence.educationMissing;
const NOW = { consistency: { waitUpToMs: 0 } } as const;

const VIEWS: [Width, Lang][] = [
  [1366, 'kk'],
  [1366, 'ru'],
  [390, 'kk'],
  [390, 'ru'],
];

/** Register numbers are the only Latin a page may show: applications, documents, E-licensing licences. */
const NUMBERS = [/\b[A-Z]{3}-\d{4}-\d{6}(?:-[A-Z]{3}-\d{2})?(?:-(?:kk|ru))?\b/g, /\bKZ\d{2}[A-Z]{3}\d{8}\b/g];

describeSystem("the applicant's cabinet in the browser", () => {
  let system: RunningSystem;
  let browser: Browser;
  const sessions = new Map<string, { context: BrowserContext; page: Page; errors: string[] }>();

  beforeAll(async () => {
    system = await startSystem();
    browser = await launch();
  });
  afterAll(async () => {
    for (const s of sessions.values()) await s.context.close();
    await browser?.close();
    await system?.close();
  });

  const engine = () =>
    new Camunda8({
      ZEEBE_REST_ADDRESS: system.engineAddress,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
    }).getOrchestrationClusterApiClient();

  /** A signed-in applicant at `width` in `lang`, the browser in New York's zone. */
  async function applicant(width: Width, lang: Lang) {
    const id = `${width}-${lang}`;
    const known = sessions.get(id);
    if (known) return known;
    const session = await openDevice(browser, width, lang);
    await signIn(session.page, system.uiUrl, 'applicant', { bin: COMPANY.bin, lang });
    sessions.set(id, session);
    return session;
  }

  /**
   * The page a person reads: no element ids, no Latin words but register numbers, no ISO dates,
   * Almaty times, no horizontal scroll, no console errors. Saves a full-page screenshot.
   */
  async function check(page: Page, errors: string[], name: string, number?: string) {
    // From the top: the fixed header is drawn where the page was scrolled to.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(REPO, 'docs', 'ui', `cabinet-${name}.png`), fullPage: true });
    const read = await readableText(page);
    // The names of the files the applicant chose are theirs, whatever their script.
    const chosen = await page.$$eval('.file-names', (els) => els.map((e) => (e as HTMLElement).innerText));
    const text = chosen.reduce((t, name) => t.split(name).join(''), read.text);
    const overflow = read.overflow;
    expect(overflow).toBeLessThanOrEqual(0);
    expect(text).not.toMatch(/\b(Task|Gateway|Event|SubProcess|Call|Start|End|Boundary)_/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const latin = NUMBERS.reduce((s, re) => s.replace(re, ''), text).match(/[A-Za-z]{2,}/g) ?? [];
    expect(latin).toEqual([]);
    if (number) {
      // Times are Almaty's, whatever the browser's zone (New York here).
      const view = await page.evaluate((n) => fetch(`/api/applications/${n}`).then((r) => r.json()), number);
      for (const h of view.history) expect(text).toContain(formatAlmatyDateTime(h.at));
    }
    expect(errors).toEqual([]);
  }

  async function open(page: Page, number: string) {
    await page.goto(`${system.uiUrl}/portal`);
    await page.click(`[data-testid=my-applications] cds-link:has-text("${number}")`);
    await page.locator('[data-testid=application-status]').waitFor();
  }

  async function completeTask(number: string, elementId: string, variables: Record<string, unknown>) {
    const client = engine();
    const task = await eventually(`task ${elementId} of ${number}`, async () => {
      const page = await client.searchUserTasks({ filter: { state: 'CREATED', elementId } } as any, NOW);
      for (const t of page.items ?? []) {
        const vars = await client.searchVariables(
          { filter: { processInstanceKey: t.processInstanceKey, name: 'applicationNumber' } } as any,
          NOW,
        );
        if (vars.items?.some((v: any) => v.value === JSON.stringify(number))) return t;
      }
      return undefined;
    });
    await client.completeUserTask({ userTaskKey: task.userTaskKey, variables } as any);
  }

  test('an applicant submits on a phone, answers the request for a copy with an upload, reads the licence issued with its number and date, every notice and the history, and files a complaint that is answered — at 1366 and 390 px, in Kazakh and Russian', async () => {
    // The sign-in page, and the application form, at each width in each language.
    for (const [width, lang] of VIEWS) {
      const anonymous = await openDevice(browser, width, lang);
      await anonymous.page.goto(`${system.uiUrl}/lang?to=${lang}&back=/`);
      await anonymous.page.locator('#signin-form cds-button').waitFor();
      await check(anonymous.page, anonymous.errors, `signin-${width}-${lang}`);
      await anonymous.context.close();
      const s = await applicant(width, lang);
      await s.page.goto(`${system.uiUrl}/portal`);
      await s.page.click('[data-testid=new-application]');
      await s.page.locator('[data-testid=application-form] #f-orgName').waitFor();
      await check(s.page, s.errors, `form-${width}-${lang}`);
    }

    // On a phone, in Kazakh: the application form is usable and submits.
    const phone = await applicant(390, 'kk');
    await phone.page.goto(`${system.uiUrl}/portal`);
    await phone.page.click('[data-testid=new-application]');
    await phone.page.selectOption('#f-serviceId select', 'security-licence');
    await phone.page.fill('#f-orgName input', COMPANY.name);
    await phone.page.fill('#f-headFullName input', COMPANY.headFullName);
    await phone.page.fill('#f-headIin input', COMPANY.headIin);
    await phone.page.fill('#f-location input', 'Астана, Мәңгілік Ел, 8');
    await phone.page.selectOption('#f-requestKind select', 'issue');
    await phone.page.selectOption('#f-subType select', '2');
    await phone.page.setInputFiles('#f-files input[type=file]', {
      name: 'otinish.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%synthetic\n'),
    });
    await phone.page.click('#f-consent label');
    expect(await phone.page.isChecked('#f-consent input')).toBe(true);
    await check(phone.page, phone.errors, 'form-filled-390-kk');
    await phone.page.click('[data-testid=application-form] button[type=submit]');
    await phone.page.locator('[data-testid=application-status]').waitFor();
    // The number the register issued.
    const number = (await phone.page.locator('[data-testid=application-number]').textContent())!.trim();

    // The clerk finds the package complete; the registries have no diploma: a copy is requested.
    await completeTask(number, 'Task_CheckCompleteness', {
      documentsComplete: true,
      documentsExpired: false,
    });
    await eventually('the request in the cabinet', async () => {
      await open(phone.page, number);
      return (await phone.page.locator('#h-request').count()) > 0 ? true : undefined;
    });
    for (const [width, lang] of VIEWS) {
      const s = await applicant(width, lang);
      await open(s.page, number);
      await s.page.locator('[data-testid=missing-documents]').waitFor();
      await check(s.page, s.errors, `request-${width}-${lang}`, number);
    }
    const asked = await phone.page.locator('[data-testid=section-request]').innerText();
    expect(asked).toContain('басшының білімі туралы дипломның электрондық көшірмесі');
    const russian = await (
      await applicant(390, 'ru')
    ).page
      .locator('[data-testid=section-request]')
      .innerText();
    expect(russian).toContain('электронная копия диплома об образовании руководителя');

    // The applicant uploads the copy from the phone.
    await open(phone.page, number);
    await phone.page.setInputFiles('#missing-documents-files input[type=file]', {
      name: 'diplom.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%synthetic diploma\n'),
    });
    await phone.page.fill('[data-testid=missing-documents-text] textarea', 'Басшының дипломының көшірмесі');
    await phone.page.click('[data-testid=missing-documents] button[type=submit]');
    await phone.page
      .locator('[data-testid=missing-documents-result] cds-inline-notification[kind=success]')
      .waitFor();
    await check(phone.page, phone.errors, 'request-sent-390-kk');

    // The clerk accepts the copy and finds no grounds; the head signs: the licence is issued.
    await completeTask(number, 'Task_ReviewMissingDocuments', {
      missingDocumentsAccepted: true,
      missingDocumentsRemarks: 'Көшірме түпнұсқаға сәйкес.',
    });
    await completeTask(number, 'Task_StudyCompliance', { groundsFound: false, refusalGrounds: [] });
    await completeTask(number, 'Task_SignResult', {
      decision: 'approve',
      signerName: 'Әбілов Марат',
    });
    await eventually('the licence in the cabinet', async () => {
      await open(phone.page, number);
      return (await phone.page.locator('[data-testid=outcome]').count()) > 0 ? true : undefined;
    });
    for (const [width, lang] of VIEWS) {
      const s = await applicant(width, lang);
      await open(s.page, number);
      const outcome = await s.page.locator('[data-testid=outcome]').innerText();
      expect(outcome).toContain(lang === 'ru' ? 'Лицензия выдана' : 'Лицензия берілді');
      expect(outcome).toMatch(/№ \S+/);
      expect(outcome).toMatch(/\d{2}\.\d{2}\.\d{4}/);
      expect(await s.page.locator('[data-testid=notices] li').count()).toBeGreaterThanOrEqual(3);
      await check(s.page, s.errors, `outcome-${width}-${lang}`, number);
    }
    // The licence downloads from the phone.
    const [download] = await Promise.all([
      phone.page.waitForEvent('download'),
      phone.page.locator('[data-testid=outcome-documents] a').first().click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);

    // A complaint, in Russian on the phone, answered by the head within 5 working days.
    const ru = await applicant(390, 'ru');
    await open(ru.page, number);
    await ru.page.click('[data-testid=complaint] [part=expando]');
    await ru.page.fill(
      '[data-testid=complaint-text] textarea',
      'Срок рассмотрения превышен, прошу проверить.',
    );
    await ru.page.click('[data-testid=complaint] button[type=submit]');
    await ru.page.locator('[data-testid=complaint-result] cds-inline-notification[kind=success]').waitFor();
    await completeTask(number, 'Task_ReviewComplaint', {
      complaintUpheld: false,
      complaintAnswer: 'Мерзім бұзылмаған: лицензия заңда белгіленген мерзімде берілді.',
    });
    await eventually('the answer in the cabinet', async () => {
      await open(ru.page, number);
      return (await ru.page.locator('[data-testid=complaint-item] .answer').count()) > 0 ? true : undefined;
    });
    for (const [width, lang] of VIEWS) {
      const s = await applicant(width, lang);
      await open(s.page, number);
      const item = await s.page.locator('[data-testid=complaint-item]').innerText();
      expect(item).toContain(lang === 'ru' ? 'Жалоба не удовлетворена' : 'Шағым қанағаттандырылмады');
      await check(s.page, s.errors, `complaint-${width}-${lang}`, number);
    }
  });
});
