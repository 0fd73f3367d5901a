import { createGatewayClients, GatewayClients, GatewaySystem as AdapterSystem, GATEWAY_SYSTEMS as ADAPTER_SYSTEMS } from '../adapters/gateway';
import { createDocumentService, DocumentService } from '../adapters/documents';
import { AppConfig, kebab } from '../config/schema';
import { Clock, systemClock } from '../domain/clock';
import { defaultLegalClock, LegalClock, StepTermConfig } from '../domain/legal-clock';
import type { WorkerLogger } from './runtime';

/** Everything a worker may need, built once per process and passed to every handler. */
export interface WorkerDeps {
  gateway: GatewayClients;
  documents: DocumentService;
  clock: Clock;
  log: WorkerLogger;
  legalClock: LegalClock;
  stepTerms: StepTermConfig;
  rules: { fireMinQualifiedSpecialists: number };
}

/** Builds the dependencies from validated configuration; tests pass their own pieces instead. */
export function createWorkerDeps(config: AppConfig, log: WorkerLogger, overrides: Partial<WorkerDeps> = {}): WorkerDeps {
  const clock = overrides.clock ?? systemClock;
  const baseUrls: Partial<Record<AdapterSystem, string>> = {};
  for (const [system, url] of Object.entries(config.gateway.urls)) {
    const name = kebab(system) as AdapterSystem;
    if ((ADAPTER_SYSTEMS as readonly string[]).includes(name)) baseUrls[name] = url;
  }
  return {
    gateway:
      overrides.gateway ??
      createGatewayClients({ baseUrl: config.gateway.baseUrl, baseUrls, timeoutMs: config.gateway.timeoutMs, retries: config.gateway.retries }),
    documents: overrides.documents ?? createDocumentService({ dir: config.documents.dir, clock }),
    clock,
    log,
    legalClock: overrides.legalClock ?? defaultLegalClock,
    stepTerms: overrides.stepTerms ?? {
      completenessWorkingDays: config.rules.completenessWdFire,
      hearingNoticeWorkingDaysBeforeEnd: config.rules.hearingNoticeWdBeforeEnd,
      hearingWithinWorkingDays: config.rules.hearingWithinWd,
    },
    rules: overrides.rules ?? { fireMinQualifiedSpecialists: config.rules.fireMinQualifiedSpecialists },
  };
}
