import type { AddressInfo } from 'node:net';
import { createServer, type RequestListener, type Server } from 'node:http';
import { fixedClock } from '../../../domain/clock';
import { createApplicationStore } from '../../../intake/store';
import { createApp, type AppDeps } from '../../../ui/app';
import { startEmbeddedIdp, type EmbeddedIdp } from '../../../ui/auth/embedded-idp';
import { defaultLegalClock } from '../../../domain/legal-clock';
import { fixtures } from '../../../simulators';
import { seededUser, signInApplicant, signInStaff, type Credentials } from '../../support/staff-sign-in';
import { ProcessDefinitionId, UserTaskKey } from '@camunda8/orchestration-cluster-api';
import { startTestSystem, waitFor, waitForTask, type TestSystem } from '../../support/system-harness';
import { BIN, licenceApplication } from './requests';

// Re-exported: the test files that start the system take everything from here.
export { BIN, client, firePermitApplication, licenceApplication, movableClock, OTHER_BIN } from './requests';

export const SECRET = 'test-secret-test-secret-test-secret-0123';
export const CLIENT_ID = 'kz-permits-web';
export const CLIENT_SECRET = 'test-client-secret-0123456789';

/** Wednesday 15 April 2026, 10:00 in Almaty: a working day; the engine's clock and the app's. */
export const NOW_IN_ALMATY = '2026-04-15T10:00:00+05:00';

/**
 * One real system per test file: the embedded engine with the repository's diagrams and forms
 * deployed, the simulators and the job workers (test/support/system-harness.ts). The web app talks
 * to its engine through the official client, so a task renamed in a diagram fails these tests.
 */
let system: Promise<TestSystem> | undefined;
export function sharedSystem(): Promise<TestSystem> {
  system ??= startTestSystem(NOW_IN_ALMATY);
  return system;
}
// Starting the system takes a while: once, before the first test of the file.
beforeAll(() => sharedSystem(), 90_000);
afterAll(async () => {
  if (!system) return;
  const sys = await system;
  system = undefined;
  await sys.stop();
}, 30_000);

/**
 * One listening server and one embedded identity provider per test file (the provider needs the
 * server's callback address); each `startApp` puts a fresh app, with a fresh store, behind it.
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

/** The web app on 127.0.0.1 with the real engine and the embedded identity provider; `close()` when done. */
export async function startApp(overrides: Partial<AppDeps> = {}) {
  const [{ base, idp }, sys] = await Promise.all([sharedServer(), sharedSystem()]);
  // A store the test passes lives on (one register of numbers across tests); otherwise a fresh one.
  const store = overrides.store ?? createApplicationStore(':memory:');
  // Wednesday 10:00 in Almaty: a working day, so registration is the same day.
  const clock = fixedClock(NOW_IN_ALMATY);
  const app = createApp({
    camunda: sys.client,
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
    sys,
    camunda: sys.client,
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
      if (!overrides.store) await store.close();
    },
  };
}

/**
 * A security licence (service B, sub-type 2) of a seeded company, submitted through the intake and
 * carried by the workers to the clerk's completeness check; returns its instance and that task.
 */
export async function licenceAtCompletenessCheck(sys: TestSystem, number: string) {
  const company = fixtures.licence.approved;
  const submitted = await sys.intake.submit({
    ...licenceApplication(number, company.bin),
    applicant: {
      bin: company.bin,
      name: company.name,
      headIin: company.headIin,
      headFullName: company.headFullName,
      location: 'Астана, пр. Мәңгілік Ел, 8',
    },
  });
  if (submitted.status !== 201) throw new Error(`intake refused ${number}: ${JSON.stringify(submitted)}`);
  const processInstanceKey = submitted.application.processInstanceKey!;
  const task = await waitForTask(sys.client, processInstanceKey, COMPLETENESS_CHECK);
  return { processInstanceKey, userTaskKey: String(task.userTaskKey), task };
}

/** The clerk's completeness check in bpmn/security-licence.bpmn. */
export const COMPLETENESS_CHECK = 'Task_CheckCompleteness';

/** Keys of every process instance of a process (running or ended) the engine holds. */
export async function instancesOf(sys: TestSystem, processDefinitionId: string): Promise<string[]> {
  const page = await sys.client.searchProcessInstances(
    {
      filter: { processDefinitionId: ProcessDefinitionId.assumeExists(processDefinitionId) },
      page: { limit: 1000 },
    },
    { consistency: { waitUpToMs: 0 } },
  );
  return (page.items ?? []).map((i) => String(i.processInstanceKey));
}

/** Counts what an action starts: instances of the process that did not exist when the counter was made. */
export async function startedSince(sys: TestSystem, processDefinitionId: string) {
  const before = new Set(await instancesOf(sys, processDefinitionId));
  return async () => (await instancesOf(sys, processDefinitionId)).filter((k) => !before.has(k));
}

/**
 * A security licence whose legal-entity lookup (after the completeness check) raised an incident:
 * the register answered nonsense, which is not retried. The register answers properly again on return.
 */
export async function licenceWithLookupIncident(sys: TestSystem, number: string) {
  const { processInstanceKey, userTaskKey } = await licenceAtCompletenessCheck(sys, number);
  await sys.control('legal-entities', { malformed: true });
  try {
    await sys.client.completeUserTask({
      userTaskKey: UserTaskKey.assumeExists(userTaskKey),
      variables: { documentsComplete: true, documentsExpired: false },
    });
    const incident = await waitFor('the legal-entity lookup incident', async () => {
      const page = await sys.client.searchIncidents(
        { filter: { state: 'ACTIVE' }, page: { limit: 100 } },
        { consistency: { waitUpToMs: 0 } },
      );
      return (page.items ?? []).find((i) => String(i.processInstanceKey) === processInstanceKey);
    });
    return {
      processInstanceKey,
      incidentKey: String(incident.incidentKey),
      elementId: String(incident.elementId),
    };
  } finally {
    await sys.control('legal-entities', { malformed: false });
  }
}
