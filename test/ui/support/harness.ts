import type { AddressInfo } from 'node:net';
import { createServer, type RequestListener, type Server } from 'node:http';
import { fixedClock, type Clock } from '../../../domain/clock';
import { createApplicationStore } from '../../../intake/store';
import { createApp, type AppDeps } from '../../../ui/app';
import { startEmbeddedIdp, type EmbeddedIdp } from '../../../ui/auth/embedded-idp';
import { makeBin, makeIin } from '../../../domain/identifiers';
import { createFakeCamunda } from './fake-camunda';
import { defaultLegalClock } from '../../../domain/legal-clock';
import { seededUser, signInApplicant, signInStaff, type Credentials } from '../../support/staff-sign-in';

export const SECRET = 'test-secret-test-secret-test-secret-0123';
export const CLIENT_ID = 'kz-permits-web';
export const CLIENT_SECRET = 'test-client-secret-0123456789';
export const BIN = makeBin('2019-03', 'resident-legal-entity', 4521);
export const OTHER_BIN = makeBin('2020-07', 'resident-legal-entity', 777);

/**
 * One listening server and one embedded identity provider per test file (the provider needs the
 * server's callback address); each `startApp` puts a fresh app with a fresh fake engine behind it.
 */
let shared: Promise<{ server: Server; base: string; idp: EmbeddedIdp }> | undefined;
let handler: RequestListener | undefined;
function sharedServer() {
  shared ??= (async () => {
    const server = createServer((req, res) => {
      if (handler) return handler(req, res);
      res.statusCode = 503;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const idp = await startEmbeddedIdp({
      clients: [
        {
          clientId: CLIENT_ID,
          clientSecret: CLIENT_SECRET,
          redirectUris: [`${base}/auth/callback`],
          postLogoutRedirectUris: [`${base}/`],
        },
      ],
    });
    return { server, base, idp };
  })();
  return shared;
}
afterAll(async () => {
  if (!shared) return;
  const { server, idp } = await shared;
  shared = undefined;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await idp.close();
}, 30_000);

/** A clock tests can move: sessions expire by it. */
export function movableClock(instant: string) {
  let at = new Date(instant).getTime();
  const clock: Clock & { advance(ms: number): void } = {
    now: () => new Date(at),
    advance: (ms) => {
      at += ms;
    },
  };
  return clock;
}

/** The web app on 127.0.0.1 with a fake engine and the embedded identity provider; `close()` when done. */
export async function startApp(overrides: Partial<AppDeps> = {}) {
  const { base, idp } = await sharedServer();
  const fake = createFakeCamunda();
  const store = createApplicationStore(':memory:');
  // Wednesday 10:00 in Almaty: a working day, so registration is the same day.
  const clock = fixedClock('2026-04-15T10:00:00+05:00');
  const app = createApp({
    camunda: fake.camunda,
    store,
    legalClock: defaultLegalClock,
    clock,
    sessionSecret: SECRET,
    oidc: {
      issuer: idp.issuer,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      redirectUri: `${base}/auth/callback`,
      postLogoutRedirectUri: `${base}/`,
      allowHttp: true,
    },
    repoDir: process.cwd(),
    ...overrides,
  });
  handler = app;
  return {
    fake,
    store,
    base,
    issuer: idp.issuer,
    /** Signs in through the provider as the seeded user of a role (applicants: by BIN). */
    as: (role: string, opts: { unit?: string; bin?: string } = {}): Promise<Credentials> =>
      role === 'applicant'
        ? signInApplicant(base, opts.bin ?? BIN)
        : signInStaff(base, seededUser(role, opts.unit)),
    close: async () => {
      handler = undefined;
      store.close();
    },
  };
}

/** fetch with a session: its cookie and its CSRF token on every request. */
export function client(base: string, auth?: Pick<Credentials, 'cookie' | 'csrf'> | string) {
  const cookie = typeof auth === 'string' ? auth : auth?.cookie;
  const csrf = typeof auth === 'string' ? undefined : auth?.csrf;
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(base + path, {
      method,
      redirect: 'manual',
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
        ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, json, text, headers: res.headers };
  };
}

export function licenceApplication(number = 'SEC-2026-000042', bin = BIN) {
  return {
    serviceId: 'security-licence',
    applicationNumber: number,
    requestKind: 'issue',
    subType: 2,
    applicant: {
      bin,
      name: 'ТОО «Қорған Күзет»',
      headFullName: 'Сейткали Асан Нурланович',
      headIin: makeIin('1980-06-02', 'male', 311),
      location: 'Астана, пр. Мәңгілік Ел, 8',
    },
    consentToRestrictedData: true,
    attachments: [{ kind: 'application-form', fileName: 'otinish.pdf' }],
  };
}

export function firePermitApplication(number = 'FAP-2026-000007', bin = BIN) {
  return {
    serviceId: 'fire-automation-permit',
    applicationNumber: number,
    applicant: {
      bin,
      name: 'ТОО «Өрт Автоматика»',
      headFullName: 'Жумабаев Ерлан',
      headIin: makeIin('1975-11-20', 'male', 42),
      location: 'Алматы, ул. Абая, 10',
    },
    consentToRestrictedData: true,
    specialists: [
      { iin: makeIin('1985-03-14', 'male', 17), fullName: 'Ахметов Данияр', electricalClearanceGroup: 4 },
    ],
    measuringInstruments: [{ name: 'Мегаомметр Ф4102', serialNumber: 'F-2231', verifiedUntil: '2027-01-31' }],
  };
}
