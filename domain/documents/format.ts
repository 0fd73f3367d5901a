import { t } from '../../i18n';
import { almatyParts } from '../almaty-time';
import type { Lang } from './types';

/** Documents show Astana time: Kazakhstan's one zone (UTC+5 since 1 March 2024, UTC+6 before). */
function astanaParts(at: Date) {
  return almatyParts(at);
}

/** dd.mm.yyyy, the numeric date form used in both languages. */
export function formatDate(at: Date): string {
  const p = astanaParts(at);
  return `${p.day}.${p.month}.${p.year}`;
}

export function formatDateTime(at: Date, lang: Lang): string {
  const p = astanaParts(at);
  return t(lang, 'time.dateTime', { date: `${p.day}.${p.month}.${p.year}`, time: p.time });
}

/** Numbered list items in the "1) ..." style of Kazakhstan's legal acts. */
export function enumerate(items: string[]): string[] {
  return items.map((item, i) => `${i + 1}) ${item}`);
}
