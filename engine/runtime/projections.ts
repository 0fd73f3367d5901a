import type { Engine } from './engine';
import {
  ElementInstanceRec,
  IncidentRec,
  JobRec,
  ProcessInstanceRec,
  TENANT,
  UserTaskRec,
  VariableRec,
} from './records';

/**
 * Records in the shape the Camunda 8.8 REST API returns them. The engine writes these to its search
 * tables when it commits, so searches read them without touching the interpreter's state.
 */

export const toProcessInstance = (engine: Engine, pi: ProcessInstanceRec, hasIncident: boolean) => ({
  processDefinitionId: pi.bpmnProcessId,
  processDefinitionName: engine.queries.processDefinition(pi.processDefinitionKey)?.name ?? pi.bpmnProcessId,
  processDefinitionVersion: pi.version,
  processDefinitionVersionTag: pi.versionTag,
  startDate: pi.startDate,
  endDate: pi.endDate,
  state: pi.state,
  hasIncident,
  tenantId: TENANT,
  processInstanceKey: pi.key,
  processDefinitionKey: pi.processDefinitionKey,
  parentProcessInstanceKey: pi.parentProcessInstanceKey,
  parentElementInstanceKey: pi.parentElementInstanceKey,
  tags: pi.tags ?? [],
});

export const toElementInstance = (engine: Engine, ei: ElementInstanceRec) => ({
  processDefinitionId: ei.bpmnProcessId,
  startDate: ei.startDate,
  endDate: ei.endDate,
  elementId: ei.elementId,
  elementName: engine.model(ei.processDefinitionKey).elements.get(ei.elementId)?.name ?? ei.elementId,
  type: ei.type,
  state: ei.state,
  hasIncident: !!ei.incidentKey,
  tenantId: TENANT,
  elementInstanceKey: ei.key,
  processInstanceKey: ei.processInstanceKey,
  processDefinitionKey: ei.processDefinitionKey,
  incidentKey: ei.incidentKey,
});

/** The full value as JSON text; the API truncates it per request. */
export const toVariable = (v: VariableRec) => ({
  name: v.name,
  tenantId: TENANT,
  variableKey: v.key,
  scopeKey: v.scopeKey,
  processInstanceKey: v.processInstanceKey,
  value: JSON.stringify(v.value ?? null),
});

export const toJob = (j: JobRec) => ({
  jobKey: j.key,
  type: j.type,
  worker: j.worker ?? '',
  state: j.state === 'ACTIVATED' ? 'CREATED' : j.state,
  kind: 'BPMN_ELEMENT',
  listenerEventType: 'UNSPECIFIED',
  retries: j.retries,
  isDenied: false,
  deniedReason: '',
  hasFailedWithRetriesLeft: j.state === 'FAILED' && j.retries > 0,
  errorCode: j.errorCode ?? '',
  errorMessage: j.errorMessage ?? '',
  customHeaders: j.customHeaders,
  deadline: j.deadline ? new Date(j.deadline).toISOString() : undefined,
  endTime: j.endTime,
  processDefinitionId: j.bpmnProcessId,
  processDefinitionKey: j.processDefinitionKey,
  processInstanceKey: j.processInstanceKey,
  elementId: j.elementId,
  elementInstanceKey: j.elementInstanceKey,
  tenantId: TENANT,
});

export const toUserTask = (engine: Engine, t: UserTaskRec) => ({
  name: t.name ?? t.elementId,
  state: t.state,
  assignee: t.assignee,
  elementId: t.elementId,
  candidateGroups: t.candidateGroups,
  candidateUsers: t.candidateUsers,
  processDefinitionId: t.bpmnProcessId,
  creationDate: t.creationDate,
  completionDate: t.completionDate,
  followUpDate: t.followUpDate,
  dueDate: t.dueDate,
  tenantId: TENANT,
  externalFormReference: t.externalFormReference,
  processDefinitionVersion: t.processDefinitionVersion,
  customHeaders: {},
  priority: t.priority,
  userTaskKey: t.key,
  elementInstanceKey: t.elementInstanceKey,
  processName: engine.queries.processDefinition(t.processDefinitionKey)?.name ?? t.bpmnProcessId,
  processDefinitionKey: t.processDefinitionKey,
  processInstanceKey: t.processInstanceKey,
  formKey: t.formKey,
  // Kept beside the API document (search-index.ts `internal`), not answered.
  scopePath: engine.queries.scopeChain(t.elementInstanceKey),
});

export const toIncident = (i: IncidentRec) => ({
  processDefinitionId: i.bpmnProcessId,
  errorType: i.errorType,
  errorMessage: i.errorMessage,
  elementId: i.elementId,
  creationTime: i.creationTime,
  state: i.state,
  tenantId: TENANT,
  incidentKey: i.key,
  processDefinitionKey: i.processDefinitionKey,
  processInstanceKey: i.processInstanceKey,
  elementInstanceKey: i.elementInstanceKey,
  jobKey: i.jobKey,
});
