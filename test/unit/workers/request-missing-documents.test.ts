import worker from '../../../workers/request-missing-documents';
import { fixtures } from '../../../simulators';
import { applicantOf, itMapsGatewayFailures, run, useSimulators } from '../../simulators/support';

const h = useSimulators();
const f = fixtures.licence.educationMissing;
const inbox = (n: string) =>
  h
    .get<{ applicationNumber: string; body: string }[]>(`/cabinet/${f.bin}/messages`)
    .then((m) => m.filter((x) => x.applicationNumber === n));

test("when the head's diploma is not in the registry, the applicant is asked for a copy", async () => {
  const outcome = await run(h, worker, {
    applicationNumber: 'KZ-2026-000501',
    applicant: applicantOf(f),
    education: [],
    educationFound: false,
    employment: [{ iin: f.headIin }],
    employmentFound: true,
    deadlineMissingDocuments: '2026-03-13T18:30:00+05:00',
  });
  expect(outcome).toEqual({
    kind: 'complete',
    variables: {
      missingDocumentsRequestedAt: '2026-03-10T11:15:00+05:00',
      missingDocumentsRequested: [{ document: 'education-diploma', role: 'head', iin: f.headIin }],
    },
  });
  const [message] = await inbox('KZ-2026-000501');
  expect(message).toMatchObject({
    kind: 'missing-documents-request',
    body: expect.stringContaining('диплома об образовании руководителя'),
  });
  expect(message.body).not.toContain('трудовую');
  // Order 923 licence rules, List row 8 last indent: the request is in Kazakh and Russian and
  // states the answer deadline.
  expect(message.body).toContain('басшының білімі туралы дипломның электрондық көшірмесі');
  expect(message.body).toContain('Ұсыну мерзімі: 13.03.2026, сағат 18:30 (Астана уақыты) дейін.');
  expect(message.body).toContain('Срок представления: до 13.03.2026, 18:30 (время Астаны).');
});

test('both missing: both are requested in one message', async () => {
  const outcome = await run(h, worker, {
    applicationNumber: 'KZ-2026-000502',
    applicant: applicantOf(f),
    education: [],
    educationFound: false,
    employment: [],
    employmentFound: false,
    deadlineMissingDocuments: '2026-03-13T18:30:00+05:00',
  });
  expect(
    outcome.kind === 'complete' &&
      (outcome.variables.missingDocumentsRequested as { document: string }[]).map((m) => m.document),
  ).toEqual(['education-diploma', 'employment-record']);
  expect(await inbox('KZ-2026-000502')).toHaveLength(1);
});

test('nothing missing: nothing is sent', async () => {
  const outcome = await run(h, worker, {
    applicationNumber: 'KZ-2026-000503',
    applicant: applicantOf(f),
    educationFound: true,
    employmentFound: true,
  });
  expect(outcome).toMatchObject({ kind: 'complete', variables: { missingDocumentsRequested: [] } });
  expect(await inbox('KZ-2026-000503')).toEqual([]);
});

itMapsGatewayFailures(h, worker, 'cabinet', () => ({
  applicationNumber: 'KZ-2026-000504',
  applicant: applicantOf(f),
  education: [],
  educationFound: false,
  deadlineMissingDocuments: '2026-03-13T18:30:00+05:00',
}));
