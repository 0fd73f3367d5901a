import * as b from '../../support/bpmn';
import {
  activate,
  complete,
  deployAll,
  eventually,
  incidents,
  jobs,
  piState,
  pin,
  rejection,
  startInstance,
  trail,
  userTasks,
  useEngine,
  variables,
  NOW,
} from './support';

const oneJob = (id: string, type: string, retries?: number) =>
  b.process(
    id,
    [b.start('Start'), b.service('Task_Work', type, { retries }), b.end('End')],
    ['Start > Task_Work > End'],
  );

describe('jobs', () => {
  const e = useEngine();

  test('given a failed job with retries left and a back-off, when activated before the back-off ends, then it is not offered; after the pinned clock passes it, it is', async () => {
    await pin(e.client, '2026-08-01T00:00:00Z');
    await deployAll(e.client, { 'job-backoff.bpmn': oneJob('job-backoff', 'job-backoff') });
    await startInstance(e.client, 'job-backoff');
    const [job] = await jobs(e.client, 'job-backoff');
    expect(job.retries).toBe(3);
    await e.client.failJob({
      jobKey: job.jobKey,
      retries: 2,
      errorMessage: 'gateway down',
      retryBackOff: 60_000,
    } as any);
    expect(await activate(e.client, 'job-backoff')).toEqual([]);
    await pin(e.client, '2026-08-01T00:00:59Z');
    expect(await activate(e.client, 'job-backoff')).toEqual([]);
    await pin(e.client, '2026-08-01T00:01:00Z');
    const [again] = await activate(e.client, 'job-backoff');
    expect(again).toMatchObject({ jobKey: job.jobKey, retries: 2 });
  });

  test('given an activated job, when its timeout passes without an answer, then it is offered again', async () => {
    await pin(e.client, '2026-08-01T00:00:00Z');
    await deployAll(e.client, { 'job-timeout.bpmn': oneJob('job-timeout', 'job-timeout') });
    const pik = await startInstance(e.client, 'job-timeout');
    const [job] = await jobs(e.client, 'job-timeout', 1, 300_000);
    await pin(e.client, '2026-08-01T00:04:59Z');
    expect(await activate(e.client, 'job-timeout')).toEqual([]);
    await pin(e.client, '2026-08-01T00:05:00Z');
    const [again] = await activate(e.client, 'job-timeout');
    expect(again.jobKey).toBe(job.jobKey);
    await complete(e.client, again);
    expect(await piState(e.client, pik)).toBe('COMPLETED');
  });

  test('given a job that fails with no retries left, when it fails, then a JOB_NO_RETRIES incident is raised; after updateJob retries and resolution, the job is offered again', async () => {
    await deployAll(e.client, { 'job-incident.bpmn': oneJob('job-incident', 'job-incident', 1) });
    const pik = await startInstance(e.client, 'job-incident');
    const [job] = await jobs(e.client, 'job-incident');
    expect(job.retries).toBe(1);
    await e.client.failJob({
      jobKey: job.jobKey,
      retries: 0,
      errorMessage: 'registry refused the certificate',
    } as any);
    const [inc] = await incidents(e.client, pik);
    expect(inc).toMatchObject({
      errorType: 'JOB_NO_RETRIES',
      elementId: 'Task_Work',
      jobKey: job.jobKey,
      errorMessage: 'registry refused the certificate',
    });
    expect(
      ((await e.client.getProcessInstance({ processInstanceKey: pik } as any, NOW)) as any).hasIncident,
    ).toBe(true);
    expect(await activate(e.client, 'job-incident')).toEqual([]);
    await e.client.updateJob({ jobKey: job.jobKey, changeset: { retries: 2 } } as any);
    // Zeebe offers the job again only once the incident is resolved.
    expect(await activate(e.client, 'job-incident')).toEqual([]);
    await e.client.resolveIncident({ incidentKey: inc.incidentKey } as any);
    const [again] = await activate(e.client, 'job-incident');
    expect(again).toMatchObject({ jobKey: job.jobKey, retries: 2 });
    await complete(e.client, again);
    expect(await piState(e.client, pik)).toBe('COMPLETED');
    expect(await incidents(e.client, pik)).toEqual([]);
  });

  test('given a job that fails with no retries left and a back-off, when retries are updated and the incident resolved, then the job is offered at once on the pinned clock', async () => {
    await pin(e.client, '2026-08-01T00:00:00Z');
    await deployAll(e.client, {
      'job-incident-backoff.bpmn': oneJob('job-incident-backoff', 'job-incident-backoff', 1),
    });
    const pik = await startInstance(e.client, 'job-incident-backoff');
    const [job] = await jobs(e.client, 'job-incident-backoff');
    await e.client.failJob({
      jobKey: job.jobKey,
      retries: 0,
      errorMessage: 'gateway down',
      retryBackOff: 60_000,
    } as any);
    const [inc] = await incidents(e.client, pik);
    await e.client.updateJob({ jobKey: job.jobKey, changeset: { retries: 1 } } as any);
    await e.client.resolveIncident({ incidentKey: inc.incidentKey } as any);
    const [again] = await activate(e.client, 'job-incident-backoff');
    expect(again).toMatchObject({ jobKey: job.jobKey, retries: 1 });
  });

  test('given a worker that throws, when the SDK fails the job, then retries decrease by one', async () => {
    await deployAll(e.client, { 'job-throw.bpmn': oneJob('job-throw', 'job-throw') });
    const pik = await startInstance(e.client, 'job-throw');
    const [job] = await jobs(e.client, 'job-throw');
    await e.client.failJob({ jobKey: job.jobKey, retries: job.retries - 1, errorMessage: 'boom' } as any);
    const r: any = await e.client.searchJobs({ filter: { processInstanceKey: pik } } as any, NOW);
    expect(r.items[0]).toMatchObject({ retries: 2, state: 'FAILED', errorMessage: 'boom' });
  });

  test('given a completed job, when it is completed again, then it is rejected with 404', async () => {
    await deployAll(e.client, { 'job-twice.bpmn': oneJob('job-twice', 'job-twice') });
    await startInstance(e.client, 'job-twice');
    const [job] = await jobs(e.client, 'job-twice');
    await complete(e.client, job);
    expect(await rejection(complete(e.client, job))).toMatchObject({ status: 404 });
  });
});

