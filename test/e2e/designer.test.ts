/**
 * The designer in Chromium on the real engine, in Kazakh and Russian, on a 1366 px desktop and a
 * 390 px phone: the modeler's palette, context pad and replace menu speak the page's language; a
 * lint marker appears on the canvas as the designer edits and blocks Deploy; a draft is saved in
 * the web app's store and found again after a reload; the diff against the running version shows
 * the change; a deployment sends the open diagram alone as a new version — and the repository's
 * bpmn/ files stay untouched (docs/decisions/0007-diagrams-source-of-truth.md). Every page: no
 * element id, no Latin word, no sideways scroll, no console error. Screenshots:
 * docs/ui/designer-<step>-<width>-<lang>.png (docs/ui.md).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Camunda8 } from '@camunda8/sdk';
import { t } from '../../i18n';
import { launch, openDevice, signIn, type Lang, type Width } from './support/browser';
import { eventually } from './support/forms';
import { latinWords, RAW_ID, readableText } from './support/readable';
import { missingPrerequisite, REPO, startSystem, type RunningSystem } from './support/system';

const missing = missingPrerequisite();
if (missing) console.warn(`e2e designer test SKIPPED: ${missing}`);
const describeSystem = missing ? describe.skip : describe;

jest.setTimeout(600_000);

const bpmnHash = () => {
  const h = createHash('sha256');
  const dir = path.join(REPO, 'bpmn');
  for (const name of readdirSync(dir).sort()) h.update(name).update(readFileSync(path.join(dir, name)));
  return h.digest('hex');
};

const DEVICES: [Width, Lang][] = [
  [1366, 'kk'],
  [1366, 'ru'],
  [390, 'kk'],
  [390, 'ru'],
];

/** The new name of the step each run gives, «Kazakh / Russian» as the builder names elements. */
const renamed = (width: Width, lang: Lang) => {
  const run = `${width}.${lang === 'kk' ? 1 : 2}`;
  return { kk: `Заңды мерзімдерді есептеу ${run}`, ru: `Расчёт сроков по закону ${run}` };
};

