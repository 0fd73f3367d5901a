import type { ProcessModel } from '../../model/types';
import type { DeploymentRec, FormRec, ProcessDefinitionRec } from '../records';
import { DirtyHook, RecordTable } from './table';

/** Deployed resources (Zeebe's deployment and process state): deployments, process definitions with their parsed models, forms. */
export class DeploymentState {
  readonly deployments: RecordTable<DeploymentRec>;
  readonly processes: RecordTable<ProcessDefinitionRec>;
  readonly forms: RecordTable<FormRec>;
  /** Parsed diagrams by process definition key (derived: re-parsed at start). */
  private readonly models = new Map<string, ProcessModel>();

  constructor(dirty: DirtyHook) {
    this.deployments = new RecordTable('deployment', dirty);
    this.processes = new RecordTable('process', dirty);
    this.forms = new RecordTable('form', dirty);
  }

  model(processDefinitionKey: string): ProcessModel | undefined {
    return this.models.get(processDefinitionKey);
  }

  setModel(processDefinitionKey: string, model: ProcessModel): void {
    this.models.set(processDefinitionKey, model);
  }

  /** Forgets the models of definitions that are no longer held (after a rollback). */
  pruneModels(): void {
    for (const key of [...this.models.keys()]) if (!this.processes.has(key)) this.models.delete(key);
  }

  latestProcess(bpmnProcessId: string): ProcessDefinitionRec | undefined {
    let best: ProcessDefinitionRec | undefined;
    for (const p of this.processes.values())
      if (p.bpmnProcessId === bpmnProcessId && (!best || p.version > best.version)) best = p;
    return best;
  }

  latestForm(formId: string): FormRec | undefined {
    let best: FormRec | undefined;
    for (const f of this.forms.values())
      if (f.formId === formId && (!best || f.version > best.version)) best = f;
    return best;
  }
}
