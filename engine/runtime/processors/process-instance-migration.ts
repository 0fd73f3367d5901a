/** Process instance migration (Zeebe's ProcessInstanceMigrationMigrateProcessor): a running instance moves to another definition. */
import type { Activity, ElementKind, FlowElement, ProcessModel } from '../../model/types';
import { ELEMENT_TYPES, elementOf, isActivity } from '../../model/types';
import type { EventSubscriptionBehaviour } from '../behaviours/event-subscriptions';
import { EngineError, invalid } from '../errors';
import type { ElementInstanceRec, ProcessDefinitionRec, ProcessInstanceRec } from '../records';
import { EngineState, isOpenJob } from '../state';
import { runningInstance } from './process-instance-processor';
import type { RecordTable } from '../state/table';

export interface MigrateProcessInstanceRequest {
  targetProcessDefinitionKey?: unknown;
  mappingInstructions?: { sourceElementId?: unknown; targetElementId?: unknown }[];
}

/** A validated migration: the instance, its target definition and where each active element goes. */
export interface ProcessInstanceMigration {
  pi: ProcessInstanceRec;
  target: ProcessDefinitionRec;
  moves: { ei: ElementInstanceRec; to: FlowElement }[];
}

/** What a migration needs: the stores, and the subscriptions it re-opens for the target. */
export interface MigrationProcessorDeps {
  readonly state: EngineState;
  readonly events: EventSubscriptionBehaviour;
  model(processDefinitionKey: string): ProcessModel;
  flowScopeOf(ei: ElementInstanceRec): ElementInstanceRec;
  openBoundaryEvents(host: ElementInstanceRec, el: Activity): void;
  openEventSubProcesses(scope: ElementInstanceRec): void;
}

/** Active elements this engine migrates. */
const MIGRATABLE: ElementKind[] = [
  'serviceTask',
  'sendTask',
  'scriptTask',
  'businessRuleTask',
  'userTask',
  'receiveTask',
  'intermediateCatchEvent',
  'subProcess',
];

export class MigrationProcessor {
  constructor(private readonly deps: MigrationProcessorDeps) {}

  /**
   * Validates as Zeebe does: every active element must be mapped, to an element of the same type
   * in the same (mapped) flow scope. Supported active elements: job-based tasks, user tasks,
   * receive tasks, message and timer catch events, embedded sub-processes; others are refused.
   */
  prepare(key: string, req: MigrateProcessInstanceRequest): ProcessInstanceMigration {
    const { state } = this.deps;
    const pi = runningInstance(state, key, 'migrate');
    if (pi.parentProcessInstanceKey)
      throw invalid(
        `Expected to migrate process instance '${key}' but process instance is a child process instance. Child process instances cannot be migrated.`,
      );
    const target = state.deployment.processes.get(String(req.targetProcessDefinitionKey));
    if (!target)
      throw new EngineError(
        404,
        'NOT_FOUND',
        `Expected to migrate process instance to process definition but no process definition found with key '${String(req.targetProcessDefinitionKey)}'`,
      );
    const source = this.deps.model(pi.processDefinitionKey);
    const tm = this.deps.model(target.key);
    const prefix = `Expected to migrate process instance '${key}' but`;
    const mapping = new Map<string, string>();
    for (const m of req.mappingInstructions ?? []) {
      if (typeof m.sourceElementId !== 'string' || typeof m.targetElementId !== 'string')
        throw invalid(`${prefix} a mapping instruction needs a sourceElementId and a targetElementId`);
      if (mapping.has(m.sourceElementId))
        throw invalid(
          `${prefix} the mapping instructions contain a duplicate source element id '${m.sourceElementId}'`,
        );
      mapping.set(m.sourceElementId, m.targetElementId);
    }
    const moves: ProcessInstanceMigration['moves'] = [];
    for (const k of state.processInstances.recordsOf(key, 'elementInstance')) {
      const ei = state.elementInstances.get(k);
      if (!ei || ei.state !== 'ACTIVE' || ei.type === 'PROCESS') continue;
      const from = elementOf(source, ei.elementId);
      const toId = mapping.get(ei.elementId);
      if (toId === undefined)
        throw invalid(
          `${prefix} no mapping instruction defined for active element with id '${ei.elementId}'. Elements cannot be migrated without a mapping.`,
        );
      const to = tm.elements.get(toId);
      if (!to)
        throw invalid(
          `${prefix} mapping instructions contain a non-existing target element id '${toId}'. Elements provided in mapping instructions must exist in the target process definition.`,
        );
      const multiInstance = (e: FlowElement) => isActivity(e) && !!e.multiInstance;
      if (
        to.kind !== from.kind ||
        ei.type === 'MULTI_INSTANCE_BODY' ||
        multiInstance(to) !== multiInstance(from)
      )
        throw invalid(
          `${prefix} active element with id '${ei.elementId}' and type '${ELEMENT_TYPES[from.kind]}' is mapped to an element with id '${toId}' and different type '${ELEMENT_TYPES[to.kind]}'. Elements must be mapped to elements of the same type.`,
        );
      if (
        !MIGRATABLE.includes(from.kind) ||
        (from.kind === 'intermediateCatchEvent' && from.event.kind === 'signal')
      )
        throw invalid(
          `${prefix} active element with id '${ei.elementId}' of type '${ELEMENT_TYPES[from.kind]}' cannot be migrated by this engine`,
        );
      const scope = this.deps.flowScopeOf(ei);
      const expected = scope.type === 'PROCESS' ? target.bpmnProcessId : mapping.get(scope.elementId);
      if (to.scopeId !== expected)
        throw invalid(
          `${prefix} the flow scope of active element with id '${ei.elementId}' is changed. The flow scope of the active element is expected to be '${expected}' but was '${to.scopeId}'. The flow scope of an element cannot be changed during migration yet.`,
        );
      moves.push({ ei, to });
    }
    return { pi, target, moves };
  }

