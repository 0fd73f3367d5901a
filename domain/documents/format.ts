import type { Lang } from './types';

/** Kazakhstan keeps one time zone, UTC+5, since 1 March 2024; documents show Astana time. */
const ASTANA_OFFSET_MS = 5 * 60 * 60 * 1000;

function astanaParts(at: Date) {
  const local = new Date(at.getTime() + ASTANA_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    day: pad(local.getUTCDate()),
    month: pad(local.getUTCMonth() + 1),
    year: String(local.getUTCFullYear()),
    time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`,
  };
}

/** dd.mm.yyyy, the numeric date form used in both languages. */
export function formatDate(at: Date): string {
  const p = astanaParts(at);
  return `${p.day}.${p.month}.${p.year}`;
}

export function formatDateTime(at: Date, lang: Lang): string {
  const p = astanaParts(at);
  return lang === 'kk'
    ? `${p.day}.${p.month}.${p.year}, сағат ${p.time} (Астана уақыты)`
    : `${p.day}.${p.month}.${p.year}, ${p.time} (время Астаны)`;
}

/** Numbered list items in the "1) ..." style of Kazakhstan's legal acts. */
export function enumerate(items: string[]): string[] {
  return items.map((item, i) => `${i + 1}) ${item}`);
}
