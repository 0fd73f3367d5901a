import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO } from './system';
import { SEEDED_STAFF_PASSWORD } from '../../../ui/auth/staff';
import { seededUser } from '../../support/staff-sign-in';

export const ARTIFACTS = path.join(REPO, 'test-artifacts');

export async function launch(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A page at 1366x768 that records console errors and failed page scripts (validation answers aside). */
export async function openPage(browser: Browser, lang: 'kk' | 'ru' = 'kk') {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
    locale: lang === 'ru' ? 'ru-RU' : 'kk-KZ',
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // Chromium logs every 4xx; a validation answer (400/422) from the API is shown to the user by the
    // page, so it is no page error. Anything else (404, 5xx, script errors) is.
    const validation =
      /Failed to load resource: the server responded with a status of (400|422)\b/.test(m.text()) &&
      new URL(m.location().url || 'about:blank', 'http://x').pathname.startsWith('/api/');
    if (!validation) consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  return { page, context, consoleErrors };
}

/**
 * Signs in as a person does: staff through the identity provider's login page (the seeded account
 * of the role, ui/auth/staff.ts), applicants by BIN on the sign-in page.
 */
export async function signIn(
  page: Page,
  base: string,
  role: string,
  opts: { unit?: string; bin?: string; lang?: 'kk' | 'ru' } = {},
) {
  if (opts.lang) await page.goto(`${base}/lang?to=${opts.lang}&back=/`);
  else await page.goto(base + '/');
  if (role === 'applicant') {
    await page.fill('#bin input', opts.bin ?? '');
    await Promise.all([
      page.waitForURL((u) => u.pathname !== '/'),
      page.click('#signin-form button[type=submit]'),
    ]);
    return;
  }
  await signInOnProvider(page, base, seededUser(role, opts.unit));
}

/** From the sign-in page: the staff button, the provider's form, back in the web app. */
export async function signInOnProvider(
  page: Page,
  base: string,
  username: string,
  password = SEEDED_STAFF_PASSWORD,
) {
  await Promise.all([page.waitForURL((u) => u.href.includes('/interaction/')), page.click('#staff-signin')]);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await Promise.all([
    page.waitForURL((u) => u.href.startsWith(base) && u.pathname !== '/' && !u.pathname.startsWith('/auth/')),
    page.click('#login-form button[type=submit]'),
  ]);
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}
