import worker from '../../../workers/lookup-criminal-record';
import { fixtures } from '../../../simulators';
import { applicantOf, itMapsGatewayFailures, run, useSimulators } from '../../simulators/support';

const h = useSimulators();

test('a head with a conviction is reported', async () => {
  const f = fixtures.licence.criminalHead;
  const outcome = await run(h, worker, { applicant: applicantOf(f) });
  expect(outcome).toEqual({
    kind: 'complete',
    variables: {
      criminalRecords: [
        {
          iin: f.headIin,
          found: true,
          hasConviction: true,
          nonExoneratingRelease: false,
          pendingCriminalCase: false,
          administrativeOffences: 2,
          extremismOrTerrorismData: false,
        },
      ],
    },
  });
});

test('a founder with a pending criminal case is reported beside the clean head', async () => {
  const f = fixtures.training.founderPendingCase;
  const outcome = await run(
    h,
    worker,
    { applicant: applicantOf(f), legalEntity: { founders: f.founders } },
    { subjects: 'head,founders' },
  );
  const records =
    outcome.kind === 'complete'
      ? (outcome.variables.criminalRecords as { iin: string; pendingCriminalCase: boolean }[])
      : [];
  expect(records.map((r) => [r.iin, r.pendingCriminalCase])).toEqual([
    [f.headIin, false],
    [f.founders[1], true],
  ]);
});

test('a person unknown to the register is marked found: false', async () => {
  const outcome = await run(h, worker, {
    applicant: { ...applicantOf(fixtures.licence.approved), headIin: fixtures.unknown.iin },
  });
  expect(outcome).toMatchObject({
    kind: 'complete',
    variables: { criminalRecords: [{ iin: fixtures.unknown.iin, found: false }] },
  });
});

itMapsGatewayFailures(h, worker, 'criminal-records', () => ({
  applicant: applicantOf(fixtures.licence.approved),
}));
