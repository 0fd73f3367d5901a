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

/** A data table: one header row, then the given rows. */
export function grid(testid: string, headers: Child[], rows: HTMLElement[]): HTMLTableElement {
  return h(
    'table',
    { class: 'grid', 'data-testid': testid },
    h('thead', {}, h('tr', {}, ...headers.map((x) => h('th', {}, x)))),
    h('tbody', {}, ...rows),
  );
}

/** Name / value pairs, e.g. an application's variables. */
export function factsTable(entries: [string, Child][]): HTMLTableElement {
  return h(
    'table',
    { class: 'facts' },
    h('tbody', {}, ...entries.map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, v)))),
  );
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

/** DD.MM.YYYY HH:MM in Almaty time: the browsers' kk-KZ date format is unreliable. */
export function formatDate(iso?: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return formatAlmatyDateTime(d);
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

/**
 * Runs a long operation (submit, deploy, complete): the button is disabled and `box` says what is
 * happening until it ends, so a second press cannot send twice.
 */
export async function withProgress<T>(
  button: HTMLButtonElement,
  box: HTMLElement,
  text: string,
  work: () => Promise<T>,
): Promise<T> {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  box.replaceChildren(h('p', { class: 'muted busy', role: 'status' }, text));
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

export interface FieldError {
  path: string;
  kk: string;
  ru: string;
}

/**
 * Shows server validation errors next to their fields, found by `data-path` (the field's dotted path
 * in the submitted JSON); errors of fields not on the page go to `box`. Focuses the first invalid field.
 */
export function showFieldErrors(form: HTMLElement, errors: FieldError[], box: HTMLElement) {
  clearFieldErrors(form);
  const rest: FieldError[] = [];
  let first: HTMLElement | undefined;
  for (const e of errors) {
    const target = form.querySelector<HTMLElement>(`[data-path="${CSS.escape(e.path)}"]`);
    if (!target) {
      rest.push(e);
      continue;
    }
    const id = `err-${e.path.replace(/[^a-zA-Z0-9-]/g, '-')}`;
    const text = e[lang] ?? e.ru;
    const existing = document.getElementById(id);
    if (existing) {
      existing.textContent += ` ${text}`;
      continue;
    }
    const note = h('span', { class: 'field-error', id, 'data-error-for': e.path }, text);
    target.setAttribute('aria-invalid', 'true');
    target.setAttribute('aria-describedby', id);
    // Under the field it is about: inside its wrapping label, else right after it.
    const label = target.closest('label');
    if (label) label.append(note);
    else if (target.tagName === 'FIELDSET') target.querySelector('legend')!.after(note);
    else target.after(note);
    // The message goes once the field is edited, so what is left on screen is still true.
    target.addEventListener(
      'input',
      () => {
        note.remove();
        target.removeAttribute('aria-invalid');
        target.removeAttribute('aria-describedby');
      },
      { once: true },
    );
    first ??= target;
  }
  box.replaceChildren(
    h(
      'div',
      { class: 'error', role: 'alert' },
      h('strong', {}, t('validationFailed')),
      rest.length ? h('ul', {}, ...rest.map((e) => h('li', {}, `${e.path}: ${e[lang] ?? e.ru}`))) : null,
    ),
  );
  first?.focus();
}

export function clearFieldErrors(form: HTMLElement) {
  form.querySelectorAll('.field-error').forEach((n) => n.remove());
  form.querySelectorAll('[aria-invalid]').forEach((n) => {
    n.removeAttribute('aria-invalid');
    n.removeAttribute('aria-describedby');
  });
}

/** Previous / next for a paged list (`page` of the API's answer); `go` loads another page. */
export function pager(
  info: { number: number; totalPages: number; hasPrevious: boolean; hasNext: boolean } | undefined,
  go: (page: number) => void,
): HTMLElement {
  if (!info || info.totalPages <= 1) return h('nav', { class: 'pager', hidden: true });
  return h(
    'nav',
    { class: 'pager', 'aria-label': t('pageOf') },
    h(
      'button',
      { type: 'button', disabled: !info.hasPrevious, onclick: () => go(info.number - 1) },
      t('pagePrevious'),
    ),
    h('span', {}, ` ${t('pageOf')} ${info.number} / ${info.totalPages} `),
    h(
      'button',
      { type: 'button', disabled: !info.hasNext, onclick: () => go(info.number + 1) },
      t('pageNext'),
    ),
  );
}
