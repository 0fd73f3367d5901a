import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
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

export type Lang = 'kk' | 'ru';
export type Width = 1366 | 390;

/**
 * Records a page's console errors and failed page scripts. Chromium logs every 4xx; with
 * `validationAnswers`, a validation answer (400/422) from the API, which the page shows to the
 * user, is no page error. Anything else (404, 5xx, script errors) is.
 */
function recordErrors(page: Page, validationAnswers: boolean): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const validation =
      validationAnswers &&
      /Failed to load resource: the server responded with a status of (400|422)\b/.test(m.text()) &&
      new URL(m.location().url || 'about:blank', 'http://x').pathname.startsWith('/api/');
    if (!validation) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** A page at 1366x768 that records console errors and failed page scripts (validation answers aside). */
export async function openPage(browser: Browser, lang: Lang = 'kk') {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
    locale: lang === 'ru' ? 'ru-RU' : 'kk-KZ',
  });
  const page = await context.newPage();
  return { page, context, consoleErrors: recordErrors(page, true) };
}

/**
 * A person's device: a 1366 px desktop or a 390 px phone (touch), the page in `lang`, the browser in
 * New York's time zone (so a time shown in the browser's zone instead of Almaty's is caught), its
 * console errors and failed page scripts recorded; validation answers aside with `validationAnswers`.
 */
export async function openDevice(
  browser: Browser,
  width: Width,
  lang: Lang,
  opts: { validationAnswers?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: width === 390 ? { width: 390, height: 844 } : { width: 1366, height: 768 },
    isMobile: width === 390,
    hasTouch: width === 390,
    timezoneId: 'America/New_York',
    locale: lang === 'ru' ? 'ru-RU' : 'kk-KZ',
  });
  const page = await context.newPage();
  return { context, page, errors: recordErrors(page, opts.validationAnswers ?? false) };
}

/** A company as the portal's application names it (simulators/fixtures). */
export interface ApplyingCompany {
  bin: string;
  name: string;
  headFullName: string;
  headIin: string;
}

/** The portal's request for a security licence (sub-type 2) of `company`, with its application form. */
export function licenceRequest(company: ApplyingCompany, bin = company.bin) {
  return {
    serviceId: 'security-licence',
    requestKind: 'issue',
    subType: 2,
    applicant: {
      bin,
      name: company.name,
      headFullName: company.headFullName,
      headIin: company.headIin,
      location: 'Астана, Мәңгілік Ел, 8',
    },
    consentToRestrictedData: true,
    attachments: [{ kind: 'application-form', fileName: 'otinish.pdf' }],
  };
}

/**
 * Fills the portal's new-application form as a person does: a security licence (sub-type 2) of
 * `company` with its application form attached and consent given; the caller submits it.
 */
export async function fillLicenceForm(page: Page, company: ApplyingCompany): Promise<void> {
  await page.click('text=Жаңа өтініш');
  await page.selectOption('#f-serviceId select', 'security-licence');
  await page.fill('#f-orgName input', company.name);
  await page.fill('#f-headFullName input', company.headFullName);
  await page.fill('#f-headIin input', company.headIin);
  await page.fill('#f-location input', 'Астана, Мәңгілік Ел, 8');
  await page.selectOption('#f-requestKind select', 'issue');
  await page.selectOption('#f-subType select', '2');
  await page.setInputFiles('#f-files input[type=file]', {
    name: 'otinish.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n%synthetic\n'),
  });
  await page.click('#f-consent label');
}

/**
 * Files a security-licence application through a signed-in applicant's page, with the page's own
 * session and CSRF token as the portal does; returns the number the register issued.
 */
export async function fileLicenceFromPage(
  page: Page,
  base: string,
  company: ApplyingCompany,
  bin = company.bin,
): Promise<string> {
  const csrf = await page.evaluate(
    () => JSON.parse(document.getElementById('boot')!.textContent!).csrfToken as string,
  );
  const res = await page.request.post(`${base}/api/applications`, {
    headers: { 'x-requested-with': 'fetch', 'x-csrf-token': csrf },
    data: licenceRequest(company, bin),
  });
  expect(res.status()).toBe(201);
  return (await res.json()).applicationNumber as string;
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
