import type { CamundaPort } from '../../../intake/camunda-port';
import { RULES_FROM, versionTagFor } from '../../../domain/rules/rule-versions';
import { SERVICE_IDS } from '../../../domain/services';

/**
 * An in-memory stand-in for the official client, for the intake's own tests only: it injects engine
 * faults (a start refused, a start accepted but its answer lost) and records every call. The web
 * app's tests run against the embedded engine with the real diagrams (test/ui/support/harness.ts).
 */
export interface FakeTask {
  userTaskKey: string;
  name: string;
  elementId: string;
  processDefinitionId: string;
  processInstanceKey: string;
  candidateGroups: string[];
  assignee?: string;
  dueDate?: string;
  state: 'CREATED' | 'COMPLETED';
  form?: Record<string, unknown>;
}

export function createFakeCamunda() {
  let nextKey = 1000;
  const instances = new Map<
    string,
    {
      processInstanceKey: string;
      processDefinitionId: string;
      processDefinitionKey: string;
      state: string;
      hasIncident: boolean;
      variables: Record<string, unknown>;
    }
  >();
  const tasks = new Map<string, FakeTask>();
  const incidents = new Map<
    string,
    {
      incidentKey: string;
      processInstanceKey: string;
      jobKey?: string;
      errorType: string;
      errorMessage: string;
      state: string;
      elementId: string;
    }
  >();
  const calls: { method: string; input: unknown }[] = [];
  const jobRetries = new Map<string, number>();
  const messages: Record<string, any>[] = [];
  /** Makes the next createProcessInstance throw after (or before) the engine accepted it. */
  const faults = { failNextStart: false as false | 'before' | 'after-start' };

  const rec = (method: string, input: unknown) => calls.push({ method, input });
  /** A filter value as the engine reads it: absent, plain equality, or `{ $in }` / `{ $eq }`. */
  const is = (actual: unknown, cond: any): boolean =>
    cond === undefined ||
    (cond && typeof cond === 'object'
      ? (cond.$in === undefined || cond.$in.map(String).includes(String(actual))) &&
        (cond.$eq === undefined || String(cond.$eq) === String(actual))
      : String(cond) === String(actual));
  const like = (text: string, cond: any) =>
    typeof cond === 'string'
      ? text === cond
      : new RegExp(
          `^${String(cond?.$like ?? '*')
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replace(/\*/g, '.*')}$`,
          'i',
        ).test(text);
  const page = <T>(items: T[]) => ({ items, page: { totalItems: items.length } });
  const notFound = () => Object.assign(new Error('not found'), { status: 404 });

  const fake = {
    async createProcessInstance(input: any) {
      rec('createProcessInstance', input);
      if (faults.failNextStart === 'before') {
        faults.failNextStart = false;
        throw new Error('engine unavailable');
      }
      const key = String(nextKey++);
      instances.set(key, {
        processInstanceKey: key,
        processDefinitionId: String(input.processDefinitionId),
        processDefinitionKey: '1',
        state: 'ACTIVE',
        hasIncident: false,
        variables: { ...(input.variables ?? {}) },
      });
      if (faults.failNextStart === 'after-start') {
        faults.failNextStart = false;
        throw new Error('connection reset after the engine accepted the command');
      }
      return { processInstanceKey: key };
    },
    async searchProcessInstances(input: any) {
      rec('searchProcessInstances', input);
      const f = input.filter ?? {};
      const items = [...instances.values()].filter((i) => {
        if (f.state && i.state !== f.state) return false;
        if (f.processDefinitionId && i.processDefinitionId !== f.processDefinitionId) return false;
        for (const v of f.variables ?? [])
          if (!like(JSON.stringify(i.variables[v.name]), v.value)) return false;
        return true;
      });
      return page(items.map(({ variables: _v, ...i }) => i));
    },
    async getProcessInstance(input: any) {
      const i = instances.get(String(input.processInstanceKey));
      if (!i) throw notFound();
      const { variables: _v, ...rest } = i;
      return rest;
    },
    async searchUserTasks(input: any) {
      rec('searchUserTasks', input);
      const f = input.filter ?? {};
      // Sorted as the engine sorts: by the requested fields, empty values last.
      const by = (x: any, y: any) => {
        for (const { field, order } of input.sort ?? []) {
          const [a, b] = [x[field], y[field]];
          const c = a === b ? 0 : a == null ? 1 : b == null ? -1 : a < b ? -1 : 1;
          if (c) return order === 'DESC' ? -c : c;
        }
        return 0;
      };
      return page(
        [...tasks.values()]
          .sort(by)
          .filter(
            (t) =>
              (!f.state || t.state === f.state) &&
              is(t.elementId, f.elementId) &&
              (!f.candidateGroup || t.candidateGroups.some((g) => is(g, f.candidateGroup))) &&
              (f.processInstanceVariables ?? []).every((v: any) =>
                like(JSON.stringify(instances.get(t.processInstanceKey)?.variables[v.name]), v.value),
              ),
          ),
      );
    },
    async getUserTask(input: any) {
      const t = tasks.get(String(input.userTaskKey));
      if (!t) throw notFound();
      return t;
    },
    async assignUserTask(input: any) {
      rec('assignUserTask', input);
      tasks.get(String(input.userTaskKey))!.assignee = input.assignee;
    },
    async unassignUserTask(input: any) {
      rec('unassignUserTask', input);
      delete tasks.get(String(input.userTaskKey))!.assignee;
    },
    async completeUserTask(input: any) {
      rec('completeUserTask', input);
      const t = tasks.get(String(input.userTaskKey))!;
      t.state = 'COMPLETED';
      Object.assign(instances.get(t.processInstanceKey)!.variables, input.variables ?? {});
    },
    async getUserTaskForm(input: any) {
      const t = tasks.get(String(input.userTaskKey));
      if (!t?.form) throw notFound();
      return { formId: 'form', schema: t.form };
    },
    async searchVariables(input: any) {
      const f = input.filter ?? {};
      return page(
        [...instances.values()]
          .filter((i) => is(i.processInstanceKey, f.processInstanceKey))
          .flatMap((i) =>
            Object.entries(i.variables)
              .filter(([name]) => is(name, f.name))
              .map(([name, value]) => ({
                name,
                value: JSON.stringify(value),
                processInstanceKey: i.processInstanceKey,
              })),
          ),
      );
    },
    async searchElementInstances(input: any) {
      const f = input.filter ?? {};
      const items = [...tasks.values()]
        .filter((t) => t.state === 'CREATED' && is(t.processInstanceKey, f.processInstanceKey))
        .map((t) => ({
          elementId: t.elementId,
          elementName: t.name,
          type: 'USER_TASK',
          state: 'ACTIVE',
          processInstanceKey: t.processInstanceKey,
          elementInstanceKey: t.userTaskKey,
        }));
      return page(items);
    },
    async searchIncidents(input: any) {
      const f = input.filter ?? {};
      return page(
        [...incidents.values()].filter(
          (x) =>
            (!f.state || x.state === f.state) && (!f.incidentKey || x.incidentKey === String(f.incidentKey)),
        ),
      );
    },
    async resolveIncident(input: any) {
      rec('resolveIncident', input);
      const x = incidents.get(String(input.incidentKey));
      if (!x) throw notFound();
      x.state = 'RESOLVED';
    },
    async updateJob(input: any) {
      rec('updateJob', input);
      jobRetries.set(String(input.jobKey), input.changeset.retries ?? 0);
    },
    async publishMessage(input: any) {
      rec('publishMessage', input);
      // As the engine (and Zeebe): a messageId is accepted once while its message is buffered.
      if (input.messageId && messages.some((m) => m.messageId === input.messageId))
        throw Object.assign(new Error('ALREADY_EXISTS'), { status: 409 });
      messages.push(input);
      return { messageKey: String(nextKey++) };
    },
    async createDeployment(input: any) {
      rec('createDeployment', input);
      return { deploymentKey: '1', processes: [], forms: [] };
    },
    async getProcessDefinitionXml() {
      return '<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"/>';
    },
    async searchProcessDefinitions(input: any) {
      rec('searchProcessDefinitions', input);
      // One deployed version of each service's process, tagged with the day its rules took effect (spec C13).
      const wanted = input?.filter?.processDefinitionId;
      return page(
        SERVICE_IDS.filter((id) => !wanted || id === wanted).map((id, i) => ({
          processDefinitionKey: String(9000 + i),
          processDefinitionId: id,
          version: 1,
          versionTag: versionTagFor(RULES_FROM[id]),
        })),
      );
    },
  };

  return {
    // The fake answers the shapes the intake reads, not the client's full types.
    camunda: fake as unknown as CamundaPort,
    calls,
    messages,
    jobRetries,
    faults,
    instances,
    addTask(task: Omit<FakeTask, 'userTaskKey' | 'state'> & { userTaskKey?: string }) {
      const key = task.userTaskKey ?? String(nextKey++);
      tasks.set(key, { ...task, userTaskKey: key, state: 'CREATED' });
      return key;
    },
    addIncident(incident: {
      processInstanceKey: string;
      jobKey?: string;
      errorType: string;
      errorMessage: string;
      elementId: string;
    }) {
      const key = String(nextKey++);
      incidents.set(key, { ...incident, incidentKey: key, state: 'ACTIVE' });
      return key;
    },
    tasks,
    incidents,
  };
}

export type FakeCamunda = ReturnType<typeof createFakeCamunda>;
