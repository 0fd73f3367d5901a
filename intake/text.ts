import { both } from '../i18n';
/**
 * Characters a person's text must not carry: NUL and the other C0/C1 controls (line breaks and
 * tabs excepted), and the bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F,
 * U+061C) with which "exe.fdp" is shown as "pdf.exe" or a name reads differently from what is stored.
 */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** The text without forbidden characters. */
export function cleanText(text: string): string {
  return text.replace(FORBIDDEN, '');
}

const ANY_FORBIDDEN = new RegExp(FORBIDDEN.source, 'u');

export function hasForbiddenCharacters(text: string): boolean {
  return ANY_FORBIDDEN.test(text);
}

/**
 * Every string in `value` (objects and arrays walked) that carries a forbidden character, named by
 * its path, in Kazakh and Russian. Signed requests are refused rather than altered: what is
 * recorded must be what was signed.
 */
export function forbiddenCharacterErrors(
  value: unknown,
  at = '',
): { path: string; kk: string; ru: string }[] {
  if (typeof value === 'string')
    return hasForbiddenCharacters(value)
      ? [
          {
            path: at,
            ...both('error.text.forbiddenCharacters'),
          },
        ]
      : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => forbiddenCharacterErrors(v, `${at}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => forbiddenCharacterErrors(v, at ? `${at}.${k}` : k));
  return [];
}
