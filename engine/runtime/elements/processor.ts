/** The element processors' contract and the behaviours they share, as Zeebe's `BpmnElementProcessor` and `BpmnBehaviors`. */
import type {
  Activity,
  CalledDecisionDefinition,
  CatchEventDefinition,
  ElementKind,
  ElementOfKind,
  FlowElement,
  JobDefinition,
  ProcessModel,
} from '../../model/types';
import type {
  ElementInstanceRec,
  FormRec,
  IncidentErrorType,
  IncidentRec,
  ProcessDefinitionRec,
  ProcessInstanceRec,
  SubscriptionKind,
} from '../records';
import type { FeelOptions } from '../../feel';
import type { EngineState } from '../state';
import type { VariableBehaviour } from '../behaviours/variables';

export type Vars = Record<string, unknown>;

/**
 * What an element of one kind does in its instance's life (Zeebe's `BpmnElementProcessor`):
 * activated, left along its outgoing flows, terminated with its scope.
 */
export interface ElementProcessor<E extends FlowElement> {
  /** The instance was created and its input mappings applied: do the element's work, or wait for it. */
  onActivate(el: E, ei: ElementInstanceRec): void;
  /** The instance completed: the outgoing flows to take (default: all). Throws when no flow can be chosen. */
  onLeave?(el: E, ei: ElementInstanceRec): string[];
  /** A token arrives over `flowId` in `scope`: whether to activate the element now (a join waits). */
  onArrive?(el: E, scope: ElementInstanceRec, flowId: string): boolean;
  /** The instance is terminated: release what it holds outside the element instance (job, task, child). */
  onTerminate?(el: E, ei: ElementInstanceRec): void;
}

/** One processor per element kind: a kind without a processor does not compile. */
export type ElementProcessors = { readonly [K in ElementKind]: ElementProcessor<ElementOfKind<K>> };

/** The behaviours the interpreter lends its element processors (Zeebe's `BpmnBehaviors`). */
export interface BpmnBehaviours {
  readonly state: EngineState;
  readonly vars: VariableBehaviour;
  nextKey(): string;
  nowIso(): string;
  model(processDefinitionKey: string): ProcessModel;
  definition(processDefinitionKey: string): ProcessDefinitionRec;
  latestProcess(bpmnProcessId: string): ProcessDefinitionRec | undefined;
  latestForm(formId: string): FormRec | undefined;
  /** Evaluates an expression (`=...`, else a literal) with the variables visible from a scope. */
  evalIn(expr: string, scopeKey: string, extra?: Vars): unknown;
  evalWith(expr: string, vars: Vars): unknown;
  feelOptions(): FeelOptions;
  visibleVariables(scopeKey: string): Vars;
  /** State transitions (Zeebe's `BpmnStateTransitionBehavior`). */
  createElementInstance(
    scope: ElementInstanceRec,
    elementId: string,
    extra?: Partial<ElementInstanceRec>,
  ): ElementInstanceRec;
  activateLater(ei: ElementInstanceRec): void;
  completeActivity(ei: ElementInstanceRec, variables: Vars, retrying?: boolean, local?: Vars): void;
  terminate(ei: ElementInstanceRec): void;
  terminateChildren(scope: ElementInstanceRec): void;
  flowScopeOf(ei: ElementInstanceRec): ElementInstanceRec;
  startInstance(
    def: ProcessDefinitionRec,
    startElementId: string,
    variables: Vars,
    parent?: ElementInstanceRec,
  ): ProcessInstanceRec;
  /** Event subscriptions (Zeebe's `BpmnEventSubscriptionBehavior`). */
  openCatch(
    owner: ElementInstanceRec,
    elementId: string,
    ev: CatchEventDefinition,
    kind: SubscriptionKind,
    ctx: ElementInstanceRec,
    interrupting?: boolean,
  ): void;
  openBoundaryEvents(host: ElementInstanceRec, el: Activity): void;
  openEventSubProcesses(scope: ElementInstanceRec): void;
  /** Events thrown (Zeebe's `BpmnEventPublicationBehavior`). */
  throwError(source: ElementInstanceRec, errorCode: string, errorMessage: string, variables: Vars): boolean;
  throwSignal(ei: ElementInstanceRec, nameExpr: string): void;
  /** Incidents (Zeebe's `BpmnIncidentBehavior`). */
  raiseIncident(
    ei: ElementInstanceRec,
    errorType: IncidentErrorType,
    errorMessage: string,
    retry: IncidentRec['retry'],
    jobKey?: string,
  ): void;
  /** Jobs (Zeebe's `BpmnJobBehavior`). */
  createJob(ei: ElementInstanceRec, def: JobDefinition): void;
  cancelJob(ei: ElementInstanceRec): void;
  /** Decisions (Zeebe's `BpmnDecisionBehavior`): the output of the called decision, or a StepFailure. */
  evaluateCalledDecision(ei: ElementInstanceRec, called: CalledDecisionDefinition): unknown;
}
