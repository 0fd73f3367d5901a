/** Deployment commands (Zeebe's DeploymentCreateProcessor, ResourceDeletionProcessor): validate and store resources, delete them. */
import { createHash } from 'node:crypto';
import { gateDiagram } from '../../lint';
import { parseBpmn } from '../../model/parse';
import { DrgModel, parseDmn } from '../../dmn/parse';
import { ProcessModel, UnsupportedModelError } from '../../model/types';
import { EngineError, invalid, invalidState } from '../errors';
import type { DecisionRec, DecisionRequirementsRec, FormRec, ProcessDefinitionRec } from '../records';
import type { EngineState } from '../state';
import type { TimerProcessor } from './timer-processor';

export interface DeployResource {
  name: string;
  content: string;
}

export interface DeployResult {
  deploymentKey: string;
  processes: ProcessDefinitionRec[];
  forms: FormRec[];
  decisionRequirements: DecisionRequirementsRec[];
  decisions: DecisionRec[];
}

/** A deployment whose every resource was read and validated: what the command stores. */
export interface ParsedDeployment {
  processes: { model: ProcessModel; xml: string; name: string; checksum: string }[];
  forms: { formId: string; schema: string; name: string; checksum: string }[];
  drgs: { model: DrgModel; xml: string; name: string; checksum: string }[];
}

/** What a deployment needs: the stores, keys and clock, and the timer start events it arms. */
export interface DeploymentProcessorDeps {
  readonly state: EngineState;
  readonly timers: Pick<TimerProcessor, 'openStartTimers' | 'closeStartTimers'>;
  /** Whether deploy runs bpmnlint's camunda-cloud-8-8 rules. */
  lint(): boolean;
  nextKey(): string;
  nowIso(): string;
  log(msg: string): void;
}

export class DeploymentProcessor {
  /** Highest version of each deleted process (`process:<id>`) or form (`form:<id>`): never reused. */
  private readonly versionFloor = new Map<string, number>();

  constructor(private readonly deps: DeploymentProcessorDeps) {}

  /** Reads the deleted versions as stored (meta `deletedVersions`), at start and after a rollback. */
  loadVersionFloor(stored: string | undefined): void {
    this.versionFloor.clear();
    if (stored)
      for (const [k, v] of Object.entries(JSON.parse(stored) as Record<string, number>))
        this.versionFloor.set(k, v);
  }

  /** The deleted versions as the store keeps them. */
  versionFloorJson(): string {
    return JSON.stringify(Object.fromEntries(this.versionFloor));
  }

  /** Reads and validates every resource; Zeebe rejects the deployment with all findings at once. */
  async prepare(resources: DeployResource[]): Promise<ParsedDeployment> {
    if (resources.length === 0) throw invalid('a deployment needs at least one resource');
    const parsed: ParsedDeployment = { processes: [], forms: [], drgs: [] };
    const rejected: string[] = [];
    for (const r of resources) {
      if (r.name.endsWith('.bpmn')) {
        if (this.deps.lint()) {
          const gate = await gateDiagram(r.content);
          const unreadable = gate.find((p) => p.rule === 'parse' && p.severity === 'error');
          if (unreadable) {
            rejected.push(`'${r.name}': ${unreadable.message}`);
            continue;
          }
          const problems = gate.filter((p) => p.severity === 'error');
          if (problems.length) {
            rejected.push(`'${r.name}': ${zeebeFindings(problems)}`);
            continue;
          }
        }
        let bpmn;
        try {
          bpmn = await parseBpmn(r.content, r.name);
        } catch (err) {
          if (!(err instanceof UnsupportedModelError)) throw err;
          rejected.push(`'${r.name}': ${zeebeFindings(err.problems)}`);
          continue;
        }
        for (const model of bpmn.processes)
          parsed.processes.push({ model, xml: r.content, name: r.name, checksum: sha256(r.content) });
      } else if (r.name.endsWith('.form')) {
        let form: any;
        try {
          form = JSON.parse(r.content);
        } catch (err) {
          throw invalid(`'${r.name}' is not valid form JSON: ${(err as Error).message}`);
        }
        if (typeof form?.id !== 'string' || !form.id)
          throw invalid(`'${r.name}': a form needs a string 'id'`);
        parsed.forms.push({ formId: form.id, schema: r.content, name: r.name, checksum: sha256(r.content) });
      } else if (r.name.endsWith('.dmn')) {
        try {
          const model = await parseDmn(r.content, r.name);
          parsed.drgs.push({ model, xml: r.content, name: r.name, checksum: sha256(r.content) });
        } catch (err) {
          if (!(err instanceof UnsupportedModelError)) throw err;
          rejected.push(`'${r.name}': ${zeebeFindings(err.problems)}`);
        }
      } else {
        throw invalid(`'${r.name}': only .bpmn, .dmn and .form resources are supported`);
      }
    }
    rejected.push(...this.checkDecisionIds(parsed.drgs));
    if (rejected.length) throw deploymentRejected(rejected);
    const ids = parsed.processes.map((p) => p.model.bpmnProcessId);
    const dup = ids.find((id, i) => ids.indexOf(id) !== i);
    if (dup) throw invalid(`the deployment contains process '${dup}' twice`);
    for (const p of parsed.processes) {
      for (const el of p.model.elements.values()) {
        if (el.kind === 'callActivity') {
          const target = el.calledElement.processId;
          if (
            !target.startsWith('=') &&
            !ids.includes(target) &&
            !this.deps.state.deployment.latestProcess(target)
          ) {
            this.deps.log(`deploy: call activity '${el.id}' calls '${target}', not deployed yet`);
          }
        }
      }
    }
    return parsed;
  }