describe('messages', () => {
  const e = useEngine();
  const waiting = b.process(
    'msg-wait',
    [
      b.start('Start'),
      b.userTask('Task_Before'),
      b.catchEvent('Msg_Reply', { message: 'reply', correlationKey: '=caseNo' }),
      b.end('End'),
    ],
    ['Start > Task_Before > Msg_Reply > End'],
  );
  const openSubscription = async (pik: string) => {
    const [task] = await userTasks(e.client, pik);
    await e.client.completeUserTask({ userTaskKey: task.userTaskKey } as any);
  };

  test('given a message published with a TTL before the subscription opens, when the subscription opens within the TTL, then the buffered message is correlated', async () => {
    await pin(e.client, '2026-09-01T00:00:00Z');
    await deployAll(e.client, { 'msg-wait.bpmn': waiting });
    const pik = await startInstance(e.client, 'msg-wait', { caseNo: 'B-1' });
    await e.client.publishMessage({
      name: 'reply',
      correlationKey: 'B-1',
      timeToLive: 3_600_000,
      variables: { replied: true },
    } as any);
    await pin(e.client, '2026-09-01T00:59:00Z');
    await openSubscription(pik);
    expect(await piState(e.client, pik)).toBe('COMPLETED');
    expect((await variables(e.client, pik)).replied).toBe(true);
  });

  test('given a buffered message whose TTL has passed, when the subscription opens, then it is not correlated', async () => {
    await pin(e.client, '2026-09-01T00:00:00Z');
    await deployAll(e.client, { 'msg-wait.bpmn': waiting });
    const pik = await startInstance(e.client, 'msg-wait', { caseNo: 'B-2' });
    await e.client.publishMessage({ name: 'reply', correlationKey: 'B-2', timeToLive: 60_000 } as any);
    await pin(e.client, '2026-09-01T00:01:01Z');
    await openSubscription(pik);
    expect(await piState(e.client, pik)).toBe('ACTIVE');
  });

  test('given a message without TTL and no subscription, when published, then it is dropped', async () => {
    await deployAll(e.client, { 'msg-wait.bpmn': waiting });
    const pik = await startInstance(e.client, 'msg-wait', { caseNo: 'B-3' });
    await e.client.publishMessage({ name: 'reply', correlationKey: 'B-3' } as any);
    await openSubscription(pik);
    expect(await piState(e.client, pik)).toBe('ACTIVE');
  });

  test('given a message with a messageId within its TTL, when the same id is published again, then the second publish is rejected with 409', async () => {
    await e.client.publishMessage({
      name: 'dedup',
      correlationKey: 'D-1',
      timeToLive: 60_000,
      messageId: 'm-1',
    } as any);
    const err = await rejection(
      e.client.publishMessage({
        name: 'dedup',
        correlationKey: 'D-1',
        timeToLive: 60_000,
        messageId: 'm-1',
      } as any),
    );
    expect(err).toMatchObject({ status: 409 });
  });

  test('given a waiting catch event, when correlateMessage is called, then it answers with the instance key; with nothing waiting, it answers 404', async () => {
    await deployAll(e.client, {
      'msg-corr.bpmn': b.process(
        'msg-corr',
        [
          b.start('Start'),
          b.catchEvent('Msg_Reply', { message: 'corr-reply', correlationKey: '=caseNo' }),
          b.end('End'),
        ],
        ['Start > Msg_Reply > End'],
      ),
    });
    const pik = await startInstance(e.client, 'msg-corr', { caseNo: 'C-1' });
    const r: any = await e.client.correlateMessage({
      name: 'corr-reply',
      correlationKey: 'C-1',
      variables: { v: 1 },
    } as any);
    expect(r.processInstanceKey).toBe(pik);
    expect(await piState(e.client, pik)).toBe('COMPLETED');
    const err = await rejection(
      e.client.correlateMessage({ name: 'corr-reply', correlationKey: 'C-1' } as any),
    );
    expect(err).toMatchObject({ status: 404 });
  });

  test('given two instances waiting on the same message name with different keys, when one key is published, then only that instance moves', async () => {
    await deployAll(e.client, {
      'msg-corr.bpmn': b.process(
        'msg-corr',
        [
          b.start('Start'),
          b.catchEvent('Msg_Reply', { message: 'corr-reply', correlationKey: '=caseNo' }),
          b.end('End'),
        ],
        ['Start > Msg_Reply > End'],
      ),
    });
    const a = await startInstance(e.client, 'msg-corr', { caseNo: 'K-1' });
    const c = await startInstance(e.client, 'msg-corr', { caseNo: 'K-2' });
    await e.client.publishMessage({ name: 'corr-reply', correlationKey: 'K-2' } as any);
    expect(await piState(e.client, a)).toBe('ACTIVE');
    expect(await piState(e.client, c)).toBe('COMPLETED');
  });
});

