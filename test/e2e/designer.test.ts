/**
 * The designer in Chromium at 1366 px on the real engine: lint markers on the canvas as the user
 * edits, a draft saved in the web app's store and found again after a reload, a deployment of the
 * open diagram alone after its diff against the running version — and the repository's bpmn/ files
 * untouched (docs/decisions/0007-diagrams-source-of-truth.md). Screenshots go to test-artifacts/.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { Camunda8 } from '@camunda8/sdk';
import { launch, openPage, shot, signIn } from './support/browser';
import { eventually } from './support/forms';
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

  test('lint marker on the canvas, draft saved and reloaded, deploy of the changed diagram after its diff; bpmn/ unchanged', async () => {
    const engine = new Camunda8({
      ZEEBE_REST_ADDRESS: system.engineAddress,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
    }).getOrchestrationClusterApiClient();
    const versions = async (id: string) =>
      (
        await engine.searchProcessDefinitions({ filter: { processDefinitionId: id } } as never, {
          consistency: { waitUpToMs: 0 },
        })
      ).items!.map((p) => p.version);

    const { page, context, consoleErrors } = await openPage(browser);
    await signIn(page, system.uiUrl, 'designer');
    // Given the running security licence diagram open in the modeler, lint clean, our templates loaded
    await page.goto(`${system.uiUrl}/designer?diagram=security-licence.bpmn`);
    const element = (id: string) =>
      page.locator(`[data-testid=modeler] .djs-element[data-element-id="${id}"]`);
    await element('Task_CheckCompleteness').waitFor();
    await page.locator('[data-testid=diagram-source][data-source=running]').waitFor();
    // (the shipped diagrams carry layout advice only: warnings, no errors)
    await page.locator('.bjsl-button', { hasText: 'Қате: 0' }).waitFor();
    expect(await page.locator('[data-testid=lint-problems] li.error').count()).toBe(0);
    // Every element template of the repository is loaded.
    expect(Number(await page.locator('[data-testid=modeler]').getAttribute('data-element-templates'))).toBe(
      readdirSync(path.join(REPO, '.camunda', 'element-templates')).filter((f) => f.endsWith('.json')).length,
    );

    /** A properties panel field of the selected element, its group opened when collapsed. */
    const property = async (group: string, id: string) => {
      const input = page.locator(`#bio-properties-panel-${id}`);
      if (!(await input.isVisible()))
        await page.click(`[data-group-id="group-${group}"] .bio-properties-panel-group-header`);
      await input.waitFor();
      return input;
    };

    // When the designer clears a service task's job type
    await element('Task_ComputeDeadlines').click();
    await (await property('taskDefinition', 'taskDefinitionType')).fill('');
    // Then a lint marker appears on that element on the canvas, and Deploy is blocked
    const marker = page.locator('.djs-overlays[data-container-id="Task_ComputeDeadlines"] .bjsl-overlay');
    await marker.waitFor();
    await page
      .locator('[data-testid=lint-problems] li.error[data-element-id="Task_ComputeDeadlines"]')
      .first()
      .waitFor();
    await page.locator('button.primary:has-text("Орналастыру"):disabled').waitFor();
    await shot(page, 'designer-lint-marker');

    // When they put it back and rename a step instead
    await (await property('taskDefinition', 'taskDefinitionType')).fill('compute-deadlines');
    await marker.waitFor({ state: 'detached' });
    const label = 'Құжаттардың толықтығын тексеру';
    await element('Task_CheckCompleteness').click();
    await (await property('general', 'name')).fill(label);
    await page
      .locator('[data-testid=modeler] .djs-element[data-element-id="Task_CheckCompleteness"]', {
        hasText: label,
      })
      .waitFor();

    // And save a draft, then reload the page
    await page.click('button:has-text("Жобаны сақтау")');
    await page.locator('[data-testid=designer-message]', { hasText: 'Жоба сақталды' }).waitFor();
    await page.reload();
    // Then the draft is what opens
    await page.locator('[data-testid=diagram-source][data-source=draft]').waitFor();
    await element('Task_CheckCompleteness').filter({ hasText: label }).waitFor();
    await shot(page, 'designer-draft-reloaded');

    // When they press Deploy, the difference from the running version is shown first
    await page.click('button.primary:has-text("Орналастыру")');
    const diff = page.locator('[data-testid=deploy-diff]');
    await diff.waitFor();
    const changed = diff.locator('[data-testid=diff-changed] li[data-element-id="Task_CheckCompleteness"]');
    await changed.waitFor();
    expect(await changed.textContent()).toContain(label);
    expect(await diff.locator('[data-testid=diff-added]').count()).toBe(0);
    expect(await diff.locator('[data-testid=diff-removed]').count()).toBe(0);
    await shot(page, 'designer-diff');
    // And on confirmation only that diagram becomes a new version
    await page.click('[data-testid=confirm-deploy]');
    await page.locator('[data-testid=deployed]', { hasText: 'security-licence v2' }).waitFor();
    await shot(page, 'designer-deployed');
    expect(
      await eventually('security-licence v2', async () =>
        (await versions('security-licence')).includes(2) ? true : undefined,
      ),
    ).toBe(true);
    expect(await versions('hearing')).toEqual([1]);
    expect(await versions('fire-automation-permit')).toEqual([1]);

    // The repository's diagrams are byte for byte what they were
    expect(bpmnHash()).toBe(hashBefore);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
