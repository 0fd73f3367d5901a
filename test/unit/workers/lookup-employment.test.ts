import worker from '../../../workers/lookup-employment';
import { fixtures } from '../../../simulators';
import { applicantOf, itMapsGatewayFailures, run, useSimulators } from '../../simulators/support';

const h = useSimulators();

test('each specialist’s records are listed with their relevant experience', async () => {
  const f = fixtures.fire.approved;
  const outcome = await run(
    h,
    worker,
    { applicant: applicantOf(f), specialists: f.specialists },
    { subjects: 'specialists' },
  );
  expect(outcome).toMatchObject({ kind: 'complete', variables: { employmentFound: true } });
  const records =
    outcome.kind === 'complete'
      ? (outcome.variables.employment as {
          iin: string;
          relevantExperienceYears: number;
          endedOn: string | null;
        }[])
      : [];
  expect(records.map((r) => [r.iin, r.relevantExperienceYears])).toEqual([
    [f.specialists[0].iin, 4],
    [f.specialists[1].iin, 2],
    [f.specialists[1].iin, 4],
  ]);
  expect(records[1].endedOn).toBe('2018-03-01');
  expect(records[0]).not.toHaveProperty('employerName');
});

test("a head's employment missing from the registry completes with employmentFound: false", async () => {
  const outcome = await run(h, worker, { applicant: applicantOf(fixtures.licence.employmentMissing) });
  expect(outcome).toEqual({ kind: 'complete', variables: { employment: [], employmentFound: false } });
});

itMapsGatewayFailures(h, worker, 'employment', () => ({ applicant: applicantOf(fixtures.licence.approved) }));
