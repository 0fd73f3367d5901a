import type { Clock } from '../domain/clock';
import { seedData } from './data/seed';
import type { SeedData } from './data/types';
import { IdempotencyCache } from './http';

export interface ELicensingRecord {
  recordId: string;
  applicationNumber: string;
  serviceId: string;
  bin: string;
  kind: string;
  documentId: string;
  title: string | null;
  number: string | null;
  recordedAt: string;
}

export interface CabinetMessage {
  messageId: string;
  bin: string;
  applicationNumber: string;
  kind: string;
  title: string;
  body: string | null;
  documentId: string | null;
  channel: string;
  deliveredAt: string;
}

export interface MonitoringEvent {
  eventId: string;
  applicationNumber: string;
  serviceId: string;
  stage: string;
  at: string;
  receivedAt: string;
}

export interface AntimonopolyLetter {
  letterId: string;
  applicationNumber: string;
  bin: string;
  companyName: string;
  subject: string;
  objects: unknown[];
  antimonopolyConsentRef: string | null;
  receivedAt: string;
  answer: { consent: boolean; comment: string | null; answeredAt: string } | null;
  /** The last attempt to deliver the answer to the provider's inbound channel. */
  delivery: AntimonopolyDelivery | null;
}

export interface AntimonopolyDelivery {
  url: string;
  status: number | null;
  error: string | null;
  at: string;
}

/** One simulator instance's state: a private copy of the seed plus what clients have sent. */
export interface Store extends SeedData {
  eLicensingRecords: ELicensingRecord[];
  cabinetMessages: CabinetMessage[];
  monitoringEvents: MonitoringEvent[];
  letters: AntimonopolyLetter[];
  idempotency: IdempotencyCache;
  clock: Clock;
  nextId(prefix: string): string;
}

export function createStore(clock: Clock, seed: SeedData = seedData): Store {
  const counters = new Map<string, number>();
  return {
    ...structuredClone(seed),
    eLicensingRecords: [],
    cabinetMessages: [],
    monitoringEvents: [],
    letters: [],
    idempotency: new IdempotencyCache(),
    clock,
    nextId(prefix) {
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      return `${prefix}-${String(n).padStart(6, '0')}`;
    },
  };
}
