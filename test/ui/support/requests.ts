/**
 * What the web-app tests send and how: applications of invented companies, a session's requests, a
 * clock to move. No system is started by importing this module (test/ui/support/harness.ts starts
 * one for the test files that use it).
 */
import type { Clock } from '../../../domain/clock';
import { makeBin, makeIin } from '../../../domain/identifiers';
import type { Credentials } from '../../support/staff-sign-in';

export const BIN = makeBin('2019-03', 'resident-legal-entity', 4521);
export const OTHER_BIN = makeBin('2020-07', 'resident-legal-entity', 777);

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
    return { ...(await readAnswer(res)), headers: res.headers };
  };
}

/** An answer's status, text and JSON body (undefined when the body is not JSON). */
export async function readAnswer(res: Response): Promise<{ status: number; text: string; json: any }> {
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
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