describe('timers', () => {
  const e = useEngine();
  const timerProcess = (id: string, timer: b.Timer) =>
    b.process(
      id,
      [b.start('Start'), b.catchEvent('Timer_Wait', { timer }), b.end('End')],
      ['Start > Timer_Wait > End'],
    );

  test('given a timeDate timer with an offset, when the clock passes that instant, then it fires', async () => {
    await pin(e.client, '2026-10-01T00:00:00Z');
    await deployAll(e.client, { 'tm-date.bpmn': timerProcess('tm-date', { date: '=deadline' }) });
    const pik = await startInstance(e.client, 'tm-date', { deadline: '2026-12-01T18:30:00+05:00' });
    await pin(e.client, '2026-12-01T13:29:59Z');
    expect(await piState(e.client, pik)).toBe('ACTIVE');
    await pin(e.client, '2026-12-01T13:30:00Z');
    expect(await piState(e.client, pik)).toBe('COMPLETED');
  });

  test('given a timer longer than 24.8 days (P40D), when the clock is pinned past it, then it fires', async () => {
    await pin(e.client, '2026-10-01T00:00:00Z');
    await deployAll(e.client, { 'tm-long.bpmn': timerProcess('tm-long', { duration: 'P40D' }) });
    const pik = await startInstance(e.client, 'tm-long');
    await pin(e.client, '2026-11-09T23:59:59Z');
    expect(await piState(e.client, pik)).toBe('ACTIVE');
    await pin(e.client, '2026-11-10T00:00:00Z');
    expect(await piState(e.client, pik)).toBe('COMPLETED');
  });

  test('given a timeCycle on an intermediate catch event, when deployed, then it is rejected as in Zeebe (cycles only on start and boundary events)', async () => {
    const err = await rejection(
      deployAll(e.client, { 'tm-cycle.bpmn': timerProcess('tm-cycle', { cycle: 'R5/PT1H' }) }),
    );
    expect(err.status).toBe(400);
    expect(JSON.stringify(err)).toContain('Timer_Wait');
  });

  test('given a timeDate without an offset, when it is reached, then an incident is raised (Zeebe rejects local date-times)', async () => {
    await deployAll(e.client, { 'tm-local.bpmn': timerProcess('tm-local', { date: '=deadline' }) });
    const pik = await startInstance(e.client, 'tm-local', { deadline: '2026-12-01T18:30:00' });
    expect((await incidents(e.client, pik))[0]).toMatchObject({ elementId: 'Timer_Wait' });
  });
});

