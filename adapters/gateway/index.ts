/**
 * Typed clients for the state systems behind the digital-government gateway. Point them at the
 * simulators (one `baseUrl`) or at real endpoints (`baseUrls` per system).
 */
import { z } from 'zod';
import type { Clock } from '../../domain/clock';
import { request, type HttpSettings, type RequestSpec } from './http';
import {
  cabinetReceiptSchema,
  cabinetMessageSchema,
  criminalRecordSchema,
  diplomaSchema,
  eLicensingReceiptSchema,
  employmentSchema,
  legalEntitySchema,
  letterReceiptSchema,
  licenceSchema,
  mentalHealthSchema,
  monitoringReceiptSchema,
  paymentSchema,
  personSchema,
  realEstateSchema,
  vehicleSchema,
  type CabinetMessage,
  type CabinetReceipt,
  type CriminalRecordEntry,
  type Diploma,
  type ELicensingReceipt,
  type EmploymentEntry,
  type LegalEntity,
  type LetterReceipt,
  type Licence,
  type MentalHealthEntry,
  type MonitoringReceipt,
  type Payment,
  type PaymentPurpose,
  type Person,
  type RealEstate,
  type Vehicle,
} from './schemas';

export * from './errors';
export * from './schemas';

/** Systems reachable through the gateway; each has its own base URL. */
export const GATEWAY_SYSTEMS = [
  'legal-entities',
  'persons',
  'education',
  'employment',
  'real-estate',
  'criminal-records',
  'mental-health',
  'vehicles',
  'payments',
  'e-licensing',
  'cabinet',
  'monitoring',
  'antimonopoly',
] as const;
export type GatewaySystem = (typeof GATEWAY_SYSTEMS)[number];

export interface Logger {
  info(msg: string, fields?: object): void;
  warn(msg: string, fields?: object): void;
  error(msg: string, fields?: object): void;
}

/** What gateway-backed workers need; the full worker dependencies are a superset. */
export interface GatewayDeps {
  gateway: GatewayClients;
  clock: Clock;
  log: Logger;
}

export interface GatewayConfig {
  /** Root under which every system sits at `/<system>` (the simulators' layout). */
  baseUrl?: string;
  /** Per-system roots, e.g. `{ 'legal-entities': 'https://gw.example.kz/gbdul/v1' }`; win over `baseUrl`. */
  baseUrls?: Partial<Record<GatewaySystem, string>>;
  /** Per attempt. Default 5000. */
  timeoutMs?: number;
  /** Extra attempts on transient failures. Default 2. */
  retries?: number;
  /** First retry delay, doubling. Default 200. */
  retryDelayMs?: number;
  fetch?: typeof fetch;
  sleep?(ms: number): Promise<void>;
}

/** Options of calls that change state: the key makes a repeated call (job retry) a no-op. */
export interface WriteOptions {
  idempotencyKey?: string;
}

export interface ELicensingRecordInput {
  applicationNumber: string;
  serviceId: string;
  bin: string;
  /** E.g. `licence`, `permit`, `refusal`, `order`, `consent-letter`; `licence` and `permit` update the register. */
  kind: string;
  documentId: string;
  title?: string;
  /** Existing number (re-issue, duplicate); omitted for a new licence, E-licensing assigns one. */
  number?: string;
  subType?: 1 | 2;
  issuedOn?: string;
}

export interface CabinetMessageInput {
  applicationNumber: string;
  kind: string;
  title: string;
  body?: string;
  documentId?: string;
  channel?: 'cabinet' | 'sms' | 'email';
}

export interface MonitoringEventInput {
  applicationNumber: string;
  serviceId: string;
  stage: string;
  /** ISO-8601 instant with offset. */
  at: string;
}

export interface AntimonopolyLetterInput {
  applicationNumber: string;
  bin: string;
  companyName: string;
  subject?: string;
  objects?: unknown[];
  antimonopolyConsentRef?: string;
}

/** `null` from a `get` means the registry has no such record (HTTP 404). */
export interface GatewayClients {
  legalEntities: { get(bin: string): Promise<LegalEntity | null> };
  persons: { get(iin: string): Promise<Person | null> };
  education: { get(iin: string): Promise<Diploma[] | null> };
  employment: { get(iin: string): Promise<EmploymentEntry[] | null> };
  realEstate: { findByOwner(bin: string): Promise<RealEstate[]> };
  criminalRecords: { get(iin: string): Promise<CriminalRecordEntry | null> };
  mentalHealth: { get(iin: string): Promise<MentalHealthEntry | null> };
  vehicles: { findByOwner(bin: string): Promise<Vehicle[]> };
  payments: { find(bin: string, purpose: PaymentPurpose): Promise<Payment[]> };
  eLicensing: {
    record(input: ELicensingRecordInput, options?: WriteOptions): Promise<ELicensingReceipt>;
    findLicence(number: string): Promise<Licence | null>;
    findLicencesByBin(bin: string): Promise<Licence[]>;
  };
  cabinet: {
    send(bin: string, message: CabinetMessageInput, options?: WriteOptions): Promise<CabinetReceipt>;
    /** What the applicant's personal cabinet holds (an unknown BIN/IIN has none). */
    messages(bin: string): Promise<CabinetMessage[]>;
  };
  monitoring: { report(event: MonitoringEventInput, options?: WriteOptions): Promise<MonitoringReceipt> };
  antimonopoly: {
    sendLetter(letter: AntimonopolyLetterInput, options?: WriteOptions): Promise<LetterReceipt>;
  };
}

