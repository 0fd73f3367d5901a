import { createDocumentService } from '../../adapters/documents';
import { buildDocument, factsFromVariables } from '../../domain/documents';
import { fixtures } from '../../simulators';
import {
  applicantOf,
  cabinetMessages,
  completeTask,
  elementIdsOf,
  eLicensingRecords,
  endEventOf,
  FIRE_INSTALLER_LOCATION,
  incidentsOf,
  MINISTER,
  MONDAY,
  monitoringStages,
  refusedToSign,
  signed,
  SIGNED_BY_MINISTER,
  startProcess,
  testSystemAt,
  TRAINING_CENTRE_LOCATION,
  variablesOf,
  waitForEnd,
  waitForTask,
} from '../support/process-fixtures';

/**
 * What `Call_DeliverResult` of service A hands to `deliver-result`: the application's variables
 * (propagated), `resultKind` chosen by the stage, and the mapped `signerGroup`, `headGroup` and
 * `deadlineDelivery`.
 */
function permitCall(number: string) {
  const company = fixtures.fire.approved;
  return {
    applicationNumber: number,
    serviceId: 'fire-automation-permit',
    applicant: applicantOf(company, FIRE_INSTALLER_LOCATION),
    registeredOn: '2026-03-02',
    groundsFound: false,
    resultKind: 'permit',
    signerGroup: 'fire-head',
    headGroup: 'fire-head',
    deadlineDelivery: '2026-03-13T18:30:00+05:00',
  };
}

/**
 * What `Call_DeliverResult` of service C hands over once both experts approved the draft order:
 * the Minister signs (`signerGroup = "minister"`) by the agreement term.
 */
function ministersOrderCall(number: string) {
  const company = fixtures.training.approved;
  return {
    applicationNumber: number,
    serviceId: 'training-centre-designation',
    applicant: applicantOf(company, TRAINING_CENTRE_LOCATION),
    registeredOn: '2026-03-02',
    groundsFound: false,
    orderTitle: 'Мамандандырылған оқу орталығын айқындау туралы',
    orderText:
      'Қазақстан Республикасы Ішкі істер министрінің бұйрығы. «Күзет қызметі туралы» Заңға сәйкес «Қалқан Оқу Орталығы» ЖШС мамандандырылған оқу орталығы болып айқындалсын.',
    legalReviewApproved: true,
    editorialReviewApproved: true,
    expertiseConcludedAt: '2026-03-02T10:00:00+05:00',
    deadlineAgreement: '2026-03-06T18:30:00+05:00',
    resultKind: 'ministers-order',
    signerGroup: 'minister',
    headGroup: 'mia-head',
    deadlineDelivery: '2026-03-06T18:30:00+05:00',
  };
}

const SIGNED_BY_HEAD = signed({ signerName: 'Жұмабеков Ерлан Серікұлы' });

