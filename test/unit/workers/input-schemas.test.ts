/**
 * Every worker declares the variables it reads as a zod schema (docs/decisions/0006): a variable that
 * is missing or does not fit stops the job with an incident (no retries) whose message names the
 * variable's path — never its value, which may be personal data — before anything is sent to a
 * state system or stored.
 */
import { makeBin, makeIin } from '../../../domain/identifiers';
import { WORKERS } from '../../../workers/registry';
import { fakeJob, workerDepsFromEnv } from '../../support/jobs';

const DEPS = workerDepsFromEnv();

const BIN = makeBin('2019-03', 'resident-legal-entity', 4521);
const HEAD_IIN = makeIin('1980-06-02', 'male', 311);
const SPECIALIST_IIN = makeIin('1985-03-14', 'male', 17);
const application = {
  applicationNumber: 'SEC-2026-000042',
  serviceId: 'security-licence',
  applicant: { bin: BIN, name: 'ТОО «Қорған Күзет»', headIin: HEAD_IIN },
};

interface Case {
  /** What the case breaks, by the family of workers it belongs to. */
  family: string;
  type: string;
  variables: Record<string, unknown>;
  headers?: Record<string, unknown>;
  /** The path the incident must name. */
  variable: string;
  /** The malformed value, which the incident must not repeat. */
  value: string;
}

const CASES: Case[] = [
  // Lookups of the applicant's company (by BIN).
  ...['lookup-legal-entity', 'lookup-real-estate', 'lookup-vehicles', 'lookup-licence'].map((type) => ({
    family: 'lookups by BIN',
    type,
    variables: { ...application, applicant: { bin: '120340056789' } },
    variable: 'applicant.bin',
    value: '120340056789',
  })),
  // Lookups of people: the head from the applicant, specialists and founders by IIN.
  ...['lookup-person', 'lookup-criminal-record', 'lookup-mental-health', 'lookup-education'].map((type) => ({
    family: 'lookups of people',
    type,
    variables: { ...application, applicant: { bin: BIN, headIin: '800602399999' } },
    variable: 'applicant.headIin',
    value: '800602399999',
  })),
  {
    family: 'lookups of people',
    type: 'lookup-employment',
    variables: { ...application, specialists: [{ iin: 850314300017 }] },
    headers: { subjects: 'head,specialists' },
    variable: 'specialists.0.iin',
    value: '850314300017',
  },
  // Checks of what the application and the lookups hold.
  {
    family: 'checks',
    type: 'check-licence-fee',
    variables: { ...application, requestKind: 'prolongation', receivedAt: '2026-04-15T10:00:00+05:00' },
    variable: 'requestKind',
    value: 'prolongation',
  },
  {
    family: 'checks',
    type: 'check-fire-specialists',
    variables: {
      registeredOn: '2026-04-15',
      specialists: [{ iin: SPECIALIST_IIN, electricalClearanceGroup: 'IV-bis' }],
      measuringInstruments: [],
    },
    variable: 'specialists.0.electricalClearanceGroup',
    value: 'IV-bis',
  },
  {
    family: 'checks',
    type: 'check-security-requirements',
    variables: { ...application, requestKind: 'issue', subType: 'third' },
    variable: 'subType',
    value: 'third',
  },
  {
    family: 'checks',
    type: 'validate-hearing-time',
    variables: { ...application, deadlineHearing: 'next-tuesday', hearingAt: '2026-04-20T10:00:00+05:00' },
    variable: 'deadlineHearing',
    value: 'next-tuesday',
  },
  // Deadlines on the legal clock.
  {
    family: 'deadlines',
    type: 'compute-deadlines',
    variables: { ...application, requestKind: 'issue', registeredOn: 20260415 },
    variable: 'registeredOn',
    value: '20260415',
  },
  // Writes to the applicant's cabinet, monitoring and other bodies.
  {
    family: 'writes to state systems',
    type: 'notify',
    variables: { ...application, applicant: { bin: 'BIN-OF-NOBODY' } },
    headers: { template: 'result-ready' },
    variable: 'applicant.bin',
    value: 'BIN-OF-NOBODY',
  },
  {
    family: 'writes to state systems',
    type: 'report-stage',
    variables: { ...application, serviceId: 'pizza-delivery-licence' },
    headers: { stage: 'registered' },
    variable: 'serviceId',
    value: 'pizza-delivery-licence',
  },
  {
    family: 'writes to state systems',
    type: 'deliver-to-cabinet',
    variables: { ...application, resultDocument: { documentId: 'SEC-2026-000042-LIC-01-kk' } },
    variable: 'resultDocument',
    value: 'SEC-2026-000042-LIC-01-kk',
  },
  {
    family: 'writes to state systems',
    type: 'request-missing-documents',
    variables: {
      ...application,
      educationFound: false,
      education: [],
      deadlineMissingDocuments: 'by-friday-evening',
    },
    variable: 'deadlineMissingDocuments',
    value: 'by-friday-evening',
  },
  {
    family: 'writes to state systems',
    type: 'send-letter',
    variables: { ...application, objects: 'the-whole-railway' },
    variable: 'objects',
    value: 'the-whole-railway',
  },
  // Documents and what the forms show.
  {
    family: 'documents and forms',
    type: 'generate-document',
    variables: { ...application, refusalGrounds: 'B03_FEE_NOT_PAID' },
    headers: { documentKind: 'refusal' },
    variable: 'refusalGrounds',
    value: 'B03_FEE_NOT_PAID',
  },
  {
    family: 'documents and forms',
    type: 'case-summary',
    variables: { ...application, applicationNumber: 4242 },
    variable: 'applicationNumber',
    value: '4242',
  },
];

test('every worker of the registry has a malformed-variable case here', () => {
  expect(new Set(CASES.map((c) => c.type))).toEqual(new Set(WORKERS.map((w) => w.type)));
});

describe.each([...new Set(CASES.map((c) => c.family))])('%s', (family) => {
  test.each(CASES.filter((c) => c.family === family).map((c) => [c.type, c.variable, c] as const))(
    '%s: a malformed %s raises an incident naming it, not its value',
    async (type, variable, c) => {
      const worker = WORKERS.find((w) => w.type === type)!;
      const job = fakeJob(type, c.variables, c.headers ?? {});
      await worker.bind(DEPS)(job);
      const outcome = job.outcome();
      expect(outcome).toMatchObject({ kind: 'fail', retries: 0 });
      const message = outcome.kind === 'fail' ? outcome.errorMessage : '';
      // The schema's own report (`invalid variables: <path> (<problem>)`), not a later failure.
      expect(message).toContain(`${type}: invalid variables: `);
      expect(message).toMatch(new RegExp(`(^|[:;] )${variable.replace(/\./g, '\\.')} \\(`));
      expect(message).not.toContain(c.value);
    },
  );
});
