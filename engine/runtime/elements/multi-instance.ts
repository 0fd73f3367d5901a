/** The multi-instance body processor: one inner instance per item of the input collection, in parallel or in sequence. */
import { Activity, ELEMENT_TYPES, MultiInstanceDefinition } from '../../model/types';
import { StepFailure } from '../errors';
import type { ElementInstanceRec } from '../records';
import type { BpmnBehaviours, ElementProcessor } from './processor';

export interface MultiInstanceBodyProcessor extends ElementProcessor<Activity> {
  /** An inner instance completed: collect its output, then complete the body or start the next one. */
  onChildCompleted(el: Activity, body: ElementInstanceRec, inner: ElementInstanceRec): void;
}

function definitionOf(el: Activity): MultiInstanceDefinition {
  if (!el.multiInstance) throw new Error(`element '${el.id}' is not multi-instance`);
  return el.multiInstance;
}

function loopState(body: ElementInstanceRec): NonNullable<ElementInstanceRec['mi']> {
  if (!body.mi) throw new Error(`multi-instance body '${body.key}' has no loop state`);
  return body.mi;
}

export function multiInstanceBodyProcessor(b: BpmnBehaviours): MultiInstanceBodyProcessor {
  const spawnInner = (body: ElementInstanceRec, el: Activity, mi: MultiInstanceDefinition): void => {
    const state = loopState(body);
    const index = state.next++;
    state.active++;
    b.state.elementInstances.update(body);
    const inner = b.createElementInstance(body, el.id, { loopIndex: index });
    inner.type = ELEMENT_TYPES[el.kind];
    if (mi.inputElement)
      b.vars.setLocal(inner.key, inner.processInstanceKey, mi.inputElement, state.items[index]);
    b.vars.setLocal(inner.key, inner.processInstanceKey, 'loopCounter', index + 1);
    b.activateLater(inner);
  };
  return {
    onActivate: (el, body) => {
      const mi = definitionOf(el);
      if (!body.flowScopeKey) throw new Error(`multi-instance body '${body.key}' has no flow scope`);
      const items = b.evalIn(mi.inputCollection, body.flowScopeKey);
      if (!Array.isArray(items)) {
        throw new StepFailure(
          'EXTRACT_VALUE_ERROR',
          `Expected result of the expression '${mi.inputCollection}' to be 'ARRAY', but was '${typeName(items)}'.`,
        );
      }
      if (el.boundaryEvents.length) b.openBoundaryEvents(body, el);
      body.mi = { items, next: 0, completed: 0, active: 0 };
      if (mi.outputCollection)
        b.vars.setLocal(
          body.key,
          body.processInstanceKey,
          mi.outputCollection,
          items.map(() => null),
        );
      b.state.elementInstances.update(body);
      if (items.length === 0) return b.completeActivity(body, {});
      const n = mi.sequential ? 1 : items.length;
      for (let i = 0; i < n; i++) spawnInner(body, el, mi);
    },
    onChildCompleted: (el, body, inner) => {
      const mi = definitionOf(el);
      const state = loopState(body);
      if (mi.outputCollection && mi.outputElement && inner.loopIndex !== undefined) {
        const value = b.evalIn(mi.outputElement, inner.key);
        const coll = [
          ...((b.state.variables.local(body.key, mi.outputCollection)?.value as unknown[]) ?? []),
        ];
        coll[inner.loopIndex] = value;
        b.vars.setLocal(body.key, body.processInstanceKey, mi.outputCollection, coll);
      }
      state.completed++;
      state.active--;
      b.state.elementInstances.update(body);
      let done = state.completed >= state.items.length;
      if (!done && mi.completionCondition) {
        const vars = {
          ...b.visibleVariables(body.key),
          numberOfInstances: state.items.length,
          numberOfActiveInstances: state.active,
          numberOfCompletedInstances: state.completed,
        };
        done =
          b.evalWith(
            mi.completionCondition.startsWith('=') ? mi.completionCondition : '=' + mi.completionCondition,
            vars,
          ) === true;
        if (done) b.terminateChildren(body);
      }
      if (done) {
        const out = mi.outputCollection
          ? { [mi.outputCollection]: b.state.variables.local(body.key, mi.outputCollection)?.value }
          : {};
        b.completeActivity(body, {}, false, out);
      } else if (mi.sequential && state.next < state.items.length) {
        spawnInner(body, el, mi);
      }
    },
  };
}

/** FEEL's name for a value's type, as Zeebe's incident messages give it. */
export function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (Array.isArray(v)) return 'ARRAY';
  return typeof v === 'object'
    ? 'CONTEXT'
    : typeof v === 'number'
      ? 'NUMBER'
      : typeof v === 'boolean'
        ? 'BOOLEAN'
        : 'STRING';
}
