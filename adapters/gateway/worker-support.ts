import { almatyDay as dayInAlmaty, almatyIso } from '../../domain/almaty-time';
/**
 * What every gateway-backed worker shares: reading the applicant and the subjects of a lookup, and
 * turning thrown errors into the right job outcome (transient ⇒ retry with back-off, permanent ⇒
 * incident). Kept beside the clients because only gateway workers use it.
 */
import { answeredAtVariable } from '../../domain/case-summary';
import type { Clock } from '../../domain/clock';
import { isValidBin, isValidIin, maskIin } from '../../domain/identifiers';
import type { WorkerJob } from '../../workers/types';
import { GatewayContractError, GatewayUnavailableError } from './errors';
import type { GatewayDeps, Logger } from './index';

/** The process variables or headers do not let the job run: a modelling or intake fault. */
export class JobInputError extends Error {
  override readonly name = 'JobInputError';
}

/** Back-off grows as retries run out: 5 s, 10 s, 20 s … capped at a minute. */
export function transientBackoffMs(retriesLeftBefore: number, retryAfterMs?: number): number {
  const exponential = Math.min(60_000, 5_000 * 2 ** Math.max(0, 3 - retriesLeftBefore));
  return Math.max(exponential, retryAfterMs ?? 0);
}

/** Maps a thrown error to `job.fail`; errors are logged without personal data. */
export async function failJob(job: WorkerJob, err: unknown, log: Logger): Promise<unknown> {
  const fields = {
    jobKey: job.key,
    jobType: job.type,
    processInstanceKey: job.processInstanceKey,
    elementId: job.elementId,
  };
  if (err instanceof GatewayUnavailableError) {
    const retries = Math.max(0, job.retries - 1);
    const retryBackOff = transientBackoffMs(job.retries, err.retryAfterMs);
    log.warn('state system unavailable, job will be retried', {
      ...fields,
      system: err.system,
      retriesLeft: retries,
      retryBackOffMs: retryBackOff,
    });
    return job.fail({ errorMessage: err.message, retries, retryBackOff });
  }
  const errorMessage = err instanceof Error ? err.message : String(err);
  if (err instanceof GatewayContractError)
    log.error('state system broke its contract', { ...fields, system: err.system, status: err.status });
  else if (err instanceof JobInputError)
    log.error('job cannot run with these variables', { ...fields, reason: err.message });
  else log.error('job failed unexpectedly', { ...fields, reason: errorMessage });
  // Retrying would give the same answer: raise an incident for an operator (C10).
  return job.fail({ errorMessage, retries: 0 });
}

/** Runs a handler body; anything it throws becomes a `fail` outcome. */
export async function runGatewayJob(
  job: WorkerJob,
  deps: GatewayDeps,
  body: () => Promise<unknown>,
): Promise<unknown> {
  // A lookup's answer carries when its state system answered (`lookupLegalEntityAt`, …): the
  // decision forms show each check with its source and time (domain/case-summary.ts).
  if (/^lookup-|^check-licence-fee$/.test(job.type)) {
    const complete = job.complete.bind(job);
    const at = answeredAtVariable(job.type);
    job.complete = (variables?: Record<string, unknown>) =>
      complete({ ...variables, [at]: deps.clock.now().toISOString() });
  }
  try {
    return await body();
  } catch (err) {
    return failJob(job, err, deps.log);
  }
}

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
