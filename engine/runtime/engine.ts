import { warmGate } from '../lint';
import { parseBpmn } from '../model/parse';
import { parseDmn } from '../dmn/parse';
import { ProcessModel } from '../model/types';
import { jsonBytesOver, RecordKind, RecordStore, RECORD_KINDS } from '../store/sqlite-store';
import { IndexChanges, SearchIndexReader, SearchKind } from '../store/search-index';
import * as project from './projections';
import { EngineState, INSTANCE_KINDS } from './state';
import { EngineQueries, SearchRead } from './queries';
import { createBehaviours } from './behaviours';
import { CommitPath, commitFailure } from './commit-group';
import { EngineError, invalid } from './errors';
import { DEFAULT_LIMITS, EngineLimits, MAX_TIMEOUT_MS } from './limits';
import { ActivatedJob, ActivateJobsRequest, JobProcessor } from './processors/job-processor';
import { JobLongPolls } from './processors/job-long-polls';
import { UserTaskChanges, UserTaskProcessor } from './processors/user-task-processor';
import { MessageProcessor, PublishMessageRequest } from './processors/message-processor';
import { SignalProcessor } from './processors/signal-processor';
import { IncidentProcessor } from './processors/incident-processor';
import { TimerProcessor } from './processors/timer-processor';
import type { DecisionEvaluation } from './behaviours/decisions';
import { DecisionProcessor } from './processors/decision-processor';
import { DeployResource, DeployResult, DeploymentProcessor } from './processors/deployment-processor';

export type { DeployResource, DeployResult } from './processors/deployment-processor';
import { VariableProcessor } from './processors/variable-processor';
import { ClockProcessor } from './processors/clock-processor';
import {
  CreateProcessInstanceRequest,
  ProcessInstanceProcessor,
} from './processors/process-instance-processor';
import {
  ModificationProcessor,
  ModifyProcessInstanceRequest,
} from './processors/process-instance-modification';
import { MigrateProcessInstanceRequest, MigrationProcessor } from './processors/process-instance-migration';

export {
  DEFAULT_REQUEST_TIMEOUT_MS,
  MAX_TAGS,
  processInstanceTags,
} from './processors/process-instance-processor';

export type { DecisionEvaluation } from './behaviours/decisions';

export type { ActivatedJob, ActivateJobsRequest } from './processors/job-processor';
import {
  DecisionRec,
  ElementInstanceRec,
  FormRec,
  IncidentRec,
  JobRec,
  MessageRec,
  ProcessDefinitionRec,
  ProcessInstanceRec,
  UserTaskRec,
  VariableRec,
} from './records';

/** Key space of partition 1, as Zeebe encodes it, so keys look like a real cluster's. */
const KEY_BASE = 2251799813685248n;

export interface EngineOptions {
  store: RecordStore;
  /** Whether deploy runs bpmnlint's camunda-cloud-8-8 rules (always on outside unit tests of the interpreter). */
  lint?: boolean;
  log?: (msg: string) => void;
  /** Size and time limits; each defaults to DEFAULT_LIMITS. */
  limits?: Partial<EngineLimits>;
  /**
   * Group commit: the commands of one event-loop turn are written in one transaction after the turn,
   * and their answers wait for it ({@link Engine.durable}). Off: each command commits before it returns.
   */
  groupCommit?: boolean;
  /**
   * How long a group stays open while requests wait to run (see {@link Engine.setBacklog}): at most
   * `turns` event-loop turns and `ms` milliseconds after it opened (default 8 turns, 2 ms; `GROUP_WINDOW`
   * in commit-group.ts).
   */
  groupWindow?: { turns: number; ms: number };
}

type Vars = Record<string, unknown>;

/**
 * An interpreter of Zeebe's documented BPMN semantics, as a facade: each public method checks its
 * request and runs one command processor inside `command`. Every command runs to quiescence in memory
 * and its changes are committed to the store before its answer leaves, so an acknowledged command is
 * durable. Time comes from `now()`, which the clock API can pin.
 */
