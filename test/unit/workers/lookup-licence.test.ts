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

test('without licenceNumber the job raises an incident', async () => {
  expect(await run(h, worker, { applicant: applicantOf(f) })).toMatchObject({
    kind: 'fail',
    retries: 0,
    errorMessage: expect.stringContaining('licenceNumber'),
  });
});

itMapsGatewayFailures(h, worker, 'e-licensing', () => ({
  applicant: applicantOf(f),
  licenceNumber: f.licenceNumber,
}));
