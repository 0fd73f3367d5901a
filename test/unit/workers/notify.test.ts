import worker from '../../../workers/notify';
import { fixtures } from '../../../simulators';
import { applicantOf, itMapsGatewayFailures, run, useSimulators } from '../../simulators/support';

const h = useSimulators();
const f = fixtures.licence.criminalHead;
const inbox = (n: string) =>
  h
    .get<{ applicationNumber: string }[]>(`/cabinet/${f.bin}/messages`)
    .then((m) => m.filter((x) => x.applicationNumber === n));

test('the hearing notice names the time (in Astana time, whatever offset it was stored with) and place of the hearing', async () => {
  const outcome = await run(
    h,
    worker,
    {
      applicationNumber: 'KZ-2026-000201',
      serviceId: 'security-licence',
      applicant: applicantOf(f),
      hearingAt: '2026-03-16T10:00:00Z',
      hearingPlace: 'г. Алматы, ул. Макатаева, 95, каб. 204',
    },
    { template: 'preliminary-refusal-hearing', channel: 'cabinet' },
  );
  expect(outcome).toEqual({ kind: 'complete', variables: {} });
  expect(await inbox('KZ-2026-000201')).toEqual([
    expect.objectContaining({
      kind: 'preliminary-refusal-hearing',
      channel: 'cabinet',
      body: expect.stringContaining(
        'Заслушивание: 16.03.2026, 15:00 (время Астаны), г. Алматы, ул. Макатаева, 95',
      ),
    }),
  ]);
});

test('header channel sms is passed on', async () => {
  await run(
    h,
    worker,
    { applicationNumber: 'KZ-2026-000202', serviceId: 'security-licence', applicant: applicantOf(f) },
    { template: 'application-registered', channel: 'sms' },
  );
  expect(await inbox('KZ-2026-000202')).toEqual([
    expect.objectContaining({ channel: 'sms', title: expect.stringContaining('Заявление зарегистрировано') }),
  ]);
});

test('an unknown template or a hearing notice without a time raise an incident and send nothing', async () => {
  expect(
    await run(
      h,
      worker,
      { applicationNumber: 'KZ-2026-000203', serviceId: 'security-licence', applicant: applicantOf(f) },
      { template: 'greeting' },
    ),
  ).toMatchObject({ kind: 'fail', retries: 0 });
  expect(
    await run(
      h,
      worker,
      { applicationNumber: 'KZ-2026-000203', serviceId: 'security-licence', applicant: applicantOf(f) },
      { template: 'preliminary-refusal-hearing' },
    ),
  ).toMatchObject({
    kind: 'fail',
    retries: 0,
    errorMessage: expect.stringContaining('hearingAt'),
  });
  expect(await inbox('KZ-2026-000203')).toEqual([]);
});

itMapsGatewayFailures(
  h,
  worker,
  'cabinet',
  () => ({ applicationNumber: 'KZ-2026-000204', serviceId: 'security-licence', applicant: applicantOf(f) }),
  { template: 'result-ready' },
);