export class Engine {
  /** The engine's time: the wall clock, or the time the clock API pinned. */
  private readonly clock = new ClockProcessor();
  /** Every record in memory, in stores whose writes all reach `markDirty`. */
  private readonly state = new EngineState((kind, key, rec, created) =>
    this.markDirty(kind, key, rec, created),
  );
  /** Read-only queries over the running state: how everything outside the runtime reads it. */
  readonly queries = new EngineQueries(this.state, (read) => this.searchTables(read));
  /** The shared behaviours (Zeebe's `BpmnBehaviors`), lent to the element and command processors. */
  private readonly behaviours = createBehaviours({
    state: this.state,
    limits: () => this.limits,
    nextKey: () => this.nextKey(),
    now: () => this.now(),
    nowIso: () => this.nowIso(),
    log: (msg) => this.log(msg),
    later: (step) => this.agenda.push(step),
    afterCommit: (deliver) => this.outcomes.push(deliver),
    recordDecisionInstance: (row) => this.decisionInstances.push(row),
    broadcastSignal: (name, variables) => this.signals.broadcast(name, variables),
    recordCorrelation: (row) => this.correlations.push(row),
  });
  private readonly vars = this.behaviours.vars;
  private readonly events = this.behaviours.events;
  private readonly results = this.behaviours.results;
  private readonly expressions = this.behaviours.expressions;
  private readonly transitions = this.behaviours.transitions;
  private readonly triggers = this.behaviours.triggers;
  private readonly publication = this.behaviours.publication;
  /** One processor per command family; `command` wraps each call (commit or roll back). */
  private readonly jobs = new JobProcessor({
    state: this.state,
    vars: this.vars,
    jobs: this.behaviours.jobs,
    now: () => this.now(),
    nowIso: () => this.nowIso(),
    visibleVariables: (scopeKey) => this.visibleVariables(scopeKey),
    instance: (key) => this.transitions.instance(key),
    completeLater: (ei, variables) =>
      this.agenda.push(() => this.transitions.completeActivity(ei, variables)),
    throwError: (source, code, message, variables) =>
      this.publication.throwError(source, code, message, variables),
    raiseIncident: (ei, type, message, retry, jobKey) =>
      this.behaviours.incidents.raise(ei, type, message, retry, jobKey),
  });
  private readonly userTasks = new UserTaskProcessor({
    state: this.state,
    history: () => this.queries.searchTables('committed'),
    nowIso: () => this.nowIso(),
    instance: (key) => this.transitions.instance(key),
    completeLater: (ei, variables) =>
      this.agenda.push(() => this.transitions.completeActivity(ei, variables)),
  });
  private readonly messages = new MessageProcessor({
    state: this.state,
    vars: this.vars,
    nextKey: () => this.nextKey(),
    now: () => this.now(),
    nowIso: () => this.nowIso(),
    model: (key) => this.model(key),
    startInstance: (def, startElementId, variables, parent, correlationKey) =>
      this.behaviours.instances.start(def, startElementId, variables, parent, correlationKey),
    triggerSubscription: (sub, msg) => this.triggers.triggerSubscription(sub, msg),
    recordCorrelation: (row) => this.correlations.push(row),
  });
  private readonly signals = new SignalProcessor({
    state: this.state,
    vars: this.vars,
    model: (key) => this.model(key),
    startInstance: (def, startElementId, variables) =>
      this.behaviours.instances.start(def, startElementId, variables),
    triggerSubscription: (sub, msg) => this.triggers.triggerSubscription(sub, msg),
  });
  private readonly incidents = new IncidentProcessor({
    state: this.state,
    incidentIfNoRetries: (job, ei) => this.jobs.incidentIfNoRetries(job, ei),
    activateLater: (ei) => this.transitions.activateLater(ei),
    recompleteLater: (ei) => this.agenda.push(() => this.transitions.completeActivity(ei, {}, true)),
    leaveLater: (ei) => this.agenda.push(() => this.transitions.leave(ei)),
  });
  private readonly timers = new TimerProcessor({
    state: this.state,
    events: this.events,
    nextKey: () => this.nextKey(),
    now: () => this.now(),
    model: (key) => this.model(key),
    latestProcess: (id) => this.latestProcess(id),
    startInstance: (def, startElementId, variables) =>
      this.behaviours.instances.start(def, startElementId, variables),
    evalWith: (expr, vars) => this.expressions.evalWith(expr, vars),
    fire: (kind, owner, eventId, variables, interrupting) =>
      this.triggers.fire(kind, owner, eventId, variables, interrupting),
    runAgenda: () => {
      for (let next = this.agenda.shift(); next; next = this.agenda.shift()) next();
    },
  });
  private readonly decisions = new DecisionProcessor({
    state: this.state,
    decisions: this.behaviours.decisions,
  });
  private readonly processInstances = new ProcessInstanceProcessor({
    state: this.state,
    results: this.results,
    instances: this.behaviours.instances,
    model: (key) => this.model(key),
    checkVariables: (v) => this.checkVariables(v),
    terminate: (ei) => this.transitions.terminate(ei),
  });
  private readonly modification = new ModificationProcessor({
    state: this.state,
    vars: this.vars,
    model: (key) => this.model(key),
    checkVariables: (v) => this.checkVariables(v),
    createElementInstance: (scope, elementId) => this.transitions.createElementInstance(scope, elementId),
    activateLater: (ei) => this.transitions.activateLater(ei),
    terminate: (ei) => this.transitions.terminate(ei),
  });
  private readonly migration = new MigrationProcessor({
    state: this.state,
    events: this.events,
    model: (key) => this.model(key),
    flowScopeOf: (ei) => this.transitions.flowScopeOf(ei),
    openBoundaryEvents: (host, el) => this.triggers.openBoundaryEvents(host, el),
    openEventSubProcesses: (scope) => this.triggers.openEventSubProcesses(scope),
  });
  private readonly deployments = new DeploymentProcessor({
    state: this.state,
    timers: this.timers,
    lint: () => this.lint,
    nextKey: () => this.nextKey(),
    nowIso: () => this.nowIso(),
    log: (msg) => this.log(msg),
  });
  private readonly variables = new VariableProcessor({ state: this.state, vars: this.vars });
  private readonly longPolls = new JobLongPolls();
  /** Outcomes of awaited instances in the running command, delivered once it is committed. */
  private outcomes: (() => void)[] = [];
  /** Correlations of messages to subscriptions in the running command, for the search tables. */
  private correlations: Record<string, unknown>[] = [];
  /** Decision instances evaluated in the running command, for the search tables. */
  private decisionInstances: Record<string, unknown>[] = [];
  private readonly dirty = new Map<RecordKind, Map<string, unknown | null>>();
  /** Keys the running command added (never stored): deleted again before it ends, they are not written at all. */
  private readonly created = new Map<RecordKind, Set<string>>();
  /** Where a command's records go once it ran: the open commit group, its window and its write. */
  private readonly commits: CommitPath;
  private readonly agenda: (() => void)[] = [];
  private readonly store: RecordStore;
  private readonly lint: boolean;
  private readonly log: (msg: string) => void;
  private keyCounter = 0n;
  private tick: NodeJS.Timeout | undefined;
  private tickAt = Infinity;
  private closed = false;
  private draining = false;
  readonly limits: EngineLimits;
  /** Requests refused by back-pressure since start (for tests, benchmarks and health). */
  readonly counters = { rejectedByBackPressure: 0 };

