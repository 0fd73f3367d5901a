import { fixtures } from '../../simulators';
import { NOW } from '../support/engine-harness';
import {
  completeTask,
  endEventOf,
  incidentsOf,
  startTestSystem,
  TestSystem,
  variablesOf,
  waitForEnd,
  waitForTask,
} from '../support/system-harness';

/** Monday 2 March 2026, 10:00 in Astana: a working day. */
const MONDAY = '2026-03-02T10:00:00+05:00';

type Company = { bin: string; name: string; headIin: string; headFullName: string };

function applicant(company: Company, location: string) {
  return {
    bin: company.bin,
    name: company.name,
    headIin: company.headIin,
    headFullName: company.headFullName,
    location,
  };
}

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
    applicant: applicant(company, 'Алматы қ., Абай даңғылы, 150/230'),
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
    applicant: applicant(company, 'Шымкент, Әл-Фараби ауданы, Байтұрсынов көшесі, 12'),
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

const SIGNED_BY_HEAD = {
  decision: 'approve',
  signerName: 'Жұмабеков Ерлан Серікұлы',
  signerPosition: 'Өртке қарсы қызмет комитетінің төрағасы',
};
const SIGNED_BY_MINISTER = {
  decision: 'approve',
  signerName: 'Ахметжанов Марат Мұратұлы',
  signerPosition: 'Ішкі істер министрі',
};

async function json(url: string): Promise<any> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return res.json();
}

describe('forming, signing and delivering the result (C7) as a process of its own on the embedded engine', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startTestSystem(MONDAY);
  }, 60_000);
  afterAll(() => sys?.stop());

  async function startDelivery(variables: Record<string, unknown>): Promise<string> {
    const created = await sys.client.createProcessInstance({
      processDefinitionId: 'deliver-result',
      variables,
    } as any);
    return String(created.processInstanceKey);
  }

  async function cabinetOf(bin: string, number: string): Promise<any[]> {
    const all = await json(`${sys.simulatorsUrl}/cabinet/${bin}/messages`);
    return all.filter((m: any) => m.applicationNumber === number);
  }

  async function eLicensingOf(number: string): Promise<any[]> {
    return json(`${sys.simulatorsUrl}/e-licensing/records?applicationNumber=${number}`);
  }

  async function stagesOf(number: string): Promise<string[]> {
    const events = await json(`${sys.simulatorsUrl}/monitoring/events?applicationNumber=${number}`);
    return events.map((e: any) => e.stage);
  }

  async function completedElements(key: string): Promise<string[]> {
    const page = await sys.client.searchElementInstances(
      { filter: { processInstanceKey: key, state: 'COMPLETED' }, page: { limit: 100 } } as any,
      NOW,
    );
    return (page.items as any[]).map((e) => e.elementId);
  }

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
    expect(await cabinetOf(bin, number)).toEqual([]);

    await completeTask(sys.client, key, 'Task_SignResult', SIGNED_BY_HEAD);
    await waitForEnd(sys.client, key);

    expect(await endEventOf(sys.client, key)).toBe('End_ResultDelivered');
    const vars = await variablesOf(sys.client, key);
    expect(vars.decision).toBe('approve');
    expect(vars.resultDocument.documentId).toBe(formed.documentId);
    expect(vars.deliveredAt).toBeDefined();
    const cabinet = await cabinetOf(bin, number);
    expect(cabinet.filter((m) => m.kind === 'permit' && m.documentId === formed.documentId)).toHaveLength(1);
    expect(cabinet).toContainEqual(expect.objectContaining({ kind: 'result-delivered' }));
    const records = await eLicensingOf(number);
    expect(records).toEqual([
      expect.objectContaining({
        kind: 'permit',
        documentId: formed.documentId,
        bin,
        serviceId: 'fire-automation-permit',
      }),
    ]);
    expect(vars.resultNumber).toBe(records[0].number);
    expect(await stagesOf(number)).toEqual(['result-forming', 'result-delivered']);
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
    const cabinet = await cabinetOf(bin, number);
    expect(
      cabinet.filter((m) => m.kind === 'ministers-order' && m.documentId === formed.documentId),
    ).toHaveLength(1);
    expect(await incidentsOf(sys.client, key)).toEqual([]);
  }, 60_000);

  test('a refused signature returns the draft for revision', async () => {
    const number = 'TRC-2026-000702';
    const bin = fixtures.training.approved.bin;
    const key = await startDelivery(ministersOrderCall(number));

    await completeTask(sys.client, key, 'Task_SignResult', {
      decision: 'refuse',
      signerName: 'Ахметжанов Марат Мұратұлы',
      signerPosition: 'Ішкі істер министрі',
      signatureRemarks: 'Бұйрықтың 1-тармағында оқу орталығының толық атауы көрсетілмеген.',
    });
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
    expect(await cabinetOf(bin, number)).toEqual([]);
    expect(await eLicensingOf(number)).toEqual([]);
    expect(await stagesOf(number)).toEqual(['result-forming']);
    expect(await incidentsOf(sys.client, key)).toEqual([]);
  }, 60_000);
});
