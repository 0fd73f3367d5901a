/** The shared behaviours built over the state, and `BpmnBehaviours`, what the element processors receive (Zeebe's `BpmnBehaviorsImpl`). */
import type { ProcessModel } from '../../model/types';
import { elementProcessors } from '../elements';
import type { BpmnBehaviours, ElementProcessors, Vars } from '../elements/processor';
import { MultiInstanceBodyProcessor, multiInstanceBodyProcessor } from '../elements/multi-instance';
import { notFound } from '../errors';
import type { EngineLimits } from '../limits';
import type { EngineState } from '../state';
import { DecisionBehaviour } from './decisions';
import { EventPublicationBehaviour } from './event-publication';
import { EventSubscriptionBehaviour } from './event-subscriptions';
import { EventTriggerBehaviour } from './event-triggers';
import { ExpressionBehaviour } from './expressions';
import { IncidentBehaviour } from './incidents';
import { JobBehaviour } from './jobs';
import { ProcessInstanceBehaviour } from './process-instances';
import { ProcessResultBehaviour } from './process-results';
import { StateTransitionBehaviour } from './state-transitions';
import { VariableBehaviour } from './variables';

/** What the behaviours need from the engine: the stores, keys, clock, the command's agenda, and where their follow-up commands and search rows go. */
export interface BehaviourDeps {
  readonly state: EngineState;
  limits(): EngineLimits;
  nextKey(): string;
  now(): number;
  nowIso(): string;
  log(msg: string): void;
  /** Runs a step after the current one, in the same command. */
  later(step: () => void): void;
  /** Runs an answer once the running command is written. */
  afterCommit(deliver: () => void): void;
  /** A decision instance's row for the search tables, written with the command that evaluated it. */
  recordDecisionInstance(row: Record<string, unknown>): void;
  /**
   * A thrown signal's broadcast, run by the signal processor as the command's next step (Zeebe's
   * signal throw writes a SignalBroadcast command that its own processor handles).
   */
  broadcastSignal(name: string, variables: Vars): void;
  /** A message correlated to a subscription, for the search tables. */
  recordCorrelation(row: Record<string, unknown>): void;
}

export interface Behaviours {
  readonly vars: VariableBehaviour;
  readonly events: EventSubscriptionBehaviour;
  readonly results: ProcessResultBehaviour;
  readonly expressions: ExpressionBehaviour;
  readonly incidents: IncidentBehaviour;
  readonly transitions: StateTransitionBehaviour;
  readonly triggers: EventTriggerBehaviour;
  readonly publication: EventPublicationBehaviour;
  readonly decisions: DecisionBehaviour;
  readonly jobs: JobBehaviour;
  readonly instances: ProcessInstanceBehaviour;
  /** What the element processors receive. */
  readonly bpmn: BpmnBehaviours;
}

export function createBehaviours(deps: BehaviourDeps): Behaviours {
  const { state, nextKey, now, nowIso, later } = deps;
  const model = (key: string): ProcessModel => {
    const m = state.deployment.model(key);
    if (!m) throw notFound('Process definition', key);
    return m;
  };
  const vars = new VariableBehaviour(state, nextKey);
  const events = new EventSubscriptionBehaviour(state);
  const results = new ProcessResultBehaviour(deps.afterCommit);
  const expressions = new ExpressionBehaviour({ vars, limits: deps.limits, now });
  const incidents = new IncidentBehaviour({ state, nextKey, nowIso, log: deps.log });
  // The element processors are built over these behaviours, and the transitions run them.
  const built: { processors?: ElementProcessors; multiInstanceBody?: MultiInstanceBodyProcessor } = {};
  const transitions: StateTransitionBehaviour = new StateTransitionBehaviour({
    state,
    vars,
    events,
    expressions,
    incidents,
    results,
    nextKey,
    nowIso,
    model,
    later,
    processors: () => built.processors!,
    multiInstanceBody: () => built.multiInstanceBody!,
    openBoundaryEvents: (host, el) => triggers.openBoundaryEvents(host, el),
  });
  const triggers = new EventTriggerBehaviour({
    state,
    events,
    expressions,
    transitions,
    nextKey,
    now,
    nowIso,
    model,
    later,
    recordCorrelation: deps.recordCorrelation,
  });
  const publication = new EventPublicationBehaviour({
    state,
    vars,
    events,
    expressions,
    transitions,
    model,
    later,
    broadcastSignal: deps.broadcastSignal,
  });
  const decisions = new DecisionBehaviour({
    state,
    nextKey,
    feelOptions: () => expressions.feelOptions(),
    evalIn: (expr, scopeKey) => expressions.evalIn(expr, scopeKey),
    visibleVariables: (scopeKey) => vars.visible(scopeKey),
    nowIso,
    recordDecisionInstance: deps.recordDecisionInstance,
  });
  const instances = new ProcessInstanceBehaviour({ state, vars, transitions, triggers, nextKey, nowIso });
  const jobs = new JobBehaviour({ state, expressions, nextKey, nowIso });
  const bpmn: BpmnBehaviours = {
    state,
    vars,
    nextKey,
    nowIso,
    model,
    definition: (key) => {
      const def = state.deployment.processes.get(key);
      if (!def) throw notFound('Process definition', key);
      return def;
    },
    latestProcess: (id) => state.deployment.latestProcess(id),
    latestForm: (id) => state.deployment.latestForm(id),
    evalIn: (expr, scopeKey, extra) => expressions.evalIn(expr, scopeKey, extra),
    evalWith: (expr, v) => expressions.evalWith(expr, v),
    feelOptions: () => expressions.feelOptions(),
    visibleVariables: (scopeKey) => vars.visible(scopeKey),
    createElementInstance: (scope, elementId, extra) =>
      transitions.createElementInstance(scope, elementId, extra),
    activateLater: (ei) => transitions.activateLater(ei),
    completeActivity: (ei, variables, retrying, local) =>
      transitions.completeActivity(ei, variables, retrying, local),
    terminate: (ei) => transitions.terminate(ei),
    terminateChildren: (scope) => transitions.terminateChildren(scope),
    flowScopeOf: (ei) => transitions.flowScopeOf(ei),
    startInstance: (def, startElementId, variables, parent) =>
      instances.start(def, startElementId, variables, parent),
    openCatch: (owner, elementId, ev, kind, ctx, interrupting) =>
      triggers.openCatch(owner, elementId, ev, kind, ctx, interrupting),
    openBoundaryEvents: (host, el) => triggers.openBoundaryEvents(host, el),
    openEventSubProcesses: (scope) => triggers.openEventSubProcesses(scope),
    throwError: (source, code, message, variables) =>
      publication.throwError(source, code, message, variables),
    throwSignal: (ei, nameExpr) => publication.throwSignal(ei, nameExpr),
    raiseIncident: (ei, type, message, retry, jobKey) => incidents.raise(ei, type, message, retry, jobKey),
    createJob: (ei, def) => jobs.create(ei, def),
    cancelJob: (ei) => jobs.cancel(ei),
    evaluateCalledDecision: (ei, called) => decisions.evaluateCalled(ei, called),
  };
  built.processors = elementProcessors(bpmn);
  built.multiInstanceBody = multiInstanceBodyProcessor(bpmn);
  return {
    vars,
    events,
    results,
    expressions,
    incidents,
    transitions,
    triggers,
    publication,
    decisions,
    jobs,
    instances,
    bpmn,
  };
}