  constructor(opts: EngineOptions) {
    this.store = opts.store;
    this.lint = opts.lint ?? true;
    this.log = opts.log ?? (() => undefined);
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
    this.commits = new CommitPath(
      {
        store: this.store,
        grouped: opts.groupCommit ?? false,
        window: opts.groupWindow,
        maxMessageBytes: () => this.limits.maxMessageBytes,
      },
      {
        restore: (kind, key, stored) => this.state.table(kind).restore(key, stored as { key: string }),
        reload: () => this.reloadDerived(),
        writeFailed: (err) => {
          // Due timers wait a second before the next attempt, as after a failed tick.
          if (this.retryTicksAt === 0) this.log(`commit failed: ${(err as Error).message}`);
          this.retryTicksAt = Date.now() + 1000;
        },
        schedule: () => this.schedule(),
      },
    );
  }

  /** Loads persisted state (async only because diagrams are re-parsed), then arms timers. */
  async start(): Promise<void> {
    const all = this.store.loadAll();
    for (const kind of RECORD_KINDS) {
      const table = this.state.table(kind);
      for (const [k, v] of all.get(kind)!) table.restore(k, v as { key: string });
    }
    this.loadMeta();
    for (const def of this.state.deployment.processes.values()) {
      const parsed = await parseBpmn(def.xml, def.resourceName);
      const model = parsed.processes.find((p) => p.bpmnProcessId === def.bpmnProcessId);
      if (model) this.state.deployment.setModel(def.key, model);
    }
    for (const drg of this.state.decision.requirements.values())
      this.state.decision.setDrg(drg.key, await parseDmn(drg.xml, drg.resourceName));
    this.state.rebuildIndexes();
    if (this.store.getMeta('searchIndex') !== '1') {
      // A store written before the search tables existed: index what it holds; finished instances leave memory.
      for (const kind of [...INSTANCE_KINDS, 'processInstance'] as const)
        for (const v of this.state.table(kind).values()) this.markDirty(kind, v.key, v);
      this.flush();
      this.commits.commitGroup();
      this.store.commit(new Map(), { searchIndex: '1' });
    }
    // The deploy gate's rules load now, not inside the first deployment while requests wait.
    if (this.lint) await warmGate();
    this.schedule();
  }

