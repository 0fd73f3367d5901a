/** The web app's view of the message catalogue (i18n/): server pages and browser bundles alike. */
import { catalogue, isMessageKey, t as text, type Lang, type MessageKey } from '../i18n';

export type { Lang };
export type TextKey = MessageKey;

/** The text of `key`; a key the catalogue lacks (e.g. a role or unit added later) shows as itself. */
export function t(lang: Lang, key: TextKey | string): string {
  return isMessageKey(key) ? text(lang, key) : key;
}

/** Sections the browser never shows: the documents' wording is rendered on the server. */
const SERVER_ONLY = /^document\./;

/** The catalogue the browser bundles read (`boot.texts`). */
export function dictionary(lang: Lang): Record<string, string> {
  return Object.fromEntries(Object.entries(catalogue(lang)).filter(([key]) => !SERVER_ONLY.test(key)));
}
