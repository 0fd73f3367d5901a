import {
  ProcessDefinitionId,
  ProcessInstanceKey,
  type ProcessInstanceFilter,
} from '@camunda8/orchestration-cluster-api';
/**
 * The applicant's cabinet: gathers what the engine, the personal cabinet and the document store
 * hold of one application, and lets `domain/applications/cabinet.ts` decide what the applicant sees.
 */
import type { Clock } from '../domain/clock';
import {
  cabinetView,
  deliveredDocumentIds,
  type CabinetMessage,
  type CabinetView,
  type ComplaintFacts,
  type DocumentMeta,
  type ElementRecord,
} from '../domain/applications/cabinet';
import type { WorkingDayClock } from '../domain/applications/status';
import { NO_WAIT, processVariables, type CamundaPort } from './camunda-port';
import type { ApplicationRecord } from './store';

export interface CabinetDeps {
  camunda: CamundaPort;
  legalClock: WorkingDayClock;
  clock: Clock;
  /** The messages the applicant's personal cabinet holds (the gateway's cabinet system). */
  messages?: (bin: string) => Promise<CabinetMessage[]>;
  /** Register data of a stored document. */
  document?: (documentId: string) => Promise<DocumentMeta | null>;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

export function createCabinet(deps: CabinetDeps) {
  const { camunda } = deps;
  const log = deps.log ?? (() => {});

  async function instances(filter: ProcessInstanceFilter) {
    const page = await camunda.searchProcessInstances({ filter, page: { limit: 100 } }, NO_WAIT);
    return page.items ?? [];
  }

  async function elements(processInstanceKey: string): Promise<ElementRecord[]> {
    const page = await camunda.searchElementInstances(
      {
        filter: { processInstanceKey: ProcessInstanceKey.assumeExists(processInstanceKey) },
        page: { limit: 1000 },
      },
      NO_WAIT,
    );
    return (page.items ?? []).filter(
      (e) => e.processInstanceKey === undefined || String(e.processInstanceKey) === processInstanceKey,
    );
  }

  async function cabinetMessages(record: ApplicationRecord): Promise<CabinetMessage[] | null> {
    if (!deps.messages) return null;
    try {
      return (await deps.messages(record.applicantBin)).filter(
        (m) => m.applicationNumber === record.applicationNumber,
      );
    } catch (err) {
      log('personal cabinet unavailable', {
        applicationNumber: record.applicationNumber,
        error: (err as Error).message,
      });
      return null;
    }
  }

  /** Everything the applicant's view is decided from. */
  async function facts(record: ApplicationRecord) {
    const key = record.processInstanceKey;
    const messagesP = cabinetMessages(record);
    if (record.state !== 'started' || !key)
      return {
        state: 'starting' as const,
        variables: {},
        variableSets: [],
        elements: [],
        complaints: [],
        messages: await messagesP,
      };
    const [instance, children, complaintInstances] = await Promise.all([
      camunda.getProcessInstance({ processInstanceKey: ProcessInstanceKey.assumeExists(key) }, NO_WAIT),
      instances({ parentProcessInstanceKey: ProcessInstanceKey.assumeExists(key) }),
      instances({
        processDefinitionId: ProcessDefinitionId.assumeExists('complaint'),
        variables: [{ name: 'applicationNumber', value: JSON.stringify(record.applicationNumber) }],
      }),
    ]);
    const called = children.filter((c) => String(c.parentProcessInstanceKey) === key);
    const ownKeys = [key, ...called.map((c) => String(c.processInstanceKey))];
    const [variableSets, elementSets, complaints] = await Promise.all([
      Promise.all(ownKeys.map((k) => processVariables(camunda, k))),
      Promise.all(ownKeys.map((k) => elements(k))),
      Promise.all(
        complaintInstances
          .filter((c) => c.processDefinitionId === undefined || c.processDefinitionId === 'complaint')
          .map(async (c): Promise<ComplaintFacts> => ({
            state: String(c.state ?? 'ACTIVE'),
            variables: await processVariables(camunda, String(c.processInstanceKey)),
            elements: await elements(String(c.processInstanceKey)),
          })),
      ),
    ]);
    // Called processes in the order they ran, the application's own variables last: they win.
    const variables = Object.assign({}, ...variableSets.slice(1), variableSets[0]);
    const state =
      instance.state === 'ACTIVE'
        ? ('active' as const)
        : instance.state === 'COMPLETED'
          ? ('completed' as const)
          : instance.state === 'TERMINATED'
            ? ('terminated' as const)
            : ('unknown' as const);
    return {
      state,
      variables,
      variableSets,
      elements: elementSets.flat(),
      complaints: complaints.filter((c) => c.variables.applicationNumber === record.applicationNumber),
      messages: await messagesP,
    };
  }

  async function metas(ids: Iterable<string>): Promise<Record<string, DocumentMeta>> {
    const out: Record<string, DocumentMeta> = {};
    if (!deps.document) return out;
    await Promise.all(
      [...new Set(ids)].map(async (id) => {
        const meta = await deps.document!(id).catch(() => null);
        if (meta) out[id] = meta;
      }),
    );
    return out;
  }

  /** The applicant's view of the application. */
  async function view(record: ApplicationRecord): Promise<CabinetView> {
    const f = await facts(record);
    const delivered = deliveredDocumentIds(f.messages ?? [], [
      ...f.variableSets,
      ...f.complaints.map((c) => c.variables),
    ]);
    return cabinetView(
      {
        applicationNumber: record.applicationNumber,
        serviceId: record.serviceId,
        requestKind: record.requestKind,
        registeredOn: record.registeredOn,
        receivedAt: record.receivedAt,
        ...f,
        documents: await metas([...delivered.values()].flat()),
      },
      deps.legalClock,
      deps.clock.now(),
    );
  }

  /** Whether the document was sent to the applicant of this application (or is a copy of one that was). */
  async function mayDownload(record: ApplicationRecord, documentId: string): Promise<boolean> {
    const f = await facts(record);
    const delivered = deliveredDocumentIds(f.messages ?? [], [
      ...f.variableSets,
      ...f.complaints.map((c) => c.variables),
    ]);
    return [...delivered.values()].some((ids) => ids.includes(documentId));
  }

  return { view, mayDownload };
}

export type Cabinet = ReturnType<typeof createCabinet>;
