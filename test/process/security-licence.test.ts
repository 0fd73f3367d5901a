import { fixtures } from '../../simulators';
import { completeTask, endEventOf, startTestSystem, TestSystem, variablesOf, waitForEnd } from '../support/system-harness';

/** Monday 2 March 2026, 10:00 in Astana: a working day. */
const MONDAY = '2026-03-02T10:00:00+05:00';

function licenceApplication(number: string, company: { bin: string; name: string; headIin: string; headFullName: string }, extra: Record<string, unknown> = {}) {
  return {
    applicationNumber: number,
    serviceId: 'security-licence',
    requestKind: 'issue',
    subType: 1,
    applicant: { bin: company.bin, name: company.name, headIin: company.headIin, headFullName: company.headFullName, location: 'Астана, Есіл ауданы, Қабанбай батыр даңғылы, 11' },
    consentToRestrictedData: true,
    attachments: [{ kind: 'application-form', fileName: 'otinish.pdf' }],
    ...extra,
  };
}

describe('security licence (service B) end to end on the embedded engine', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startTestSystem(MONDAY);
  }, 60_000);
  afterAll(() => sys?.stop());

  test('given a complete application with the fee paid, when the clerk finds no grounds and the head signs, then the licence is issued and delivered', async () => {
    const submitted = await sys.intake.submit(licenceApplication('SEC-2026-000101', fixtures.licence.approved));
    expect(submitted.status).toBe(201);
    const key = submitted.application.processInstanceKey!;
    await completeTask(sys.client, key, 'Task_CheckCompleteness', { documentsComplete: true, documentsExpired: false });
    await completeTask(sys.client, key, 'Task_StudyCompliance', { groundsFound: false, refusalGrounds: [] });
    await completeTask(sys.client, key, 'Task_SignResult', { decision: 'approve', signerName: 'Әбілов Марат', signerPosition: 'Бастық' });
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_LicenceIssued');
    const vars = await variablesOf(sys.client, key);
    expect(vars.registeredOn).toBe('2026-03-02');
    expect(vars.deadlineTotal).toBe('2026-03-17T18:30:00+05:00');
    expect(vars.resultDocument).toMatchObject({ kind: 'licence' });
    expect(vars.resultDocument.sha256).toMatch(/^[0-9a-f]{64}$/);
  }, 60_000);
});
