/**
 * An operator in Chromium against the real system (engine, diagrams, workers, simulators, web app),
 * at 1366 px and on a 390 px phone, in Kazakh and Russian, the browser in another time zone than
 * Almaty's: applications list → one application → its diagram (zoom, fit) → retry a failed step
 * and change a value, each with a reason in a modal → the deadline board → a calendar revision →
 * the MCI screen; one application is cancelled with a reason. Screenshots go to docs/ui/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Camunda8 } from '@camunda8/sdk';
import { fixtures } from '../../simulators';
import { formatAlmatyDateTime } from '../../domain/almaty-time';
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
/** Today in Almaty as a page shows it (the engine's clock is the wall clock here). */
const almatyToday = () => formatAlmatyDateTime(new Date()).slice(0, 10);

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
  async function check(page: Page, errors: string[], name: string, width: Width) {
    await page.screenshot({ path: path.join(SHOTS, `operations-${name}.png`) });
    const { text, overflow, scrollWidth } = await page.evaluate(() => ({
      text: document.body.innerText,
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      scrollWidth: document.documentElement.scrollWidth,
    }));
    // Tables scroll inside their wrappers: the page itself never scrolls sideways.
    expect([name, overflow <= 0, scrollWidth <= width]).toEqual([name, true, true]);
    expect(text).not.toMatch(/\b(Task|Gateway|Event|SubProcess|Call|Start|End|Boundary|Flow|Activity)_/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect([name, text.replace(NUMBERS, '').match(/[A-Za-z]{2,}/g) ?? []]).toEqual([name, []]);
    expect([name, errors]).toEqual([name, []]);
  }

  /**
   * The header's language switch shows its whole label: its box lies inside the header and the
   * window, and its text fits its box (a long application name gives way, the switch does not).
   */
  async function switchFits(page: Page, name: string) {
    const m = await page.evaluate(() => {
      const root = document.querySelector('app-header')!.shadowRoot!;
      const a = root.querySelector<HTMLElement>('[data-testid=lang-switch]')!;
      const box = a.getBoundingClientRect();
      const header = root.querySelector('cds-header')!.getBoundingClientRect();
      const right = Math.min(header.right, document.documentElement.clientWidth);
      return {
        label: a.textContent!.trim(),
        inside: box.left >= header.left && box.right <= right + 0.5,
        fits: a.scrollWidth <= a.clientWidth,
      };
    });
    expect([name, m.label, m.inside, m.fits]).toEqual([name, m.label, true, true]);
  }

  /** Gives the reason in the open modal and sends it. */
  async function giveReason(page: Page, reason: string) {
    await page.locator('[data-testid=reason-form] cds-textarea textarea').fill(reason);
    await page.click('[data-testid=reason-submit]');
  }

  const views: [Width, Lang][] = [
    [1366, 'kk'],
    [1366, 'ru'],
    [390, 'kk'],
    [390, 'ru'],
  ];
  const REASONS = {
    kk: { retry: 'Тіркелім қайта жауап береді', value: 'Өтініш берушінің хатымен нақтыланды' },
    ru: { retry: 'Регистр снова отвечает', value: 'Уточнено письмом заявителя' },
  };
  const DAY_NAME = { kk: 'Сынақ демалыс күні', ru: 'Пробный выходной день' };

  test('list → application → retry → value change with a reason → deadline board → calendar revision → MCI, in kk and ru at 1366 and 390 px; a cancellation with a reason', async () => {
    const applicant = await session('applicant', 1366, 'kk', { bin: COMPANY.bin });
    const failing = new Map<string, { number: string; key: string }>();
    for (const [width, lang] of views) failing.set(`${width}-${lang}`, await file(applicant.page));
    const cancelled = await file(applicant.page);
    await applicant.context.close();
    for (const app of failing.values()) await withIncident(app.key);

    for (const [width, lang] of views) {
      const { context, page, errors } = await session('operator', width, lang);
      const tag = `${width}-${lang}`;
      const app = failing.get(tag)!;
      // The list: running and finished applications, filtered by number.
      await page.goto(`${system.uiUrl}/operations`);
      await page.locator('[data-testid=applications]').waitFor();
      await page.locator('[data-testid=deadline-board]').waitFor();
      const incidentsBox = page.locator('section[aria-labelledby=h-incidents]');
      await incidentsBox.locator('[data-testid=incidents], [role=alert], [role=status]').first().waitFor();
      await check(page, errors, `list-${tag}`, width);
      if (width === 390) {
        // Neither language's label is cut at 390 or 360 px, nor in the font a phone falls back to
        // before (or without) the web font.
        await switchFits(page, `switch-${tag}`);
        await page.setViewportSize({ width: 360, height: 844 });
        await switchFits(page, `switch-360-${tag}`);
        const bare = await openDevice(browser, 390, lang);
        await bare.page.setViewportSize({ width: 360, height: 844 });
        await bare.page.route(/\.woff2$/, (route) => route.abort());
        await signIn(bare.page, system.uiUrl, 'operator', { lang });
        await bare.page.goto(`${system.uiUrl}/operations`);
        await bare.page.locator('app-header [data-testid=lang-switch]').waitFor();
        await switchFits(bare.page, `switch-fallback-font-${tag}`);
        await bare.page.screenshot({ path: path.join(SHOTS, `operations-header-fallback-360-${lang}.png`) });
        await bare.context.close();
        await page.setViewportSize({ width: 390, height: 844 });
        // On a phone the header's pages are behind the menu button.
        await page.click('cds-header-menu-button');
        await page.locator('cds-side-nav[expanded] cds-side-nav-link[href="/operations"]').waitFor();
        await check(page, errors, `menu-${tag}`, width);
        await page.click('cds-header-menu-button');
      }
      // The incidents are named by application and step, never by key or element id.
      expect(await incidentsBox.innerText()).toContain(app.number);
      await page.locator('[data-testid=ops-filters] cds-text-input[name=q] input').fill(app.number);
      await page.click('[data-testid=ops-apply]');
      await eventually('the filtered list', async () =>
        (await page.locator('[data-testid=applications] tbody tr').count()) === 1 ? true : undefined,
      );
      expect(new URL(page.url()).searchParams.get('q')).toBe(app.number);
      // The application: its diagram with the taken path, the incident on its step, counts.
      await page.click(`[data-testid=applications] a:has-text("${app.number}")`);
      await page.locator('[data-testid=diagram] .djs-element.ov-taken').first().waitFor();
      await page.locator('[data-testid=diagram] .djs-element.ov-incident').first().waitFor();
      const viewport = () =>
        page.evaluate(() =>
          document.querySelector('[data-testid=diagram] .viewport')?.getAttribute('transform'),
        );
      const before = await viewport();
      await page.click('[data-testid=zoom-in]');
      expect(await viewport()).not.toEqual(before);
      await page.click('[data-testid=zoom-fit]');
      await page.locator('[data-testid=instance-incidents]').waitFor();
      await check(page, errors, `instance-${tag}`, width);
      // Retry asks for the reason in a modal; without one the field is refused by name, with it the step runs again.
      await page.click('[data-testid=retry]');
      await page.locator('cds-modal[open] [data-testid=reason-form]').waitFor();
      await page.click('[data-testid=reason-submit]');
      await page.locator('[data-testid=reason-form] [role=alert]').waitFor();
      expect(await page.locator('[data-testid=reason-form] [role=alert]').innerText()).toContain(
        lang === 'kk' ? '«Негіздеме»' : '«Обоснование»',
      );
      await check(page, errors, `retry-${tag}`, width);
      await giveReason(page, REASONS[lang].retry);
      await eventually('the retried step to pass', async () => {
        await page.goto(`${system.uiUrl}/operations/instances/${app.key}`);
        await page.locator('[data-testid=history]').waitFor();
        return (await page.locator('[data-testid=instance-incidents]').count()) === 0 ? true : undefined;
      });
      expect(await page.locator('[data-testid=history]').innerText()).toContain(REASONS[lang].retry);
      // The application's terms say which clock decides "overdue": the engine's, in Almaty time.
      expect(await page.locator('operations-instance [data-testid=engine-clock]').innerText()).toContain(
        almatyToday(),
      );
      // A value changed with the reason: a code is chosen by its name (the sub-type's two kinds),
      // never typed; the history says what it was, what it is, who and why.
      await page.click('[data-testid=edit-value][data-variable=subType]');
      const choices = page.locator(
        'cds-modal[open] [data-testid=reason-form] cds-radio-button-group[name=value]',
      );
      await choices.waitFor();
      expect(
        await choices
          .locator('cds-radio-button')
          .evaluateAll((els) => els.map((e) => e.getAttribute('label-text'))),
      ).toEqual(
        lang === 'kk'
          ? ['1-кіші түр: орталықтандырылған күзет пульті бар күзет ұйымы', '2-кіші түр: өзге күзет ұйымы']
          : [
              'подвид 1: охранная организация с пультом централизованного наблюдения',
              'подвид 2: иная охранная организация',
            ],
      );
      await check(page, errors, `value-${tag}`, width);
      await choices.locator('cds-radio-button[value="1"]').click();
      await giveReason(page, REASONS[lang].value);
      await eventually('the change in the history', async () => {
        const history = await page.locator('[data-testid=history]').innerText();
        return history.includes(REASONS[lang].value) ? history : undefined;
      });
      await page.locator('[data-testid=history]').scrollIntoViewIfNeeded();
      await check(page, errors, `instance-changed-${tag}`, width);

      if (width === 1366 && lang === 'ru') {
        // Cancel another application, with the reason recorded in its history.
        await page.goto(`${system.uiUrl}/operations/instances/${cancelled.key}`);
        await page.click('[data-testid=cancel-instance]');
        await giveReason(page, 'Заявитель отозвал заявление письмом');
        await eventually('the cancellation in the history', async () => {
          const h = page.locator('[data-testid=history]');
          await h.waitFor();
          return (await h.innerText()).includes('Заявитель отозвал заявление письмом') ? true : undefined;
        });
        expect(await page.locator('[data-testid=instance-state]').innerText()).toContain('Прекращено');
        await check(page, errors, `instance-cancelled-${tag}`, width);
        // ...and the finished application is in the list of finished ones.
        await page.goto(`${system.uiUrl}/operations?state=terminated`);
        await page.locator(`[data-testid=applications] a:has-text("${cancelled.number}")`).waitFor();
      }

      // The deadline board by the engine's clock: the three bands, each with its count.
      await page.goto(`${system.uiUrl}/operations`);
      const board = page.locator('[data-testid=deadline-board]');
      await board.waitFor();
      expect(await board.locator('.band').count()).toBeGreaterThanOrEqual(3);
      // Above the board: the engine's date and time that decided the bands (here the server's too).
      const clock = page.locator('operations-dashboard [data-testid=engine-clock]');
      expect(await clock.innerText()).toContain(almatyToday());
      expect(await clock.locator('[data-testid=engine-clock-differs]').count()).toBe(0);
      await board.scrollIntoViewIfNeeded();
      await check(page, errors, `board-${tag}`, width);

      await context.close();
    }

    // The calendar and MCI screens, after every retry: a calendar revision re-arms the running
    // applications' stages (the diagrams catch calendar-revised), which ends a failed step too.
    let revision = 0;
    for (const [width, lang] of views) {
      const { context, page, errors } = await session('operator', width, lang);
      const tag = `${width}-${lang}`;
      // A calendar revision with its legal basis; it is listed with the day's kind and name.
      revision++;
      await page.goto(`${system.uiUrl}/operations/calendar`);
      const form = page.locator('[data-testid=calendar-form]');
      await form.waitFor();
      const typeIn = (name: string, value: string) =>
        form.locator(`cds-text-input[name="${name}"] input`).fill(value);
      const fillRevision = async (id: string) => {
        await typeIn('id', id);
        await typeIn('effectiveFrom', '01.12.2026');
        await typeIn('changes.0.date', `${14 + revision}.06.2027`);
        await form.locator('cds-select[name="changes.0.kind"] select').selectOption('transferred-day-off');
        await typeIn('changes.0.name', DAY_NAME[lang]);
        await typeIn('act', lang === 'kk' ? 'Үкіметтің қаулысы № 100' : 'Постановление Правительства № 100');
        await typeIn('paragraph', lang === 'kk' ? '1-тармақ' : 'пункт 1');
        await typeIn('actDate', '20.11.2026');
        await form.locator('cds-button[type=submit]').click();
      };
      await fillRevision(`2027/${revision}`);
      await page
        .locator(
          `[data-testid=calendar-revisions] li:has-text("${DAY_NAME[lang]}"), [data-testid=calendar-form] [role=alert]`,
        )
        .first()
        .waitFor();
      expect(await form.locator('[role=alert]').allInnerTexts()).toEqual([]);
      // Recorded: a success notice names the revision and its dates; the form is empty again.
      const notice = await form.locator('[data-testid=recorded]').getAttribute('title');
      expect(notice).toContain(`2027/${revision}`);
      expect(notice).toContain('01.12.2026');
      expect(notice!.replace(/2027\/\d/, '')).not.toMatch(/[A-Za-z]{2,}|\d{4}-\d{2}-\d{2}/);
      for (const name of [
        'id',
        'effectiveFrom',
        'changes.0.date',
        'changes.0.name',
        'act',
        'paragraph',
        'actDate',
      ])
        expect([name, await form.locator(`cds-text-input[name="${name}"] input`).inputValue()]).toEqual([
          name,
          '',
        ]);
      await form.locator('[data-testid=recorded]').scrollIntoViewIfNeeded();
      await check(page, errors, `calendar-${tag}`, width);
      // The same days typed again under another number are refused, in the page's language.
      await fillRevision(`2027/${revision}-2`);
      await form.locator('[role=alert]').waitFor();
      expect(await form.locator('[role=alert]').innerText()).toContain(
        lang === 'kk'
          ? `2027/${revision} өзгерісімен бұрын жазылған`
          : `уже записаны изменением 2027/${revision}`,
      );
      await form.locator('[role=alert]').scrollIntoViewIfNeeded();
      // The refusal is the server's answer (409) that the page shows, not a page error.
      const conflict = errors.findIndex((e) => /status of 409\b/.test(e));
      expect(conflict).toBeGreaterThanOrEqual(0);
      errors.splice(conflict, 1);
      await check(page, errors, `calendar-repeated-${tag}`, width);

      // The MCI screen: a wrong entry is refused with the field named in the page's language.
      await page.goto(`${system.uiUrl}/operations/mci`);
      await page.locator('[data-testid=mci-years]').waitFor();
      await page.locator('[data-testid=mci-form] cds-text-input[name=year] input').fill('2026');
      await page.click('[data-testid=mci-form] cds-button[type=submit]');
      await page.locator('[data-testid=mci-form] [role=alert]').waitFor();
      expect(await page.locator('[data-testid=mci-form] [role=alert]').innerText()).toContain(
        lang === 'kk' ? '«АЕК, теңге»' : '«МРП, тенге»',
      );
      expect(
        await page.locator('[data-testid=mci-form] cds-text-input[name=mci]').getAttribute('invalid'),
      ).not.toBeNull();
      await check(page, errors, `mci-${tag}`, width);
      await context.close();
    }
  });
});
