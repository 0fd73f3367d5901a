/** EDS texts for the server pages and the browser bundles: the catalogue's `eds.*` keys (i18n/). */
import { isMessageKey, t, type Lang, type MessageKey } from '../../i18n';

export type { Lang };

type EdsKey = Extract<MessageKey, `eds.${string}`>;
export type EdsTextKey = EdsKey extends `eds.${infer K}` ? K : never;

/** The text of `eds.<key>`; a kind the catalogue lacks shows as itself. */
export function edsText(lang: Lang, key: EdsTextKey): string {
  const full = `eds.${key}`;
  return isMessageKey(full) ? t(lang, full) : key;
}
