/**
 * The designer's properties panel speaks the page's language everywhere (issue 11: every text in one
 * catalogue per language): in Chromium, in Kazakh and Russian, one element of each kind our diagrams
 * use is selected in the modeler (the process, start, end, intermediate and boundary events of each
 * definition, service, user, script, send, receive and business-rule tasks, call activities, event
 * sub-processes, gateways, sequence flows), every group of its panel is opened, every list entry
 * expanded, and the panel's visible text, its placeholders, its buttons' and links' titles and its
 * help tooltips hold no Latin word. What the designer typed is not text the panel shows: values inside
 * inputs and FEEL editors (ids, job types, expressions) are left out. Screenshots:
 * docs/ui/designer-panel-<width>-<lang>.png.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildBundles } from '../../ui/build';
import { startApp } from '../ui/support/harness';
import { launch, openDevice, type Lang, type Width } from './support/browser';
import { latinWords } from './support/readable';
import { missingPrerequisite, REPO } from './support/system';

const missing = missingPrerequisite();
if (missing) console.warn(`e2e properties panel test SKIPPED: ${missing}`);
const describeBrowser = missing ? describe.skip : describe;

jest.setTimeout(600_000);

/** Diagrams that together hold every element kind our procedures use. */
const DIAGRAMS = [
  'security-licence.bpmn',
  'deliver-result.bpmn',
  'hearing.bpmn',
  'training-centre-designation.bpmn',
];

/** The kinds of the open diagram's elements, one element id each (a kind: type + event definition). */
async function kindsOnCanvas(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const modeler = (document.querySelector('designer-page') as unknown as { modeler: any }).modeler;
    const kinds: Record<string, string> = {};
    for (const el of modeler.get('elementRegistry').getAll()) {
      const bo = el.businessObject;
      if (!bo || el.type === 'label' || el.type === 'bpmn:Collaboration') continue;
      const definition = bo.eventDefinitions?.[0]?.$type ?? '';
      const extra =
        el.type === 'bpmn:SubProcess' && bo.triggeredByEvent
          ? 'event'
          : el.type === 'bpmn:SequenceFlow' && bo.conditionExpression
            ? 'conditional'
            : el.type === 'bpmn:BoundaryEvent' && bo.cancelActivity === false
              ? 'non-interrupting'
              : '';
      const kind = [el.type, definition, extra].filter(Boolean).join(' ');
      kinds[kind] ??= el.id;
    }
    return kinds;
  });
}

/**
 * Selects an element, opens every group and list item of the panel and returns what a person reads
 * there: visible text (inputs' values aside), placeholders, titles, and each help tooltip's text.
 */
async function panelTexts(page: Page, elementId: string): Promise<string[]> {
  await page.evaluate((id) => {
    const modeler = (document.querySelector('designer-page') as unknown as { modeler: any }).modeler;
    modeler.get('selection').select(modeler.get('elementRegistry').get(id));
  }, elementId);
  const panel = page.locator('.designer-panel .bio-properties-panel');
  await panel.waitFor();
  // Groups and collapsible list items open on a click of their header; opening one can add more.
  await panel.evaluate(async (root) => {
    for (let round = 0; round < 6; round++) {
      const closed = Array.from(
        root.querySelectorAll<HTMLElement>(
          '.bio-properties-panel-group-header:not(.open), .bio-properties-panel-collapsible-entry-header:not(.open)',
        ),
      ).filter((el) => el.checkVisibility());
      if (!closed.length) break;
      closed.forEach((el) => el.click());
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  });
  // A help tooltip shows when its label takes the focus (as a keyboard user reaches it).
  const tooltips: string[] = [];
  const wrappers = panel.locator('.bio-properties-panel-tooltip-wrapper');
  for (let i = 0; i < (await wrappers.count()); i++) {
    await wrappers.nth(i).focus();
    // The tooltip's text without its examples of values (`code`: a job type, an expression, an ISO date).
    const tip = await page
      .locator('.bio-properties-panel-tooltip-content')
      .first()
      .evaluate(
        (el) => {
          const copy = el.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('code').forEach((c) => c.remove());
          return copy.textContent ?? '';
        },
        undefined,
        { timeout: 2_000 },
      )
      .catch(() => undefined);
    if (tip) tooltips.push(tip);
    await wrappers.nth(i).blur();
  }
  const seen = await panel.evaluate((root) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || !n.textContent?.trim()) continue;
      // What the designer typed (inputs, FEEL and template editors) and the help's examples of values (code).
      if (
        parent.closest(
          'input, textarea, select, code, .cm-editor, .bio-properties-panel-feel-editor-container',
        )
      )
        continue;
      if (!parent.checkVisibility({ visibilityProperty: true })) continue;
      out.push(n.textContent.trim());
    }
    for (const el of Array.from(root.querySelectorAll('[placeholder], [title], [aria-label]'))) {
      for (const attr of ['placeholder', 'title', 'aria-label']) {
        const v = el.getAttribute(attr);
        if (v) out.push(v);
      }
    }
    // The options of a select list are what the designer chooses from.
    for (const o of Array.from(root.querySelectorAll('option'))) if (o.textContent) out.push(o.textContent);
    return out;
  });
  return [...seen, ...tooltips];
}