  private loadMeta(): void {
    this.loadVersionFloor();
    this.keyCounter = BigInt(this.commits.metaValue('keyCounter') ?? '0');
    this.clock.load(this.commits.metaValue('pinnedClock'));
    this.lastMeta = {};
  }

  /**
   * Undoes every in-memory change since the last successful commit: each record the failed command
   * touched is read back as stored (or dropped when it was new), and the derived indexes are rebuilt.
   * A command that fails, whether refused or not written (disk full), thus leaves no trace.
   */
  private rollback(): void {
    this.agenda.length = 0;
    this.outcomes.length = 0;
    this.correlations = [];
    this.decisionInstances = [];
    if (this.dirty.size > 0) {
      for (const [kind, rows] of this.dirty) {
        const table = this.state.table(kind);
        for (const key of rows.keys())
          table.restore(key, this.commits.lastWritten(kind, key) as { key: string });
      }
      this.dirty.clear();
      this.reloadDerived();
    } else this.loadMeta();
    this.created.clear();
  }

  /**
   * After records were put back as stored (a refused command, a failed group write): drops the
   * parsed models of definitions no longer there, rebuilds the indexes over the records, and reads
   * the meta values (version floor, key counter, clock) as the last command left them.
   */
  private reloadDerived(): void {
    this.state.deployment.pruneModels();
    this.state.decision.pruneModels();
    this.state.rebuildIndexes();
    this.loadMeta();
  }

  /**
   * The search tables, read as `read` says ({@link SearchRead}); reached through
   * `queries.searchTables`. A `latest` read inside a running command, or with changes not yet
   * staged, does not write the group (the group is written at the end of the turn anyway).
   */
  private searchTables(read: SearchRead): SearchIndexReader {
    if (read === 'latest' && !this.draining && this.dirty.size === 0) this.commits.commitGroup();
    return this.store.index;
  }

  /**
   * Resolves once every command run so far is written (undefined when nothing waits); rejects with
   * the write's failure, in which case none of those commands left a trace.
   */
  durable(): Promise<void> | undefined {
    return this.commits.durable();
  }

  /**
   * Tells the engine how many requests wait to run (the REST layer's command queue): an open group
   * waits for them (see `GROUP_WINDOW` in commit-group.ts).
   */
  setBacklog(waiting: () => number): void {
    this.commits.setBacklog(waiting);
  }

  close(): void {
    this.commits.commitGroup();
    this.closed = true;
    if (this.tick) clearTimeout(this.tick);
    this.longPolls.closeAll();
    this.results.closeAll();
    this.store.close();
  }

  // ---------------------------------------------------------------- clock

  now(): number {
    return this.clock.now();
  }

  isClockPinned(): boolean {
    return this.clock.isPinned();
  }

  /** The engine time as ISO 8601; a command reads it for every record it writes, so one string per millisecond. */
  nowIso(): string {
    const t = this.now();
    if (t !== this.isoAt) {
      this.isoAt = t;
      this.iso = new Date(t).toISOString();
    }
    return this.iso;
  }
  private isoAt = Number.NaN;
  private iso = '';

  pinClock(timestampMs: number): void {
    this.clock.checkPin(timestampMs);
    this.command(() => this.clock.pin(timestampMs));
  }

  resetClock(): void {
    this.command(() => this.clock.reset());
  }

  // ---------------------------------------------------------------- deployment

  async deploy(resources: DeployResource[]): Promise<DeployResult> {
    const parsed = await this.deployments.prepare(resources);
    return this.command(() => this.deployments.deploy(parsed));
  }

