import worker from '../../../workers/report-stage';
import { fixtures } from '../../../simulators';
import { applicantOf, itMapsGatewayFailures, run, useSimulators } from '../../simulators/support';

const h = useSimulators();
const vars = (applicationNumber: string) => ({
  applicationNumber,
  serviceId: 'fire-automation-permit',
  applicant: applicantOf(fixtures.fire.approved),
});

test('the stage from header stage is recorded in monitoring at the clock’s time, +05:00', async () => {
  expect(await run(h, worker, vars('KZ-2026-000101'), { stage: 'completeness-check-started' })).toEqual({
    kind: 'complete',
    variables: {},
  });
  expect(await h.get('/monitoring/events?applicationNumber=KZ-2026-000101')).toEqual([
    expect.objectContaining({
      serviceId: 'fire-automation-permit',
      stage: 'completeness-check-started',
      at: '2026-03-10T11:15:00+05:00',
    }),
  ]);
});

test('a job retried after a lost answer records the stage once', async () => {
  await run(h, worker, vars('KZ-2026-000102'), { stage: 'registered' }, { key: '4503599627370551' });
  await run(h, worker, vars('KZ-2026-000102'), { stage: 'registered' }, { key: '4503599627370551' });
  expect(await h.get<unknown[]>('/monitoring/events?applicationNumber=KZ-2026-000102')).toHaveLength(1);
});

test('two stages of one application are two events', async () => {
  await run(h, worker, vars('KZ-2026-000105'), { stage: 'registered' });
  await run(h, worker, vars('KZ-2026-000105'), { stage: 'completeness-check-finished' });
  expect(await h.get<unknown[]>('/monitoring/events?applicationNumber=KZ-2026-000105')).toHaveLength(2);
});

test('a task without header stage is a modelling fault (incident)', async () => {
  expect(await run(h, worker, vars('KZ-2026-000103'))).toMatchObject({
    kind: 'fail',
    retries: 0,
    errorMessage: expect.stringContaining('stage'),
  });
});

itMapsGatewayFailures(h, worker, 'monitoring', () => vars('KZ-2026-000104'), { stage: 'registered' });
