import { startEngineProxy } from './support/engine-proxy';
import {
  startApp,
  client,
  BIN,
  OTHER_BIN,
  licenceApplication,
  firePermitApplication,
  sharedSystem,
} from '../ui/support/harness';
import { makeIin } from '../../domain/identifiers';
import { processVariables } from '../../intake/camunda-port';
import { SERVICE_IDS } from '../../domain/services';
import { ProcessDefinitionId } from '@camunda8/orchestration-cluster-api';
import * as b from '../support/bpmn';
import { waitForEnd } from '../support/system-harness';
import { createApplicationStore } from '../../intake/store';

/** The number the register issues after `n` (`SEC-2026-000007` → `SEC-2026-000008`). */
const next = (n: string) => n.replace(/\d{6}$/, (d) => String(Number(d) + 1).padStart(6, '0'));

/**
 * The web app with the real embedded engine, the repository's diagrams and the workers
 * (test/ui/support/harness.ts), reached through a network that can lose a connection
 * (./support/engine-proxy.ts).
 */
describe('intake of portal applications', () => {
  let ctx: Awaited<ReturnType<typeof startApp>>;
  let proxy: Awaited<ReturnType<typeof startEngineProxy>>;
  let call: ReturnType<typeof client>;
  /** Service processes the engine held before the test: what a test starts is what is not in here. */
  let before: Set<string>;
  // One register for the file, as for the engine: a number is never issued twice, so no test adopts
  // the process another test started under the same number.
  const register = createApplicationStore(':memory:');
  afterAll(() => register.close());

  /** Every application process (not a called one) in the engine. */
  async function applicationProcesses() {
    const sys = await sharedSystem();
    const page = await sys.client.searchProcessInstances(
      { page: { limit: 1000 } },
      { consistency: { waitUpToMs: 0 } },
    );
    return (page.items ?? []).filter(
      (i) =>
        !i.parentProcessInstanceKey && (SERVICE_IDS as readonly string[]).includes(i.processDefinitionId),
    );
  }

  beforeEach(async () => {
    const sys = await sharedSystem();
    proxy = await startEngineProxy(sys.engine.running.address);
    ctx = await startApp({ camunda: proxy.client, store: register });
    call = client(ctx.base, await ctx.as('applicant', { bin: BIN }));
    before = new Set((await applicationProcesses()).map((i) => String(i.processInstanceKey)));
  });
  afterEach(async () => {
    await ctx.close();
    await proxy.close();
  });

  /** The processes this test started, each with the variables it was started with. */
  async function starts() {
    const started = (await applicationProcesses()).filter((i) => !before.has(String(i.processInstanceKey)));
    return Promise.all(
      started.map(async (i) => ({
        input: {
          processDefinitionId: String(i.processDefinitionId),
          variables: await processVariables(ctx.camunda, String(i.processInstanceKey)),
        },
      })),
    );
  }
  /** Submits as the portal does: one idempotency key per filled-in form. */
  /** The portal's key of the form filled in: one per test, as the register lives across tests. */
  let formKey = '';
  let forms = 0;
  beforeEach(() => {
    formKey = `form-${String(++forms).padStart(4, '0')}-aaaa`;
  });
  const submit = (application: object, key = formKey) =>
    call('POST', '/api/applications', application, { 'idempotency-key': key });

  test('a valid licence application is registered on the day of receipt (C2) and starts its process by id, under a number the register issues', async () => {
    // The browser's number (SEC-2026-000042) is ignored: the register issues the next one.
    const res = await submit(licenceApplication());
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      applicationNumber: expect.stringMatching(/^SEC-2026-\d{6}$/),
      state: 'started',
      registeredOn: '2026-04-15',
    });
    expect(res.json.applicationNumber).not.toBe('SEC-2026-000042');
    expect(await starts()).toHaveLength(1);
    expect((await starts())[0].input).toMatchObject({
      processDefinitionId: 'security-licence',
      variables: {
        applicationNumber: res.json.applicationNumber,
        requestKind: 'issue',
        subType: 2,
        receivedAt: '2026-04-15T05:00:00.000Z',
        registeredOn: '2026-04-15',
      },
    });
  });

  test('repeating a submission with the same idempotency key returns the same application and starts no second process', async () => {
    const first = await submit(licenceApplication());
    const again = await submit(licenceApplication());
    expect(again.status).toBe(200);
    expect(again.json.applicationNumber).toBe(first.json.applicationNumber);
    expect(again.json.processInstanceKey).toBe(first.json.processInstanceKey);
    expect(await starts()).toHaveLength(1);
    // Another form (another key) is another application with the next number.
    const second = await submit(licenceApplication(), `${formKey}-bbbb`);
    expect([second.status, second.json.applicationNumber]).toEqual([201, next(first.json.applicationNumber)]);
  });

  test('concurrent submissions with one idempotency key start one process', async () => {
    const results = await Promise.all([1, 2, 3].map(() => submit(licenceApplication())));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(results.map((r) => r.json.processInstanceKey)).size).toBe(1);
    expect(await starts()).toHaveLength(1);
  });

  test('when the engine accepted the start but the answer was lost, a repeat adopts that process instead of starting another', async () => {
    proxy.state.loseNextStartAnswer = true;
    const first = await submit(licenceApplication());
    expect(first.status).toBe(503);
    // The application just registered: the register's latest number.
    const registered = (await ctx.store.list())
      .filter((r) => r.applicationNumber.startsWith('SEC-'))
      .sort((x, y) => x.applicationNumber.localeCompare(y.applicationNumber))
      .at(-1);
    expect(registered?.state).toBe('starting');
    // The engine did start it.
    expect(await starts()).toHaveLength(1);
    const again = await submit(licenceApplication());
    expect(again.status).toBe(200);
    expect(again.json.state).toBe('started');
    const started = await starts();
    expect(started).toHaveLength(1);
    expect(started[0].input.variables.applicationNumber).toBe(registered!.applicationNumber);
  });

  test('wired as the web app is: the client retries network errors by itself, yet a start whose answer was lost is not made twice', async () => {
    await ctx.close();
    ctx = await startApp({ camunda: proxy.retryingClient, processStarter: proxy.starter, store: register });
    call = client(ctx.base, await ctx.as('applicant', { bin: BIN }));
    proxy.state.loseNextStartAnswer = true;
    const first = await submit(licenceApplication());
    expect(first.status).toBe(503);
    expect(await starts()).toHaveLength(1);
    const again = await submit(licenceApplication());
    expect(again.json.state).toBe('started');
    expect(await starts()).toHaveLength(1);
  });

  test('when the engine was down, the application stays registered and a repeat starts it', async () => {
    proxy.state.down = true;
    expect((await submit(licenceApplication())).status).toBe(503);
    expect(await starts()).toHaveLength(0);
    proxy.state.down = false;
    const again = await submit(licenceApplication());
    expect(again.json.state).toBe('started');
    expect(await starts()).toHaveLength(1);
  });

  test('a number chosen by the browser is never taken: another applicant who sends it first gets a number of their own, and nobody gets 409', async () => {
    const other = client(ctx.base, await ctx.as('applicant', { bin: OTHER_BIN }));
    const first = await other('POST', '/api/applications', licenceApplication('SEC-2026-000042', OTHER_BIN), {
      'idempotency-key': formKey,
    });
    expect(first.status).toBe(201);
    // The victim sends the same number and the same key: a fresh application, no 409, nothing revealed.
    const mine = await submit(licenceApplication('SEC-2026-000042'));
    expect([mine.status, mine.json.applicationNumber]).toEqual([201, next(first.json.applicationNumber)]);
    expect(await ctx.store.get('SEC-2026-000042')).toBeUndefined();
    expect((await ctx.store.get(mine.json.applicationNumber))?.applicantBin).toBe(BIN);
  });

  test('a different application under an idempotency key already used is refused with 422 and starts nothing', async () => {
    await submit(licenceApplication());
    const res = await submit({ ...licenceApplication(), subType: 1 });
    expect(res.status).toBe(422);
    expect(res.json.error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', kk: expect.any(String) });
    expect(await starts()).toHaveLength(1);
    const badKey = await submit(licenceApplication(), 'x');
    expect([badKey.status, badKey.json.errors[0].path]).toEqual([400, 'Idempotency-Key']);
  });

  test('validation errors name the field path in Kazakh and Russian', async () => {
    const bad = licenceApplication();
    bad.applicant.bin = BIN.slice(0, 11) + String((Number(BIN[11]) + 1) % 10);
    const res = await call('POST', '/api/applications', {
      ...bad,
      requestKind: 'reissue',
    });
    expect(res.status).toBe(400);
    const byPath = Object.fromEntries(res.json.errors.map((e: { path: string }) => [e.path, e]));
    expect(byPath['applicant.bin']).toEqual({
      path: 'applicant.bin',
      kk: 'БСН: бақылау саны (12-цифр) сәйкес келмейді',
      ru: 'БИН: не сходится контрольная (12-я) цифра',
    });
    expect(byPath.applicationNumber).toBeUndefined();
    expect(byPath.licenceNumber.kk).toMatch(/лицензия нөмірі/);
    expect(byPath.reissueReason.ru).toMatch(/причину переоформления/);
    expect(await starts()).toHaveLength(0);
  });

  // Order 923 licence rules §2, §10, §11, Annexes 4–5: the licence and/or its annex is requested;
  // an annex alone belongs to a licence already held, whose number is then required.
  test('a licence application says whether the licence, its annex or both are requested; an annex alone needs the licence number (Order 923 §10–§11, Annexes 4–5)', async () => {
    const annexAlone = await call('POST', '/api/applications', {
      ...licenceApplication(),
      applicationNumber: 'SEC-2026-000901',
      licenceDocuments: 'annex',
    });
    expect(annexAlone.status).toBe(400);
    const byPath = Object.fromEntries(annexAlone.json.errors.map((e: { path: string }) => [e.path, e]));
    expect(byPath.licenceNumber.ru).toMatch(/только приложение к лицензии/);
    const unknown = await call('POST', '/api/applications', {
      ...licenceApplication(),
      applicationNumber: 'SEC-2026-000902',
      licenceDocuments: 'certificate',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors.map((e: { path: string }) => e.path)).toContain('licenceDocuments');
    expect(await starts()).toHaveLength(0);
  });

  test('a fire permit needs specialists with a valid IIN; the error points at the specialist', async () => {
    const app = firePermitApplication();
    app.specialists[0].iin = '123456789012';
    const res = await call('POST', '/api/applications', app);
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain('specialists.0.iin');
  });

  test('Order 138 §3 part one, Annex 1 "ЖСН/БСН": an individual entrepreneur applies for the fire-automation permit with an IIN', async () => {
    const iin = makeIin('1984-04-12', 'male', 2447);
    const entrepreneur = client(ctx.base, await ctx.as('applicant', { bin: iin }));
    const app = firePermitApplication('FAP-2026-000008', iin);
    app.applicant.headIin = iin;
    const res = await entrepreneur('POST', '/api/applications', app);
    expect(res.status).toBe(201);
    expect((await starts())[0].input).toMatchObject({
      processDefinitionId: 'fire-automation-permit',
      variables: { applicant: { bin: iin, headIin: iin } },
    });
  });

  test.each([
    [
      '12345',
      'ИИН/БИН: должно быть 12 цифр, введено символов: 5',
      'ЖСН/БСН: 12 цифр болуы керек, енгізілгені 5 таңба',
    ],
    ['8404123A0244', 'ИИН/БИН: допускаются только цифры', 'ЖСН/БСН: тек цифрлардан тұруы керек'],
    // The IIN of 12 April 1984 with its check digit changed.
    [
      'checksum',
      'ИИН/БИН: не сходится контрольная (12-я) цифра',
      'ЖСН/БСН: бақылау саны (12-цифр) сәйкес келмейді',
    ],
    // 31 February: neither a birth date nor a BIN (5th digit 3 is no entity type).
    [
      '840231300018',
      'как ИИН — первые 6 цифр (дата рождения, ГГММДД) не являются существующей датой',
      'ЖСН ретінде алғашқы 6 цифр',
    ],
    // Century digit 7 does not exist; 5th digit 1 is no entity type either.
    [
      '840412700018',
      'как ИИН — 7-я цифра (век рождения и пол) должна быть от 1 до 6',
      '7-цифр (туған ғасыры мен жынысы)',
    ],
  ])(
    'Order 138 Annex 1: service A applicant number %s is refused naming the field and the failed check',
    async (value, ru, kk) => {
      const iin = makeIin('1984-04-12', 'male', 2447);
      const wrong = value === 'checksum' ? iin.slice(0, 11) + String((Number(iin[11]) + 1) % 10) : value;
      const res = await call('POST', '/api/applications', firePermitApplication('FAP-2026-000009', wrong));
      expect(res.status).toBe(400);
      const error = res.json.errors.find((e: { path: string }) => e.path === 'applicant.bin');
      expect(error.ru).toContain(ru);
      expect(error.kk).toContain(kk);
      expect(await starts()).toHaveLength(0);
    },
  );

  test('services B, C and D still need a BIN: an IIN for the licence is refused naming the entity-type digit', async () => {
    const res = await call(
      'POST',
      '/api/applications',
      licenceApplication('SEC-2026-000044', makeIin('1984-04-12', 'male', 2447)),
    );
    expect(res.status).toBe(400);
    const error = res.json.errors.find((e: { path: string }) => e.path === 'applicant.bin');
    expect(error.ru).toMatch(/^БИН: /);
  });

  /** Service D filed by a representative under a power of attorney; received on 15 April 2026. */
  function representedApproval(number: string, validFrom: string, validUntil: string) {
    const { requestKind: _k, subType: _s, ...rest } = licenceApplication(number);
    return {
      ...rest,
      serviceId: 'national-company-security-approval',
      objects: [{ name: 'Өнеркәсіп алаңы', location: 'Павлодар қ., Өнеркәсіп аймағы, 1' }],
      antimonopolyConsentRef: 'АМ-2026/114',
      representative: {
        fullName: 'Әбенова Дана Серікқызы',
        iin: makeIin('1991-11-03', 'female', 4120),
        powerOfAttorney: { number: 'СН-2026-015', issuedOn: '2026-04-01', validFrom, validUntil },
      },
    };
  }

  test('Order 923 national-company List row 8 lead-in: a representative under a power of attorney in force applies for service D; who and the document go into the process variables', async () => {
    const res = await call(
      'POST',
      '/api/applications',
      representedApproval('NCA-2026-000301', '2026-04-01', '2026-12-31'),
    );
    expect(res.status).toBe(201);
    expect((await starts())[0].input).toMatchObject({
      processDefinitionId: 'national-company-security-approval',
      variables: {
        representative: {
          fullName: 'Әбенова Дана Серікқызы',
          iin: makeIin('1991-11-03', 'female', 4120),
          powerOfAttorney: {
            number: 'СН-2026-015',
            issuedOn: '2026-04-01',
            validFrom: '2026-04-01',
            validUntil: '2026-12-31',
          },
        },
      },
    });
  });

  test('Order 923 national-company List row 8 lead-in: an expired or not yet valid power of attorney is refused naming the field', async () => {
    const expired = await call(
      'POST',
      '/api/applications',
      representedApproval('NCA-2026-000302', '2026-04-01', '2026-04-14'),
    );
    expect(expired.status).toBe(400);
    expect(expired.json.errors).toEqual([
      {
        path: 'representative.powerOfAttorney.validUntil',
        kk: 'Сенімхаттың мерзімі өткен: 14.04.2026 дейін жарамды болған, өтініш 15.04.2026 түсті',
        ru: 'Срок доверенности истёк: она действовала до 14.04.2026, заявление поступило 15.04.2026',
      },
    ]);
    const early = await call(
      'POST',
      '/api/applications',
      representedApproval('NCA-2026-000303', '2026-04-16', '2026-12-31'),
    );
    expect(early.status).toBe(400);
    expect(early.json.errors[0]).toMatchObject({
      path: 'representative.powerOfAttorney.validFrom',
      ru: 'Доверенность ещё не действует: она действует с 16.04.2026, заявление поступило 15.04.2026',
    });
    const reversed = await call(
      'POST',
      '/api/applications',
      representedApproval('NCA-2026-000304', '2026-12-31', '2026-04-01'),
    );
    expect(reversed.json.errors.map((e: { path: string }) => e.path)).toContain(
      'representative.powerOfAttorney.validUntil',
    );
    const noIin = representedApproval('NCA-2026-000305', '2026-04-01', '2026-12-31');
    noIin.representative.iin = '123';
    const bad = await call('POST', '/api/applications', noIin);
    expect(bad.json.errors).toContainEqual(
      expect.objectContaining({
        path: 'representative.iin',
        ru: 'ИИН: должно быть 12 цифр, введено символов: 3',
      }),
    );
    expect(await starts()).toHaveLength(0);
  });

  test('refusing consent to restricted data is accepted: it is a refusal ground decided by the process (C14)', async () => {
    const res = await call('POST', '/api/applications', {
      ...firePermitApplication(),
      consentToRestrictedData: false,
    });
    expect(res.status).toBe(201);
    expect((await starts())[0].input).toMatchObject({
      processDefinitionId: 'fire-automation-permit',
      variables: { consentToRestrictedData: false, requestKind: 'application' },
    });
  });

  test("an applicant cannot submit for another BIN nor read another applicant's application", async () => {
    expect(
      (await call('POST', '/api/applications', licenceApplication('SEC-2026-000043', OTHER_BIN))).status,
    ).toBe(403);
    const { applicationNumber } = (await call('POST', '/api/applications', licenceApplication())).json;
    const other = client(ctx.base, await ctx.as('applicant', { bin: OTHER_BIN }));
    expect((await other('GET', `/api/applications/${applicationNumber}`)).status).toBe(404);
    expect(
      (
        await other('POST', '/api/complaints', {
          applicationNumber,
          text: 'Мерзім бұзылды, жауап жоқ',
        })
      ).status,
    ).toBe(404);
  });

  test("an applicant's position at the hearing and a complaint become messages correlated by application number", async () => {
    const number = (await call('POST', '/api/applications', licenceApplication())).json.applicationNumber;
    // A probe waits for the position as the hearing does: message name and application number.
    const sys = await sharedSystem();
    await sys.client.createDeployment({
      resources: [
        new File(
          [
            b.process(
              'probe-applicant-position',
              [
                b.start('Start'),
                b.receive('Task_AwaitPosition', 'applicant-position-submitted', '=applicationNumber'),
                b.end('End'),
              ],
              ['Start > Task_AwaitPosition > End'],
            ),
          ],
          'probe-applicant-position.bpmn',
        ),
      ],
    });
    const probe = await sys.client.createProcessInstance({
      processDefinitionId: ProcessDefinitionId.assumeExists('probe-applicant-position'),
      variables: { applicationNumber: number },
    });
    const pos = await call('POST', `/api/applications/${number}/messages`, {
      kind: 'hearing-position',
      text: 'Алым 12 сәуірде төленді, түбіртек қоса беріледі',
      attachments: [{ kind: 'hearing-position-document', fileName: 'tubirtek.pdf' }],
    });
    expect(pos.status).toBe(202);
    // Order 923 §8 (spec C6): the position travels with its own attachments, for the hearing to keep.
    await waitForEnd(sys.client, String(probe.processInstanceKey));
    expect(await processVariables(sys.client, String(probe.processInstanceKey))).toMatchObject({
      applicantPosition: 'Алым 12 сәуірде төленді, түбіртек қоса беріледі',
      applicantPositionAttachments: [{ kind: 'hearing-position-document', fileName: 'tubirtek.pdf' }],
      applicantPositionSubmittedAt: expect.any(String),
    });
    const complaint = await call('POST', '/api/complaints', {
      applicationNumber: number,
      text: 'Құжаттар толық болса да қайтарылды',
    });
    expect(complaint.status).toBe(202);
    // The complaint starts the complaint process (message start event) with the application's facts.
    const complaints = await sys.client.searchProcessInstances(
      {
        filter: {
          processDefinitionId: ProcessDefinitionId.assumeExists('complaint'),
          variables: [{ name: 'applicationNumber', value: JSON.stringify(number) }],
        },
        page: { limit: 10 },
      },
      { consistency: { waitUpToMs: 0 } },
    );
    expect(complaints.items).toHaveLength(1);
    expect(await processVariables(sys.client, String(complaints.items[0].processInstanceKey))).toMatchObject({
      serviceId: 'security-licence',
      registeredOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      applicant: { bin: expect.any(String) },
    });
    const bad = await call('POST', `/api/applications/${number}/messages`, { kind: 'anything' });
    expect(bad.status).toBe(400);
  });
});
