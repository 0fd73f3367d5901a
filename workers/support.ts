/**
 * What the workers share to read a job: the applicant, the subjects of a lookup, strings and
 * headers, a write's idempotency key and Almaty timestamps. A problem is a `JobInputError` naming the
 * variable, which `defineWorker` turns into an incident.
 */
import { almatyDay as dayInAlmaty, almatyIso } from '../domain/almaty-time';
import type { Clock } from '../domain/clock';
import { isValidBin, isValidIin, maskIin } from '../domain/identifiers';
import { z } from 'zod';
import type { GatewayDeps } from '../adapters/gateway';
import type { WorkerDeps } from './deps';
import { JobInputError, type WorkerJob } from './types';
import { defineWorker, type WorkerSpec } from './define';
import { answeredAtVariable } from '../domain/case-summary';

export { JobInputError };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export interface Applicant {
  /** BIN, or for an individual entrepreneur the IIN (service A). */
  bin: string;
  name: string;
  headIin: string;
  headFullName?: string;
}

export function readApplicant(job: WorkerJob): Applicant {
  const a = job.variables.applicant;
  if (!isRecord(a)) throw new JobInputError('variable applicant is missing');
  // A BIN, or the IIN of an individual entrepreneur (service A, Order 138 §3 part one).
  const entrepreneur = typeof a.bin === 'string' && isValidIin(a.bin);
  if (typeof a.bin !== 'string' || !(isValidBin(a.bin) || entrepreneur))
    throw new JobInputError('applicant.bin is not a valid BIN or IIN');
  // The portal does not ask for the head's IIN (C8: the register holds it); lookup-legal-entity has it.
  // An entrepreneur heads their own business.
  const entity = job.variables.legalEntity;
  const headIin =
    a.headIin ?? (isRecord(entity) ? entity.headIin : undefined) ?? (entrepreneur ? a.bin : undefined);
  if (typeof headIin !== 'string' || !isValidIin(headIin))
    throw new JobInputError(
      'the head IIN is unknown: applicant.headIin is not a valid IIN and legalEntity.headIin is missing (run lookup-legal-entity first)',
    );
  return {
    bin: a.bin,
    name: typeof a.name === 'string' ? a.name : '',
    headIin,
    headFullName: typeof a.headFullName === 'string' ? a.headFullName : undefined,
  };
}

export function readString(job: WorkerJob, name: string): string {
  const value = job.variables[name];
  if (typeof value !== 'string' || value.trim() === '')
    throw new JobInputError(`variable ${name} is missing`);
  return value;
}

export function readHeader(job: WorkerJob, name: string, fallback?: string): string {
  const value = job.customHeaders[name];
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (fallback !== undefined) return fallback;
  throw new JobInputError(`custom header ${name} is missing`);
}

export type SubjectRole = 'head' | 'specialist' | 'founder';
export interface Subject {
  iin: string;
  role: SubjectRole;
}

/**
 * The people a person-level lookup covers, from header `subjects` (comma list of head, specialists,
 * founders; default head). One IIN appears once, under its first role.
 */
export function readSubjects(job: WorkerJob): Subject[] {
  const groups = readHeader(job, 'subjects', 'head')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const subjects: Subject[] = [];
  const add = (iin: unknown, role: SubjectRole): void => {
    if (typeof iin !== 'string' || !isValidIin(iin)) throw new JobInputError(`a ${role} IIN is not valid`);
    if (!subjects.some((s) => s.iin === iin)) subjects.push({ iin, role });
  };
  for (const group of groups) {
    if (group === 'head') add(readApplicant(job).headIin, 'head');
    else if (group === 'specialists') {
      const list = job.variables.specialists;
      if (!Array.isArray(list)) throw new JobInputError('variable specialists is missing');
      for (const s of list) add(isRecord(s) ? s.iin : undefined, 'specialist');
    } else if (group === 'founders') {
      const entity = job.variables.legalEntity;
      if (!isRecord(entity) || !Array.isArray(entity.founders))
        throw new JobInputError('variable legalEntity.founders is missing (run lookup-legal-entity first)');
      for (const iin of entity.founders) add(iin, 'founder');
    } else throw new JobInputError(`unknown subjects group ${group} (head, specialists, founders)`);
  }
  return subjects;
}

/**
 * Key for a write to a state system: the same for every retry of one job, different for any
 * other job. The application number guards against job keys repeating after an engine reset.
 */
export function idempotencyKey(job: WorkerJob, purpose: string): string {
  const n = job.variables.applicationNumber;
  return `${typeof n === 'string' ? n : '-'}/${job.processInstanceKey}/${job.key}/${purpose}`;
}

/** Current instant as ISO-8601 in Almaty time (+05:00 since March 2024). */
export function almatyTimestamp(clock: Clock): string {
  return almatyIso(clock.now());
}

export function almatyDay(clock: Clock): string {
  return dayInAlmaty(clock.now());
}

export { maskIin };

/** The slice of the dependencies a worker that calls the state systems uses. */
export const gatewaySlice = (deps: WorkerDeps): GatewayDeps => ({
  gateway: deps.gateway,
  clock: deps.clock,
  log: deps.log,
});

/** The variables every step of an application carries (set by the intake at the start). */
export const applicationInput = z.object({
  applicationNumber: z.string().min(1),
  serviceId: z.string().min(1),
});

/**
 * A worker that asks a state system: its answer carries when the system answered
 * (`lookupLegalEntityAt`, …), which the decision forms show beside each check (domain/case-summary.ts).
 */
export function stateSystemWorker<I extends z.ZodType, S extends GatewayDeps>(spec: WorkerSpec<I, S>) {
  return defineWorker({
    ...spec,
    async run(job, input, deps) {
      const variables = await spec.run(job, input, deps);
      return { ...variables, [answeredAtVariable(spec.type)]: deps.clock.now().toISOString() };
    },
  });
}
