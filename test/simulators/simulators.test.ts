import express from 'express';
import type { AddressInfo } from 'node:net';
import { isValidBin, isValidIin } from '../../domain/identifiers';
import { licenceFee } from '../../domain/legal-clock/fees';
import {
  fixtures,
  seedData,
  startSimulators,
  UNKNOWN_LICENCE_NUMBER,
  type RunningSimulators,
} from '../../simulators';

let sim: RunningSimulators;
beforeAll(async () => {
  sim = await startSimulators({ port: 0, latencyMs: 0, failureRate: 0, seed: 7 });
});
afterEach(async () => {
  await fetch(`${sim.url}/_control`, { method: 'DELETE' });
});
afterAll(async () => {
  await sim.close();
});

const get = (path: string) => fetch(`${sim.url}${path}`);
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${sim.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
const put = (path: string, body: unknown) =>
  fetch(`${sim.url}${path}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('seeded data', () => {
  test('every IIN and BIN carries a valid check digit', () => {
    for (const e of seedData.legalEntities) {
      // An individual entrepreneur (Order 138 §3 part one) is registered under the IIN, heading itself.
      expect(isValidBin(e.bin) || (isValidIin(e.bin) && e.headIin === e.bin)).toBe(true);
      expect(isValidIin(e.headIin)).toBe(true);
    }
    for (const p of seedData.persons) expect(isValidIin(p.iin)).toBe(true);
    expect(isValidBin(fixtures.unknown.bin) && isValidIin(fixtures.unknown.iin)).toBe(true);
  });

  test('identifiers are unique and every head and founder is a registered person', () => {
    const iins = seedData.persons.map((p) => p.iin);
    expect(new Set(iins).size).toBe(iins.length);
    const bins = seedData.legalEntities.map((e) => e.bin);
    expect(new Set(bins).size).toBe(bins.length);
    for (const e of seedData.legalEntities)
      for (const iin of [e.headIin, ...e.founders]) expect(iins).toContain(iin);
  });

  test('fee scenarios sit on the right side of the 2026 licence fee', () => {
    const paymentOf = (bin: string) => seedData.payments.filter((p) => p.payerBin === bin);
    const [approved] = paymentOf(fixtures.licence.approved.bin);
    expect(approved.amount).toBe(licenceFee('issue', approved.paidOn).amount);
    const [short] = paymentOf(fixtures.licence.shortFee.bin);
    expect(short.amount).toBeLessThan(licenceFee('issue', short.paidOn).amount);
    expect(paymentOf(fixtures.licence.unpaid.bin)).toEqual([]);
    const [reissue] = paymentOf(fixtures.licence.reissue.bin);
    expect(reissue).toMatchObject({
      purpose: 'security-licence-reissue',
      amount: licenceFee('reissue', reissue.paidOn).amount,
    });
  });
});

describe('registries', () => {
  test('a registered company is served from /legal-entities/:bin', async () => {
    const res = await get(`/legal-entities/${fixtures.licence.approved.bin}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      bin: fixtures.licence.approved.bin,
      name: 'ТОО «Қорған Секьюрити»',
      headIin: fixtures.licence.approved.headIin,
      courtBan: false,
    });
  });

  test('an unknown but well-formed identifier is 404 problem JSON; a malformed one is 400', async () => {
    const unknown = await get(`/legal-entities/${fixtures.unknown.bin}`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect(await unknown.json()).toMatchObject({ status: 404, title: 'Not Found' });
    expect((await get(`/persons/${fixtures.unknown.iin}`)).status).toBe(404);
    expect((await get('/persons/123456789012')).status).toBe(400);
  });

  test('the education-missing head has no diploma while the approved head holds a legal one', async () => {
    expect((await get(`/education/${fixtures.licence.educationMissing.headIin}`)).status).toBe(404);
    expect(await (await get(`/education/${fixtures.licence.approved.headIin}`)).json()).toEqual([
      expect.objectContaining({ level: 'higher', field: 'legal' }),
    ]);
  });

  test('a person with nothing on record gets a clean certificate; the criminal head does not', async () => {
    expect(await (await get(`/criminal-records/${fixtures.licence.approved.headIin}`)).json()).toMatchObject({
      hasConviction: false,
      pendingCriminalCase: false,
    });
    expect(
      await (await get(`/criminal-records/${fixtures.licence.criminalHead.headIin}`)).json(),
    ).toMatchObject({ hasConviction: true });
    expect(
      await (await get(`/mental-health/${fixtures.licence.mentalHealthRegistered.headIin}`)).json(),
    ).toEqual({ iin: fixtures.licence.mentalHealthRegistered.headIin, registered: true });
  });

  test('vehicles: three, one and none', async () => {
    const count = async (bin: string) =>
      ((await (await get(`/vehicles?owner=${bin}`)).json()) as unknown[]).length;
    expect(await count(fixtures.licence.approved.bin)).toBe(3);
    expect(await count(fixtures.licence.oneVehicle.bin)).toBe(1);
    expect(await count(fixtures.licence.noVehicles.bin)).toBe(0);
  });

  test('the training centre owns a shooting range; the other leases one from a club', async () => {
    const owned = (await (await get(`/real-estate?owner=${fixtures.training.approved.bin}`)).json()) as {
      kind: string;
      basis: string;
    }[];
    expect(owned).toContainEqual(expect.objectContaining({ kind: 'shooting-range', basis: 'ownership' }));
    const leased = (await (
      await get(`/real-estate?owner=${fixtures.training.founderPendingCase.bin}`)
    ).json()) as { kind: string; basis: string; ownerBin: string }[];
    const range = leased.find((r) => r.kind === 'shooting-range');
    expect(range).toMatchObject({ basis: 'lease' });
    expect(range?.ownerBin).not.toBe(fixtures.training.founderPendingCase.bin);
  });

  test('payments are filtered by payer and purpose; an unknown purpose is 400', async () => {
    const reissue = await (
      await get(`/payments?payer=${fixtures.licence.reissue.bin}&purpose=security-licence-reissue`)
    ).json();
    expect(reissue).toEqual([expect.objectContaining({ amount: 2595, paidOn: '2026-03-03' })]);
    expect(
      await (
        await get(`/payments?payer=${fixtures.licence.reissue.bin}&purpose=security-licence-issue`)
      ).json(),
    ).toEqual([]);
    expect((await get(`/payments?payer=${fixtures.licence.reissue.bin}&purpose=fine`)).status).toBe(400);
  });
});