/** The element's own values shown as header text (its name, id or job type), which are the designer's. */
async function ownValues(page: Page, elementId: string): Promise<string[]> {
  return page.evaluate((id) => {
    const modeler = (document.querySelector('designer-page') as unknown as { modeler: any }).modeler;
    const el = modeler.get('elementRegistry').get(id);
    const values: string[] = [id];
    const seen = new Set<unknown>();
    const walk = (o: any, depth: number) => {
      if (!o || typeof o !== 'object' || depth > 6 || seen.has(o)) return;
      seen.add(o);
      for (const [k, v] of Object.entries(o)) {
        if (k.startsWith('$') || k === 'di') continue;
        if (typeof v === 'string') values.push(v);
        else if (Array.isArray(v)) v.forEach((x) => walk(x, depth + 1));
        else walk(v, depth + 1);
      }
    };
    walk(el.businessObject, 0);
    // The diagram's own messages, errors and signals offered in the panel's lists are the designer's too.
    for (const root of modeler.getDefinitions().rootElements ?? []) values.push(root.id, root.name ?? '');
    return values;
  }, elementId);
}

describeBrowser('the designer’s properties panel', () => {
  let browser: Browser;
  let app: Awaited<ReturnType<typeof startApp>>;

  beforeAll(async () => {
    await buildBundles();
    app = await startApp();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test.each([
    [1366, 'kk'],
    [1366, 'ru'],
  ] as [Width, Lang][])(
    'at %i px in %s: every group of every element kind reads without an English word',
    async (width, lang) => {
      const { page, context, errors } = await openDevice(browser, width, lang);
      const { cookie } = await app.as('designer');
      const [name, value] = cookie.split(';')[0].split('=');
      await context.addCookies([{ name, value, url: app.base }]);
      const untranslated = new Map<string, string>();
      try {
        await page.goto(`${app.base}/lang?to=${lang}&back=/designer`);
        const done = new Set<string>();
        for (const diagram of DIAGRAMS) {
          await page.goto(`${app.base}/designer?diagram=${diagram}`);
          await page.locator('[data-testid=modeler] .djs-element').first().waitFor();
          for (const [kind, id] of Object.entries(await kindsOnCanvas(page))) {
            if (done.has(kind)) continue;
            done.add(kind);
            const own = new Set(await ownValues(page, id));
            for (const text of await panelTexts(page, id)) {
              if (own.has(text)) continue;
              const words = latinWords(text);
              if (words.length) untranslated.set(text, `${kind} (${diagram})`);
            }
          }
        }
        await page.screenshot({ path: path.join(REPO, 'docs', 'ui', `designer-panel-${width}-${lang}.png`) });
        if (untranslated.size) console.log([...untranslated.keys()].join('\n'));
        expect([...untranslated.entries()].map(([text, where]) => `${where}: ${text}`)).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
