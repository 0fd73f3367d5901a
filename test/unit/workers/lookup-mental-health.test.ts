import worker from '../../../workers/lookup-mental-health';
import { fixtures } from '../../../simulators';
import { applicantOf, itMapsGatewayFailures, run, useSimulators } from '../../simulators/support';

const h = useSimulators();

test('a head on the register is reported registered; a clean head is not', async () => {
  const registered = fixtures.licence.mentalHealthRegistered;
  expect(await run(h, worker, { applicant: applicantOf(registered) })).toEqual({
    kind: 'complete',
    variables: { mentalHealth: [{ iin: registered.headIin, found: true, registered: true }] },
  });
  expect(await run(h, worker, { applicant: applicantOf(fixtures.licence.approved) })).toMatchObject({
    kind: 'complete',
    variables: { mentalHealth: [{ registered: false, found: true }] },
  });
});

test('a person unknown to the register is marked found: false', async () => {
  const outcome = await run(h, worker, {
    applicant: { ...applicantOf(fixtures.licence.approved), headIin: fixtures.unknown.iin },
  });
  expect(outcome).toEqual({
    kind: 'complete',
    variables: { mentalHealth: [{ iin: fixtures.unknown.iin, found: false, registered: false }] },
  });
});

itMapsGatewayFailures(h, worker, 'mental-health', () => ({
  applicant: applicantOf(fixtures.licence.approved),
}));
