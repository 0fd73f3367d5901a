import { deployAll, piState, rejection, startInstance, useEngine, NOW } from './support';

/**
 * The deploy gate rejects exactly what Zeebe 8.8 rejects (Camunda docs, "Deploy resources": the
 * deployment is rejected with INVALID_ARGUMENT listing every resource's validation errors; layout
 * and names are not validated). General modelling advice is not a reason to refuse a deployment.
 */

const NS =
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" ' +
  'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" ' +
  'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" ' +
  'xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" targetNamespace="http://bpmn.io/schema/bpmn"';

const definitions = (body: string, di = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions ${NS} id="Defs">${body}${di}</bpmn:definitions>`;

/** Unnamed events, no layout, flows given only by sourceRef/targetRef: all valid for Zeebe. */
const bare = (id: string, di = '') =>
  definitions(
    `<bpmn:process id="${id}" isExecutable="true">
      <bpmn:startEvent id="Start" />
      <bpmn:manualTask id="Task" />
      <bpmn:endEvent id="End" />
      <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task" />
      <bpmn:sequenceFlow id="F2" sourceRef="Task" targetRef="End" />
    </bpmn:process>`,
    di,
  );

const PREFIX =
  "Command 'CREATE' rejected with code 'INVALID_ARGUMENT': Expected to deploy new resources, but encountered the following errors:";

describe('deploy gate: what Zeebe 8.8 accepts is deployed', () => {
  const e = useEngine();

  test('given unnamed events, no layout and flows given only by sourceRef/targetRef, when deployed, then it deploys and runs', async () => {
    const d = await deployAll(e.client, { 'bare.bpmn': bare('gate-bare') });
    expect(d.processes ?? d.deployments).toBeDefined();
    const pik = await startInstance(e.client, 'gate-bare');
    expect(await piState(e.client, pik)).toBe('COMPLETED');
  });

  test('given a layout plane that points at a missing element, when deployed, then the layout is ignored and it deploys', async () => {
    const di = `<bpmndi:BPMNDiagram id="D"><bpmndi:BPMNPlane id="P" bpmnElement="No_Such_Process">
      <bpmndi:BPMNShape id="S" bpmnElement="No_Such_Task"><dc:Bounds x="0" y="0" width="10" height="10" /></bpmndi:BPMNShape>
      </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>`;
    await deployAll(e.client, { 'stray-di.bpmn': bare('gate-stray-di', di) });
    const pik = await startInstance(e.client, 'gate-stray-di');
    expect(await piState(e.client, pik)).toBe('COMPLETED');
  });
});

describe('deploy gate: what Zeebe 8.8 rejects is refused with its error shape', () => {
  const e = useEngine();

  const noTaskDefinition = definitions(
    `<bpmn:process id="gate-no-job-type" isExecutable="true">
      <bpmn:startEvent id="Start" />
      <bpmn:serviceTask id="Task_CheckFee" />
      <bpmn:endEvent id="End" />
      <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_CheckFee" />
      <bpmn:sequenceFlow id="F2" sourceRef="Task_CheckFee" targetRef="End" />
    </bpmn:process>`,
  );

  test('given a service task without zeebe:taskDefinition, when deployed, then 400 INVALID_ARGUMENT names the resource and the element', async () => {
    const err = await rejection(deployAll(e.client, { 'no-job.bpmn': noTaskDefinition }));
    expect(err).toMatchObject({ status: 400 });
    const body = await problem(err);
    expect(body).toMatchObject({ title: 'INVALID_ARGUMENT', status: 400 });
    expect(body.detail.startsWith(PREFIX + "\n'no-job.bpmn': - Element: Task_CheckFee\n    - ERROR: ")).toBe(
      true,
    );
    expect(body.detail).toMatch(/zeebe:TaskDefinition/);
  });

  test('given a document that is not BPMN XML, when deployed, then it is rejected as unreadable', async () => {
    const body = await problem(await rejection(deployAll(e.client, { 'broken.bpmn': '<bpmn:definitions' })));
    expect(body.title).toBe('INVALID_ARGUMENT');
    expect(body.detail.startsWith(PREFIX + "\n'broken.bpmn': ")).toBe(true);
  });

  test('given a business rule task whose zeebe:calledDecision has no resultVariable, when deployed, then it is rejected by element id', async () => {
    const dmn = definitions(
      `<bpmn:process id="gate-dmn" isExecutable="true">
        <bpmn:startEvent id="Start" />
        <bpmn:businessRuleTask id="Task_Decide"><bpmn:extensionElements>
          <zeebe:calledDecision decisionId="fee" />
        </bpmn:extensionElements></bpmn:businessRuleTask>
        <bpmn:endEvent id="End" />
        <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Decide" />
        <bpmn:sequenceFlow id="F2" sourceRef="Task_Decide" targetRef="End" />
      </bpmn:process>`,
    );
    const body = await problem(await rejection(deployAll(e.client, { 'dmn.bpmn': dmn })));
    expect(body.detail).toContain("'dmn.bpmn': - Element: Task_Decide\n    - ERROR: ");
  });

  test('given one valid and one invalid resource, when deployed together, then nothing is deployed and both failures are listed', async () => {
    const other = noTaskDefinition
      .replace('gate-no-job-type', 'gate-no-job-type-2')
      .replace(/Task_CheckFee/g, 'Task_Other');
    const err = await rejection(
      deployAll(e.client, {
        'ok.bpmn': bare('gate-atomic'),
        'bad-1.bpmn': noTaskDefinition,
        'bad-2.bpmn': other,
      }),
    );
    const body = await problem(err);
    expect(body.detail).toContain("'bad-1.bpmn': - Element: Task_CheckFee");
    expect(body.detail).toContain("'bad-2.bpmn': - Element: Task_Other");
    const defs: any = await e.client.searchProcessDefinitions(
      { filter: { processDefinitionId: 'gate-atomic' } } as any,
      NOW,
    );
    expect(defs.items).toEqual([]);
  });
});

/** The RFC 9457 body of an SDK rejection. */
async function problem(err: any): Promise<any> {
  if (err?.response?.json) return err.response.json();
  if (err?.body) return typeof err.body === 'string' ? JSON.parse(err.body) : err.body;
  return err;
}
