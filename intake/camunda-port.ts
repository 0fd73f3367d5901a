import type { Camunda8 } from '@camunda8/sdk';
import { ProcessInstanceKey, ScopeKey } from '@camunda8/orchestration-cluster-api';

/** The official client, as `new Camunda8(...).getOrchestrationClusterApiClient()` returns it. */
export type CamundaClient = ReturnType<Camunda8['getOrchestrationClusterApiClient']>;

/**
 * The slice of the official client that intake and the web app call: its own methods with its own
 * typed inputs and results (branded keys, search filters), so the real client is passed as it is.
 */
export type CamundaPort = Pick<
  CamundaClient,
  | 'createProcessInstance'
  | 'searchProcessInstances'
  | 'getProcessInstance'
  | 'searchUserTasks'
  | 'getUserTask'
  | 'assignUserTask'
  | 'unassignUserTask'
  | 'completeUserTask'
  | 'getUserTaskForm'
  | 'searchVariables'
  | 'searchElementInstances'
  | 'searchIncidents'
  | 'resolveIncident'
  | 'updateJob'
  | 'publishMessage'
  | 'createDeployment'
  | 'getProcessDefinitionXml'
  | 'searchProcessDefinitions'
>;

/** Read our own writes where it matters, without waiting on endpoints that have nothing yet. */
export const NO_WAIT = { consistency: { waitUpToMs: 0 } };

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
  const result = await camunda.searchVariables(
    {
      filter: {
        processInstanceKey: ProcessInstanceKey.assumeExists(processInstanceKey),
        scopeKey: ScopeKey.assumeExists(processInstanceKey),
      },
      page: { limit: 1000 },
      truncateValues: false,
    },
    NO_WAIT,
  );
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
