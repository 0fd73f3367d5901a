import worker from '../../../workers/lookup-licence';
import { fixtures, UNKNOWN_LICENCE_NUMBER } from '../../../simulators';
import { applicantOf, itMapsGatewayFailures, run, useSimulators } from '../../simulators/support';

const h = useSimulators();
const f = fixtures.licence.reissue;

test('the licence to re-issue is read from E-licensing', async () => {
  expect(await run(h, worker, { applicant: applicantOf(f), licenceNumber: f.licenceNumber })).toEqual({
    kind: 'complete',
    variables: {
      existingLicence: {
        number: f.licenceNumber,
        bin: f.bin,
        subType: 1,
        status: 'active',
        issuedOn: '2023-05-10',
      },
    },
  });
});

test('an unknown number gives existingLicence: null', async () => {
  expect(await run(h, worker, { applicant: applicantOf(f), licenceNumber: UNKNOWN_LICENCE_NUMBER })).toEqual({
    kind: 'complete',
    variables: { existingLicence: null },
  });
});

test('for a first issue (no licenceNumber), a licence the applicant already holds is found by BIN', async () => {
  expect(await run(h, worker, { applicant: applicantOf(f) })).toMatchObject({
    kind: 'complete',
    variables: { existingLicence: { number: f.licenceNumber, bin: f.bin } },
  });
});

test('for a first issue by a company without a licence, existingLicence is null', async () => {
  expect(await run(h, worker, { applicant: applicantOf(fixtures.licence.approved) })).toEqual({
    kind: 'complete',
    variables: { existingLicence: null },
  });
});

itMapsGatewayFailures(h, worker, 'e-licensing', () => ({
  applicant: applicantOf(f),
  licenceNumber: f.licenceNumber,
}));