  /**
   * Deletes a deployed process definition or form (POST /v2/resources/{key}/deletion). As Zeebe:
   * a process definition with running instances is refused (INVALID_STATE); deleting the latest
   * version makes the previous one the latest again; a version number is never reused.
   */
  deleteResource(key: string): void {
    this.deployments.prepareDeletion(key);
    this.command(() => this.deployments.deleteResource(key));
  }

  private loadVersionFloor(): void {
    this.deployments.loadVersionFloor(this.commits.metaValue('deletedVersions'));
  }

  latestProcess(bpmnProcessId: string): ProcessDefinitionRec | undefined {
    return this.state.deployment.latestProcess(bpmnProcessId);
  }

  latestForm(formId: string): FormRec | undefined {
    return this.state.deployment.latestForm(formId);
  }

  model(processDefinitionKey: string): ProcessModel {
    return this.behaviours.bpmn.model(processDefinitionKey);
  }

  // ---------------------------------------------------------------- decisions

  latestDecision(decisionId: string): DecisionRec | undefined {
    return this.state.decision.latestDecision(decisionId);
  }

  /**
   * POST /v2/decision-definitions/evaluation: the latest version of a decision id, or one decision
   * by key. An unknown decision is refused; a failed evaluation is answered with its failure.
   */
  evaluateDecisionDefinition(req: {
    decisionDefinitionKey?: string;
    decisionDefinitionId?: string;
    variables?: Vars;
  }): DecisionEvaluation {
    this.checkVariables(req.variables);
    const found = this.decisions.find(req);
    return this.command(() => this.decisions.evaluate(found, req.variables ?? {}));
  }

  // ---------------------------------------------------------------- process instances

  createProcessInstance(
    req: CreateProcessInstanceRequest,
    onStarted?: (pi: ProcessInstanceRec) => void,
  ): ProcessInstanceRec {
    const creation = this.processInstances.prepareCreate(req);
    return this.command(() => this.processInstances.create(creation, onStarted));
  }

  /**
   * createProcessInstance with awaitCompletion: answers when the instance completes, with its
   * root-scope variables (only `fetchVariables` when given); 504 DEADLINE_EXCEEDED after
   * `requestTimeout` ms (0 or unset: the gateway's request timeout), while the instance runs on.
   */
  createProcessInstanceAwaiting(
    req: CreateProcessInstanceRequest,
    opts: { fetchVariables?: string[]; requestTimeout?: number },
  ): Promise<{ instance: ProcessInstanceRec; variables: Vars }> {
    return this.processInstances.awaitResult(opts, (onStarted) => this.createProcessInstance(req, onStarted));
  }

  cancelProcessInstance(key: string): void {
    this.processInstances.prepareCancel(key);
    this.command(() => this.processInstances.cancel(key));
  }

  /** Process-instance modification (POST /v2/process-instances/{key}/modification), as Zeebe applies it. */
  modifyProcessInstance(key: string, req: ModifyProcessInstanceRequest): void {
    const modification = this.modification.prepare(key, req);
    this.command(() => this.modification.modify(modification));
  }

  /** Process-instance migration (POST /v2/process-instances/{key}/migration), as Zeebe validates it. */
  migrateProcessInstance(key: string, req: MigrateProcessInstanceRequest): void {
    const migration = this.migration.prepare(key, req);
    this.command(() => this.migration.migrate(migration));
  }

  // ---------------------------------------------------------------- messages

  publishMessage(req: PublishMessageRequest): MessageRec {
    if (!req.name) throw invalid('message name is required');
    this.checkVariables(req.variables);
    const ttl = req.timeToLive ?? 0;
    if (!Number.isFinite(ttl) || ttl < 0)
      throw invalid('timeToLive must be a non-negative number of milliseconds');
    return this.command(() => this.messages.publish(req));
  }

  /** Correlates immediately to one subscription or start event; no buffering. */
  correlateMessage(req: { name: string; correlationKey?: string; variables?: Vars }): {
    messageKey: string;
    processInstanceKey: string;
  } {
    if (!req.name) throw invalid('message name is required');
    this.checkVariables(req.variables);
    return this.command(() => this.messages.correlateNow(req));
  }