function rootsFrom(config: GatewayConfig): Record<GatewaySystem, string> {
  const roots = {} as Record<GatewaySystem, string>;
  for (const system of GATEWAY_SYSTEMS) {
    const root =
      config.baseUrls?.[system] ??
      (config.baseUrl ? `${config.baseUrl.replace(/\/+$/, '')}/${system}` : undefined);
    if (!root) throw new Error(`gateway: no base URL for ${system} (set baseUrl or baseUrls['${system}'])`);
    roots[system] = root.replace(/\/+$/, '');
  }
  return roots;
}

export function createGatewayClients(config: GatewayConfig): GatewayClients {
  const roots = rootsFrom(config);
  const settings: HttpSettings = {
    timeoutMs: config.timeoutMs ?? 5000,
    retries: config.retries ?? 2,
    retryDelayMs: config.retryDelayMs ?? 200,
    fetch: config.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    sleep: config.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
  };
  const url = (system: GatewaySystem, path: string, query?: Record<string, string>): string =>
    `${roots[system]}${path}${query ? `?${new URLSearchParams(query)}` : ''}`;
  const enc = encodeURIComponent;

  const get = <T>(
    system: GatewaySystem,
    path: string,
    schema: z.ZodType<T>,
    query?: Record<string, string>,
  ): Promise<T | null> =>
    request({ system, method: 'GET', url: url(system, path, query), schema, notFoundAsNull: true }, settings);
  const list = async <T>(
    system: GatewaySystem,
    path: string,
    schema: z.ZodType<T>,
    query?: Record<string, string>,
  ): Promise<T[]> => (await get(system, path, z.array(schema), query)) ?? [];
  const post = async <T>(
    system: GatewaySystem,
    path: string,
    body: unknown,
    schema: z.ZodType<T>,
    options?: WriteOptions,
  ): Promise<T> => {
    const spec: RequestSpec<T> = {
      system,
      method: 'POST',
      url: url(system, path),
      body,
      schema,
      idempotencyKey: options?.idempotencyKey,
    };
    // A POST never maps 404 to null, so the result is always present.
    return (await request(spec, settings)) as T;
  };

  return {
    legalEntities: { get: (bin) => get('legal-entities', `/${enc(bin)}`, legalEntitySchema) },
    persons: { get: (iin) => get('persons', `/${enc(iin)}`, personSchema) },
    education: { get: (iin) => get('education', `/${enc(iin)}`, z.array(diplomaSchema)) },
    employment: { get: (iin) => get('employment', `/${enc(iin)}`, z.array(employmentSchema)) },
    realEstate: { findByOwner: (bin) => list('real-estate', '', realEstateSchema, { owner: bin }) },
    criminalRecords: { get: (iin) => get('criminal-records', `/${enc(iin)}`, criminalRecordSchema) },
    mentalHealth: { get: (iin) => get('mental-health', `/${enc(iin)}`, mentalHealthSchema) },
    vehicles: { findByOwner: (bin) => list('vehicles', '', vehicleSchema, { owner: bin }) },
    payments: { find: (bin, purpose) => list('payments', '', paymentSchema, { payer: bin, purpose }) },
    eLicensing: {
      record: (input, options) => post('e-licensing', '/records', input, eLicensingReceiptSchema, options),
      findLicence: (number) => get('e-licensing', `/licences/${enc(number)}`, licenceSchema),
      findLicencesByBin: (bin) => list('e-licensing', '/licences', licenceSchema, { bin }),
    },
    cabinet: {
      send: (bin, message, options) =>
        post('cabinet', `/${enc(bin)}/messages`, message, cabinetReceiptSchema, options),
      messages: (bin) => list('cabinet', `/${enc(bin)}/messages`, cabinetMessageSchema),
    },
    monitoring: {
      report: (event, options) => post('monitoring', '/events', event, monitoringReceiptSchema, options),
    },
    antimonopoly: {
      sendLetter: (letter, options) => post('antimonopoly', '/letters', letter, letterReceiptSchema, options),
    },
  };
}
