/** The page's boot block (ui/pages.ts `layout`) and its texts, typed, for the Lit components. */
import type { BootData } from '../../api-types';

function read(): BootData {
  const text = document.getElementById('boot')?.textContent;
  if (!text) throw new Error('the page has no boot data');
  return JSON.parse(text) as BootData;
}

export const boot: BootData = read();
export const lang = boot.lang;

/** The catalogue's text of `key` in the page's language (the server sent this page's dictionary). */
export function t(key: string): string {
  return boot.texts[key] ?? key;
}