describe('systems the provider writes to', () => {
  test('an issued licence recorded in E-licensing gets a number and can be found by it and by BIN', async () => {
    const bin = fixtures.licence.approved.bin;
    const res = await post('/e-licensing/records', {
      applicationNumber: 'KZ-2026-000901',
      serviceId: 'security-licence',
      bin,
      kind: 'licence',
      documentId: 'doc-1',
      subType: 1,
    });
    expect(res.status).toBe(201);
    const { number } = (await res.json()) as { number: string };
    expect(number).toMatch(/^KZ\d{2}LAA\d{8}$/);
    expect(await (await get(`/e-licensing/licences/${number}`)).json()).toMatchObject({
      number,
      bin,
      subType: 1,
      status: 'active',
    });
    expect(await (await get(`/e-licensing/licences?bin=${bin}`)).json()).toEqual([
      expect.objectContaining({ number }),
    ]);
    expect((await get(`/e-licensing/licences/${UNKNOWN_LICENCE_NUMBER}`)).status).toBe(404);
  });

  test('a cabinet message sent twice with one Idempotency-Key is delivered once', async () => {
    const bin = fixtures.fire.approved.bin;
    const message = {
      applicationNumber: 'KZ-2026-000902',
      kind: 'permit',
      title: 'Разрешение',
      documentId: 'doc-2',
    };
    const first = await post(`/cabinet/${bin}/messages`, message, { 'Idempotency-Key': 'k-1' });
    const second = await post(`/cabinet/${bin}/messages`, message, { 'Idempotency-Key': 'k-1' });
    expect(first.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await second.json()).toEqual(await first.json());
    const inbox = (await (await get(`/cabinet/${bin}/messages`)).json()) as unknown[];
    expect(
      inbox.filter((m) => (m as { applicationNumber: string }).applicationNumber === 'KZ-2026-000902'),
    ).toHaveLength(1);
    expect((await post(`/cabinet/${fixtures.unknown.bin}/messages`, message)).status).toBe(404);
    expect((await post(`/cabinet/${bin}/messages`, { kind: 'x' })).status).toBe(400);
  });

  test('monitoring events are listed per application', async () => {
    await post('/monitoring/events', {
      applicationNumber: 'KZ-2026-000903',
      serviceId: 'security-licence',
      stage: 'registered',
      at: '2026-03-10T11:15:00+05:00',
    });
    await post('/monitoring/events', {
      applicationNumber: 'KZ-2026-000904',
      serviceId: 'security-licence',
      stage: 'registered',
      at: '2026-03-10T11:16:00+05:00',
    });
    expect(await (await get('/monitoring/events?applicationNumber=KZ-2026-000903')).json()).toEqual([
      expect.objectContaining({ stage: 'registered', applicationNumber: 'KZ-2026-000903' }),
    ]);
  });
});

