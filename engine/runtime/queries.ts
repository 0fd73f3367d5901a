import type { SearchIndexReader } from '../store/search-index';
import type { EngineState } from './state';
import type {
  DecisionRec,
  DecisionRequirementsRec,
  ElementInstanceRec,
  FormRec,
  IncidentRec,
  JobRec,
  MessageRec,
  MessageSubscriptionRec,
  ProcessDefinitionRec,
  ProcessInstanceRec,
  UserTaskRec,
  VariableRec,
} from './records';

/**
 * How a read of the search tables treats commands run but not yet written (group commit):
 * `committed` reads the rows as last written, what every acknowledged command left (an answer
 * leaves only after its write), as Zeebe's search is eventually consistent, and never waits;
 * `latest` first writes the open commit group, so the read sees every command run so far.
 */
export type SearchRead = 'committed' | 'latest';

/**
 * Read-only queries over the engine's running state, for the REST layer, projections, tests and
 * benchmarks: nothing outside the runtime touches the stores. Finished instances are not here
 * (they are in the search tables, `searchTables`).
 */
export class EngineQueries {
  constructor(
    private readonly state: EngineState,
    private readonly searchTablesAs: (read: SearchRead) => SearchIndexReader,
  ) {}

  /** The search tables (running and finished instances): the one way to read them. */
  searchTables(read: SearchRead): SearchIndexReader {
    return this.searchTablesAs(read);
  }

  processDefinition(key: string): ProcessDefinitionRec | undefined {
    return this.state.deployment.processes.get(key);
  }

  processDefinitions(): ProcessDefinitionRec[] {
    return [...this.state.deployment.processes.values()];
  }

  form(key: string): FormRec | undefined {
    return this.state.deployment.forms.get(key);
  }

  decision(key: string): DecisionRec | undefined {
    return this.state.decision.decisions.get(key);
  }

  decisions(): DecisionRec[] {
    return [...this.state.decision.decisions.values()];
  }

  decisionRequirements(key: string): DecisionRequirementsRec | undefined {
    return this.state.decision.requirements.get(key);
  }

  allDecisionRequirements(): DecisionRequirementsRec[] {
    return [...this.state.decision.requirements.values()];
  }

  /** A running process instance (a finished one has left memory). */
  processInstance(key: string): ProcessInstanceRec | undefined {
    return this.state.processInstances.get(key);
  }

  processInstances(): ProcessInstanceRec[] {
    return [...this.state.processInstances.values()];
  }

  processInstanceCount(): number {
    return this.state.processInstances.size;
  }

  /** A running element instance's key and those of its flow scopes, innermost first, up to its process instance. */
  scopeChain(elementInstanceKey: string): string[] {
    return this.state.elementInstances.scopeChain(elementInstanceKey);
  }

  elementInstances(): ElementInstanceRec[] {
    return [...this.state.elementInstances.values()];
  }

  jobs(): JobRec[] {
    return [...this.state.jobs.values()];
  }

  job(key: string): JobRec | undefined {
    return this.state.jobs.get(key);
  }

  userTask(key: string): UserTaskRec | undefined {
    return this.state.userTasks.get(key);
  }

  /** Whether a user task is running (a finished one is in the search tables only). */
  hasUserTask(key: string): boolean {
    return this.state.userTasks.has(key);
  }

  userTasks(): UserTaskRec[] {
    return [...this.state.userTasks.values()];
  }

  variables(): VariableRec[] {
    return [...this.state.variables.values()];
  }

  incidents(): IncidentRec[] {
    return [...this.state.incidents.values()];
  }

  messages(): MessageRec[] {
    return [...this.state.message.messages.values()];
  }

  messageSubscriptions(): MessageSubscriptionRec[] {
    return [...this.state.message.subscriptions.values()];
  }
}
