import worker from '../../../workers/deliver-to-cabinet';
import { fixtures } from '../../../simulators';
import { applicantOf, itMapsGatewayFailures, run, useSimulators } from '../../simulators/support';

const h = useSimulators();

test('a new licence is formed in E-licensing, numbered, and sent to the personal cabinet', async () => {
  const f = fixtures.licence.approved;
  const outcome = await run(h, worker, {
    applicationNumber: 'KZ-2026-000301',
    serviceId: 'security-licence',
    requestKind: 'issue',
    subType: 1,
    applicant: applicantOf(f),
    resultDocument: { documentId: 'doc-301', kind: 'licence', title: 'Лицензия на охранную деятельность' },
  });
  expect(outcome).toEqual({
    kind: 'complete',
    variables: { deliveredAt: '2026-03-10T11:15:00+05:00', resultNumber: expect.stringMatching(/^KZ/) },
  });
  const number = outcome.kind === 'complete' ? outcome.variables.resultNumber : '';
  expect(await h.get(`/e-licensing/licences/${number}`)).toMatchObject({
    bin: f.bin,
    subType: 1,
    status: 'active',
  });
  expect(await h.get(`/cabinet/${f.bin}/messages`)).toContainEqual(
    expect.objectContaining({ applicationNumber: 'KZ-2026-000301', documentId: 'doc-301', kind: 'licence' }),
  );
});

test('a re-issued licence keeps its number; a retried job does not deliver twice', async () => {
  const f = fixtures.licence.reissue;
  const vars = {
    applicationNumber: 'KZ-2026-000302',
    serviceId: 'security-licence',
    requestKind: 'reissue',
    licenceNumber: f.licenceNumber,
    applicant: applicantOf(f),
    resultDocument: { documentId: 'doc-302', kind: 'licence', title: 'Переоформленная лицензия' },
  };
  expect(await run(h, worker, vars, {}, { key: '4503599627370553' })).toMatchObject({
    kind: 'complete',
    variables: { resultNumber: f.licenceNumber },
  });
  await run(h, worker, vars, {}, { key: '4503599627370553' });
  expect(await h.get<unknown[]>('/e-licensing/records?applicationNumber=KZ-2026-000302')).toHaveLength(1);
  const inbox = await h.get<{ applicationNumber: string }[]>(`/cabinet/${f.bin}/messages`);
  expect(inbox.filter((m) => m.applicationNumber === 'KZ-2026-000302')).toHaveLength(1);
});

test('a refusal and its annex are both delivered; no number is issued', async () => {
  const f = fixtures.fire.courtBan;
  const outcome = await run(h, worker, {
    applicationNumber: 'KZ-2026-000303',
    serviceId: 'fire-automation-permit',
    applicant: applicantOf(f),
    resultDocument: [
      { documentId: 'doc-303a', kind: 'refusal', title: 'Мотивированный отказ' },
      { documentId: 'doc-303b', kind: 'hearing-record', title: 'Протокол заслушивания' },
    ],
  });
  expect(outcome).toEqual({ kind: 'complete', variables: { deliveredAt: '2026-03-10T11:15:00+05:00' } });
  expect(await h.get<unknown[]>('/e-licensing/records?applicationNumber=KZ-2026-000303')).toHaveLength(2);
});

test('an applicant without a personal cabinet raises an incident', async () => {
  const outcome = await run(h, worker, {
    applicationNumber: 'KZ-2026-000304',
    serviceId: 'fire-automation-permit',
    applicant: { ...applicantOf(fixtures.fire.approved), bin: fixtures.unknown.bin },
    resultDocument: { documentId: 'doc-304', kind: 'refusal', title: 'Отказ' },
  });
  expect(outcome).toMatchObject({ kind: 'fail', retries: 0 });
});

itMapsGatewayFailures(h, worker, 'cabinet', () => ({
  applicationNumber: 'KZ-2026-000305',
  serviceId: 'fire-automation-permit',
  applicant: applicantOf(fixtures.fire.approved),
  resultDocument: { documentId: 'doc-305', kind: 'permit', title: 'Разрешение' },
}));
