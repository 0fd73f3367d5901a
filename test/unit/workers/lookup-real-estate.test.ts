import worker from '../../../workers/lookup-real-estate';
import { fixtures } from '../../../simulators';
import { applicantOf, itMapsGatewayFailures, run, useSimulators } from '../../simulators/support';

const h = useSimulators();

test('the training centre’s premises, gym and shooting range are listed', async () => {
  const f = fixtures.training.approved;
  const outcome = await run(h, worker, { applicant: applicantOf(f) });
  const realEstate =
    outcome.kind === 'complete'
      ? (outcome.variables.realEstate as {
          kind: string;
          ownerBin: string;
          basis: string;
          sanitaryCompliant: boolean;
        }[])
      : [];
  expect(realEstate.map((r) => r.kind)).toEqual(['training-premises', 'building', 'shooting-range']);
  expect(
    realEstate.every((r) => r.ownerBin === f.bin && r.basis === 'ownership' && r.sanitaryCompliant),
  ).toBe(true);
});

test('a company that holds nothing gets an empty list', async () => {
  const outcome = await run(h, worker, {
    applicant: { ...applicantOf(fixtures.licence.approved), bin: fixtures.unknown.bin },
  });
  expect(outcome).toEqual({ kind: 'complete', variables: { realEstate: [] } });
});

itMapsGatewayFailures(h, worker, 'real-estate', () => ({
  applicant: applicantOf(fixtures.licence.approved),
}));
