import worker from '../../../workers/lookup-legal-entity';
import { fixtures } from '../../../simulators';
import { applicantOf, itMapsGatewayFailures, run, useSimulators } from '../../simulators/support';

const h = useSimulators();
const vars = (f: Parameters<typeof applicantOf>[0] = fixtures.licence.approved) => ({
  applicant: applicantOf(f),
});

test('a registered company is written to legalEntity with found: true', async () => {
  const outcome = await run(h, worker, vars());
  expect(outcome).toEqual({
    kind: 'complete',
    variables: {
      legalEntity: expect.objectContaining({
        found: true,
        bin: fixtures.licence.approved.bin,
        category: 'small',
        charterRegistered: true,
        headIin: fixtures.licence.approved.headIin,
        courtBan: false,
      }),
    },
  });
});

test('a court ban on the activity reaches the process', async () => {
  const outcome = await run(h, worker, vars(fixtures.fire.courtBan));
  expect(outcome).toMatchObject({ kind: 'complete', variables: { legalEntity: { courtBan: true } } });
});

test('a company unknown to the register completes with found: false, not a failure', async () => {
  const outcome = await run(h, worker, {
    applicant: { ...applicantOf(fixtures.licence.approved), bin: fixtures.unknown.bin },
  });
  expect(outcome).toEqual({
    kind: 'complete',
    variables: { legalEntity: { found: false, bin: fixtures.unknown.bin } },
  });
});

test('an application without a valid BIN raises an incident (no retries)', async () => {
  const outcome = await run(h, worker, {
    applicant: { ...applicantOf(fixtures.licence.approved), bin: '123' },
  });
  expect(outcome).toMatchObject({ kind: 'fail', retries: 0, errorMessage: expect.stringContaining('BIN') });
});

itMapsGatewayFailures(h, worker, 'legal-entities', vars);