  /**
   * POST /v2/signals/broadcast: triggers every open signal subscription of that name (catch events,
   * boundary events, event sub-processes) and starts every latest definition with a signal start
   * event of that name. Signals are not buffered: nothing waits for a later subscription.
   */
  broadcastSignal(req: { signalName?: unknown; variables?: Vars }): { signalKey: string } {
    if (typeof req.signalName !== 'string' || req.signalName === '') throw invalid('No signalName provided.');
    this.checkVariables(req.variables);
    return this.command(() => {
      const signalKey = this.nextKey();
      this.signals.broadcast(String(req.signalName), req.variables ?? {});
      return { signalKey };
    });
  }

  // ---------------------------------------------------------------- jobs

  activateJobs(req: ActivateJobsRequest): Promise<ActivatedJob[]> {
    if (!req.type) throw invalid('job type is required');
    if (!(req.maxJobsToActivate > 0)) throw invalid('maxJobsToActivate must be greater than 0');
    if (!(req.timeout > 0)) throw invalid('timeout must be greater than 0');
    const jobs = this.command(() => this.jobs.activate(req));
    const wait = req.requestTimeout ?? 0;
    if (jobs.length > 0 || wait < 0 || this.closed)
      return this.durable()?.then(() => jobs) ?? Promise.resolve(jobs);
    if (req.signal?.aborted) return Promise.resolve([]);
    const waiting = this.longPolls.wait(req, wait);
    // Jobs of its type in back-off wake the engine when their back-off ends.
    this.schedule();
    return waiting;
  }

  /**
   * Jobs handed to a worker whose answer could not be delivered (its connection closed) are
   * activatable again at once, as Zeebe's gateway yields them, instead of after their timeout.
   */
  yieldJobs(handedOut: readonly ActivatedJob[]): void {
    this.command(() => this.jobs.yield(handedOut));
  }

  completeJob(key: string, variables?: Vars): void {
    this.checkVariables(variables);
    this.command(() => this.jobs.complete(key, variables));
  }

  failJob(
    key: string,
    req: { retries: number; errorMessage?: string; retryBackOff?: number; variables?: Vars },
  ): void {
    this.checkVariables(req.variables);
    if (!Number.isInteger(req.retries)) throw invalid('retries must be an integer');
    this.command(() => this.jobs.fail(key, req));
  }

  throwJobError(key: string, req: { errorCode: string; errorMessage?: string; variables?: Vars }): void {
    if (!req.errorCode) throw invalid('errorCode is required');
    this.checkVariables(req.variables);
    this.command(() => this.jobs.throwError(key, req));
  }

  updateJob(key: string, changes: { retries?: number; timeout?: number }): void {
    this.command(() => this.jobs.update(key, changes));
  }

  // ---------------------------------------------------------------- user tasks

  assignUserTask(key: string, assignee: string, allowOverride = true): void {
    if (!assignee) throw invalid('assignee is required');
    this.command(() => this.userTasks.assign(key, assignee, allowOverride));
  }

  unassignUserTask(key: string): void {
    this.command(() => this.userTasks.unassign(key));
  }

  updateUserTask(key: string, changes: UserTaskChanges): void {
    this.command(() => this.userTasks.update(key, changes));
  }

  completeUserTask(key: string, variables?: Vars): void {
    this.checkVariables(variables);
    this.command(() => this.userTasks.complete(key, variables));
  }

  // ---------------------------------------------------------------- incidents and variables

  resolveIncident(key: string): void {
    this.command(() => this.incidents.resolve(key));
  }

  setVariables(elementInstanceKey: string, variables: Vars, local = false): void {
    this.checkVariables(variables);
    this.command(() => this.variables.set(elementInstanceKey, variables, local));
  }

  /** The records of the variables visible from a scope, inner scopes shadowing outer ones. */
  visibleVariableRecords(scopeKey: string): VariableRec[] {
    return this.vars.visibleRecords(scopeKey);
  }

  /** All variables visible from a scope, inner scopes shadowing outer ones. */
  visibleVariables(scopeKey: string): Vars {
    return this.vars.visible(scopeKey);
  }

  // ---------------------------------------------------------------- requests