describeSystem('designer in the browser', () => {
  let system: RunningSystem;
  let browser: Browser;
  const hashBefore = bpmnHash();

  beforeAll(async () => {
    system = await startSystem({ workers: false });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  const versions = async (id: string) => {
    const engine = new Camunda8({
      ZEEBE_REST_ADDRESS: system.engineAddress,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
    }).getOrchestrationClusterApiClient();
    return (
      await engine.searchProcessDefinitions({ filter: { processDefinitionId: id } } as never, {
        consistency: { waitUpToMs: 0 },
      })
    ).items!.map((p) => Number(p.version));
  };

  /** The page as a person reads it: no element ids, no Latin words, no sideways scroll. */
  async function expectReadable(page: Page, name: string) {
    await page.screenshot({ path: path.join(REPO, 'docs', 'ui', `designer-${name}.png`) });
    const { text, overflow } = await readableText(page);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(text).not.toMatch(RAW_ID);
    expect(latinWords(text)).toEqual([]);
  }

  /** Titles of the modeler's controls in `selector` (diagram-js puts them in title or aria-label). */
  const titles = (page: Page, selector: string) =>
    page.$$eval(selector, (els) =>
      els.map((e) => e.getAttribute('title') ?? e.getAttribute('aria-label') ?? '').filter(Boolean),
    );

  test.each(['kk', 'ru'] as Lang[])(
    "on a 390 px phone in %s the header's menu opens and its link leads to the page",
    async (lang) => {
      const { page, context, errors } = await openDevice(browser, 390, lang);
      await signIn(page, system.uiUrl, 'designer', { lang });
      await page.goto(`${system.uiUrl}/designer`);
      await page.locator('[data-testid=modeler] .djs-element').first().waitFor();
      // The header's pages are behind the menu button on a phone
      const link = page.locator('app-header cds-side-nav-link', { hasText: t(lang, 'nav.forms') });
      expect(await link.isVisible()).toBe(false);
      await page.click('app-header cds-header-menu-button');
      await link.waitFor({ state: 'visible' });
      await page.screenshot({ path: path.join(REPO, 'docs', 'ui', `designer-menu-390-${lang}.png`) });
      const { text } = await readableText(page);
      expect(latinWords(text)).toEqual([]);
      await Promise.all([page.waitForURL((u) => u.pathname === '/designer/forms'), link.click()]);
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  test.each(DEVICES)(
    'at %i px in %s: modeler texts in the language, lint marker, draft saved and reloaded, diff, deploy of the changed diagram',
    async (width, lang) => {
      const { page, context, errors } = await openDevice(browser, width, lang);
      await signIn(page, system.uiUrl, 'designer', { lang });
      await page.goto(`${system.uiUrl}/designer?diagram=security-licence.bpmn`);
      const element = (id: string) =>
        page.locator(`[data-testid=modeler] .djs-element[data-element-id="${id}"]`);
      await element('Task_ComputeDeadlines').waitFor();
      await page.locator('[data-testid=diagram-source][data-source]:not([data-source=""])').waitFor();
      // The diagram picker names the process, not its file.
      expect(await page.locator('[data-testid=diagram-picker]').getAttribute('value')).toBe(
        'security-licence.bpmn',
      );
      // The shipped diagram opens without errors or advice (test/models/diagrams.test.ts).
      await page
        .locator('.bjsl-button', { hasText: t(lang, 'lint.noIssues') })
        .first()
        .waitFor();
      expect(await page.locator('[data-testid=lint-problems] tr.error').count()).toBe(0);
      // Every element template of the repository is loaded.
      expect(Number(await page.locator('[data-testid=modeler]').getAttribute('data-element-templates'))).toBe(
        readdirSync(path.join(REPO, '.camunda', 'element-templates')).filter((f) => f.endsWith('.json'))
          .length,
      );

      // The palette's tools and the context pad of a step speak the page's language.
      await page.locator('.djs-palette .entry').first().hover();
      const palette = await titles(page, '.djs-palette .entry');
      expect(palette.length).toBeGreaterThan(10);
      expect(latinWords(palette.join('\n'))).toEqual([]);
      await element('Task_ComputeDeadlines').click();
      await page.locator('.djs-context-pad .entry').first().waitFor();
      const pad = await titles(page, '.djs-context-pad .entry');
      expect(pad.length).toBeGreaterThan(5);
      expect(latinWords(pad.join('\n'))).toEqual([]);

      /** A properties panel field of the selected element, its group opened when collapsed. */
      const property = async (group: string, id: string) => {
        const input = page.locator(`#bio-properties-panel-${id}`);
        if (!(await input.isVisible()))
          await page.click(`[data-group-id="group-${group}"] .bio-properties-panel-group-header`);
        await input.waitFor();
        return input;
      };

      // When the designer clears the step's job type (the step is selected: its context pad is open)
      await (await property('taskDefinition', 'taskDefinitionType')).fill('');
      // Then an error marker appears on that step on the canvas, the list names it, Deploy is blocked
      const marker = page.locator(
        '.djs-overlays[data-container-id="Task_ComputeDeadlines"] .bjsl-overlay .bjsl-icon-error',
      );
      await marker.waitFor();
      const row = page.locator(
        '[data-testid=lint-problems] tr.error[data-element-id="Task_ComputeDeadlines"]',
      );
      await row.first().waitFor();
      expect(await row.first().innerText()).toContain(t(lang, 'step.Task_ComputeDeadlines'));
      await page.locator('cds-button[data-testid=deploy][disabled]').waitFor();
      await expectReadable(page, `lint-${width}-${lang}`);

      // When they put it back and rename the step instead
      await (await property('taskDefinition', 'taskDefinitionType')).fill('compute-deadlines');
      await marker.waitFor({ state: 'detached' });
      const name = renamed(width, lang);
      await (await property('general', 'name')).fill(`${name.kk} / ${name.ru}`);
      await element('Task_ComputeDeadlines').filter({ hasText: name.kk }).waitFor();
      await page.locator('cds-button[data-testid=deploy]:not([disabled])').waitFor();

      // And check it as the deploy gate does
      await page.click('cds-button[data-testid=validate]');
      await page.locator('cds-inline-notification[data-testid=validate-result][kind=success]').waitFor();

      // And save a draft, then reload the page
      await page.click('cds-button[data-testid=save-draft]');
      await page
        .locator('cds-inline-notification[kind=success]', { hasText: t(lang, 'designer.draftSaved') })
        .waitFor();
      await page.reload();
      // Then the draft is what opens
      await page.locator('[data-testid=diagram-source][data-source=draft]').waitFor();
      await element('Task_ComputeDeadlines').filter({ hasText: name.kk }).waitFor();

      // The difference from the running version: that step renamed, nothing added or removed
      await page.click('cds-button[data-testid=show-diff]');
      const diff = page.locator('[data-testid=deploy-diff]');
      await diff.waitFor();
      const changed = diff.locator(
        'cds-structured-list-row[data-kind=changed][data-element-id="Task_ComputeDeadlines"]',
      );
      await changed.waitFor();
      expect(await changed.innerText()).toContain(name[lang]);
      expect(await diff.locator('[data-kind=added], [data-kind=removed]').count()).toBe(0);
      expect(await diff.locator('[data-testid=confirm-deploy]').count()).toBe(0);
      await changed.scrollIntoViewIfNeeded();
      await expectReadable(page, `diff-${width}-${lang}`);
      await page.click('cds-button[data-testid=cancel-deploy]');
      await diff.waitFor({ state: 'detached' });

      // When they deploy, the diff asks to confirm, and only that diagram becomes a new version
      const before = await versions('security-licence');
      const next = Math.max(...before) + 1;
      const others = { hearing: await versions('hearing'), fire: await versions('fire-automation-permit') };
      await page.click('cds-button[data-testid=deploy]');
      await page.click('[data-testid=deploy-diff] cds-button[data-testid=confirm-deploy]');
      const deployed = page.locator('cds-inline-notification[data-testid=deployed]');
      await deployed.waitFor();
      expect(await deployed.getAttribute('title')).toBe(
        `${t(lang, 'deployed')}: ${t(lang, 'step.security-licence')}, ${t(lang, 'designer.version')} ${next}`,
      );
      expect(
        await eventually(`security-licence v${next}`, async () =>
          (await versions('security-licence')).includes(next) ? true : undefined,
        ),
      ).toBe(true);
      expect(await versions('hearing')).toEqual(others.hearing);
      expect(await versions('fire-automation-permit')).toEqual(others.fire);
      await deployed.scrollIntoViewIfNeeded();
      await expectReadable(page, `deployed-${width}-${lang}`);

      // The menu that replaces a step by another kind speaks the page's language too.
      await element('Task_ComputeDeadlines').click();
      await page.locator('.djs-context-pad .entry').first().waitFor();
      await page.click('.djs-context-pad .entry[data-action="replace"]');
      const menu = page.locator('.djs-popup');
      await menu.waitFor();
      const menuText = [await menu.innerText(), ...(await titles(page, '.djs-popup [title]'))].join('\n');
      expect(menuText).toContain(t(lang, 'designer.m.userTask'));
      expect(latinWords(menuText)).toEqual([]);
      await page.keyboard.press('Escape');
      await menu.waitFor({ state: 'detached' });

      // The repository's diagrams are byte for byte what they were
      expect(bpmnHash()).toBe(hashBefore);
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
