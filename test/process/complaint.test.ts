import { fixtures } from '../../simulators';
import {
  applicantOf,
  breachRecorded,
  cabinetMessages,
  completeTask,
  describeState,
  endEventOf,
  FIRE_INSTALLER_LOCATION,
  MONDAY,
  monitoringStages,
  NOW,
  submitApplication,
  testSystemAt,
  variablesOf,
  waitFor,
  waitForEnd,
  waitForTask,
} from '../support/process-fixtures';

/** The 5th working day after 2 March (9 March is the holiday for 8 March), 18:30 +05:00. */
const REVIEW_DUE = '2026-03-10T18:30:00+05:00';

function permitApplication(number: string) {
  const company = fixtures.fire.approved;
  return {
    applicationNumber: number,
    serviceId: 'fire-automation-permit',
    applicant: applicantOf(company, FIRE_INSTALLER_LOCATION),
    consentToRestrictedData: true,
    attachments: [{ kind: 'application-form', fileName: 'otinish.pdf' }],
    specialists: company.specialists.map((s) => ({
      iin: s.iin,
      fullName: s.fullName,
      electricalClearanceGroup: 4,
    })),
    measuringInstruments: [
      { name: 'Мегаомметр ЭС0202/2-Г', serialNumber: 'MO-21-0457', verifiedUntil: '2026-11-30' },
    ],
  };
}

const ANSWER = {
  complaintUpheld: 'false',
  complaintAnswer:
    'Өтініш заңда белгіленген мерзімде қаралуда; толықтығын тексеру мерзімі бұзылған жоқ, шағым негізсіз.',
};

describe('complaint review (C11) on the embedded engine', () => {
  const sys = testSystemAt(MONDAY);
  const applicationKeys = new Map<string, string>();

  /** Submits an application and files a complaint about it; returns the complaint's process instance. */
  async function complain(number: string): Promise<string> {
    applicationKeys.set(number, await submitApplication(sys, permitApplication(number)));
    const filed = await sys.intake.fileComplaint({
      applicationNumber: number,
      text: 'Өтінішім бойынша ешқандай хабар жоқ, мерзім бұзылды деп санаймын.',
    });
    expect(filed).toEqual({ applicationNumber: number, registeredOn: '2026-03-02' });
    return waitFor(`the complaint process of ${number}`, async () => {
      const page = await sys.client.searchProcessInstances(
        {
          filter: {
            processDefinitionId: 'complaint',
            variables: [{ name: 'applicationNumber', value: JSON.stringify(number) }],
          },
          page: { limit: 10 },
        } as any,
        NOW,
      );
      return (page.items as any[])[0]?.processInstanceKey as string | undefined;
    });
  }

  test('a complaint is answered in the personal cabinet: given a complaint filed about an application, when the head reviews it within 5 working days, then the answer is formed and delivered', async () => {
    const key = await complain('FAP-2026-000501');
    const task = await waitForTask(sys.client, key, 'Task_ReviewComplaint');
    expect(Date.parse(task.dueDate)).toBe(Date.parse(REVIEW_DUE));
    expect(task.candidateGroups).toEqual(['fire-head']);
    expect((await variablesOf(sys.client, key)).deadlineComplaintReview).toBe(REVIEW_DUE);

    await completeTask(sys.client, key, 'Task_ReviewComplaint', ANSWER);
    await waitForEnd(sys.client, key);

    expect(await endEventOf(sys.client, key)).toBe('End_ComplaintAnswered');
    const vars = await variablesOf(sys.client, key);
    expect(vars.resultDocument).toMatchObject({ kind: 'complaint-answer' });
    expect(vars.resultDocument.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(vars.complaintReviewDeadlineBreached).toBeUndefined();
    expect(await cabinetMessages(sys, fixtures.fire.approved.bin)).toContainEqual(
      expect.objectContaining({
        applicationNumber: 'FAP-2026-000501',
        kind: 'complaint-answer',
        documentId: vars.resultDocument.documentId,
      }),
    );
  }, 60_000);

  // Moves the shared clock past the term: keep this scenario last in the file.
  test('a complaint not reviewed in 5 working days escalates to the head: the breach is recorded and the review stays open', async () => {
    const key = await complain('FAP-2026-000502');
    await waitForTask(sys.client, key, 'Task_ReviewComplaint');

    await sys.setTime('2026-03-10T18:29:00+05:00');
    // The applications themselves (left at the completeness check) escalate on their own terms first.
    for (const app of applicationKeys.values()) {
      await breachRecorded(sys, app, 'completeness');
    }
    expect((await variablesOf(sys.client, key)).complaintReviewDeadlineBreached).toBeUndefined();
    await sys.setTime('2026-03-10T18:31:00+05:00');
    await breachRecorded(sys, key, 'complaintReview');
    expect(await monitoringStages(sys, 'FAP-2026-000502')).toContain(
      'notice:deadline-breached:complaintReview:fire-head',
    );

    // The late answer is still owed and still reaches the applicant.
    await completeTask(sys.client, key, 'Task_ReviewComplaint', ANSWER);
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_ComplaintAnswered');
    expect(await describeState(sys.client, key)).toContain('incidents []');
  }, 60_000);
});