  /** A command's variables: a JSON object no larger than the message size limit. */
  private checkVariables(v: unknown): void {
    if (v === undefined || v === null) return;
    if (typeof v !== 'object' || Array.isArray(v)) throw invalid('variables must be a JSON object');
    const bytes = jsonBytesOver(JSON.stringify(v), this.limits.maxMessageBytes);
    if (bytes !== undefined)
      throw invalid(
        `the variables are ${bytes} bytes, more than the limit of ${this.limits.maxMessageBytes} bytes (ENGINE_MAX_MESSAGE_SIZE)`,
      );
  }

  // ---------------------------------------------------------------- command loop and time

  /**
   * Runs a command and everything it causes, then commits. A command that throws, or whose commit
   * fails (a record over the size limit, a full disk), is rolled back: it leaves no trace in memory,
   * so nothing of it is written later and a client's retry cannot duplicate it.
   */
  private command<T>(fn: () => T): T {
    if (this.closed) throw new EngineError(503, 'UNAVAILABLE', 'the engine is shutting down');
    let result: T;
    try {
      result = fn();
      this.drain();
    } catch (err) {
      this.rollback();
      this.schedule();
      throw commitFailure(err);
    }
    return result;
  }

  private drain(): void {
    if (this.draining) return;
    this.draining = true;
    let served: ((undo?: boolean) => void)[] = [];
    try {
      for (let guard = 0; guard < 1000; guard++) {
        for (let next = this.agenda.shift(); next; next = this.agenda.shift()) next();
        if (!this.fireDue()) break;
      }
      served = this.longPolls.serve((req) => this.jobs.activate(req));
      this.flush();
    } catch (err) {
      // Jobs taken for waiting workers are rolled back with the rest; the workers wait on.
      for (const requeue of served) requeue(true);
      throw err;
    } finally {
      this.draining = false;
    }
    // Answers wait for the group's write; a failed write puts the workers back in the queue.
    this.commits.release(
      [...served, ...this.outcomes.splice(0)],
      served.map((requeue) => () => requeue(true)),
    );
    this.schedule();
  }

  /** Fires due timers and times out expired jobs; true when something happened. */
  private fireDue(): boolean {
    const now = this.now();
    let any = false;
    if (this.timers.fireDue(now)) any = true;
    if (this.jobs.timeOutExpired(now)) any = true;
    return any;
  }

  private nextWakeUp(): number {
    let next = Math.min(this.state.timers.minDue, this.state.jobs.minDeadline);
    if (this.longPolls.size > 0) {
      for (const type of this.longPolls.types()) {
        for (const k of this.state.jobs.openOfType(type)) {
          const j = this.state.jobs.get(k)!;
          if (j.notBefore !== undefined && j.notBefore < next) next = j.notBefore;
        }
      }
    }
    return next;
  }

  /** Arms one host timer for the next due event; chunks long waits (Node caps setTimeout at ~24.8 days). */
  private schedule(): void {
    if (this.closed) return;
    const next = this.nextWakeUp();
    if (next === Infinity) {
      if (this.tick) clearTimeout(this.tick);
      this.tick = undefined;
      this.tickAt = Infinity;
      return;
    }
    if (this.tick && this.tickAt <= next) return;
    if (this.tick) clearTimeout(this.tick);
    // With a pinned clock time does not pass on its own; only clock commands move it.
    // After a failed tick (a full disk) due work waits a second instead of failing in a tight loop.
    const delay = Math.max(
      this.clock.isPinned() ? 60_000 : Math.min(Math.max(next - Date.now(), 0), 60_000, MAX_TIMEOUT_MS),
      this.retryTicksAt - Date.now(),
    );
    this.tickAt = this.clock.isPinned() ? Infinity : Math.max(next, this.retryTicksAt);
    this.tick = setTimeout(() => {
      this.tick = undefined;
      this.tickAt = Infinity;
      try {
        this.command(() => undefined);
        this.retryTicksAt = 0;
      } catch (err) {
        if (this.retryTicksAt === 0) this.log(`timer processing failed: ${(err as Error).message}`);
        this.retryTicksAt = Date.now() + 1000;
        if (this.tick) clearTimeout(this.tick);
        this.tick = undefined;
        this.tickAt = Infinity;
        this.schedule();
      }
    }, delay);
    this.tick.unref?.();
  }

  /** Gives waiting activation requests a chance after back-off periods end. */
  poke(): void {
    this.command(() => undefined);
  }

  // ---------------------------------------------------------------- bookkeeping

