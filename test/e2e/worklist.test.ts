/**
 * A police clerk in the worklist, in Chromium against the real system (engine, diagrams, workers,
 * web app), in Kazakh and Russian at 1366 px and 390 px, the browser in New York's time zone:
 * search with "/", move with "j", open with Enter, see the form read-only, claim with "c", type,
 * find the task and its draft again after a reload, release and claim again keeping it, watch the list refresh itself without losing the typed text,
 * complete, and find the task among "completed by me". The list hears of a new task through its
 * event stream (GET /api/tasks/events), without a reload. Every page: no element ids, no Latin words
 * but register numbers, no ISO dates, no horizontal scroll, no console errors, visible focus.
 * Screenshots: docs/ui/worklist-<step>-<width>-<lang>.png (docs/ui.md).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { fixtures } from '../../simulators';
import { signInApplicant } from '../support/staff-sign-in';
import {
  ARTIFACTS,
  launch,
  licenceRequest,
  openDevice,
  signIn,
  type Lang,
  type Width,
} from './support/browser';
import { eventually, field } from './support/forms';
import { missingPrerequisite, REPO, startSystem, type RunningSystem } from './support/system';

const missing = missingPrerequisite();
if (missing) console.warn(`e2e worklist tests SKIPPED: ${missing}`);
const describeSystem = missing ? describe.skip : describe;

jest.setTimeout(900_000);

const SHOTS = path.join(REPO, 'docs', 'ui');
const COMPANY = fixtures.licence.approved;
/** Register numbers and the names of the applicant's own files are the only Latin a page may show. */
const NUMBERS = /\b[A-Z]{3}-\d{4}-\d{6}\b/g;
const FILE_NAMES = /[\w.-]+\.(?:pdf|png|jpe?g)\b/gi;
const REASON = 'Жалға алу шартының көшірмесі қоса берілмеген / Не приложена копия договора аренды';

const RUNS: [Width, Lang][] = [
  [1366, 'kk'],
  [1366, 'ru'],
  [390, 'kk'],
  [390, 'ru'],
];

const TEXT = {
  kk: { claim: 'Алу', release: 'Қайтару', complete: 'Аяқтау', completedView: 'Мен аяқтағандар' },
  ru: { claim: 'Взять', release: 'Вернуть', complete: 'Завершить', completedView: 'Завершённые мной' },
};

