import { createFakeCamunda, type FakeCamunda } from './support/fake-camunda';
import { BIN, startApp } from '../ui/support/harness';

const TOKEN = 'inbound-token-for-tests-0123';
const NUMBER = 'NAT-2026-000777';

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

const ANSWER = { applicationNumber: NUMBER, letterId: 'AML-000001', consent: true, comment: 'Расталады.' };

describe("inbound channel: the antimonopoly body's answer (service D, rules §9–§10)", () => {
  let ctx: Awaited<ReturnType<typeof startApp>>;
  let fake: FakeCamunda;
  beforeEach(async () => {
    fake = createFakeCamunda();
    ctx = await startApp({ camunda: fake.camunda, inboundToken: TOKEN });
    await ctx.store.insertIfAbsent(started(NUMBER, 'national-company-security-approval', '2251799813685249'));
  });
  afterEach(() => ctx.close());

  test('a valid answer becomes the message the process waits for, correlated by application number', async () => {
    const res = await post(ctx.base, ANSWER, TOKEN);
    expect(res.status).toBe(202);
    expect(res.json).toEqual({
      messageName: 'antimonopoly-answer-received',
      messageId: `antimonopoly-answer-received:${NUMBER}:AML-000001`,
      duplicate: false,
    });
    expect(fake.messages).toEqual([
      expect.objectContaining({
        name: 'antimonopoly-answer-received',
        correlationKey: NUMBER,
        variables: {
          antimonopolyAnswer: {
            consent: true,
            comment: 'Расталады.',
            letterId: 'AML-000001',
            // No answeredAt sent: the instant it reached the provider (the app's clock).
            answeredAt: '2026-04-15T05:00:00.000Z',
          },
        },
      }),
    ]);
    expect(fake.messages[0].timeToLive).toBeGreaterThan(0);
  });

  test('the same answer delivered twice is one message', async () => {
    await post(ctx.base, ANSWER, TOKEN);
    const again = await post(ctx.base, ANSWER, TOKEN);
    expect(again.status).toBe(202);
    expect(again.json.duplicate).toBe(true);
    expect(fake.messages).toHaveLength(1);
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
    expect(fake.messages).toEqual([]);
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
    expect(fake.messages).toEqual([]);
  });

  test('with no token configured the channel is closed, whatever is presented', async () => {
    await ctx.close();
    fake = createFakeCamunda();
    ctx = await startApp({ camunda: fake.camunda });
    const res = await post(ctx.base, ANSWER, TOKEN);
    expect(res.status).toBe(503);
    expect(res.json.error.code).toBe('INBOUND_CLOSED');
  });
});
