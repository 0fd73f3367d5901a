import { ProcessDefinitionId } from '@camunda8/orchestration-cluster-api';
import { processVariables } from '../../intake/camunda-port';
import * as b from '../support/bpmn';
import { describeState, waitForEnd } from '../support/system-harness';
import { BIN, sharedSystem, startApp } from '../ui/support/harness';

const TOKEN = 'inbound-token-for-tests-0123';

async function post(base: string, body: unknown, token?: string) {
  const res = await fetch(`${base}/inbound/antimonopoly-answers`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as any };
}

/** An application as intake keeps it once its process started. */
const started = (applicationNumber: string, serviceId: string, processInstanceKey: string) => ({
  applicationNumber,
  serviceId,
  requestKind: 'issue',
  applicantBin: BIN,
  payload: '{}',
  receivedAt: '2026-04-15T05:00:00.000Z',
  registeredOn: '2026-04-15',
  state: 'started' as const,
  processInstanceKey,
});

/**
 * A process that waits for the answer as service D's diagram does (message name, correlated by the
 * application number), on the real embedded engine: what the inbound channel published is what it
 * received. A fresh application number per test keeps the engine's buffered messages apart.
 */
const PROBE = b.process(
  'probe-antimonopoly-answer',
  [
    b.start('Start'),
    b.receive('Task_AwaitAnswer', 'antimonopoly-answer-received', '=applicationNumber'),
    b.end('End'),
  ],
  ['Start > Task_AwaitAnswer > End'],
);

describe("inbound channel: the antimonopoly body's answer (service D, rules §9–§10)", () => {
  let ctx: Awaited<ReturnType<typeof startApp>>;
  let sys: Awaited<ReturnType<typeof sharedSystem>>;
  let NUMBER = '';
  let ANSWER = { applicationNumber: '', letterId: 'AML-000001', consent: true, comment: 'Расталады.' };
  /** The waiting probe of this test's application. */
  let probe = '';
  let n = 777;
  beforeAll(async () => {
    sys = await sharedSystem();
    await sys.client.createDeployment({ resources: [new File([PROBE], 'probe-antimonopoly-answer.bpmn')] });
  });
  beforeEach(async () => {
    NUMBER = `NAT-2026-000${n++}`;
    ANSWER = { ...ANSWER, applicationNumber: NUMBER };
    ctx = await startApp({ inboundToken: TOKEN });
    await ctx.store.insertIfAbsent(started(NUMBER, 'national-company-security-approval', '2251799813685249'));
    probe = String(
      (
        await sys.client.createProcessInstance({
          processDefinitionId: ProcessDefinitionId.assumeExists('probe-antimonopoly-answer'),
          variables: { applicationNumber: NUMBER },
        })
      ).processInstanceKey,
    );
  });
  afterEach(() => ctx.close());

  /** Nothing was published for the application: its probe still waits. */
  async function expectNothingPublished() {
    // Give a stray message the time to arrive before looking.
    await new Promise((r) => setTimeout(r, 300));
    expect(await describeState(sys.client, probe)).toContain('Task_AwaitAnswer');
  }

  test('a valid answer becomes the message the process waits for, correlated by application number', async () => {
    const res = await post(ctx.base, ANSWER, TOKEN);
    expect(res.status).toBe(202);
    expect(res.json).toEqual({
      messageName: 'antimonopoly-answer-received',
      messageId: `antimonopoly-answer-received:${NUMBER}:AML-000001`,
      duplicate: false,
    });
    await waitForEnd(sys.client, probe);
    expect(await processVariables(sys.client, probe)).toEqual({
      applicationNumber: NUMBER,
      antimonopolyAnswer: {
        consent: true,
        comment: 'Расталады.',
        letterId: 'AML-000001',
        // No answeredAt sent: the instant it reached the provider (the app's clock).
        answeredAt: '2026-04-15T05:00:00.000Z',
      },
    });
  });

  test('the same answer delivered twice is one message', async () => {
    await post(ctx.base, ANSWER, TOKEN);
    const again = await post(ctx.base, ANSWER, TOKEN);
    expect(again.status).toBe(202);
    expect(again.json.duplicate).toBe(true);
    // The real engine refused the repeat (same message id, still buffered): one message reached it.
    await waitForEnd(sys.client, probe);
  });

  test('without the token, or with another, the answer is refused in Kazakh and Russian', async () => {
    for (const token of [undefined, 'wrong-token-wrong-token-00']) {
      const res = await post(ctx.base, ANSWER, token);
      expect(res.status).toBe(401);
      expect(res.json.error).toMatchObject({
        code: 'UNAUTHORIZED',
        kk: expect.any(String),
        ru: expect.any(String),
      });
    }
    await expectNothingPublished();
  });

  test('bad answers name the field; unknown applications and other services are not found', async () => {
    const bad = await post(ctx.base, { applicationNumber: NUMBER, consent: 'yes' }, TOKEN);
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: any) => e.path).sort()).toEqual(['consent', 'letterId']);
    expect(bad.json.errors[0]).toMatchObject({ kk: expect.any(String), ru: expect.any(String) });

    const unknown = await post(ctx.base, { ...ANSWER, applicationNumber: 'NAT-2026-000999' }, TOKEN);
    expect(unknown.status).toBe(404);
    await ctx.store.insertIfAbsent(started('SEC-2026-000001', 'security-licence', '2251799813685250'));
    const otherService = await post(ctx.base, { ...ANSWER, applicationNumber: 'SEC-2026-000001' }, TOKEN);
    expect(otherService.status).toBe(404);

    const notJson = await post(ctx.base, '{"applicationNumber":', TOKEN);
    expect(notJson.status).toBe(400);
    await expectNothingPublished();
  });

  test('with no token configured the channel is closed, whatever is presented', async () => {
    await ctx.close();
    ctx = await startApp();
    const res = await post(ctx.base, ANSWER, TOKEN);
    expect(res.status).toBe(503);
    expect(res.json.error.code).toBe('INBOUND_CLOSED');
  });
});
