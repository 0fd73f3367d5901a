/**
 * The slice of the official client (`CamundaClient` of @camunda8/orchestration-cluster-api, as
 * returned by `new Camunda8(...).getOrchestrationClusterApiClient()`) that intake and the web app
 * call. Declared with method syntax so the real client is assignable to it, and tests pass a fake.
 * Inputs and results are the client's own JSON shapes (see the client's `.d.cts`).
 */
export interface Consistency {
  consistency: { waitUpToMs: number };
}

/** Read our own writes where it matters, without waiting on endpoints that have nothing yet. */
export const NO_WAIT: Consistency = { consistency: { waitUpToMs: 0 } };

export interface SearchPage<T> {
  items: T[];
  page?: { totalItems?: number };
}

export interface CamundaPort {
  createProcessInstance(input: {
    processDefinitionId: any;
    variables?: Record<string, unknown>;
    processDefinitionVersion?: number;
  }): Promise<any>;
  searchProcessInstances(input: any, c: Consistency): Promise<any>;
  getProcessInstance(input: { processInstanceKey: any }, c: Consistency): Promise<any>;
  searchUserTasks(input: any, c: Consistency): Promise<any>;
  getUserTask(input: { userTaskKey: any }, c: Consistency): Promise<any>;
  assignUserTask(input: { userTaskKey: any; assignee: string; allowOverride?: boolean }): Promise<any>;
  unassignUserTask(input: { userTaskKey: any }): Promise<any>;
  completeUserTask(input: { userTaskKey: any; variables?: Record<string, unknown> }): Promise<any>;
  getUserTaskForm(input: { userTaskKey: any }, c: Consistency): Promise<any>;
  searchVariables(input: any, c: Consistency): Promise<any>;
  searchElementInstances(input: any, c: Consistency): Promise<any>;
  searchIncidents(input: any, c: Consistency): Promise<any>;
  resolveIncident(input: { incidentKey: any }): Promise<any>;
  updateJob(input: {
    jobKey: any;
    changeset: { retries?: number | null; timeout?: number | null };
  }): Promise<any>;
  publishMessage(input: {
    name: string;
    correlationKey?: string;
    timeToLive?: number;
    messageId?: string;
    variables?: Record<string, unknown>;
  }): Promise<any>;
  createDeployment(input: { resources: File[] }): Promise<any>;
  getProcessDefinitionXml(input: { processDefinitionKey: any }, c: Consistency): Promise<any>;
  searchProcessDefinitions(input: any, c: Consistency): Promise<any>;
}

/** Variable values arrive as JSON text; a value that is not JSON is returned as the raw text. */
export function parseVariableValue(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** The root-scope variables of one process instance, as a plain object. */
export async function processVariables(
  camunda: CamundaPort,
  processInstanceKey: string,
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const result = (await camunda.searchVariables(
    {
      filter: { processInstanceKey, scopeKey: processInstanceKey },
      page: { limit: 1000 },
      truncateValues: false,
    },
    NO_WAIT,
  )) as SearchPage<{ name: string; value: string }>;
  for (const item of result.items ?? []) out[item.name] = parseVariableValue(item.value);
  return out;
}

export type PublishInput = Parameters<CamundaPort['publishMessage']>[0];

/**
 * Publishes a message with a `messageId` at most once: a repeat while the first is still buffered
 * is answered 409 ALREADY_EXISTS by the engine (as by Zeebe), which here means "already received".
 */
export async function publishOnce(
  camunda: CamundaPort,
  input: PublishInput,
): Promise<{ duplicate: boolean }> {
  try {
    await camunda.publishMessage(input);
    return { duplicate: false };
  } catch (err) {
    if ((err as { status?: unknown })?.status === 409) return { duplicate: true };
    throw err;
  }
}
