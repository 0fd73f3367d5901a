import worker from '../../../workers/lookup-education';
import { fixtures } from '../../../simulators';
import { applicantOf, itMapsGatewayFailures, run, useSimulators } from '../../simulators/support';

const h = useSimulators();

test("the head's legal diploma is found", async () => {
  const f = fixtures.licence.approved;
  const outcome = await run(h, worker, { applicant: applicantOf(f) });
  expect(outcome).toEqual({
    kind: 'complete',
    variables: {
      education: [
        {
          iin: f.headIin,
          level: 'higher',
          specialtyCode: '6B04201',
          specialtyName: 'Юриспруденция',
          field: 'legal',
          graduatedOn: '2003-06-20',
        },
      ],
      educationFound: true,
    },
  });
});

test('specialists in listed and unlisted specialties are both reported for the compliance check', async () => {
  const f = fixtures.fire.unlistedSpecialty;
  const outcome = await run(
    h,
    worker,
    { applicant: applicantOf(f), specialists: f.specialists },
    { subjects: 'specialists' },
  );
  expect(outcome).toMatchObject({ kind: 'complete', variables: { educationFound: true } });
  expect(
    outcome.kind === 'complete' &&
      (outcome.variables.education as { specialtyName: string }[]).map((d) => d.specialtyName),
  ).toEqual(['Филология', 'Электроэнергетика']);
});

test("a head's diploma missing from the registry completes with educationFound: false (the diagram asks the applicant)", async () => {
  const outcome = await run(h, worker, { applicant: applicantOf(fixtures.licence.educationMissing) });
  expect(outcome).toEqual({ kind: 'complete', variables: { education: [], educationFound: false } });
});

itMapsGatewayFailures(h, worker, 'education', () => ({ applicant: applicantOf(fixtures.licence.approved) }));
