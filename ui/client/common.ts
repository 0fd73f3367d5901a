/** Shared browser helpers: boot data from the server page, texts, API calls, DOM building. */
import { formatAlmatyDateTime } from '../../domain/almaty-time';
import type { BootSession } from '../api-types';

export interface Boot {
  lang: 'kk' | 'ru';
  session: BootSession | null;
  /** The session's CSRF token, sent with every state-changing request. */
  csrfToken: string | null;
  texts: Record<string, string>;
  data: any;
}

/** The page's boot data: a JSON block, not a script (the pages run no inline script: CSP). */
export const boot: Boot = JSON.parse(document.getElementById('boot')?.textContent || 'null');
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
  const headers: Record<string, string> = { 'x-requested-with': 'fetch' };
  if (boot.csrfToken && !['GET', 'HEAD'].includes(method.toUpperCase()))
    headers['x-csrf-token'] = boot.csrfToken;
  const init: RequestInit = { method, headers };
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

/** DD.MM.YYYY HH:MM in Almaty time: the browsers' kk-KZ date format is unreliable. */
export function formatDate(iso?: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return formatAlmatyDateTime(d);
}