  /**
   * Moves the instance, its active elements, jobs, user tasks, incidents and catch-event
   * subscriptions to the target definition. Boundary events and event sub-process starts are
   * those of the target.
   */
  migrate({ pi, target, moves }: ProcessInstanceMigration): void {
    const { state, events } = this.deps;
    const key = pi.key;
    const define = <T extends { processDefinitionKey: string; bpmnProcessId: string }>(rec: T) => {
      rec.processDefinitionKey = target.key;
      rec.bpmnProcessId = target.bpmnProcessId;
    };
    define(pi);
    pi.version = target.version;
    pi.versionTag = target.versionTag;
    state.processInstances.update(pi);
    const root = state.elementInstances.get(key);
    if (!root) throw new Error(`no element instance '${key}'`);
    define(root);
    root.elementId = target.bpmnProcessId;
    state.elementInstances.update(root);
    const newId = new Map<string, string>();
    for (const { ei, to } of moves) {
      define(ei);
      ei.elementId = to.id;
      newId.set(ei.key, to.id);
      state.elementInstances.update(ei);
      // The element's own timer or message subscription follows it; its boundary events are the target's.
      for (const owned of state.elementInstances.owned(ei.key)) {
        const t = state.timers.get(owned);
        const s = state.message.subscriptions.get(owned);
        if (t?.kind === 'catch') {
          t.processDefinitionKey = target.key;
          t.elementId = to.id;
          state.timers.update(t);
        }
        if (s?.kind === 'catch') {
          define(s);
          s.elementId = to.id;
          state.message.subscriptions.update(s);
        }
      }
      events.closeOwnedBy(ei.key, 'boundary');
      if (ei.loopIndex === undefined && isActivity(to)) this.deps.openBoundaryEvents(ei, to);
      if (to.kind === 'subProcess') {
        events.closeOwnedBy(ei.key, 'event-sub-process');
        this.deps.openEventSubProcesses(ei);
      }
    }
    events.closeOwnedBy(root.key, 'event-sub-process');
    this.deps.openEventSubProcesses(root);
    // Open jobs, user tasks and incidents follow their element to the target definition.
    type MigratedRecord = {
      key: string;
      elementId: string;
      elementInstanceKey: string;
      processDefinitionKey: string;
      bpmnProcessId: string;
      processDefinitionVersion?: number;
    };
    const follow = <R extends MigratedRecord>(
      kind: 'job' | 'userTask' | 'incident',
      records: RecordTable<R>,
      open: (rec: R) => boolean,
    ) => {
      for (const k of state.processInstances.recordsOf(key, kind)) {
        const rec = records.get(k);
        if (!rec || !open(rec)) continue;
        define(rec);
        if (rec.processDefinitionVersion !== undefined) rec.processDefinitionVersion = target.version;
        rec.elementId = newId.get(rec.elementInstanceKey) ?? rec.elementId;
        records.update(rec);
      }
    };
    follow('job', state.jobs, isOpenJob);
    follow('userTask', state.userTasks, (t) => t.state === 'CREATED');
    follow('incident', state.incidents, (inc) => inc.state === 'ACTIVE');
  }
}