describe('process instance lifecycle and API errors', () => {
  const e = useEngine();

  test('given an instance waiting at a job and a user task, when it is cancelled, then it is terminated with its job and user task cancelled', async () => {
    await deployAll(e.client, {
      'pi-cancel.bpmn': b.process(
        'pi-cancel',
        [
          b.start('Start'),
          b.parallel('Fork'),
          b.service('Task_Job', 'pi-cancel-job'),
          b.userTask('Task_Human'),
          b.parallel('Join'),
          b.end('End'),
        ],
        ['Start > Fork', 'Fork > Task_Job > Join', 'Fork > Task_Human > Join', 'Join > End'],
      ),
    });
    const pik = await startInstance(e.client, 'pi-cancel');
    const [job] = await jobs(e.client, 'pi-cancel-job');
    await e.client.cancelProcessInstance({ processInstanceKey: pik } as any);
    expect(await piState(e.client, pik)).toBe('TERMINATED');
    const js: any = await e.client.searchJobs({ filter: { processInstanceKey: pik } } as any, NOW);
    expect(js.items.map((j: any) => j.state)).toEqual(['CANCELED']);
    expect(await userTasks(e.client, pik, 'CANCELED')).toHaveLength(1);
    expect(await trail(e.client, pik)).toEqual(
      expect.arrayContaining(['Task_Job:TERMINATED', 'Task_Human:TERMINATED']),
    );
    expect(await rejection(complete(e.client, job))).toMatchObject({ status: 404 });
    expect(await rejection(e.client.cancelProcessInstance({ processInstanceKey: pik } as any))).toMatchObject(
      { status: 404 },
    );
  });

  test.each([
    [
      // Zeebe has no intermediate escalation catch event (escalations are caught by boundary events
      // and event sub-processes only).
      'an intermediate escalation catch event',
      b
        .process(
          'bad-escalation',
          [b.start('Start'), b.catchEvent('Escalation_Wait', { signal: 'go' }), b.end('End')],
          ['Start > Escalation_Wait > End'],
        )
        .replace(/<bpmn:signalEventDefinition [^>]*\/>/, '<bpmn:escalationEventDefinition />'),
      'Escalation_Wait',
    ],
  ])(
    'given a diagram with %s, when deployed, then it is rejected with 400 naming the element',
    async (_what, xml, elementId) => {
      const err = await rejection(deployAll(e.client, { 'bad.bpmn': xml }));
      expect(err.status).toBe(400);
      expect(JSON.stringify(err)).toContain(elementId);
    },
  );

  test('given a rejected request, when the problem is read over HTTP, then it has the RFC 9457 shape', async () => {
    const res = await fetch(`${e.t.running.address}/v2/process-instances`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ processDefinitionId: 'no-such-process' }),
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const body = await res.json();
    expect(body).toMatchObject({
      type: expect.any(String),
      title: 'NOT_FOUND',
      status: 404,
      detail: expect.stringContaining('no-such-process'),
    });
    const bad = await fetch(`${e.t.running.address}/v2/process-instances/not-a-key`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      title: 'INVALID_ARGUMENT',
      status: 400,
      detail: expect.any(String),
      type: expect.any(String),
    });
  });

  test('given a diagram with a complex gateway, when deployed, then it is rejected with 400 naming the element', async () => {
    const xml = b
      .process(
        'bad-complex',
        [b.start('Start'), b.exclusive('Gw_Complex'), b.end('End_A'), b.end('End_B')],
        ['Start > Gw_Complex', 'Gw_Complex > End_A : =a', 'Gw_Complex > End_B : default'],
      )
      .replace('<bpmn:exclusiveGateway', '<bpmn:complexGateway')
      .replace('</bpmn:exclusiveGateway>', '</bpmn:complexGateway>');
    const res = await fetch(`${e.t.running.address}/v2/deployments`, {
      method: 'POST',
      body: (() => {
        const f = new FormData();
        f.append('resources', new Blob([xml]), 'bad-complex.bpmn');
        return f;
      })(),
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body).toMatchObject({ status: 400, title: 'INVALID_ARGUMENT' });
    expect(body.detail).toContain('Gw_Complex');
  });
});

void eventually;
