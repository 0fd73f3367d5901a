/** Process instance commands (Zeebe's ProcessInstanceCreationProcessor, CancelProcessInstance): create, await the result, cancel. */
import type { ProcessModel } from '../../model/types';
import type { ProcessInstanceBehaviour } from '../behaviours/process-instances';
import type { InstanceOutcome, ProcessResultBehaviour } from '../behaviours/process-results';
import type { Vars } from '../elements/processor';
import { EngineError, invalid, invalidState, notFound } from '../errors';
import { MAX_TIMEOUT_MS } from '../limits';
import type { ElementInstanceRec, ProcessDefinitionRec, ProcessInstanceRec } from '../records';
import type { EngineState } from '../state';

/** Zeebe's gateway request timeout (`zeebe.gateway.cluster.requestTimeout`, default 15 s). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

export interface CreateProcessInstanceRequest {
  bpmnProcessId?: string;
  processDefinitionKey?: string;
  version?: number;
  variables?: Vars;
  tags?: unknown;
}

/** A validated creation: the definition, its none start event and the tags. */
export interface ProcessInstanceCreation {
  def: ProcessDefinitionRec;
  startEventId: string;
  variables: Vars;
  tags: string[];
}

/** What the process instance commands need: the stores, the instance behaviour they start with, termination. */
export interface ProcessInstanceProcessorDeps {
  readonly state: EngineState;
  readonly results: ProcessResultBehaviour;
  readonly instances: ProcessInstanceBehaviour;
  model(processDefinitionKey: string): ProcessModel;
  checkVariables(variables: unknown): void;
  terminate(ei: ElementInstanceRec): void;
}

export class ProcessInstanceProcessor {
  constructor(private readonly deps: ProcessInstanceProcessorDeps) {}

  /** Validates a creation as the gateway does: the definition (by key, or id and version) and its none start event. */
  prepareCreate(req: CreateProcessInstanceRequest): ProcessInstanceCreation {
    const { state } = this.deps;
    let def: ProcessDefinitionRec | undefined;
    if (req.processDefinitionKey) {
      def = state.deployment.processes.get(req.processDefinitionKey);
      if (!def) throw notFound('Process definition', req.processDefinitionKey);
    } else if (req.bpmnProcessId) {
      def =
        req.version !== undefined && req.version >= 0
          ? [...state.deployment.processes.values()].find(
              (p) => p.bpmnProcessId === req.bpmnProcessId && p.version === req.version,
            )
          : state.deployment.latestProcess(req.bpmnProcessId);
      if (!def) {
        throw new EngineError(
          404,
          'NOT_FOUND',
          `Expected to find process definition with process ID '${req.bpmnProcessId}', but none found`,
        );
      }
    } else {
      throw invalid('either processDefinitionId or processDefinitionKey is required');
    }
    const startEventId = this.deps.model(def.key).noneStartEventId;
    if (!startEventId)
      throw invalid(
        `process '${def.bpmnProcessId}' has no none start event; start it with a message or timer`,
      );
    this.deps.checkVariables(req.variables);
    const tags = processInstanceTags(req.tags);
    return { def, startEventId, variables: req.variables ?? {}, tags };
  }

  create(c: ProcessInstanceCreation, onStarted?: (pi: ProcessInstanceRec) => void): ProcessInstanceRec {
    const pi = this.deps.instances.start(c.def, c.startEventId, c.variables);
    if (c.tags.length) pi.tags = c.tags;
    onStarted?.(pi);
    return pi;
  }