describe('forming, signing and delivering the result (C7) as a process of its own on the embedded engine', () => {
  const sys = testSystemAt(MONDAY);

  const startDelivery = (variables: Record<string, unknown>) =>
    startProcess(sys, 'deliver-result', variables);
  const completedElements = (key: string) => elementIdsOf(sys, key, { state: 'COMPLETED' });

  test('a signed permit reaches the personal cabinet', async () => {
    const number = 'FAP-2026-000701';
    const bin = fixtures.fire.approved.bin;
    const key = await startDelivery(permitCall(number));

    const sign = await waitForTask(sys.client, key, 'Task_SignResult');
    expect(sign.candidateGroups).toEqual(['fire-head']);
    expect(Date.parse(sign.dueDate)).toBe(Date.parse('2026-03-13T18:30:00+05:00'));
    // The permit is formed in E-licensing before the head signs it, and is not yet delivered.
    const formed = (await variablesOf(sys.client, key)).resultDocument;
    expect(formed).toMatchObject({ kind: 'permit' });
    expect(formed.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(formed.documents.map((d: any) => d.lang)).toEqual(['kk', 'ru']);
    expect(await cabinetMessages(sys, bin, number)).toEqual([]);

    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_HEAD);
    await waitForEnd(sys.client, key);

    expect(await endEventOf(sys.client, key)).toBe('End_ResultDelivered');
    const vars = await variablesOf(sys.client, key);
    expect(vars.decision).toBe('approve');
    // The signed permit is formed again with its signing date; that one is delivered, not the draft.
    expect(vars.resultDocument.documentId).not.toBe(formed.documentId);
    expect(Date.parse(vars.signedAt)).toBe(sys.clock.now().getTime());
    expect(vars.deliveredAt).toBeDefined();
    const cabinet = await cabinetMessages(sys, bin, number);
    expect(
      cabinet.filter((m) => m.kind === 'permit' && m.documentId === vars.resultDocument.documentId),
    ).toHaveLength(1);
    expect(cabinet.filter((m) => m.documentId === formed.documentId)).toEqual([]);
    expect(cabinet).toContainEqual(expect.objectContaining({ kind: 'result-delivered' }));
    const records = await eLicensingRecords(sys, number);
    expect(records).toEqual([
      expect.objectContaining({
        kind: 'permit',
        documentId: vars.resultDocument.documentId,
        bin,
        serviceId: 'fire-automation-permit',
      }),
    ]);
    expect(vars.resultNumber).toBe(records[0].number);
    expect(await monitoringStages(sys, number)).toEqual(['result-forming', 'result-delivered']);
    expect(vars.signatureDeadlineBreached).toBeUndefined();
    expect(await incidentsOf(sys.client, key)).toEqual([]);
  }, 60_000);

  test("the Minister's order is formed after the experts agreed and goes to the Minister to sign", async () => {
    const number = 'TRC-2026-000701';
    const bin = fixtures.training.approved.bin;
    const key = await startDelivery(ministersOrderCall(number));

    const sign = await waitForTask(sys.client, key, 'Task_SignResult');
    expect(sign.candidateGroups).toEqual(['minister']);
    expect(Date.parse(sign.dueDate)).toBe(Date.parse('2026-03-06T18:30:00+05:00'));
    const formed = (await variablesOf(sys.client, key)).resultDocument;
    expect(formed).toMatchObject({ kind: 'ministers-order' });
    expect(formed.sha256).toMatch(/^[0-9a-f]{64}$/);
    const done = await completedElements(key);
    expect(done).toContain('Task_FormMinistersOrder');
    expect(done).not.toContain('Task_FormPermit');

    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_MINISTER);
    await waitForEnd(sys.client, key);

    expect(await endEventOf(sys.client, key)).toBe('End_ResultDelivered');
    const vars = await variablesOf(sys.client, key);
    expect(vars.decision).toBe('approve');
    expect(vars.signerName).toBe('Ахметжанов Марат Мұратұлы');
    const cabinet = await cabinetMessages(sys, bin, number);
    expect(
      cabinet.filter((m) => m.kind === 'ministers-order' && m.documentId === vars.resultDocument.documentId),
    ).toHaveLength(1);
    const order = await createDocumentService({ dir: sys.documentsDir, clock: sys.clock }).get(
      vars.resultDocument.documentId,
    );
    expect(order?.meta).toMatchObject({ kind: 'ministers-order', lang: 'kk', date: '02.03.2026' });
    expect(await incidentsOf(sys.client, key)).toEqual([]);
  }, 60_000);

  test('Order 138 Annex 2 row 7: a permit signed days after it was formed carries the signing date, the head who signed and no date before the signature', async () => {
    const number = 'FAP-2026-000702';
    const bin = fixtures.fire.approved.bin;
    const key = await startDelivery(permitCall(number));
    await waitForTask(sys.client, key, 'Task_SignResult');
    const store = createDocumentService({ dir: sys.documentsDir, clock: sys.clock });
    const draft = (await variablesOf(sys.client, key)).resultDocument;
    // The draft the head reads says the date of issue is set on signing: it is not yet issued.
    expect((await store.get(draft.documents[1].documentId))?.meta.date).toBe('указывается при подписании');

    await sys.setTime('2026-03-05T16:45:00+05:00');
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_HEAD);
    await waitForEnd(sys.client, key);

    const vars = await variablesOf(sys.client, key);
    expect(Date.parse(vars.signedAt)).toBe(Date.parse('2026-03-05T16:45:00+05:00'));
    const issued = await Promise.all(
      vars.resultDocument.documents.map((d: { documentId: string }) => store.get(d.documentId)),
    );
    expect(issued.map((d) => d?.meta.date)).toEqual(['05.03.2026', '05.03.2026']);
    // Nothing beside the file claims an EDS signature that was not made.
    expect(issued.flatMap((d) => d?.meta.stamp ?? []).join(' ')).not.toMatch(/ЭЦП|ЭЦҚ/);
    const content = buildDocument(
      'permit',
      { ...factsFromVariables(vars), documentDate: vars.signedAt },
      'ru',
    );
    expect(content).toMatchObject({ date: '05.03.2026', place: 'г. Астана' });
    expect(content.signature).toMatchObject({
      role: 'Председатель Комитета',
      name: 'Жұмабеков Ерлан Серікұлы',
      signedAt: '05.03.2026, 16:45 (время Астаны)',
    });
    const cabinet = await cabinetMessages(sys, bin, number);
    expect(cabinet.filter((m) => m.kind === 'permit').map((m) => m.documentId)).toEqual([
      vars.resultDocument.documentId,
    ]);
    expect(await incidentsOf(sys.client, key)).toEqual([]);
  }, 60_000);

  test('a refused signature returns the draft for revision', async () => {
    const number = 'TRC-2026-000702';
    const bin = fixtures.training.approved.bin;
    const key = await startDelivery(ministersOrderCall(number));

    await completeTask(
      sys.client,
      key,
      'Task_SignResult',
      refusedToSign(MINISTER, 'Бұйрықтың 1-тармағында оқу орталығының толық атауы көрсетілмеген.'),
    );
    await waitForEnd(sys.client, key);

    expect(await endEventOf(sys.client, key)).toBe('End_ReturnedForRevision');
    const vars = await variablesOf(sys.client, key);
    // What Call_DeliverResult maps back: the caller's Gateway_ResultSigned sends it to revision.
    expect(vars.decision).toBe('refuse');
    expect(vars.signatureRemarks).toBe('Бұйрықтың 1-тармағында оқу орталығының толық атауы көрсетілмеген.');
    expect(vars.resultDocument).toMatchObject({ kind: 'ministers-order' });
    // Nothing reached the applicant or the register.
    expect(vars.deliveredAt).toBeUndefined();
    expect(await completedElements(key)).not.toContain('Task_DeliverToCabinet');
    expect(await cabinetMessages(sys, bin, number)).toEqual([]);
    expect(await eLicensingRecords(sys, number)).toEqual([]);
    expect(await monitoringStages(sys, number)).toEqual(['result-forming']);
    expect(await incidentsOf(sys.client, key)).toEqual([]);
  }, 60_000);
});
