import {
  createGatewayClients,
  GatewayClients,
  GatewaySystem as AdapterSystem,
  GATEWAY_SYSTEMS as ADAPTER_SYSTEMS,
} from '../adapters/gateway';
import { createDocumentService, DocumentService } from '../adapters/documents';
import { blobStoreFromConfig } from '../adapters/blobs';
import { AppConfig, kebab } from '../config/schema';
import { Clock, systemClock } from '../domain/clock';
import { defaultLegalClock, LegalClock, ServiceId, StepTermConfig } from '../domain/legal-clock';
import { createCalendarRevisionStore } from '../adapters/calendar-revisions';
import { revisedLegalClock } from '../adapters/legal-clock-source';
import { createMciRecordStore, recordedFeeSchedule } from '../adapters/mci-records';
import { databaseLocation, openAppDatabase, type AppDatabase } from '../adapters/db/connect';
import type { FeeSchedule } from '../domain/legal-clock';
import type { WorkerLogger } from './types';

/** Everything a worker may need, built once per process and passed to every handler. */
export interface WorkerDeps {
  gateway: GatewayClients;
  documents: DocumentService;
  clock: Clock;
  log: WorkerLogger;
  legalClock: LegalClock;
  /** The calendar with operator revisions applied, as of now. */
  currentLegalClock: () => Promise<LegalClock>;
  /** Licence fees at the shipped MCI plus the years operators recorded, as of now. */
  currentFeeSchedule: () => Promise<FeeSchedule>;
  /** [config] terms per service (C6 hearing windows; service A's completeness check). */
  stepTerms: Partial<Record<ServiceId, StepTermConfig>>;
  rules: { fireMinQualifiedSpecialists: number; hearingMinNoticeWd: number };
}

/**
 * Builds the dependencies from validated configuration; tests pass their own pieces instead.
 * Calendar revisions and MCI values are read from `database` (by default the configured
 * application database, opened on first use) on every job.
 */
export function createWorkerDeps(
  config: AppConfig,
  log: WorkerLogger,
  overrides: Partial<WorkerDeps> = {},
  database?: AppDatabase,
): WorkerDeps {
  const clock = overrides.clock ?? systemClock;
  let opened: AppDatabase | undefined = database;
  const db = () => (opened ??= openAppDatabase(databaseLocation(config)));
  const baseUrls: Partial<Record<AdapterSystem, string>> = {};
  for (const [system, url] of Object.entries(config.gateway.urls)) {
    const name = kebab(system) as AdapterSystem;
    if ((ADAPTER_SYSTEMS as readonly string[]).includes(name)) baseUrls[name] = url;
  }
  return {
    gateway:
      overrides.gateway ??
      createGatewayClients({
        baseUrl: config.gateway.baseUrl,
        baseUrls,
        timeoutMs: config.gateway.timeoutMs,
        retries: config.gateway.retries,
      }),
    documents:
      overrides.documents ??
      createDocumentService({
        dir: config.documents.dir,
        clock,
        blobs: blobStoreFromConfig(config, 'documents', config.documents.dir),
        database: db(),
      }),
    clock,
    log,
    legalClock: overrides.legalClock ?? defaultLegalClock,
    currentLegalClock:
      overrides.currentLegalClock ??
      (overrides.legalClock
        ? async () => overrides.legalClock!
        : revisedLegalClock(createCalendarRevisionStore(db()))),
    currentFeeSchedule: overrides.currentFeeSchedule ?? recordedFeeSchedule(createMciRecordStore(db())),
    stepTerms: overrides.stepTerms ?? stepTermsFrom(config),
    rules: overrides.rules ?? {
      fireMinQualifiedSpecialists: config.rules.fireMinQualifiedSpecialists,
      hearingMinNoticeWd: config.rules.hearingMinNoticeWd,
    },
  };
}

function stepTermsFrom(config: AppConfig): Partial<Record<ServiceId, StepTermConfig>> {
  const hearing: StepTermConfig = {
    hearingNoticeWorkingDaysBeforeEnd: config.rules.hearingNoticeWdBeforeEnd,
    hearingWithinWorkingDays: config.rules.hearingWithinWd,
  };
  return {
    'fire-automation-permit': { ...hearing, completenessWorkingDays: config.rules.completenessWdFire },
    'security-licence': hearing,
    'training-centre-designation': hearing,
    'national-company-security-approval': hearing,
  };
}
