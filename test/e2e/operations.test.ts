/**
 * An operator in Chromium against the real system (engine, diagrams, workers, simulators, web app),
 * at 1366 px and on a 390 px phone, in Kazakh and Russian, the browser in another time zone than
 * Almaty's: applications list → one application → its diagram (zoom, fit) → retry a failed step /
 * cancel an application, each with a reason; the calendar and MCI screens. Screenshots go to docs/ui/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Camunda8 } from '@camunda8/sdk';
import { fixtures } from '../../simulators';
import { fileLicenceFromPage, launch, openDevice, signIn, type Lang, type Width } from './support/browser';
import { eventually } from './support/forms';
import { missingPrerequisite, REPO, startSystem, type RunningSystem } from './support/system';

const missing = missingPrerequisite();
if (missing) console.warn(`e2e operations tests SKIPPED: ${missing}`);
const describeSystem = missing ? describe.skip : describe;

jest.setTimeout(900_000);

const COMPANY = fixtures.licence.approved;
const NOW = { consistency: { waitUpToMs: 0 } } as const;
const SHOTS = path.join(REPO, 'docs', 'ui');
/** Register numbers are the only Latin a page may show. */
const NUMBERS = /\b[A-Z]{3}-\d{4}-\d{6}\b/g;

describeSystem('an operator in the browser', () => {
  let system: RunningSystem;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    system = await startSystem();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  const engine = () =>
    new Camunda8({
      ZEEBE_REST_ADDRESS: system.engineAddress,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
    }).getOrchestrationClusterApiClient();

  async function session(role: string, width: Width, lang: Lang, opts: { bin?: string; unit?: string } = {}) {
    const device = await openDevice(browser, width, lang, { validationAnswers: true });
    await signIn(device.page, system.uiUrl, role, { ...opts, lang });
    return device;
  }

  /** Files a security licence through the intake (as the portal does); returns its number and instance. */
  async function file(page: Page): Promise<{ number: string; key: string }> {
    const number = await fileLicenceFromPage(page, system.uiUrl, COMPANY);
    const key = await eventually(`the process of ${number}`, async () => {
      const r = await engine().searchProcessInstances(
        { filter: { variables: [{ name: 'applicationNumber', value: JSON.stringify(number) }] } } as any,
        NOW,
      );
      return r.items?.[0] ? String(r.items[0].processInstanceKey) : undefined;
    });
    return { number, key };
  }

  /** The completeness check done in the engine while the legal-entity register answers nonsense: an incident. */
  async function withIncident(key: string) {
    const client = engine();
    const task = await eventually('the completeness check', async () => {
      const r = await client.searchUserTasks(
        { filter: { state: 'CREATED', elementId: 'Task_CheckCompleteness', processInstanceKey: key } } as any,
        NOW,
      );
      return r.items?.[0];
    });
    await control({ malformed: true });
    try {
      await client.completeUserTask({
        userTaskKey: task.userTaskKey,
        variables: { documentsComplete: true, documentsExpired: false },
      } as any);
      await eventually('the incident', async () => {
        const r = await client.searchIncidents(
          { filter: { state: 'ACTIVE', processInstanceKey: key } } as any,
          NOW,
        );
        return r.items?.length ? true : undefined;
      });
    } finally {
      await control({ malformed: false });
    }
  }
  async function control(settings: Record<string, unknown>) {
    const res = await fetch(`${system.simulatorsUrl}/_control/legal-entities`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(settings),
    });
    expect(res.ok).toBe(true);
  }

  /** What a person reads: no element ids, no Latin but register numbers, no ISO dates, no sideways scroll, no console error. */
  async function check(page: Page, errors: string[], name: string) {
    await page.screenshot({ path: path.join(SHOTS, `operations-${name}.png`) });
    const { text, overflow } = await page.evaluate(() => ({
      text: document.body.innerText,
      overflow: document.documentElement.scrollWidth - window.innerWidth,
    }));
    expect([name, overflow <= 0]).toEqual([name, true]);
    expect(text).not.toMatch(/\b(Task|Gateway|Event|SubProcess|Call|Start|End|Boundary|Flow)_/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect([name, text.replace(NUMBERS, '').match(/[A-Za-z]{2,}/g) ?? []]).toEqual([name, []]);
    expect([name, errors]).toEqual([name, []]);
  }

  test('list → application → diagram → retry with a reason (kk) and cancel with a reason (ru), at 1366 and 390 px; calendar and MCI screens', async () => {
    const applicant = await session('applicant', 1366, 'kk', { bin: COMPANY.bin });
    const failing = { kk: await file(applicant.page), ru: await file(applicant.page) };
    const cancelled = await file(applicant.page);
    await applicant.context.close();
    await withIncident(failing.kk.key);
    await withIncident(failing.ru.key);

    const views: [Width, Lang][] = [
      [1366, 'kk'],
      [1366, 'ru'],
      [390, 'kk'],
      [390, 'ru'],
    ];
    for (const [width, lang] of views) {
      const { context, page, errors } = await session('operator', width, lang);
      const tag = `${width}-${lang}`;
      const app = failing[lang];
      // The list: running and finished applications, filtered by number.
      await page.goto(`${system.uiUrl}/operations`);
      await page.locator('[data-testid=applications]').waitFor();
      await page.locator('[data-testid=deadline-board]').waitFor();
      await check(page, errors, `list-${tag}`);
      await page.fill('[data-testid=ops-filters] input[name=q]', app.number);
      await page.click('[data-testid=ops-filters] button[type=submit]');
      await page.locator('[data-testid=applications] tbody tr').first().waitFor();
      expect(await page.locator('[data-testid=applications] tbody tr').count()).toBe(1);
      // The application: its diagram with the taken path, the incident on its step, counts.
      await page.click(`[data-testid=applications] a:has-text("${app.number}")`);
      await page.locator('[data-testid=diagram] .djs-element.ov-taken').first().waitFor();
      const before = await page.evaluate(() =>
        document.querySelector('[data-testid=diagram] .viewport')?.getAttribute('transform'),
      );
      await page.click('[data-testid=zoom-in]');
      const zoomed = await page.evaluate(() =>
        document.querySelector('[data-testid=diagram] .viewport')?.getAttribute('transform'),
      );
      expect(zoomed).not.toEqual(before);
      await page.click('[data-testid=zoom-fit]');
      if (width === 1366) {
        await page.locator('[data-testid=instance-incidents]').waitFor();
        await check(page, errors, `instance-${tag}`);
      }
      if (width === 1366 && lang === 'kk') {
        // Retry asks for the reason; with it, the step runs again.
        await page.click('[data-testid=retry]');
        await page.fill('[data-testid=reason-form] textarea', 'Тіркелім қайта жауап береді');
        await page.click('[data-testid=reason-form] button[type=submit]');
        await page.waitForLoadState('load');
        await eventually('the retried step to pass', async () => {
          await page.goto(`${system.uiUrl}/operations/instances/${app.key}`);
          await page.locator('[data-testid=history]').waitFor();
          return (await page.locator('[data-testid=instance-incidents]').count()) === 0 ? true : undefined;
        });
        const history = await page.locator('[data-testid=history]').innerText();
        expect(history).toContain('Тіркелім қайта жауап береді');
        await check(page, errors, `instance-retried-${tag}`);
      }
      if (width === 1366 && lang === 'ru') {
        // Cancel another application, with the reason recorded in its history.
        await page.goto(`${system.uiUrl}/operations/instances/${cancelled.key}`);
        await page.click('[data-testid=cancel-instance]');
        await page.fill('[data-testid=reason-form] textarea', 'Заявитель отозвал заявление письмом');
        await page.click('[data-testid=reason-form] button[type=submit]');
        await eventually('the cancellation in the history', async () => {
          await page.goto(`${system.uiUrl}/operations/instances/${cancelled.key}`);
          const h = page.locator('[data-testid=history]');
          await h.waitFor();
          return (await h.innerText()).includes('Заявитель отозвал заявление письмом') ? true : undefined;
        });
        expect(await page.locator('[data-testid=instance-state]').innerText()).toContain('Прекращено');
        await check(page, errors, `instance-cancelled-${tag}`);
        // ...and the finished application is in the list of finished ones.
        await page.goto(`${system.uiUrl}/operations?state=terminated`);
        await page.locator(`[data-testid=applications] a:has-text("${cancelled.number}")`).waitFor();
      }
      if (width === 390) {
        await page.locator('[data-testid=history]').scrollIntoViewIfNeeded();
        await check(page, errors, `instance-${tag}`);
      }
      // The calendar and MCI screens; a wrong MCI is refused with the field named in the page's language.
      await page.goto(`${system.uiUrl}/operations/calendar`);
      await page.locator('[data-testid=calendar-form]').waitFor();
      await check(page, errors, `calendar-${tag}`);
      await page.goto(`${system.uiUrl}/operations/mci`);
      await page.locator('[data-testid=mci-years]').waitFor();
      await page.fill('[data-testid=mci-form] input[name=year]', '2026');
      await page.click('[data-testid=mci-form] button[type=submit]');
      await page.locator('[data-testid=mci-form] [role=alert]').waitFor();
      expect(await page.locator('[data-testid=mci-form] [role=alert]').innerText()).toContain(
        lang === 'kk' ? '«АЕК, теңге»' : '«МРП, тенге»',
      );
      await check(page, errors, `mci-${tag}`);
      await context.close();
    }
  });
});