  /** Stores the resources with new versions (a latest version unchanged is kept) and the deployment. */
  deploy(parsed: ParsedDeployment): DeployResult {
    const { state, timers } = this.deps;
    const deploymentKey = this.deps.nextKey();
    const result: DeployResult = {
      deploymentKey,
      processes: [],
      forms: [],
      decisionRequirements: [],
      decisions: [],
    };
    // Decisions first, so that a business rule task of the same deployment finds them.
    for (const d of parsed.drgs) this.putDrg(d, deploymentKey, result);
    for (const p of parsed.processes) {
      const latest = state.deployment.latestProcess(p.model.bpmnProcessId);
      if (latest && latest.checksum === p.checksum) {
        result.processes.push(latest);
        continue;
      }
      const rec: ProcessDefinitionRec = {
        key: this.deps.nextKey(),
        bpmnProcessId: p.model.bpmnProcessId,
        name: p.model.name,
        version:
          Math.max(latest?.version ?? 0, this.versionFloor.get(`process:${p.model.bpmnProcessId}`) ?? 0) + 1,
        versionTag: p.model.versionTag,
        resourceName: p.name,
        xml: p.xml,
        checksum: p.checksum,
        deploymentKey,
      };
      state.deployment.processes.put(rec);
      state.deployment.setModel(rec.key, p.model);
      if (latest) timers.closeStartTimers(latest);
      timers.openStartTimers(rec);
      result.processes.push(rec);
    }
    for (const f of parsed.forms) {
      const latest = state.deployment.latestForm(f.formId);
      if (latest && latest.checksum === f.checksum) {
        result.forms.push(latest);
        continue;
      }
      const rec: FormRec = {
        key: this.deps.nextKey(),
        formId: f.formId,
        version: Math.max(latest?.version ?? 0, this.versionFloor.get(`form:${f.formId}`) ?? 0) + 1,
        resourceName: f.name,
        schema: f.schema,
        checksum: f.checksum,
        deploymentKey,
      };
      state.deployment.forms.put(rec);
      result.forms.push(rec);
    }
    state.deployment.deployments.put({
      key: deploymentKey,
      createdAt: this.deps.nowIso(),
      resources: [
        ...result.processes.map((p) => ({ kind: 'process' as const, key: p.key })),
        ...result.forms.map((f) => ({ kind: 'form' as const, key: f.key })),
        ...result.decisionRequirements.map((d) => ({ kind: 'decisionRequirements' as const, key: d.key })),
        ...result.decisions.map((d) => ({ kind: 'decision' as const, key: d.key })),
      ],
    });
    return result;
  }

  /** A process definition with running instances cannot be deleted (INVALID_STATE); an unknown key is NOT_FOUND. */
  prepareDeletion(key: string): void {
    const { state } = this.deps;
    const def = state.deployment.processes.get(key);
    const form = def ? undefined : state.deployment.forms.get(key);
    if (!def && !form)
      throw new EngineError(
        404,
        'NOT_FOUND',
        `Expected to delete resource but no resource found with key \`${key}\``,
      );
    if (def) {
      for (const pi of state.processInstances.values())
        if (pi.processDefinitionKey === key && pi.state === 'ACTIVE')
          throw invalidState(
            `Expected to delete resource with key \`${key}\` but there are still running instances`,
          );
    }
  }

