import {
  createGatewayClients,
  GATEWAY_SYSTEMS,
  GatewayContractError,
  GatewayUnavailableError,
} from '../../adapters/gateway';
import { fixtures, SIMULATED_SYSTEMS } from '../../simulators';
import { useSimulators } from './support';

const h = useSimulators();

/** A fetch that answers from a script, counting calls. */
function scriptedFetch(...answers: (() => Response | Promise<Response>)[]) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fn = (async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    const next = answers[Math.min(calls.length - 1, answers.length - 1)];
    return next();
  }) as typeof fetch;
  return { fn, calls };
}
const json = (status: number, body: unknown) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

test('the gateway knows exactly the systems the simulators serve', () => {
  expect([...GATEWAY_SYSTEMS].sort()).toEqual([...SIMULATED_SYSTEMS].sort());
});

test('records arrive typed and trimmed to the process-variable shape', async () => {
  const diplomas = await h.deps.gateway.education.get(fixtures.fire.approved.specialists[0].iin);
  expect(diplomas).toEqual([
    {
      iin: fixtures.fire.approved.specialists[0].iin,
      level: 'higher',
      specialtyCode: '6B07101',
      specialtyName: 'Автоматизация и управление',
      field: 'technical',
      graduatedOn: '2012-06-25',
    },
  ]);
  const entity = await h.deps.gateway.legalEntities.get(fixtures.national.approved.bin);
  expect(entity).toMatchObject({ category: 'large', founders: [] });
  expect(entity).not.toHaveProperty('address');
});

test('404 means "no record": null for a record, an empty list for a list', async () => {
  expect(await h.deps.gateway.legalEntities.get(fixtures.unknown.bin)).toBeNull();
  expect(await h.deps.gateway.employment.get(fixtures.licence.employmentMissing.headIin)).toBeNull();
  expect(await h.deps.gateway.vehicles.findByOwner(fixtures.licence.noVehicles.bin)).toEqual([]);
  expect(await h.deps.gateway.eLicensing.findLicence('KZ00LAA99999999')).toBeNull();
});

test('a down system is a transient GatewayUnavailableError that names the system, not the IIN', async () => {
  await h.fault('persons', { down: true });
  const iin = fixtures.licence.approved.headIin;
  const error = await h.deps.gateway.persons.get(iin).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GatewayUnavailableError);
  expect(error).toMatchObject({ system: 'persons', retryAfterMs: 5000 });
  expect(String((error as Error).message)).not.toContain(iin);
});

test('a response of the wrong shape is a permanent GatewayContractError', async () => {
  await h.fault('payments', { malformed: true });
  await expect(
    h.deps.gateway.payments.find(fixtures.licence.approved.bin, 'security-licence-issue'),
  ).rejects.toBeInstanceOf(GatewayContractError);
});

test('a rejected request (4xx other than a lookup 404) is a contract error too', async () => {
  await expect(
    h.deps.gateway.cabinet.send(fixtures.unknown.bin, {
      applicationNumber: 'KZ-2026-000950',
      kind: 'notice',
      title: 't',
    }),
  ).rejects.toMatchObject({ name: 'GatewayContractError', status: 404 });
});

test('5xx and connection errors are retried with doubling delays, then succeed', async () => {
  const { fn, calls } = scriptedFetch(
    json(503, { title: 'down' }),
    () => Promise.reject(new TypeError('fetch failed')),
    json(200, { iin: '950115300419', registered: false }),
  );
  const delays: number[] = [];
  const gateway = createGatewayClients({
    baseUrl: 'http://gateway.test',
    retries: 2,
    retryDelayMs: 10,
    fetch: fn,
    sleep: async (ms) => void delays.push(ms),
  });
  expect(await gateway.mentalHealth.get('950115300419')).toEqual({ iin: '950115300419', registered: false });
  expect(calls).toHaveLength(3);
  expect(delays).toEqual([10, 20]);
});

test('retries are bounded: after the last one the error surfaces', async () => {
  const { fn, calls } = scriptedFetch(json(500, {}));
  const gateway = createGatewayClients({
    baseUrl: 'http://gateway.test',
    retries: 2,
    retryDelayMs: 0,
    fetch: fn,
    sleep: async () => {},
  });
  await expect(gateway.persons.get('950115300419')).rejects.toBeInstanceOf(GatewayUnavailableError);
  expect(calls).toHaveLength(3);
});

test('a contract error is not retried', async () => {
  const { fn, calls } = scriptedFetch(json(200, { nonsense: true }));
  const gateway = createGatewayClients({
    baseUrl: 'http://gateway.test',
    retries: 3,
    retryDelayMs: 0,
    fetch: fn,
    sleep: async () => {},
  });
  await expect(gateway.persons.get('950115300419')).rejects.toBeInstanceOf(GatewayContractError);
  expect(calls).toHaveLength(1);
});

test('a slow system times out as unavailable', async () => {
  await h.fault('legal-entities', { latencyMs: 200 });
  const impatient = createGatewayClients({ baseUrl: h.sim.url, timeoutMs: 20, retries: 0, retryDelayMs: 0 });
  await expect(impatient.legalEntities.get(fixtures.licence.approved.bin)).rejects.toMatchObject({
    name: 'GatewayUnavailableError',
    detail: 'no answer within 20 ms',
  });
});

test('a refused connection is unavailable', async () => {
  const closed = createGatewayClients({
    baseUrl: 'http://127.0.0.1:1',
    timeoutMs: 1000,
    retries: 0,
    retryDelayMs: 0,
  });
  await expect(closed.persons.get('950115300419')).rejects.toBeInstanceOf(GatewayUnavailableError);
});

test('a write keeps one idempotency key across its retries', async () => {
  const { fn, calls } = scriptedFetch(json(502, {}), json(201, { eventId: 'MON-1' }));
  const gateway = createGatewayClients({
    baseUrl: 'http://gateway.test',
    retries: 1,
    retryDelayMs: 0,
    fetch: fn,
    sleep: async () => {},
  });
  await gateway.monitoring.report({
    applicationNumber: 'KZ-2026-000951',
    serviceId: 'security-licence',
    stage: 'registered',
    at: '2026-03-10T11:15:00+05:00',
  });
  const keys = calls.map((c) => (c.init?.headers as Record<string, string>)['idempotency-key']);
  expect(keys[0]).toBeTruthy();
  expect(keys[1]).toBe(keys[0]);
});

test('per-system base URLs override the common root, so real endpoints can be mixed in', async () => {
  const { fn, calls } = scriptedFetch(json(200, []));
  const gateway = createGatewayClients({
    baseUrl: 'http://sim.test/',
    baseUrls: { vehicles: 'https://gw.example.kz/mvd/vehicles/v2/' },
    fetch: fn,
  });
  await gateway.vehicles.findByOwner(fixtures.licence.approved.bin);
  await gateway.realEstate.findByOwner(fixtures.licence.approved.bin);
  expect(calls.map((c) => c.url)).toEqual([
    `https://gw.example.kz/mvd/vehicles/v2?owner=${fixtures.licence.approved.bin}`,
    `http://sim.test/real-estate?owner=${fixtures.licence.approved.bin}`,
  ]);
  expect(() => createGatewayClients({ baseUrls: { vehicles: 'http://x' } })).toThrow(
    /no base URL for legal-entities/,
  );
});
