/** JSON calls of the staff pages, typed by the caller, with the session's CSRF token on every change. */
import { boot, lang } from './boot';

interface ErrorBody {
  errors?: { path: string; kk?: string; ru?: string }[];
  error?: { kk?: string; ru?: string };
}

/** The API's error in the page's language: the server answers every refusal in Kazakh and Russian. */
export class StaffApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(messageOf(body as ErrorBody | null, status));
  }
}

function messageOf(body: ErrorBody | null, status: number): string {
  if (body?.errors?.length) return body.errors.map((e) => `${e.path}: ${e[lang] ?? e.ru ?? ''}`).join('\n');
  if (body?.error) return body.error[lang] ?? body.error.ru ?? String(status);
  return String(status);
}

export async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'x-requested-with': 'fetch' };
  if (boot.csrfToken && method !== 'GET') headers['x-csrf-token'] = boot.csrfToken;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  if (!res.ok) throw new StaffApiError(res.status, json);
  return json as T;
}

/** `{name}` placeholders of a catalogue text. */
export function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}