  /**
   * Deletes a process definition or form. Deleting the latest version makes the previous one the
   * latest again (its timer start events are re-armed); a version number is never reused.
   */
  deleteResource(key: string): void {
    const { state, timers } = this.deps;
    const def = state.deployment.processes.get(key);
    const form = def ? undefined : state.deployment.forms.get(key);
    if (def) {
      const wasLatest = state.deployment.latestProcess(def.bpmnProcessId)?.key === key;
      const floor = `process:${def.bpmnProcessId}`;
      this.versionFloor.set(floor, Math.max(this.versionFloor.get(floor) ?? 0, def.version));
      timers.closeStartTimers(def);
      state.deployment.processes.remove(key);
      const previous = wasLatest ? state.deployment.latestProcess(def.bpmnProcessId) : undefined;
      if (previous) timers.openStartTimers(previous);
    } else if (form) {
      const floor = `form:${form.formId}`;
      this.versionFloor.set(floor, Math.max(this.versionFloor.get(floor) ?? 0, form.version));
      state.deployment.forms.remove(key);
    }
  }

  /**
   * Zeebe's checks across DMN resources: a decision id appears once in a deployment, and a
   * decision id deployed before stays in the decision requirements it was deployed with.
   */
  private checkDecisionIds(drgs: { model: DrgModel; name: string }[]): string[] {
    const errors: string[] = [];
    const seen = new Map<string, string>();
    for (const d of drgs) {
      if (
        drgs.filter((o) => o.model.id === d.model.id).length > 1 &&
        seen.get(`drg:${d.model.id}`) === undefined
      )
        errors.push(
          `'${d.name}': the decision requirements id '${d.model.id}' is deployed twice in this deployment`,
        );
      seen.set(`drg:${d.model.id}`, d.name);
      for (const dec of d.model.decisions) {
        const other = seen.get(dec.id);
        if (other !== undefined)
          errors.push(`'${d.name}': the decision id '${dec.id}' is also in '${other}' of this deployment`);
        seen.set(dec.id, d.name);
        const latest = this.deps.state.decision.latestDecision(dec.id);
        if (latest && latest.decisionRequirementsId !== d.model.id)
          errors.push(
            `'${d.name}': Expected the decision ids to be unique within the deployed decision requirements, but decision id '${dec.id}' belongs to the decision requirements '${latest.decisionRequirementsId}'`,
          );
      }
    }
    return errors;
  }

  /** Stores a DRG and its decisions with new versions, unless it is the latest version unchanged. */
  private putDrg(d: ParsedDeployment['drgs'][number], deploymentKey: string, result: DeployResult): void {
    const { state } = this.deps;
    let latest: DecisionRequirementsRec | undefined;
    for (const r of state.decision.requirements.values())
      if (r.decisionRequirementsId === d.model.id && (!latest || r.version > latest.version)) latest = r;
    if (latest && latest.checksum === d.checksum) {
      result.decisionRequirements.push(latest);
      for (const dec of state.decision.decisions.values())
        if (dec.decisionRequirementsKey === latest.key) result.decisions.push(dec);
      return;
    }
    const drg: DecisionRequirementsRec = {
      key: this.deps.nextKey(),
      decisionRequirementsId: d.model.id,
      name: d.model.name,
      version: (latest?.version ?? 0) + 1,
      resourceName: d.name,
      xml: d.xml,
      checksum: d.checksum,
      deploymentKey,
    };
    state.decision.requirements.put(drg);
    state.decision.setDrg(drg.key, d.model);
    result.decisionRequirements.push(drg);
    for (const dec of d.model.decisions) {
      const rec: DecisionRec = {
        key: this.deps.nextKey(),
        decisionId: dec.id,
        name: dec.name,
        version: (state.decision.latestDecision(dec.id)?.version ?? 0) + 1,
        decisionRequirementsKey: drg.key,
        decisionRequirementsId: drg.decisionRequirementsId,
        deploymentKey,
      };
      state.decision.decisions.put(rec);
      result.decisions.push(rec);
    }
  }
}

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** Findings grouped by element, as Zeebe's validator lists them. */
function zeebeFindings(problems: { elementId: string; message: string }[]): string {
  const byElement = new Map<string, string[]>();
  for (const p of problems) {
    const list = byElement.get(p.elementId) ?? [];
    list.push(p.message);
    byElement.set(p.elementId, list);
  }
  return [...byElement]
    .map(([id, messages]) => `- Element: ${id}\n` + messages.map((m) => `    - ERROR: ${m}`).join('\n'))
    .join('\n');
}

/** Zeebe's rejection of a deployment: INVALID_ARGUMENT with each resource's findings on its own lines. */
function deploymentRejected(errors: string[]): EngineError {
  return invalid(
    "Command 'CREATE' rejected with code 'INVALID_ARGUMENT': Expected to deploy new resources, but encountered the following errors:\n" +
      errors.join('\n'),
  );
}
