import { parseBpmn } from '../../engine/model/parse';
import { UnsupportedModelError } from '../../engine/model/types';

/**
 * The executable model: one element type per kind, built only from what validation accepted
 * (Zeebe's BPMN transformer runs after its validator the same way).
 */

const NS =
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" ' +
  'xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" targetNamespace="http://bpmn.io/schema/bpmn"';

const process = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions ${NS} id="Defs">` +
  `<bpmn:process id="model-test" isExecutable="true">${body}</bpmn:process></bpmn:definitions>`;

describe('executable model', () => {
  test('given a service task, a timer catch event and a call activity, when parsed, then each element carries its kind and the fields Zeebe requires', async () => {
    const { processes } = await parseBpmn(
      process(`<bpmn:startEvent id="Start" />
        <bpmn:serviceTask id="Work"><bpmn:extensionElements>
          <zeebe:taskDefinition type="work" retries="5" />
        </bpmn:extensionElements></bpmn:serviceTask>
        <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition>
          <bpmn:timeDuration>PT1H</bpmn:timeDuration>
        </bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:callActivity id="Call"><bpmn:extensionElements>
          <zeebe:calledElement processId="child" propagateAllChildVariables="false" />
        </bpmn:extensionElements></bpmn:callActivity>
        <bpmn:endEvent id="End" />
        <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Work" />
        <bpmn:sequenceFlow id="F2" sourceRef="Work" targetRef="Wait" />
        <bpmn:sequenceFlow id="F3" sourceRef="Wait" targetRef="Call" />
        <bpmn:sequenceFlow id="F4" sourceRef="Call" targetRef="End" />`),
      'model.bpmn',
    );
    const elements = processes[0].elements;
    expect(elements.get('Work')).toMatchObject({
      kind: 'serviceTask',
      job: { type: 'work', retries: '5' },
      boundaryEvents: [],
    });
    expect(elements.get('Wait')).toMatchObject({
      kind: 'intermediateCatchEvent',
      event: { kind: 'timer', timerKind: 'timeDuration', expression: 'PT1H' },
    });
    expect(elements.get('Call')).toMatchObject({
      kind: 'callActivity',
      calledElement: { processId: 'child', propagateAllChildVariables: false },
    });
    expect(elements.get('model-test')).toMatchObject({ kind: 'process', startEventId: 'Start' });
    // Only a kind's own fields are present: a gateway or event has no job, an event no boundary list.
    expect(elements.get('Wait')).not.toHaveProperty('boundaryEvents');
    expect(elements.get('Start')).not.toHaveProperty('job');
  });

  // Zeebe's validator: an end event may be none, error, message, signal, terminate (or escalation/compensation).
  test('given a timer end event, when parsed, then it is rejected by element id', async () => {
    const parsing = parseBpmn(
      process(`<bpmn:startEvent id="Start" />
        <bpmn:endEvent id="End"><bpmn:timerEventDefinition>
          <bpmn:timeDuration>PT1H</bpmn:timeDuration>
        </bpmn:timerEventDefinition></bpmn:endEvent>
        <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="End" />`),
      'timer-end.bpmn',
    );
    await expect(parsing).rejects.toBeInstanceOf(UnsupportedModelError);
    await expect(parsing).rejects.toMatchObject({
      problems: [{ elementId: 'End', message: 'timer end events are not supported' }],
    });
  });
});
