import type { ElementType } from '../model/types';

/** Records the engine keeps, modelled on Zeebe's record values. Keys are int64 numbers as strings. */

export const TENANT = '<default>';

export interface DeploymentRec {
  key: string;
  createdAt: string;
  resources: { kind: 'process' | 'form' | 'decisionRequirements' | 'decision'; key: string }[];
}

/** A deployed DMN resource: Zeebe's decision requirements (one DRG per .dmn file). */
export interface DecisionRequirementsRec {
  key: string;
  decisionRequirementsId: string;
  name?: string;
  version: number;
  resourceName: string;
  xml: string;
  checksum: string;
  deploymentKey: string;
}

/** A decision of a deployed DRG, versioned by its decision id. */
export interface DecisionRec {
  key: string;
  decisionId: string;
  name?: string;
  version: number;
  decisionRequirementsKey: string;
  decisionRequirementsId: string;
  deploymentKey: string;
}

export interface ProcessDefinitionRec {
  key: string;
  bpmnProcessId: string;
  name?: string;
  version: number;
  versionTag?: string;
  resourceName: string;
  xml: string;
  checksum: string;
  deploymentKey: string;
}

export interface FormRec {
  key: string;
  formId: string;
  version: number;
  resourceName: string;
  schema: string;
  checksum: string;
  deploymentKey: string;
}

export type InstanceState = 'ACTIVE' | 'COMPLETED' | 'TERMINATED';

export interface ElementInstanceRec {
  key: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  elementId: string;
  type: ElementType;
  /** Key of the enclosing element instance; absent for the process instance itself. */
  flowScopeKey?: string;
  state: InstanceState;
  startDate: string;
  endDate?: string;
  incidentKey?: string;
  jobKey?: string;
  userTaskKey?: string;
  calledProcessInstanceKey?: string;
  /** Multi-instance body bookkeeping. */
  mi?: { items: unknown[]; next: number; completed: number; active: number; isInner?: false };
  /** Inner instance of a multi-instance body: its index (loopCounter - 1). */
  loopIndex?: number;
  /** Sequence flows that arrived at joining gateways of this scope, by gateway id. */
  joins?: Record<string, Record<string, number>>;
}

export interface ProcessInstanceRec {
  key: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
  versionTag?: string;
  state: InstanceState;
  startDate: string;
  endDate?: string;
  parentProcessInstanceKey?: string;
  parentElementInstanceKey?: string;
  /** Correlation key of the message that started it, to keep one active instance per key. */
  startCorrelationKey?: string;
  /** Tags given at creation (Camunda 8.8 process-instance tags); absent when none. */
  tags?: string[];
}

export interface VariableRec {
  key: string;
  name: string;
  value: unknown;
  scopeKey: string;
  processInstanceKey: string;
}

export type JobState =
  | 'CREATED'
  | 'ACTIVATED'
  | 'FAILED'
  | 'COMPLETED'
  | 'ERROR_THROWN'
  | 'CANCELED'
  | 'RETRIES_UPDATED'
  | 'TIMED_OUT';

export interface JobRec {
  key: string;
  type: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  elementId: string;
  elementInstanceKey: string;
  retries: number;
  customHeaders: Record<string, string>;
  state: JobState;
  /** Activatable once this instant has passed (retry back-off). */
  notBefore?: number;
  /** While activated: when the job is offered again. */
  deadline?: number;
  worker?: string;
  errorMessage?: string;
  errorCode?: string;
  creationTime: string;
  endTime?: string;
}

export interface UserTaskRec {
  key: string;
  elementInstanceKey: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  elementId: string;
  name?: string;
  state: 'CREATED' | 'COMPLETED' | 'CANCELED';
  assignee?: string;
  candidateGroups: string[];
  candidateUsers: string[];
  dueDate?: string;
  followUpDate?: string;
  creationDate: string;
  completionDate?: string;
  formKey?: string;
  externalFormReference?: string;
  priority: number;
}

export type IncidentErrorType =
  | 'JOB_NO_RETRIES'
  | 'IO_MAPPING_ERROR'
  | 'EXTRACT_VALUE_ERROR'
  | 'CONDITION_ERROR'
  | 'UNHANDLED_ERROR_EVENT'
  | 'CALLED_ELEMENT_ERROR'
  | 'FORM_NOT_FOUND'
  | 'CALLED_DECISION_ERROR'
  | 'DECISION_EVALUATION_ERROR';

export interface IncidentRec {
  key: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  elementId: string;
  elementInstanceKey: string;
  jobKey?: string;
  errorType: IncidentErrorType;
  errorMessage: string;
  creationTime: string;
  state: 'ACTIVE' | 'RESOLVED';
  /** What to retry on resolution. */
  retry: 'activate' | 'complete' | 'job' | 'flow';
}

export type SubscriptionKind = 'catch' | 'boundary' | 'event-sub-process' | 'event-gateway';

export interface TimerRec {
  key: string;
  kind: SubscriptionKind | 'start';
  /** The element instance that owns the subscription (the catch event, the host activity, the scope, the gateway). */
  ownerKey?: string;
  processInstanceKey?: string;
  processDefinitionKey: string;
  /** The timer event element. */
  elementId: string;
  dueAt: number;
  repetitions: number;
  timerKind: 'timeDate' | 'timeDuration' | 'timeCycle';
  definition: string;
}

export interface MessageSubscriptionRec {
  key: string;
  kind: SubscriptionKind;
  ownerKey: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  elementId: string;
  messageName: string;
  correlationKey: string;
  interrupting: boolean;
  state: 'CREATED' | 'CORRELATED' | 'DELETED';
  createdAt: string;
  /** A signal subscription: `messageName` is the signal's name and `correlationKey` is empty. */
  signal?: true;
}

export interface MessageRec {
  key: string;
  name: string;
  correlationKey: string;
  variables: Record<string, unknown>;
  messageId?: string;
  publishedAt: number;
  expiresAt: number;
  /** Process instances (and message-start definitions) already reached, so a buffered message is correlated once each. */
  correlatedTo: string[];
}

export interface ElementRef {
  processInstanceKey: string;
  elementInstanceKey: string;
  elementId: string;
}

export type ElementTypeName = ElementType;
