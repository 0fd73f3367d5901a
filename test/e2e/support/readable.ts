import type { Page } from 'playwright-core';

/**
 * What a person reads on the page: the body's text and the visible text inside web components'
 * shadow roots (Carbon's own labels, the header), and whether the page scrolls sideways.
 */
export async function readableText(page: Page): Promise<{ text: string; overflow: number }> {
  return page.evaluate(() => {
    const shadowText = (root: Document | ShadowRoot): string[] =>
      Array.from(root.querySelectorAll('*')).flatMap((el) => {
        if (!el.shadowRoot) return [];
        const out: string[] = [];
        const walker = document.createTreeWalker(el.shadowRoot, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const parent = n.parentElement;
          if (!parent || /^(STYLE|SCRIPT)$/.test(parent.tagName)) continue;
          if (!parent.checkVisibility({ visibilityProperty: true })) continue;
          if (n.textContent?.trim()) out.push(n.textContent.trim());
        }
        return [...out, ...shadowText(el.shadowRoot)];
      });
    return {
      text: [document.body.innerText, ...shadowText(document)].join('\n'),
      overflow: document.documentElement.scrollWidth - window.innerWidth,
    };
  });
}

/** Element ids of the diagrams (`Task_…`, `Gateway_…`) as they would leak into a page. */
export const RAW_ID = /\b(Task|Gateway|Event|SubProcess|Call|Start|End|Boundary|Flow)_\w/;

/** The Latin words of a text (two letters or more), but those `allowed`. */
export function latinWords(text: string, allowed: readonly string[] = []): string[] {
  return (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !allowed.includes(w));
}
