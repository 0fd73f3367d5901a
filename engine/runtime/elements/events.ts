/** Event processors: start, end (error, signal, terminate, job-based message), intermediate catch and throw, boundary. */
import { ELEMENT_TYPES } from '../../model/types';
import { StepFailure } from '../errors';
import type { BpmnBehaviours, ElementProcessors } from './processor';

export function eventProcessors(
  b: BpmnBehaviours,
): Pick<
  ElementProcessors,
  'startEvent' | 'endEvent' | 'intermediateCatchEvent' | 'intermediateThrowEvent' | 'boundaryEvent'
> {
  return {
    startEvent: { onActivate: (_el, ei) => b.completeActivity(ei, {}) },
    endEvent: {
      onActivate: (el, ei) => {
        const ev = el.event;
        if (ev.kind === 'error') {
          if (!b.throwError(ei, ev.errorCode ?? '', '', {})) {
            b.raiseIncident(
              ei,
              'UNHANDLED_ERROR_EVENT',
              `Expected to throw an error event with the code '${ev.errorCode}', but it was not caught. No error events are available in the scope.`,
              'activate',
            );
          }
          return;
        }
        // A message end event is job-based: its worker sends the message.
        if (el.job) return b.createJob(ei, el.job);
        if (ev.kind === 'signal') b.throwSignal(ei, ev.signalName);
        if (ev.kind === 'terminate') {
          const scope = b.flowScopeOf(ei);
          for (const k of b.state.elementInstances.children(scope.key)) {
            const sibling = b.state.elementInstances.get(k);
            if (sibling && k !== ei.key) b.terminate(sibling);
          }
          if (scope.joins) {
            scope.joins = undefined;
            b.state.elementInstances.update(scope);
          }
        }
        b.completeActivity(ei, {});
      },
      onTerminate: (_el, ei) => b.cancelJob(ei),
    },
    intermediateCatchEvent: { onActivate: (el, ei) => b.openCatch(ei, el.id, el.event, 'catch', ei) },
    intermediateThrowEvent: {
      onActivate: (el, ei) => {
        if (el.event.kind === 'signal') b.throwSignal(ei, el.event.signalName);
        b.completeActivity(ei, {});
      },
    },
    // A boundary event is never activated: its subscription's trigger creates and completes it.
    boundaryEvent: {
      onActivate: (el) => {
        throw new StepFailure(
          'EXTRACT_VALUE_ERROR',
          `element type ${ELEMENT_TYPES[el.kind]} cannot be activated`,
        );
      },
    },
  };
}
