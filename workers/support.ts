/**
 * What the workers share to read a job: the schemas of the variables several of them read (the
 * applicant, the subjects of a lookup, a stored document), headers, a write's idempotency key and
 * Almaty timestamps. A variable that does not fit its schema, or a header that is missing, raises an
 * incident naming it (never its value: it may be personal data).
 */
import { almatyDay as dayInAlmaty, almatyIso } from '../domain/almaty-time';
import type { Clock } from '../domain/clock';
import { isValidBin, isValidIin } from '../domain/identifiers';
import { SERVICE_IDS } from '../domain/services';
import { z } from 'zod';
import type { GatewayDeps } from '../adapters/gateway';
import type { WorkerDeps } from './deps';
import { JobInputError, type WorkerJob } from './types';
import { defineWorker, type WorkerSpec } from './define';
import { answeredAtVariable } from '../domain/case-summary';

export { JobInputError };

/** A valid IIN (check digit included). */
const iinSchema = z.string().refine(isValidIin, 'not a valid IIN');

/** A BIN, or the IIN of an individual entrepreneur (service A, Order 138 §3 part one). */
const binOrIinSchema = z.string().refine((v) => isValidBin(v) || isValidIin(v), 'not a valid BIN or IIN');

/** An ISO-8601 instant (`2026-03-10T18:30:00+05:00`). */
export const instantSchema = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'not an instant');

/** `applicant`, as the intake starts every service (docs/process-variables.md). */
export const applicantSchema = z.object({
  bin: binOrIinSchema,
  name: z.string().nullish(),
  /** The portal may leave it out (C8: the register holds it); lookup-legal-entity then supplies it. */
  headIin: iinSchema.nullish(),
  headFullName: z.string().nullish(),
});

/** `legalEntity`, as lookup-legal-entity writes it (`{ found: false, bin }` when unregistered). */
export const legalEntitySchema = z.object({
  headIin: iinSchema.nullish(),
  founders: z.array(z.string()).nullish(),
});

/** The variables every step of an application carries (set by the intake at the start). */
export const applicationInput = z.object({
  applicationNumber: z.string().min(1),
  serviceId: z.enum(SERVICE_IDS),
});

/** What a worker that addresses the applicant by BIN reads. */
export const applicantInput = z.object({ applicant: applicantSchema });

/** What a person-level lookup reads: the head (applicant or register), specialists, founders. */
export const subjectsInput = z.object({
  applicant: applicantSchema,
  legalEntity: legalEntitySchema.nullish(),
  specialists: z.array(z.object({ iin: z.string() })).nullish(),
});
export type SubjectsInput = z.output<typeof subjectsInput>;

/**
 * The head's IIN: the applicant's, else the register's (lookup-legal-entity), else, for an
 * individual entrepreneur, the IIN they apply with (they head their own business).
 */
export function headIinOf(v: Pick<SubjectsInput, 'applicant' | 'legalEntity'>): string {
  const { applicant } = v;
  const entrepreneur = isValidIin(applicant.bin) && !isValidBin(applicant.bin);
  const headIin = applicant.headIin ?? v.legalEntity?.headIin ?? (entrepreneur ? applicant.bin : undefined);
  if (!headIin)
    throw new JobInputError(
      'the head IIN is unknown: applicant.headIin and legalEntity.headIin are missing (run lookup-legal-entity first)',
    );
  return headIin;
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
export function subjectsOf(job: WorkerJob, v: SubjectsInput): Subject[] {
  const groups = readHeader(job, 'subjects', 'head')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const subjects: Subject[] = [];
  const add = (iin: string, role: SubjectRole, variable: string): void => {
    if (!isValidIin(iin)) throw new JobInputError(`variable ${variable} is not a valid IIN`);
    if (!subjects.some((s) => s.iin === iin)) subjects.push({ iin, role });
  };
  for (const group of groups) {
    if (group === 'head') add(headIinOf(v), 'head', 'applicant.headIin');
    else if (group === 'specialists') {
      if (!v.specialists) throw new JobInputError('variable specialists is missing');
      v.specialists.forEach((s, i) => add(s.iin, 'specialist', `specialists.${i}.iin`));
    } else if (group === 'founders') {
      const founders = v.legalEntity?.founders;
      if (!founders)
        throw new JobInputError('variable legalEntity.founders is missing (run lookup-legal-entity first)');
      founders.forEach((iin, i) => add(iin, 'founder', `legalEntity.founders.${i}`));
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

/** The slice of the dependencies a worker that calls the state systems uses. */
export const gatewaySlice = (deps: WorkerDeps): GatewayDeps => ({
  gateway: deps.gateway,
  clock: deps.clock,
  log: deps.log,
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
