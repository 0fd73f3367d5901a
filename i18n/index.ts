import { kk } from './kk';
import { ru, type MessageKey } from './ru';

/**
 * The message catalogue: every text a person reads — web pages and browser bundles, notices,
 * error messages, forms' labels — in Kazakh and Russian, one file per language. The Russian
 * catalogue's keys are the type, so a key missing in Kazakh fails `tsc`; a test checks the
 * rest (non-empty texts, the same `{param}` placeholders, no Latin words).
 */
export type Lang = 'kk' | 'ru';
export const LANGS: readonly Lang[] = ['kk', 'ru'];
export type { MessageKey };

export type Catalogue = Readonly<Record<MessageKey, string>>;
export type MessageParams = Readonly<Record<string, string | number>>;

const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { kk, ru };

/** The catalogue of one language. */
export function catalogue(lang: Lang): Catalogue {
  return CATALOGUES[lang];
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(ru, key);
}

/** Fills `{name}` placeholders; a placeholder without a value is a programming error. */
export function format(text: string, params: MessageParams = {}): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`message parameter {${name}} is missing`);
    return String(value);
  });
}

/** The text of `key` in `lang`, with its `{param}` placeholders filled. */
export function t(lang: Lang, key: MessageKey, params?: MessageParams): string {
  return format(CATALOGUES[lang][key], params);
}

/** The text in both languages, as documents and notices that carry both need it. */
export function both(key: MessageKey, params?: MessageParams): { kk: string; ru: string } {
  return { kk: t('kk', key, params), ru: t('ru', key, params) };
}
