import { deployAll, piState, rejection, startInstance, useEngine } from './support';

/**
 * The README's list of BPMN the engine runs and refuses ("The embedded engine") is exact: every
 * element it names as not supported is refused at deploy with 400 naming the element, and the
 * undefined task it names as supported runs. A new kind of element in the engine must change the
 * README and this list together.
 */

const NS =
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" ' +
  'xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" targetNamespace="http://bpmn.io/schema/bpmn"';

/** A process Start → `body` (whose entry and exit element is `id`) → End. */
const around = (processId: string, id: string, body: string, extra = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS} id="Defs">${extra}
  <bpmn:process id="${processId}" isExecutable="true">
    <bpmn:startEvent id="Start" />
    ${body}
    <bpmn:endEvent id="End" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="${id}" />
    <bpmn:sequenceFlow id="F2" sourceRef="${id}" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;

const job = '<bpmn:extensionElements><zeebe:taskDefinition type="work" /></bpmn:extensionElements>';

const UNSUPPORTED: [string, string, string][] = [
  [
    'an inclusive join',
    'Gateway_Join',
    `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS} id="Defs">
  <bpmn:process id="cov-inclusive-join" isExecutable="true">
    <bpmn:startEvent id="Start" />
    <bpmn:inclusiveGateway id="Gateway_Fork" />
    <bpmn:manualTask id="A" />
    <bpmn:manualTask id="B" />
    <bpmn:inclusiveGateway id="Gateway_Join" />
    <bpmn:endEvent id="End" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Gateway_Fork" />
    <bpmn:sequenceFlow id="F2" sourceRef="Gateway_Fork" targetRef="A"><bpmn:conditionExpression>=true</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="F3" sourceRef="Gateway_Fork" targetRef="B"><bpmn:conditionExpression>=true</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="F4" sourceRef="A" targetRef="Gateway_Join" />
    <bpmn:sequenceFlow id="F5" sourceRef="B" targetRef="Gateway_Join" />
    <bpmn:sequenceFlow id="F6" sourceRef="Gateway_Join" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`,
  ],
  [
    'an escalation throw event',
    'Event_Escalate',
    around(
      'cov-escalation',
      'Event_Escalate',
      '<bpmn:intermediateThrowEvent id="Event_Escalate"><bpmn:escalationEventDefinition escalationRef="Esc" /></bpmn:intermediateThrowEvent>',
      '<bpmn:escalation id="Esc" name="late" escalationCode="late" />',
    ),
  ],
  [
    'a link throw event',
    'Event_Link',
    around(
      'cov-link',
      'Event_Link',
      '<bpmn:intermediateThrowEvent id="Event_Link"><bpmn:linkEventDefinition name="jump" /></bpmn:intermediateThrowEvent>',
    ),
  ],
  [
    'a compensation throw event',
    'Event_Compensate',
    around(
      'cov-compensation',
      'Event_Compensate',
      '<bpmn:intermediateThrowEvent id="Event_Compensate"><bpmn:compensateEventDefinition /></bpmn:intermediateThrowEvent>',
    ),
  ],
  [
    'a conditional catch event',
    'Event_Condition',
    around(
      'cov-conditional',
      'Event_Condition',
      '<bpmn:intermediateCatchEvent id="Event_Condition"><bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">=true</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>',
    ),
  ],
  [
    'a message intermediate throw event',
    'Event_SendMessage',
    around(
      'cov-message-throw',
      'Event_SendMessage',
      `<bpmn:intermediateThrowEvent id="Event_SendMessage">${job}<bpmn:messageEventDefinition /></bpmn:intermediateThrowEvent>`,
    ),
  ],
  [
    'an event with two event definitions',
    'Event_Two',
    around(
      'cov-two-definitions',
      'Event_Two',
      `<bpmn:intermediateCatchEvent id="Event_Two">
        <bpmn:timerEventDefinition><bpmn:timeDuration>PT1M</bpmn:timeDuration></bpmn:timerEventDefinition>
        <bpmn:signalEventDefinition signalRef="Sig" />
      </bpmn:intermediateCatchEvent>`,
      '<bpmn:signal id="Sig" name="go" />',
    ),
  ],
  [
    'an ad-hoc sub-process',
    'AdHoc',
    around(
      'cov-ad-hoc',
      'AdHoc',
      '<bpmn:adHocSubProcess id="AdHoc"><bpmn:manualTask id="Inner" /></bpmn:adHocSubProcess>',
    ),
  ],
  [
    'a transaction sub-process',
    'Transaction',
    around(
      'cov-transaction',
      'Transaction',
      `<bpmn:transaction id="Transaction">
        <bpmn:startEvent id="Inner_Start" /><bpmn:endEvent id="Inner_End" />
        <bpmn:sequenceFlow id="I1" sourceRef="Inner_Start" targetRef="Inner_End" />
      </bpmn:transaction>`,
    ),
  ],
  [
    'a complex gateway',
    'Gateway_Complex',
    around('cov-complex', 'Gateway_Complex', '<bpmn:complexGateway id="Gateway_Complex" />'),
  ],
  [
    'a standard loop',
    'Task_Loop',
    around(
      'cov-loop',
      'Task_Loop',
      `<bpmn:serviceTask id="Task_Loop">${job}<bpmn:standardLoopCharacteristics /></bpmn:serviceTask>`,
    ),
  ],
  [
    'a job-based user task',
    'Task_JobUser',
    around('cov-job-user-task', 'Task_JobUser', '<bpmn:userTask id="Task_JobUser" />'),
  ],
  [
    'an execution listener',
    'Task_Listened',
    around(
      'cov-execution-listener',
      'Task_Listened',
      `<bpmn:serviceTask id="Task_Listened"><bpmn:extensionElements>
        <zeebe:taskDefinition type="work" />
        <zeebe:executionListeners><zeebe:executionListener eventType="start" type="listen" /></zeebe:executionListeners>
      </bpmn:extensionElements></bpmn:serviceTask>`,
    ),
  ],
  [
    'a task listener',
    'Task_Assigned',
    around(
      'cov-task-listener',
      'Task_Assigned',
      `<bpmn:userTask id="Task_Assigned"><bpmn:extensionElements>
        <zeebe:userTask />
        <zeebe:taskListeners><zeebe:taskListener eventType="assigning" type="listen" /></zeebe:taskListeners>
      </bpmn:extensionElements></bpmn:userTask>`,
    ),
  ],
  [
    'a called decision bound by version tag',
    'Task_Decide',
    around(
      'cov-version-tag',
      'Task_Decide',
      `<bpmn:businessRuleTask id="Task_Decide"><bpmn:extensionElements>
        <zeebe:calledDecision decisionId="fee" resultVariable="fee" bindingType="versionTag" versionTag="v1" />
      </bpmn:extensionElements></bpmn:businessRuleTask>`,
    ),
  ],
];

describe('BPMN coverage: the README lists exactly what the engine refuses', () => {
  const e = useEngine();

  test.each(UNSUPPORTED)(
    'given %s, when deployed, then it is refused with 400 naming the element',
    async (_what, elementId, xml) => {
      const err: any = await rejection(deployAll(e.client, { 'unsupported.bpmn': xml }));
      expect(err.status ?? err.response?.status).toBe(400);
      const body = err?.response?.json ? await err.response.json() : err;
      expect(JSON.stringify(body)).toContain(`Element: ${elementId}`);
    },
  );

  test('given an undefined task (bpmn:task), when deployed and started, then it passes through like a manual task', async () => {
    await deployAll(e.client, {
      'undefined-task.bpmn': around('cov-undefined-task', 'Task_Plain', '<bpmn:task id="Task_Plain" />'),
    });
    const pik = await startInstance(e.client, 'cov-undefined-task');
    expect(await piState(e.client, pik)).toBe('COMPLETED');
  });
});
