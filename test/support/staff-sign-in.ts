/**
 * Signs in as a browser does, over plain HTTP: follows redirects between the web app and the
 * identity provider with a cookie jar, fills the provider's login form. Used by every test that
 * needs a staff session, so all of them go through the real provider.
 */
import { SEEDED_STAFF_PASSWORD } from '../../ui/auth/staff';

/** Cookies by name, as a browser keeps them for 127.0.0.1 (cookies ignore the port). */
export class CookieJar {
  readonly cookies = new Map<string, string>();
  /** The last Set-Cookie line of each cookie, attributes included. */
  readonly lines = new Map<string, string>();
  store(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      this.lines.set(line.slice(0, line.indexOf('=')).trim(), line);
      const [pair, ...attrs] = line.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      const expired = attrs.some(
        (a) =>
          /^\s*max-age=0\s*$/i.test(a) ||
          (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]) < Date.now()),
      );
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** One request with the jar; no redirect following. */
export async function send(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(url, {
    ...init,
    redirect: 'manual',
    headers: { ...(init.headers as Record<string, string>), cookie: jar.header() },
  });
  jar.store(res);
  return res;
}

/** GETs `url` and follows redirects; answers the last response and its URL. */
export async function follow(jar: CookieJar, url: string, max = 15): Promise<{ res: Response; url: string }> {
  let current = url;
  for (let i = 0; i < max; i++) {
    const res = await send(jar, current);
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || !location) return { res, url: current };
    await res.arrayBuffer();
    current = new URL(location, current).href;
  }
  throw new Error(`too many redirects from ${url}`);
}

export interface Credentials {
  /** `kzp_session=...` */
  cookie: string;
  /** The session's CSRF token (from the page's boot data). */
  csrf: string;
  jar: CookieJar;
  /** Where sign-in landed, e.g. /worklist. */
  landedOn: string;
}

/** The CSRF token a page hands its scripts. */
export function csrfOf(html: string): string {
  const m = /"csrfToken":"([^"]+)"/.exec(html);
  if (!m) throw new Error('page carries no CSRF token');
  return m[1];
}

/** Staff sign-in through the provider's login page; throws with the page when it fails. */
export async function signInStaff(
  base: string,
  username: string,
  password = SEEDED_STAFF_PASSWORD,
  jar = new CookieJar(),
): Promise<Credentials> {
  const login = await follow(jar, `${base}/auth/login`);
  const html = await login.res.text();
  const action = /<form method="post" action="([^"]+)" id="login-form">/.exec(html)?.[1];
  if (!action) throw new Error(`no login form at ${login.url} (${login.res.status}): ${html.slice(0, 300)}`);
  const posted = await send(jar, new URL(action, login.url).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password, lang: 'kk' }).toString(),
  });
  const location = posted.headers.get('location');
  if (!location) throw new Error(`sign-in of ${username} refused (${posted.status})`);
  const landed = await follow(jar, new URL(location, login.url).href);
  const page = await landed.res.text();
  const cookie = jar.cookies.get('kzp_session');
  if (!cookie || landed.res.status !== 200)
    throw new Error(
      `no session for ${username}: ${landed.res.status} at ${landed.url}: ${page.slice(0, 300)}`,
    );
  return { cookie: `kzp_session=${cookie}`, csrf: csrfOf(page), jar, landedOn: new URL(landed.url).pathname };
}

/** Applicant sign-in by BIN on the sign-in page (until the EDS sign-in replaces it). */
export async function signInApplicant(base: string, bin: string, name = ''): Promise<Credentials> {
  const jar = new CookieJar();
  const form = await send(jar, `${base}/`);
  const token = /name="_signin" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const posted = await send(jar, `${base}/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _signin: token, bin, name }).toString(),
  });
  const location = posted.headers.get('location');
  if (!location) throw new Error(`applicant sign-in refused (${posted.status})`);
  const landed = await follow(jar, new URL(location, base).href);
  const page = await landed.res.text();
  const cookie = jar.cookies.get('kzp_session');
  if (!cookie) throw new Error('no applicant session');
  return { cookie: `kzp_session=${cookie}`, csrf: csrfOf(page), jar, landedOn: new URL(landed.url).pathname };
}

/** The seeded account for a role of the web app (and a unit, for clerks and heads). */
export function seededUser(role: string, unit?: string): string {
  switch (role) {
    case 'clerk':
      return `${unit ?? 'fire'}.clerk`;
    case 'head':
      return unit === 'minister' ? 'minister' : `${unit ?? 'fire'}.head`;
    case 'legal-expert':
      return 'legal.expert';
    case 'editorial-expert':
      return 'editorial.expert';
    default:
      return role; // operator, designer
  }
}
