/** Shared browser helpers: boot data from the server page, texts, API calls, DOM building. */
export interface Boot {
  lang: 'kk' | 'ru';
  session: { role: string; unit?: string; bin?: string; userId: string; groups: string[] } | null;
  texts: Record<string, string>;
  data: any;
}

export const boot: Boot = (window as any).__BOOT__;
export const lang = boot.lang;

export function t(key: string): string {
  return boot.texts[key] ?? key;
}

/** A bilingual error from the API in the page's language. */
export function apiMessage(body: any, fallback: string): string {
  if (body?.errors?.length) return body.errors.map((e: any) => `${e.path}: ${e[lang] ?? e.ru}`).join('\n');
  if (body?.error) return body.error[lang] ?? body.error.ru ?? fallback;
  return fallback;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: any,
  ) {
    super(apiMessage(body, `HTTP ${status}`));
  }
}

export async function api<T = any>(
  method: string,
  url: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<T> {
  const init: RequestInit = { method, headers: { 'x-requested-with': 'fetch' } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    (init.headers as Record<string, string>)['content-type'] = contentType;
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const res = await fetch(url, init);
  const text = await res.text();
  let json: any = text;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // XML and other text bodies are returned as they are
  }
  if (!res.ok) throw new ApiError(res.status, json);
  return json as T;
}

type Child = Node | string | number | null | undefined | false;

/** `h('button', { class: 'primary', onclick }, 'text')` */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, any> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k in el && typeof v !== 'string') (el as any)[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

export function root(): HTMLElement {
  return document.getElementById('app')!;
}

export function showError(container: HTMLElement, err: unknown) {
  container.replaceChildren(
    h('p', { class: 'error', role: 'alert' }, `${t('error')}: ${(err as Error).message}`),
  );
}

export function status(container: HTMLElement, text: string, kind: 'ok' | 'error' | 'info' = 'info') {
  container.replaceChildren(
    h(
      'p',
      {
        class: kind === 'error' ? 'error' : kind === 'ok' ? 'ok' : 'muted',
        role: kind === 'error' ? 'alert' : 'status',
      },
      text,
    ),
  );
}

/** DD.MM.YYYY HH:MM in Almaty time (UTC+5): the browsers' kk-KZ date format is unreliable. */
export function formatDate(iso?: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const a = new Date(d.getTime() + 5 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(a.getUTCDate())}.${p(a.getUTCMonth() + 1)}.${a.getUTCFullYear()} ${p(a.getUTCHours())}:${p(a.getUTCMinutes())}`;
}

export function stepName(step: string): string {
  const key = `step.${step}`;
  return boot.texts[key] ?? step;
}

export function serviceName(id?: string): string {
  return id ? (boot.texts[`service.${id}`] ?? id) : '—';
}

export function urgencyBadge(urgency: string, remaining: number | null) {
  const text =
    urgency === 'overdue'
      ? t('overdue')
      : urgency === 'last-day'
        ? t('lastDay')
        : remaining === null
          ? '—'
          : String(remaining);
  return h('span', { class: `badge u-${urgency}`, title: t('remaining') }, text);
}
