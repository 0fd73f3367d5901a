import worker from '../../../workers/send-letter';
import { fixtures } from '../../../simulators';
import { applicantOf, itMapsGatewayFailures, run, useSimulators } from '../../simulators/support';

const h = useSimulators();
const f = fixtures.national.approved;
const vars = (applicationNumber: string) => ({
  applicationNumber,
  serviceId: 'national-company-security-approval',
  applicant: applicantOf(f),
  objects: [{ name: 'Главный офис', location: 'г. Астана, пр. Мәңгілік Ел, 55/20' }],
  antimonopolyConsentRef: 'АЗРК-2026/0412',
});

test('the letter to the antimonopoly body carries the company, its objects and the consent reference', async () => {
  const outcome = await run(h, worker, vars('KZ-2026-000401'));
  expect(outcome).toEqual({
    kind: 'complete',
    variables: { antimonopolyLetterId: expect.stringMatching(/^AML-/) },
  });
  expect(await h.get('/antimonopoly/letters?applicationNumber=KZ-2026-000401')).toEqual([
    expect.objectContaining({
      bin: f.bin,
      companyName: f.name,
      antimonopolyConsentRef: 'АЗРК-2026/0412',
      objects: [expect.objectContaining({ name: 'Главный офис' })],
      answer: null,
    }),
  ]);
});

test('a retried job sends one letter and gets the same id', async () => {
  const first = await run(h, worker, vars('KZ-2026-000402'), {}, { key: '4503599627370552' });
  const second = await run(h, worker, vars('KZ-2026-000402'), {}, { key: '4503599627370552' });
  expect(second).toEqual(first);
  expect(await h.get<unknown[]>('/antimonopoly/letters?applicationNumber=KZ-2026-000402')).toHaveLength(1);
});

itMapsGatewayFailures(h, worker, 'antimonopoly', () => vars('KZ-2026-000403'));
