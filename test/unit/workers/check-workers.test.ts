import fireWorker from '../../../workers/check-fire-specialists';
import securityWorker from '../../../workers/check-security-requirements';
import type { WorkerJob } from '../../../workers/types';

function fakeJob(variables: Record<string, unknown>) {
  const calls: {
    complete?: Record<string, unknown>;
    fail?: { errorMessage: string; retries: number };
    error?: unknown;
  } = {};
  const job: WorkerJob = {
    key: '1',
    type: 'test',
    processInstanceKey: '2',
    elementId: 'Task_Check',
    retries: 3,
    variables,
    customHeaders: {},
    complete: async (v) => ((calls.complete = v ?? {}), 'completed'),
    fail: async (b) => ((calls.fail = b), 'failed'),
    error: async (b) => ((calls.error = b), 'errored'),
  };
  return { job, calls };
}

const fireVariables = {
  registeredOn: '2026-08-03',
  specialists: [{ iin: '900101300011', fullName: 'A', electricalClearanceGroup: 3 }],
  measuringInstruments: [{ name: 'Tester', serialNumber: '1', verifiedUntil: '2027-01-01' }],
  education: [{ iin: '900101300011', level: 'higher', specialtyName: 'software' }],
  employment: [{ iin: '900101300011', relevantExperienceYears: 4 }],
};

describe('check-fire-specialists worker', () => {
  test('Order 138 Annex 2 row 7: records per specialist what a reasoned refusal states (name, clearance, education, experience against the requirement)', async () => {
    const { job, calls } = fakeJob({
      ...fireVariables,
      education: [{ iin: '900101300011', level: 'higher', specialtyName: 'software' }],
      employment: [{ iin: '900101300011', relevantExperienceYears: 2 }],
    });
    await fireWorker.handler(job, {});
    expect(calls.complete?.specialistsCheck).toMatchObject({
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
    const { job, calls } = fakeJob(fireVariables);
    await fireWorker.handler(job, {});
    expect(calls.error).toBeUndefined();
    expect(calls.complete?.specialistsCheck).toMatchObject({ passed: false, qualifiedCount: 1 });
  });

  test('the minimum number of specialists comes from injected configuration', async () => {
    const { job, calls } = fakeJob(fireVariables);
    await fireWorker.handler(job, { fireSpecialists: { minimumSpecialists: 1 } });
    expect(calls.complete?.specialistsCheck).toMatchObject({ passed: true, grounds: [] });
  });

  test('missing lookups count as nothing found, not as a failure', async () => {
    const { job, calls } = fakeJob({ ...fireVariables, education: null, employment: undefined });
    await fireWorker.handler(job, {});
    expect(calls.complete?.specialistsCheck).toMatchObject({ passed: false, qualifiedCount: 0 });
  });

  test('unreadable variables fail the job with no retries, so an operator sees an incident', async () => {
    const { job, calls } = fakeJob({ registeredOn: '2026-08-03' });
    await fireWorker.handler(job, {});
    expect(calls.fail).toMatchObject({ retries: 0 });
    expect(calls.fail?.errorMessage).toContain('specialists');
    expect(calls.complete).toBeUndefined();
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
    const { job, calls } = fakeJob(base);
    await securityWorker.handler(job, {});
    const check = calls.complete?.securityRequirementsCheck as {
      passed: boolean;
      grounds: { code: string; textRu: string }[];
      missingDocuments: unknown[];
    };
    expect(check.passed).toBe(false);
    expect(check.grounds).toHaveLength(1);
    expect(check.grounds[0].textRu).toContain('транспортных средств');
    expect(check.missingDocuments).toHaveLength(5);
    expect(calls.error).toBeUndefined();
  });

  test('sub-type 2 passes on the application alone', async () => {
    const { job, calls } = fakeJob({ ...base, subType: 2, vehicles: null });
    await securityWorker.handler(job, {});
    expect(calls.complete?.securityRequirementsCheck).toMatchObject({ passed: true });
  });

  test('the vehicle minimum comes from injected configuration', async () => {
    const { job, calls } = fakeJob({
      ...base,
      subType: 1,
      attachments: [
        'central-post-premises-lease',
        'monitoring-console-staffing',
        'monitoring-console-technical-docs',
        'radio-frequency-permit',
        'response-group-orders',
      ].map((kind) => ({ kind })),
    });
    await securityWorker.handler(job, { securityRequirements: { minimumOwnedVehicles: 0 } });
    expect(calls.complete?.securityRequirementsCheck).toMatchObject({ passed: true });
  });

  test('an unknown request kind is a permanent failure', async () => {
    const { job, calls } = fakeJob({ ...base, requestKind: 'renew' });
    await securityWorker.handler(job, {});
    expect(calls.fail).toMatchObject({ retries: 0 });
  });
});