describe('antimonopoly body', () => {
  test('an answer is recorded and delivered to the callback URL with the bearer token', async () => {
    const received: unknown[] = [];
    const tokens: unknown[] = [];
    const receiver = express()
      .use(express.json())
      .post('/callback', (req, res) => {
        received.push(req.body);
        tokens.push(req.get('authorization'));
        res.status(204).end();
      });
    const server = receiver.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const withCallback = await startSimulators({
      port: 0,
      callbackUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`,
      callbackToken: 'simulator-callback-token',
    });
    try {
      const send = await fetch(`${withCallback.url}/antimonopoly/letters`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          applicationNumber: 'KZ-2026-000905',
          bin: fixtures.national.approved.bin,
          companyName: fixtures.national.approved.name,
        }),
      });
      const { letterId } = (await send.json()) as { letterId: string };
      const answer = await fetch(`${withCallback.url}/antimonopoly/letters/${letterId}/answer`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ consent: true }),
      });
      expect(await answer.json()).toMatchObject({ letterId, consent: true, callback: { status: 204 } });
      expect(received).toEqual([
        {
          applicationNumber: 'KZ-2026-000905',
          letterId,
          consent: true,
          comment: null,
          answeredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        },
      ]);
      expect(tokens).toEqual(['Bearer simulator-callback-token']);
      const again = await fetch(`${withCallback.url}/antimonopoly/letters/${letterId}/answer`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ consent: false }),
      });
      expect(again.status).toBe(409);
      expect(
        await (
          await fetch(`${withCallback.url}/antimonopoly/letters?applicationNumber=KZ-2026-000905`)
        ).json(),
      ).toEqual([expect.objectContaining({ letterId, answer: expect.objectContaining({ consent: true }) })]);
    } finally {
      await withCallback.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test("a person answers on the body's page; an answer the provider did not take can be delivered again", async () => {
    let accept = false;
    const received: unknown[] = [];
    const receiver = express()
      .use(express.json())
      .post('/callback', (req, res) => {
        if (!accept) return void res.status(503).json({ error: 'down' });
        received.push(req.body);
        res.status(202).json({});
      });
    const server = receiver.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const sim = await startSimulators({ port: 0 });
    sim.connectAntimonopolyCallback(`http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`);
    try {
      const empty = await (await fetch(`${sim.url}/antimonopoly/`)).text();
      expect(empty).toContain('Хат жоқ / Писем нет');
      const { letterId } = (await (
        await fetch(`${sim.url}/antimonopoly/letters`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            applicationNumber: 'KZ-2026-000906',
            bin: fixtures.national.approved.bin,
            companyName: 'Ұлттық <компания>',
          }),
        })
      ).json()) as { letterId: string };
      const listed = await (await fetch(`${sim.url}/antimonopoly/`)).text();
      expect(listed).toContain(`letters/${letterId}/answer`);
      expect(listed).toContain('Ұлттық &#60;компания&#62;');

      // The page's form: urlencoded, answered with a redirect back to the page.
      const form = await fetch(`${sim.url}/antimonopoly/letters/${letterId}/answer`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ consent: 'false', comment: 'Келісім жоқ' }).toString(),
      });
      expect(form.status).toBe(303);
      expect(form.headers.get('location')).toBe('/antimonopoly/');
      const letter = await (await fetch(`${sim.url}/antimonopoly/letters/${letterId}`)).json();
      expect(letter).toMatchObject({
        answer: { consent: false, comment: 'Келісім жоқ' },
        delivery: { status: 503 },
      });
      expect(await (await fetch(`${sim.url}/antimonopoly/`)).text()).toContain('Не доставлено');

      accept = true;
      const again = await fetch(`${sim.url}/antimonopoly/letters/${letterId}/redeliver`, { method: 'POST' });
      expect(await again.json()).toMatchObject({ callback: { status: 202, error: null } });
      expect(received).toEqual([
        expect.objectContaining({ letterId, consent: false, comment: 'Келісім жоқ' }),
      ]);
      expect(await (await fetch(`${sim.url}/antimonopoly/`)).text()).toContain('Доставлено');
    } finally {
      await sim.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('failure injection', () => {
  test('one system can be taken down and brought back while the others keep answering', async () => {
    expect((await put('/_control/persons', { down: true })).status).toBe(200);
    const down = await get(`/persons/${fixtures.licence.approved.headIin}`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 503, title: 'Service Unavailable' });
    expect((await get(`/legal-entities/${fixtures.licence.approved.bin}`)).status).toBe(200);
    expect(await (await get('/_control')).json()).toMatchObject({
      persons: { down: true },
      'legal-entities': { down: false },
    });
    await put('/_control/persons', { down: false });
    expect((await get(`/persons/${fixtures.licence.approved.headIin}`)).status).toBe(200);
  });

  test('a malformed system answers 200 with a body of the wrong shape', async () => {
    await put('/_control/vehicles', { malformed: true });
    const res = await get(`/vehicles?owner=${fixtures.licence.approved.bin}`);
    expect(res.status).toBe(200);
    expect(Array.isArray(await res.json())).toBe(false);
  });

  test('a seeded failure rate fails the same requests on every run', async () => {
    const statuses = async () => {
      const s = await startSimulators({ port: 0, failureRate: 0.5, seed: 42 });
      try {
        const out: number[] = [];
        for (let i = 0; i < 12; i++)
          out.push((await fetch(`${s.url}/legal-entities/${fixtures.licence.approved.bin}`)).status);
        return out;
      } finally {
        await s.close();
      }
    };
    const first = await statuses();
    expect(first).toContain(500);
    expect(first).toContain(200);
    expect(await statuses()).toEqual(first);
  });

  test('control rejects unknown systems and settings', async () => {
    expect((await put('/_control/tax-office', { down: true })).status).toBe(404);
    expect((await put('/_control/persons', { failureRate: 2 })).status).toBe(400);
    expect((await put('/_control/persons', { broken: true })).status).toBe(400);
  });

  test('health lists every system', async () => {
    expect(await (await get('/health')).json()).toMatchObject({
      status: 'ok',
      systems: expect.arrayContaining(['payments', 'antimonopoly']),
    });
  });
});
