/** Task processors: job-worker tasks (service, send, script, business rule), inline scripts and decisions, user, receive, manual tasks. */
import type { ScriptDefinition, UserTask } from '../../model/types';
import type { ElementInstanceRec, UserTaskRec } from '../records';
import { StepFailure } from '../errors';
import type { BpmnBehaviours, ElementProcessors } from './processor';

function runScript(b: BpmnBehaviours, ei: ElementInstanceRec, script: ScriptDefinition): void {
  const expression = script.expression.startsWith('=') ? script.expression : '=' + script.expression;
  b.completeActivity(ei, { [script.resultVariable]: b.evalIn(expression, ei.key) });
}

function createUserTask(b: BpmnBehaviours, ei: ElementInstanceRec, el: UserTask): void {
  const def = el.userTask;
  const str = (v: string | undefined) => (v === undefined || v === '' ? undefined : b.evalIn(v, ei.key));
  const list = (v: string | undefined): string[] => {
    const r = str(v);
    if (r === undefined || r === null) return [];
    if (Array.isArray(r)) return r.map(String);
    return String(r)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  };
  const date = (v: string | undefined, what: string): string | undefined => {
    const r = str(v);
    if (r === undefined || r === null || r === '') return undefined;
    const d = new Date(String(r));
    if (Number.isNaN(d.getTime()) || !/([zZ]|[+-]\d\d:\d\d)$/.test(String(r))) {
      throw new StepFailure(
        'EXTRACT_VALUE_ERROR',
        `Expected the ${what} of '${el.id}' to be an ISO 8601 date-time with offset, but got '${String(r)}'`,
      );
    }
    return String(r);
  };
  let formKey: string | undefined;
  if (def.formId) {
    const form = b.latestForm(def.formId);
    if (!form)
      throw new StepFailure(
        'FORM_NOT_FOUND',
        `Expected to find a form with id '${def.formId}', but no form with this id is found, at least a form with this id should be available. To resolve the Incident please deploy a form with the same id`,
      );
    formKey = form.key;
  }
  const pd = b.definition(ei.processDefinitionKey);
  const rawPriority = def.priority !== undefined ? str(def.priority) : 50;
  const priority =
    typeof rawPriority === 'string' && /^\d+$/.test(rawPriority) ? Number(rawPriority) : rawPriority;
  if (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 0 || priority > 100) {
    throw new StepFailure(
      'EXTRACT_VALUE_ERROR',
      `Expected the priority of '${el.id}' to be an integer between 0 and 100, but got '${String(rawPriority)}'`,
    );
  }
  const task: UserTaskRec = {
    key: b.nextKey(),
    elementInstanceKey: ei.key,
    processInstanceKey: ei.processInstanceKey,
    processDefinitionKey: ei.processDefinitionKey,
    bpmnProcessId: ei.bpmnProcessId,
    processDefinitionVersion: pd.version,
    elementId: el.id,
    name: el.name,
    state: 'CREATED',
    assignee: (str(def.assignee) as string | undefined) || undefined,
    candidateGroups: list(def.candidateGroups),
    candidateUsers: list(def.candidateUsers),
    dueDate: date(def.dueDate, 'due date'),
    followUpDate: date(def.followUpDate, 'follow-up date'),
    creationDate: b.nowIso(),
    formKey,
    externalFormReference: def.externalFormReference,
    priority,
  };
  b.state.userTasks.put(task);
  ei.userTaskKey = task.key;
  b.state.elementInstances.update(ei);
}

function cancelUserTask(b: BpmnBehaviours, ei: ElementInstanceRec): void {
  if (!ei.userTaskKey) return;
  const t = b.state.userTasks.get(ei.userTaskKey);
  if (t && t.state === 'CREATED') {
    t.state = 'CANCELED';
    t.completionDate = b.nowIso();
    b.state.userTasks.update(t);
  }
}

export function taskProcessors(
  b: BpmnBehaviours,
): Pick<
  ElementProcessors,
  | 'serviceTask'
  | 'sendTask'
  | 'scriptTask'
  | 'businessRuleTask'
  | 'userTask'
  | 'receiveTask'
  | 'manualTask'
  | 'task'
> {
  const cancelJob = (_el: unknown, ei: ElementInstanceRec) => b.cancelJob(ei);
  return {
    serviceTask: { onActivate: (el, ei) => b.createJob(ei, el.job), onTerminate: cancelJob },
    sendTask: { onActivate: (el, ei) => b.createJob(ei, el.job), onTerminate: cancelJob },
    scriptTask: {
      onActivate: (el, ei) => (el.job ? b.createJob(ei, el.job) : runScript(b, ei, el.script)),
      onTerminate: cancelJob,
    },
    businessRuleTask: {
      onActivate: (el, ei) => {
        if (!el.calledDecision) return b.createJob(ei, el.job);
        const output = b.evaluateCalledDecision(ei, el.calledDecision);
        b.completeActivity(ei, { [el.calledDecision.resultVariable]: output });
      },
      onTerminate: cancelJob,
    },
    userTask: {
      onActivate: (el, ei) => createUserTask(b, ei, el),
      onTerminate: (_el, ei) => cancelUserTask(b, ei),
    },
    receiveTask: { onActivate: (el, ei) => b.openCatch(ei, el.id, el.event, 'catch', ei) },
    manualTask: { onActivate: (_el, ei) => b.completeActivity(ei, {}) },
    task: { onActivate: (_el, ei) => b.completeActivity(ei, {}) },
  };
}
