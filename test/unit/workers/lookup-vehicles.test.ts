import worker from '../../../workers/lookup-vehicles';
import { fixtures } from '../../../simulators';
import { applicantOf, itMapsGatewayFailures, run, useSimulators } from '../../simulators/support';

const h = useSimulators();
const count = async (f: Parameters<typeof applicantOf>[0]) => {
  const outcome = await run(h, worker, { applicant: applicantOf(f) });
  return outcome.kind === 'complete' ? (outcome.variables.vehicles as unknown[]).length : -1;
};

test('fleets of three, one and no vehicles are reported as they are', async () => {
  expect(await count(fixtures.licence.approved)).toBe(3);
  expect(await count(fixtures.licence.oneVehicle)).toBe(1);
  expect(await count(fixtures.licence.noVehicles)).toBe(0);
});

test('each vehicle carries plate, owner and registration certificate only', async () => {
  const outcome = await run(h, worker, { applicant: applicantOf(fixtures.licence.oneVehicle) });
  expect(outcome).toEqual({
    kind: 'complete',
    variables: {
      vehicles: [
        {
          plate: expect.stringMatching(/^\d{3} [A-Z]{3} 02$/),
          ownerBin: fixtures.licence.oneVehicle.bin,
          registrationCertificate: expect.any(String),
        },
      ],
    },
  });
});

itMapsGatewayFailures(h, worker, 'vehicles', () => ({ applicant: applicantOf(fixtures.licence.approved) }));
