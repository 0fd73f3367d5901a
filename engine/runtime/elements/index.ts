/** The table of element processors keyed by element kind (Zeebe's `BpmnElementProcessors`). */
import type { FlowElement } from '../../model/types';
import type { BpmnBehaviours, ElementProcessor, ElementProcessors } from './processor';
import { containerProcessors } from './containers';
import { eventProcessors } from './events';
import { gatewayProcessors } from './gateways';
import { taskProcessors } from './tasks';

export function elementProcessors(b: BpmnBehaviours): ElementProcessors {
  return {
    ...taskProcessors(b),
    ...gatewayProcessors(b),
    ...eventProcessors(b),
    ...containerProcessors(b),
  };
}

/** The processor of an element's kind. */
export function processorOf(table: ElementProcessors, el: FlowElement): ElementProcessor<FlowElement> {
  // The table maps each kind to the processor of that kind's element, so the pair always matches.
  return table[el.kind] as ElementProcessor<FlowElement>;
}
