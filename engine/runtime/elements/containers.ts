/** Container processors: the process, embedded and event sub-processes, call activities. */
import { ELEMENT_TYPES, EventSubProcess, SubProcess } from '../../model/types';
import { StepFailure } from '../errors';
import type { ElementInstanceRec } from '../records';
import type { BpmnBehaviours, ElementProcessors } from './processor';

function activateSubProcess(
  b: BpmnBehaviours,
  el: SubProcess | EventSubProcess,
  ei: ElementInstanceRec,
): void {
  b.openEventSubProcesses(ei);
  b.activateLater(b.createElementInstance(ei, el.startEventId));
}

export function containerProcessors(
  b: BpmnBehaviours,
): Pick<ElementProcessors, 'process' | 'subProcess' | 'eventSubProcess' | 'callActivity'> {
  return {
    // The process is started by a command (create instance, message, signal, timer), never activated by a flow.
    process: {
      onActivate: (el) => {
        throw new StepFailure(
          'EXTRACT_VALUE_ERROR',
          `element type ${ELEMENT_TYPES[el.kind]} cannot be activated`,
        );
      },
    },
    subProcess: { onActivate: (el, ei) => activateSubProcess(b, el, ei) },
    eventSubProcess: { onActivate: (el, ei) => activateSubProcess(b, el, ei) },
    callActivity: {
      onActivate: (el, ei) => {
        const processId = String(b.evalIn(el.calledElement.processId, ei.key));
        const def = b.latestProcess(processId);
        if (!def)
          throw new StepFailure(
            'CALLED_ELEMENT_ERROR',
            `Expected process with BPMN process id '${processId}' to be deployed, but not found.`,
          );
        const startEventId = b.model(def.key).noneStartEventId;
        if (!startEventId)
          throw new StepFailure(
            'CALLED_ELEMENT_ERROR',
            `Expected process '${processId}' to have a none start event, but not found.`,
          );
        // Without propagation of all parent variables, only the call activity's input mappings reach the child.
        const vars = el.calledElement.propagateAllParentVariables
          ? b.vars.visible(ei.key)
          : b.vars.local(ei.key);
        const child = b.startInstance(def, startEventId, vars, ei);
        ei.calledProcessInstanceKey = child.key;
        b.state.elementInstances.update(ei);
      },
      onTerminate: (_el, ei) => {
        const child = ei.calledProcessInstanceKey
          ? b.state.elementInstances.get(ei.calledProcessInstanceKey)
          : undefined;
        if (child) b.terminate(child);
      },
    },
  };
}
