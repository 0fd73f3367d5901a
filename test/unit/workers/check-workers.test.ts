import fireWorker from '../../../workers/check-fire-specialists';
import securityWorker from '../../../workers/check-security-requirements';
import { completed, fakeJob, workerDepsFromEnv } from '../../support/jobs';

/** Dependencies as production builds them with no setting changed. */
const DEPS = workerDepsFromEnv();

const fireVariables = {
  registeredOn: '2026-08-03',
  specialists: [{ iin: '900101300011', fullName: 'A', electricalClearanceGroup: 3 }],
  measuringInstruments: [{ name: 'Tester', serialNumber: '1', verifiedUntil: '2027-01-01' }],
  education: [{ iin: '900101300011', level: 'higher', specialtyName: 'software' }],
  employment: [{ iin: '900101300011', relevantExperienceYears: 4 }],
};

describe('check-fire-specialists worker', () => {
  test('Order 138 Annex 2 row 7: records per specialist what a reasoned refusal states (name, clearance, education, experience against the requirement)', async () => {
    const job = fakeJob('check', {
      ...fireVariables,
      education: [{ iin: '900101300011', level: 'higher', specialtyName: 'software' }],
      employment: [{ iin: '900101300011', relevantExperienceYears: 2 }],
    });
    await fireWorker.bind(DEPS)(job);
    expect(completed(job).specialistsCheck).toMatchObject({
      passed: false,
      minimumSpecialists: 2,
      minimumVerifiedInstruments: 1,
      findings: [
        {
          iin: '900101300011',
          fullName: 'A',
          qualified: false,
          electricalClearanceGroup: 3,
          minimumClearanceGroup: 3,
          education: [{ level: 'higher', specialty: 'software' }],
          listedSpecialty: true,
          experienceYears: 2,
          requiredExperienceYears: 3,
        },
      ],
    });
  });

  test('completes with specialistsCheck and never raises a BPMN error for refusal grounds', async () => {
    const job = fakeJob('check', fireVariables);
    await fireWorker.bind(DEPS)(job);
    expect(job.outcome().kind).toBe('complete');
    expect(completed(job).specialistsCheck).toMatchObject({ passed: false, qualifiedCount: 1 });
  });

  // Order 138 Annex 2 row 10 (qualified specialists on staff): the number required is the documented
  // setting FIRE_MIN_QUALIFIED_SPECIALISTS, read by loadConfig and handed to the worker by
  // createWorkerDeps, as in production. With one qualified specialist the default (2) refuses and
  // a setting of 1 lets the same application pass.
  test('Order 138 Annex 2 row 10: FIRE_MIN_QUALIFIED_SPECIALISTS set in the environment changes the outcome', async () => {
    const qualifiedOne = {
      ...fireVariables,
      specialists: [{ iin: '900101300011', fullName: 'A', electricalClearanceGroup: 3 }],
      education: [{ iin: '900101300011', level: 'higher', specialtyName: 'Электроснабжение (по отраслям)' }],
      employment: [{ iin: '900101300011', relevantExperienceYears: 4 }],
    };
    const byDefault = fakeJob('check-fire-specialists', qualifiedOne);
    await fireWorker.bind(workerDepsFromEnv())(byDefault);
    expect(completed(byDefault).specialistsCheck).toMatchObject({
      qualifiedCount: 1,
      minimumSpecialists: 2,
      passed: false,
    });

    const withSetting = fakeJob('check-fire-specialists', qualifiedOne);
    await fireWorker.bind(workerDepsFromEnv({ FIRE_MIN_QUALIFIED_SPECIALISTS: '1' }))(withSetting);
    expect(completed(withSetting).specialistsCheck).toMatchObject({
      qualifiedCount: 1,
      minimumSpecialists: 1,
      passed: true,
      grounds: [],
    });
  });

  test('missing lookups count as nothing found, not as a failure', async () => {
    const job = fakeJob('check', { ...fireVariables, education: null, employment: undefined });
    await fireWorker.bind(DEPS)(job);
    expect(completed(job).specialistsCheck).toMatchObject({ passed: false, qualifiedCount: 0 });
  });

  test('unreadable variables fail the job with no retries, so an operator sees an incident', async () => {
    const job = fakeJob('check', { registeredOn: '2026-08-03' });
    await fireWorker.bind(DEPS)(job);
    expect(job.outcome()).toMatchObject({ kind: 'fail', retries: 0 });
    expect(job.outcome()).toMatchObject({ errorMessage: expect.stringContaining('specialists') });
  });
});

describe('check-security-requirements worker', () => {
  const base = {
    subType: 1,
    requestKind: 'issue',
    applicant: { bin: '100140011111' },
    attachments: [],
    vehicles: [],
    realEstate: [],
  };

  // Order 923 §7: missing documents are incompleteness, listed apart; no vehicles is ground 13.
  test('sub-type 1 without documents or vehicles completes with the missing documents and ground 13 for the vehicles only', async () => {
    const job = fakeJob('check', base);
    await securityWorker.bind(DEPS)(job);
    const check = completed(job).securityRequirementsCheck as {
      passed: boolean;
      grounds: { code: string; textRu: string }[];
      missingDocuments: unknown[];
    };
    expect(check.passed).toBe(false);
    expect(check.grounds).toHaveLength(1);
    expect(check.grounds[0].textRu).toContain('транспортных средств');
    expect(check.missingDocuments).toHaveLength(5);
    expect(job.outcome().kind).toBe('complete');
  });

  test('sub-type 2 passes on the application alone', async () => {
    const job = fakeJob('check', { ...base, subType: 2, vehicles: null });
    await securityWorker.bind(DEPS)(job);
    expect(completed(job).securityRequirementsCheck).toMatchObject({ passed: true });
  });

  test('an unknown request kind is a permanent failure', async () => {
    const job = fakeJob('check', { ...base, requestKind: 'renew' });
    await securityWorker.bind(DEPS)(job);
    expect(job.outcome()).toMatchObject({ kind: 'fail', retries: 0 });
  });
});