  /**
   * Creation with awaitCompletion: answers when the instance completes, with its root-scope
   * variables (only `fetchVariables` when given); 504 DEADLINE_EXCEEDED after `requestTimeout` ms
   * (0 or unset: the gateway's request timeout), while the instance runs on. `create` runs the
   * creation command, calling back with the instance before it is committed.
   */
  awaitResult(
    opts: { fetchVariables?: string[]; requestTimeout?: number },
    create: (onStarted: (pi: ProcessInstanceRec) => void) => ProcessInstanceRec,
  ): Promise<{ instance: ProcessInstanceRec; variables: Vars }> {
    const { results } = this.deps;
    const timeoutMs =
      opts.requestTimeout && opts.requestTimeout > 0 ? opts.requestTimeout : DEFAULT_REQUEST_TIMEOUT_MS;
    let settle!: (outcome: InstanceOutcome) => void;
    const outcome = new Promise<InstanceOutcome>((resolve) => (settle = resolve));
    let started: string | undefined;
    let instance: ProcessInstanceRec;
    try {
      instance = create((pi) => {
        started = pi.key;
        results.await(pi.key, settle);
      });
    } catch (err) {
      // A rejected or rolled-back start leaves no one waiting.
      if (started) results.forget(started);
      throw err;
    }
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => {
          results.forget(instance.key);
          reject(
            new EngineError(
              504,
              'DEADLINE_EXCEEDED',
              `Expected to complete process instance '${instance.key}' within ${timeoutMs} ms (requestTimeout), but it is still running; it continues in the background`,
            ),
          );
        },
        Math.min(timeoutMs, MAX_TIMEOUT_MS),
      );
    });
    return Promise.race([outcome, deadline])
      .then((end) => {
        if (end.state === 'TERMINATED')
          throw invalidState(`process instance '${instance.key}' was terminated before it completed`);
        const wanted = opts.fetchVariables?.length ? new Set(opts.fetchVariables) : undefined;
        const variables = wanted
          ? Object.fromEntries(Object.entries(end.variables).filter(([n]) => wanted.has(n)))
          : end.variables;
        return { instance, variables };
      })
      .finally(() => clearTimeout(timer));
  }

  /** Only an active root instance can be cancelled (a child is cancelled with its root). */
  prepareCancel(key: string): void {
    const pi = this.deps.state.processInstances.get(key);
    if (!pi) throw notFound('Process instance', key);
    if (pi.state !== 'ACTIVE') throw notFound('Process instance', key);
    if (pi.parentProcessInstanceKey)
      throw invalidState(
        `process instance '${key}' is a child instance; cancel its root process instance instead`,
      );
  }

  cancel(key: string): void {
    const root = this.deps.state.elementInstances.get(key);
    if (!root) throw new Error(`no element instance '${key}'`);
    this.deps.terminate(root);
  }
}

/** The running instance a modification or migration names; NOT_FOUND as Zeebe answers otherwise. */
export function runningInstance(
  state: EngineState,
  key: string,
  action: 'modify' | 'migrate',
): ProcessInstanceRec {
  const pi = state.processInstances.get(key);
  if (!pi || pi.state !== 'ACTIVE')
    throw new EngineError(
      404,
      'NOT_FOUND',
      `Expected to ${action} process instance but no process instance found with key '${key}'`,
    );
  return pi;
}

/** Camunda 8.8 process-instance tags: at most this many per instance. */
export const MAX_TAGS = 10;
const TAG = /^[A-Za-z][A-Za-z0-9_\-:.]{0,99}$/;
const TAG_FORMAT =
  'Tags must start with a letter (a-z, A-Z), followed by alphanumerics, underscores, minuses, colons, or periods. It must not be blank and must be 100 characters or less.';

/** Validates tags as Zeebe's gateway does: a set (duplicates collapse), at most 10, each of the tag format. */
export function processInstanceTags(tags: unknown): string[] {
  if (tags === undefined || tags === null) return [];
  if (!Array.isArray(tags)) throw invalid("'tags' must be an array of strings");
  const set = [...new Set(tags)];
  const errors: string[] = [];
  if (set.length > MAX_TAGS)
    errors.push(
      `The provided number of tags '${set.length}' is not supported. Ensure to not add more than ${MAX_TAGS} tags.`,
    );
  for (const t of set) {
    if (typeof t !== 'string' || !TAG.test(t))
      errors.push(`The provided tag '${String(t).slice(0, 120)}' is not valid. ${TAG_FORMAT}`);
  }
  if (errors.length) throw invalid(errors.join(' '));
  return set as string[];
}