describeSystem('the clerk’s worklist in the browser', () => {
  let system: RunningSystem;
  let browser: Browser;
  let applicant: { cookie: string; csrf: string };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    system = await startSystem();
    browser = await launch();
    applicant = await signInApplicant(system.uiUrl, COMPANY.bin);
  });
  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  /** A security-licence application of the company through the portal's API; the register's number. */
  async function fileApplication(): Promise<string> {
    const res = await fetch(`${system.uiUrl}/api/applications`, {
      method: 'POST',
      headers: {
        cookie: applicant.cookie,
        'x-csrf-token': applicant.csrf,
        'content-type': 'application/json',
        'idempotency-key': crypto.randomUUID(),
      },
      body: JSON.stringify(licenceRequest(COMPANY)),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { applicationNumber: string }).applicationNumber;
  }

  async function clerkPage(width: Width, lang: Lang) {
    const device = await openDevice(browser, width, lang);
    const streams: string[] = [];
    device.page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/tasks/events') streams.push(r.url());
    });
    await signIn(device.page, system.uiUrl, 'clerk', { unit: 'police', lang });
    return { ...device, streams };
  }

  /** What a person reads: no ids, no Latin words but register numbers, no ISO dates, no sideways scroll. */
  async function check(page: Page, errors: string[], name: string) {
    // From the top: the fixed header is drawn where the page was scrolled to.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SHOTS, `worklist-${name}.png`), fullPage: true });
    const { text, overflow } = await page.evaluate(() => {
      // What is drawn inside Carbon's components (shadow roots) is read too, not only the page's own text.
      const parts: string[] = [];
      const walk = (node: Node) => {
        if (node instanceof HTMLElement && (node.hidden || getComputedStyle(node).display === 'none')) return;
        if (node.nodeType === Node.TEXT_NODE) {
          const parent = node.parentElement;
          if (!parent || !['SCRIPT', 'STYLE', 'TEMPLATE'].includes(parent.tagName))
            parts.push(node.textContent ?? '');
          return;
        }
        if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
        node.childNodes.forEach(walk);
      };
      walk(document.body);
      // The form's tables stay inside the form's column; one wider than it scrolls in its own box.
      const form = document.querySelector('[data-testid=task-form]')?.getBoundingClientRect();
      const cut = Array.from(document.querySelectorAll('.fjs-table-inner-container')).filter((box) => {
        const table = box.querySelector('table')?.getBoundingClientRect();
        const outer = box.getBoundingClientRect();
        const scrolls = box.scrollWidth > box.clientWidth && getComputedStyle(box).overflowX === 'auto';
        return (
          !!form && (outer.right > form.right + 1 || (!!table && table.right > outer.right + 1 && !scrolls))
        );
      }).length;
      return {
        text: parts.join(' '),
        overflow: document.documentElement.scrollWidth - window.innerWidth + cut,
      };
    });
    expect(overflow).toBeLessThanOrEqual(0);
    expect(text).not.toMatch(/\b(Task|Gateway|Event|SubProcess|Call|Start|End|Boundary|Flow)_/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(
      text
        .replace(NUMBERS, '')
        .replace(FILE_NAMES, '')
        .match(/[A-Za-z]{2,}/g) ?? [],
    ).toEqual([]);
    expect(errors).toEqual([]);
  }

  /** The focused element shows its focus (outline or shadow). */
  const focusShown = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const s = getComputedStyle(el);
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
    });

  test.each(RUNS)(
    'at %i px in %s: search, open by keyboard, read-only until claimed, draft kept across a reload and a live refresh, complete',
    async (width, lang) => {
      const name = `${width}-${lang}`;
      const number = await fileApplication();
      const { context, page, errors, streams } = await clerkPage(width, lang);
      const words = TEXT[lang];
      try {
        await page.goto(`${system.uiUrl}/worklist`);
        await page.locator('[data-testid=task-list], .list [role=status]').first().waitFor();

        // "/" goes to the search box; the number finds exactly that application once its check is open.
        await eventually(`the completeness check of ${number}`, async () => {
          await page.keyboard.press('Escape');
          await page.locator('main h1').first().click();
          await page.keyboard.press('/');
          expect(await page.evaluate(() => document.activeElement?.id)).toBe('wl-search');
          await page.keyboard.press('Control+A');
          await page.keyboard.type(number);
          await page.keyboard.press('Enter');
          await page.waitForTimeout(800);
          return (await page.locator('[data-testid=task-list] tbody tr', { hasText: number }).count()) === 1;
        });
        expect(await page.locator('[data-testid=task-list] tbody tr').count()).toBe(1);
        expect(new URL(page.url()).searchParams.get('q')).toBe(number);
        // The flag is shown with the working days left.
        await expect(
          page.locator('[data-testid=task-list] tbody tr .badge').first().textContent(),
        ).resolves.toMatch(/\d/);
        await check(page, errors, `search-${name}`);

        // j moves to the row (focus visible), Enter opens it.
        await page.keyboard.press('Escape');
        await page.keyboard.press('j');
        expect(await page.evaluate(() => document.activeElement?.closest('tr')?.textContent)).toContain(
          number,
        );
        expect(await focusShown(page)).toBe(true);
        await page.keyboard.press('Enter');
        await page.locator('[data-testid=task-form] .fjs-form').waitFor();

        // Read-only until claimed: the fields cannot be changed.
        const complete = field(page, 'completeness-check', 'documentsComplete');
        await complete.waitFor();
        expect(await complete.isEnabled()).toBe(false);
        await expect(page.locator('.readonly-note').isVisible()).resolves.toBe(true);

        // c claims (whatever the keyboard layout: by key position).
        await page.keyboard.press('c');
        await page.locator(`cds-button[data-action=release]`).waitFor();
        expect(await complete.isEnabled()).toBe(true);
        const reason = field(page, 'completeness-check', 'incompletenessReason');
        await reason.fill(REASON);
        await page.locator('.draft-note', { hasText: /\d{2}:\d{2}/ }).waitFor();
        await check(page, errors, `draft-${name}`);

        // A reload comes back to the same search and the same task, with the draft, still claimed.
        await page.reload();
        await page.locator('[data-testid=task-list] tbody tr', { hasText: number }).waitFor();
        await page.locator('[data-testid=task-form] .fjs-form').waitFor();
        await expect(reason.inputValue()).resolves.toBe(REASON);
        expect(await reason.isEditable()).toBe(true);

        // Released, the fields close with what they hold; claimed again, they open with it.
        await page.click(`cds-button[data-action=release]:has-text("${words.release}")`);
        await page.locator(`cds-button[data-action=claim]:has-text("${words.claim}")`).waitFor();
        expect(await reason.isEditable()).toBe(false);
        await expect(reason.inputValue()).resolves.toBe(REASON);
        await page.locator('[data-testid=task-list] tbody tr a').first().focus();
        await page.keyboard.press('c');
        await page.locator(`cds-button[data-action=release]`).waitFor();
        expect(await reason.isEditable()).toBe(true);
        await expect(reason.inputValue()).resolves.toBe(REASON);

        // The list refreshes itself (a new application appears without a reload) and keeps the typed text.
        if (width === 1366 && lang === 'kk') {
          await page.fill('#wl-search input', '');
          await page.press('#wl-search input', 'Enter');
          await page.locator('[data-testid=task-list] tbody tr', { hasText: number }).waitFor();
          await reason.fill(`${REASON}.`);
          // The page listens to its view's event stream rather than asking every few seconds.
          expect(streams.length).toBeGreaterThan(0);
          const polls: string[] = [];
          page.on('request', (r) => {
            if (new URL(r.url()).pathname === '/api/worklist') polls.push(r.url());
          });
          const fresh = await fileApplication();
          await page
            .locator('[data-testid=task-list] tbody tr', { hasText: fresh })
            .waitFor({ timeout: 120_000 });
          await expect(reason.inputValue()).resolves.toBe(`${REASON}.`);
          // Re-read on the stream's word: a handful of reads, not one every few seconds.
          expect(polls.length).toBeGreaterThan(0);
          await page.fill('#wl-search input', number);
          await page.press('#wl-search input', 'Enter');
          await page.locator('[data-testid=task-list] tbody tr').nth(1).waitFor({ state: 'detached' });
        }

        // Complete: the documents are all there after all.
        await field(page, 'completeness-check', 'docApplication').check();
        await complete.check();
        await page.click(`cds-button[data-action=complete]:has-text("${words.complete}")`);
        await page.locator('.detail .ok').waitFor();

        // Among "completed by me", not among the open ones.
        await page.click(`cds-tab[data-view=completed]:has-text("${words.completedView}")`);
        await page.locator('[data-testid=task-list] tbody tr', { hasText: number }).waitFor();
        await check(page, errors, `completed-${name}`);
      } catch (err) {
        // What the clerk saw when it failed, for the report.
        await page.screenshot({ path: path.join(ARTIFACTS, `worklist-failed-${name}.png`), fullPage: true });
        console.error(
          `worklist ${name} failed; the task pane said:`,
          await page.locator('.detail').innerText(),
        );
        throw err;
      } finally {
        await context.close();
      }
    },
  );
});
