import worker from '../../../workers/lookup-person';
import { fixtures } from '../../../simulators';
import {
  applicantOf,
  expectNoIinInLogs,
  itMapsGatewayFailures,
  run,
  useSimulators,
} from '../../simulators/support';

const h = useSimulators();
const fire = fixtures.fire.approved;

test('by default only the head is looked up', async () => {
  const outcome = await run(h, worker, { applicant: applicantOf(fire), specialists: fire.specialists });
  expect(outcome).toEqual({
    kind: 'complete',
    variables: {
      persons: [
        {
          iin: fire.headIin,
          found: true,
          fullName: fire.headFullName,
          birthDate: '1978-09-23',
          identityDocumentValid: true,
        },
      ],
    },
  });
});

test('header subjects "head,specialists" covers the head and every specialist once', async () => {
  const outcome = await run(
    h,
    worker,
    { applicant: applicantOf(fire), specialists: fire.specialists },
    { subjects: 'head,specialists,head' },
  );
  expect(
    outcome.kind === 'complete' && (outcome.variables.persons as { iin: string }[]).map((p) => p.iin),
  ).toEqual([fire.headIin, ...fire.specialists.map((s) => s.iin)]);
});

test('founders come from legalEntity.founders', async () => {
  const training = fixtures.training.approved;
  const outcome = await run(
    h,
    worker,
    { applicant: applicantOf(training), legalEntity: { founders: training.founders } },
    { subjects: 'founders' },
  );
  expect(
    outcome.kind === 'complete' && (outcome.variables.persons as { iin: string }[]).map((p) => p.iin),
  ).toEqual(training.founders);
});

test('a person unknown to the register has no valid identity document', async () => {
  const outcome = await run(h, worker, {
    applicant: { ...applicantOf(fire), headIin: fixtures.unknown.iin },
  });
  expect(outcome).toEqual({
    kind: 'complete',
    variables: {
      persons: [
        {
          iin: fixtures.unknown.iin,
          found: false,
          fullName: null,
          birthDate: null,
          identityDocumentValid: false,
        },
      ],
    },
  });
});

test('founders asked for before the legal entity was looked up is a modelling fault (incident)', async () => {
  const outcome = await run(h, worker, { applicant: applicantOf(fire) }, { subjects: 'founders' });
  expect(outcome).toMatchObject({
    kind: 'fail',
    retries: 0,
    errorMessage: expect.stringContaining('legalEntity.founders'),
  });
});

test('failures are logged without IINs', async () => {
  await h.fault('persons', { down: true });
  await run(
    h,
    worker,
    { applicant: applicantOf(fire), specialists: fire.specialists },
    { subjects: 'head,specialists' },
  );
  expect(h.deps.log.lines.length).toBeGreaterThan(0);
  expectNoIinInLogs(h, fire.headIin, ...fire.specialists.map((s) => s.iin));
});

itMapsGatewayFailures(h, worker, 'persons', () => ({ applicant: applicantOf(fire) }));