  private nextKey(): string {
    this.keyCounter += 1n;
    return (KEY_BASE + this.keyCounter).toString();
  }

  private hasActiveIncident(processInstanceKey: string): boolean {
    for (const k of this.state.processInstances.recordsOf(processInstanceKey, 'incident'))
      if (this.state.incidents.get(k)?.state === 'ACTIVE') return true;
    return false;
  }

  /** The API rows of what this command changed, for the search tables. */
  private projectDirty(): IndexChanges {
    const out: IndexChanges = new Map();
    const row = (kind: SearchKind, key: string, doc: Record<string, unknown>) => {
      let m = out.get(kind);
      if (!m) out.set(kind, (m = new Map()));
      m.set(key, doc);
    };
    const instances = new Set<string>();
    for (const [kind, rows] of this.dirty) {
      for (const [key, rec] of rows) {
        if (rec === null) continue;
        switch (kind) {
          case 'processInstance':
            instances.add(key);
            break;
          case 'elementInstance':
            if ((rec as ElementInstanceRec).type !== 'PROCESS')
              row(kind, key, project.toElementInstance(this, rec as ElementInstanceRec));
            break;
          case 'variable':
            row(kind, key, project.toVariable(rec as VariableRec));
            break;
          case 'job':
            row(kind, key, project.toJob(rec as JobRec));
            break;
          case 'userTask':
            row(kind, key, project.toUserTask(this, rec as UserTaskRec));
            break;
          case 'incident':
            row(kind, key, project.toIncident(rec as IncidentRec));
            instances.add((rec as IncidentRec).processInstanceKey);
            break;
        }
      }
    }
    for (const k of instances) {
      const pi = this.state.processInstances.get(k);
      if (pi) row('processInstance', k, project.toProcessInstance(this, pi, this.hasActiveIncident(k)));
    }
    for (const c of this.correlations)
      row('correlatedMessageSubscription', `${String(c.messageKey)}:${String(c.subscriptionKey)}`, c);
    for (const d of this.decisionInstances)
      row('decisionInstance', String(d.decisionEvaluationInstanceKey), d);
    return out;
  }

  private markDirty(kind: RecordKind, key: string, rec: unknown | null, created = false): void {
    let m = this.dirty.get(kind);
    if (!m) this.dirty.set(kind, (m = new Map()));
    m.set(key, rec);
    if (created) {
      let c = this.created.get(kind);
      if (!c) this.created.set(kind, (c = new Set()));
      c.add(key);
    }
  }

  /** Records the running command both added and deleted: never stored, so there is nothing to write. */
  private dropTransient(): void {
    for (const [kind, keys] of this.created) {
      const rows = this.dirty.get(kind);
      if (rows) for (const key of keys) if (rows.get(key) === null) rows.delete(key);
    }
    this.created.clear();
  }

  private flush(): void {
    const meta: Record<string, string> = { keyCounter: this.keyCounter.toString() };
    meta.pinnedClock = this.clock.stored();
    meta.deletedVersions = this.deployments.versionFloorJson();
    // Only the values that changed since the last write (all of them after a rollback).
    const changed: Record<string, string> = {};
    let anyChanged = false;
    for (const name in meta)
      if (this.lastMeta[name] !== meta[name]) {
        changed[name] = meta[name];
        anyChanged = true;
      }
    if (this.dirty.size === 0 && !anyChanged) return;
    const index = this.projectDirty();
    this.state.evictFinished(this.dirty);
    this.dropTransient();
    this.commits.write(this.dirty, changed, index);
    this.lastMeta = meta;
    this.dirty.clear();
    this.correlations = [];
    this.decisionInstances = [];
  }
  /** The meta values as last written (or staged); empty after a rollback, so all are written again. */
  private lastMeta: Record<string, string> = {};
  private retryTicksAt = 0;

  /** Number of element instances waiting in the engine (for benchmarks and health). */
  stats(): { processInstances: number; activeProcessInstances: number; openJobs: number; timers: number } {
    let active = 0;
    for (const pi of this.state.processInstances.values()) if (pi.state === 'ACTIVE') active++;
    const openJobs = this.state.jobs.openCount();
    return {
      processInstances: this.state.processInstances.size,
      activeProcessInstances: active,
      openJobs,
      timers: this.state.timers.size,
    };
  }
}
