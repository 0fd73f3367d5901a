import type { Page } from 'playwright-core';

/**
 * Widgets whose own keyboard handling belongs to their library (bpmn-js canvas and properties panel,
 * the form-js editor): their controls are not counted, but tabbing must still get past them.
 */
const LIBRARY_WIDGETS = [
  '.djs-container',
  '.bio-properties-panel',
  '.fjs-editor-container',
  '.fjs-form-editor',
];

export interface KeyboardReport {
  /** Visible, enabled controls that Tab never reached. */
  unreached: string[];
  /** Controls reached whose focus showed no outline or shadow. */
  invisibleFocus: string[];
  reached: number;
}

/**
 * Presses Tab from the top of the page until every visible control (links, buttons, fields, summaries,
 * [tabindex]) has had focus, or `maxTabs` presses; notes controls never reached and focus not shown.
 * A radio group counts as reached when any of its radios is (arrow keys move within it).
 */
export async function tabThrough(page: Page, maxTabs = 400): Promise<KeyboardReport> {
  const candidates: string[] = await page.evaluate((exclude) => {
    const selector =
      'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    // Controls inside open shadow roots too (Carbon's and the page's web components).
    const deep = (root: Document | ShadowRoot): HTMLElement[] =>
      Array.from(root.querySelectorAll<HTMLElement>('*')).flatMap((el) => [
        ...(el.matches(selector) ? [el] : []),
        ...(el.shadowRoot ? deep(el.shadowRoot) : []),
      ]);
    const closestDeep = (el: Element, sel: string): Element | null => {
      for (let n: Node | null = el; n; n = n instanceof ShadowRoot ? n.host : n.parentNode)
        if (n instanceof Element && n.matches(sel)) return n;
      return null;
    };
    const all = deep(document).filter((el) => {
      if (exclude.some((x) => closestDeep(el, x))) return false;
      if ((el as HTMLButtonElement).disabled) return false;
      // Out of the tab order on purpose (a file input behind its button, say).
      if (el.getAttribute('tabindex') === '-1') return false;
      if (el.tagName !== 'SUMMARY' && el.closest('details:not([open])') && !el.closest('summary'))
        return false;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    });
    const described = (el: HTMLElement) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${
        (el as HTMLInputElement).name ? `[name=${(el as HTMLInputElement).name}]` : ''
      } "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
    const seenGroups = new Set<string>();
    const out: string[] = [];
    all.forEach((el, i) => {
      const radio = el as HTMLInputElement;
      const key = radio.type === 'radio' && radio.name ? `radio:${radio.name}` : `kb-${i}`;
      if (seenGroups.has(key)) {
        el.dataset.kb = key;
        return;
      }
      seenGroups.add(key);
      el.dataset.kb = key;
      el.dataset.kbName = described(el);
      out.push(key);
    });
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
    return out;
  }, LIBRARY_WIDGETS);

  const pending = new Set(candidates);
  const invisibleFocus: string[] = [];
  let reached = 0;
  for (let i = 0; i < maxTabs && pending.size; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      let el = document.activeElement as HTMLElement | null;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement as HTMLElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const shown =
        (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      return { kb: el.dataset.kb ?? null, name: el.dataset.kbName ?? el.tagName, shown };
    });
    if (!focused?.kb || !pending.has(focused.kb)) continue;
    pending.delete(focused.kb);
    reached++;
    if (!focused.shown) invisibleFocus.push(focused.name);
  }
  const names = await page.evaluate(
    (keys) => {
      const find = (root: Document | ShadowRoot, k: string): HTMLElement | undefined =>
        root.querySelector<HTMLElement>(`[data-kb="${k}"]`) ??
        Array.from(root.querySelectorAll('*'))
          .map((el) => (el.shadowRoot ? find(el.shadowRoot, k) : undefined))
          .find(Boolean);
      return keys.map((k) => find(document, k)?.dataset.kbName ?? k);
    },
    [...pending],
  );
  return { unreached: names, invisibleFocus, reached };
}
