import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { fixedClock } from '../../../domain/clock';
import { createApplicationStore } from '../../../intake/store';
import { createApp, type AppDeps } from '../../../ui/app';
import { makeSession, signSession, SESSION_COOKIE, type Role } from '../../../ui/auth';
import { makeBin, makeIin } from '../../../domain/identifiers';
import { createFakeCamunda } from './fake-camunda';
import { defaultLegalClock } from '../../../domain/legal-clock';

export const SECRET = 'test-secret-test-secret-test-secret-0123';
export const BIN = makeBin('2019-03', 'resident-legal-entity', 4521);
export const OTHER_BIN = makeBin('2020-07', 'resident-legal-entity', 777);

/** The web app on 127.0.0.1:0 with a fake engine; `close()` when done. */
export async function startApp(overrides: Partial<AppDeps> = {}) {
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
    repoDir: process.cwd(),
    ...overrides,
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    fake,
    store,
    base,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
    },
  };
}

export function cookieFor(role: Role, opts: { unit?: string; bin?: string } = {}): string {
  return `${SESSION_COOKIE}=${signSession(makeSession(role, opts), SECRET)}`;
}

/** fetch with a session and the header every API write must carry. */
export function client(base: string, cookie?: string) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(base + path, {
      method,
      redirect: 'manual',
      headers: {
        ...(cookie ? { cookie } : {}),
        'x-requested-with': 'fetch',
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
