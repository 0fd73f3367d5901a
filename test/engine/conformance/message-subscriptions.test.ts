import * as b from '../../support/bpmn';
import { deployAll, piState, startInstance, useEngine, NOW } from './support';

/**
 * Camunda 8.8 REST "Search correlated message subscriptions" (POST
 * /v2/correlated-message-subscriptions/search): one entry per message correlated to a subscription
 * (catch events, receive tasks, boundary events and message start events), kept after the instance
 * ends; and "Search message subscriptions" (POST /v2/message-subscriptions/search) for open ones.
 */
describe('message subscriptions', () => {
  const e = useEngine();

  beforeAll(async () => {
    await deployAll(e.client, {
      'sub-wait.bpmn': b.process(
        'sub-wait',
        [
          b.start('Start'),
          b.catchEvent('Catch_PaymentReceived', { message: 'sub-payment', correlationKey: '=applicationNo' }),
          b.end('End'),
        ],
        ['Start > Catch_PaymentReceived > End'],
      ),
      'sub-start.bpmn': b.process(
        'sub-start',
        [b.start('Start_Filed', { message: 'sub-complaint' }), b.end('End')],
        ['Start_Filed > End'],
      ),
    });
  });

  test('given an instance waiting at a message catch event, when searched, then its open subscription is listed', async () => {
    const pik = await startInstance(e.client, 'sub-wait', { applicationNo: 'S-1' });
    const r: any = await e.client.searchMessageSubscriptions(
      { filter: { processInstanceKey: pik } } as any,
      NOW,
    );
    expect(r.items).toEqual([
      expect.objectContaining({
        processInstanceKey: pik,
        elementId: 'Catch_PaymentReceived',
        messageName: 'sub-payment',
        correlationKey: 'S-1',
        messageSubscriptionState: 'CREATED',
      }),
    ]);
  });

  test('given a message correlated to a catch event, when correlated subscriptions are searched, then the correlation is listed after the instance completed', async () => {
    const pik = await startInstance(e.client, 'sub-wait', { applicationNo: 'S-2' });
    const open: any = await e.client.searchMessageSubscriptions(
      { filter: { processInstanceKey: pik } } as any,
      NOW,
    );
    const subscriptionKey = open.items[0].messageSubscriptionKey;
    const published: any = await e.client.publishMessage({
      name: 'sub-payment',
      correlationKey: 'S-2',
      variables: { paid: true },
    } as any);
    expect(await piState(e.client, pik)).toBe('COMPLETED');
    const r: any = await e.client.searchCorrelatedMessageSubscriptions(
      { filter: { processInstanceKey: pik } } as any,
      NOW,
    );
    expect(r.items).toEqual([
      expect.objectContaining({
        correlationKey: 'S-2',
        messageKey: published.messageKey,
        messageName: 'sub-payment',
        elementId: 'Catch_PaymentReceived',
        processDefinitionId: 'sub-wait',
        processInstanceKey: pik,
        subscriptionKey,
        partitionId: 1,
      }),
    ]);
    expect(Number.isNaN(Date.parse(r.items[0].correlationTime))).toBe(false);
    expect(r.page.totalItems).toBe(1);
  });

  test('given a message start event, when the message starts an instance, then the correlation names the started instance', async () => {
    const c: any = await e.client.correlateMessage({ name: 'sub-complaint', correlationKey: 'K-9' } as any);
    const r: any = await e.client.searchCorrelatedMessageSubscriptions(
      { filter: { messageName: 'sub-complaint' } } as any,
      NOW,
    );
    expect(r.items).toEqual([
      expect.objectContaining({
        messageKey: c.messageKey,
        processInstanceKey: c.processInstanceKey,
        elementId: 'Start_Filed',
        processDefinitionId: 'sub-start',
        correlationKey: 'K-9',
      }),
    ]);
  });

  test('given correlations of different messages, when filtered by correlation key, then only matching ones are returned', async () => {
    await startInstance(e.client, 'sub-wait', { applicationNo: 'S-3' });
    await startInstance(e.client, 'sub-wait', { applicationNo: 'S-4' });
    await e.client.publishMessage({ name: 'sub-payment', correlationKey: 'S-3' } as any);
    await e.client.publishMessage({ name: 'sub-payment', correlationKey: 'S-4' } as any);
    const r: any = await e.client.searchCorrelatedMessageSubscriptions(
      { filter: { correlationKey: 'S-4' } } as any,
      NOW,
    );
    expect(r.items.map((i: any) => i.correlationKey)).toEqual(['S-4']);
  });
});
