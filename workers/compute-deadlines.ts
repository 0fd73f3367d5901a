import { systemClock, type Clock } from '../domain/clock';
import {
  chainedStepWorkingDays,
  defaultLegalClock,
  parseDay,
  UnknownRequestKindError,
  UnknownServiceError,
  type LegalClock,
  type ServiceId,
  type StepTermConfig,
} from '../domain/legal-clock';
import { z } from 'zod';
import { defineWorker } from './define';
import { JobInputError, type WorkerJob } from './types';

export interface ComputeDeadlinesDeps {
  /** Without `currentLegalClock`: the shipped calendar unless given. */
  legalClock?: LegalClock;
  /** The calendar as revised by operators (takes precedence over `legalClock`): read per job, so a
   * revision recorded while the workers run applies to the next computation. */
  currentLegalClock?: () => Promise<LegalClock>;
  /** Stamps `deadlinesComputedAt`. */
  clock?: Clock;
  /** [config] terms per service (C6 hearing windows, service A completeness). */
  stepTerms?: Partial<Record<ServiceId, StepTermConfig>>;
}

/** Bad input the engine cannot fix by retrying: an incident with the variable's name, for an operator. */
class InputProblem extends Error {}

/** Runs a domain call, naming in any error the variable the bad value came from. */
function blaming<T>(variable: string | ((error: Error) => string), compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    const cause = error as Error;
    const name = typeof variable === 'string' ? variable : variable(cause);
    throw new InputProblem(`variable ${name}: ${cause.name}: ${cause.message}`);
  }
}

/**
 * The variables a computation reads: which of them it needs depends on its headers (every planned
 * deadline, or one step's from the variable header `from` names), so each is checked when needed.
 */
const input = z.looseObject({
  serviceId: z.string().min(1).optional(),
  requestKind: z.string().min(1).optional(),
  /** The day of registration (rule C2), `YYYY-MM-DD`. */
  registeredOn: z.string().min(1).optional(),
});
type Input = z.output<typeof input>;

function requireString(v: Input, name: string): string {
  const value = v[name];
  if (typeof value !== 'string' || value === '')
    throw new InputProblem(`variable ${name} is missing or not a string`);
  return value;
}

/**
 * An instant as FEEL's `string(now())` may print it: a zone id after the offset
 * (`…+05:00[Asia/Almaty]`, `…Z@UTC`) is dropped, the offset alone fixes the instant.
 */
function endInstant(value: string): string {
  return value.replace(/(Z|[+-]\d{2}:\d{2})(\[[^\]]+\]|@[\w/+-]+)$/, '$1');
}

function stepVariableName(step: unknown): string {
  if (typeof step !== 'string' || !/^[a-z][A-Za-z0-9]*$/.test(step)) {
    throw new InputProblem(`custom header step must be a camelCase step name, got ${JSON.stringify(step)}`);
  }
  return `deadline${step[0].toUpperCase()}${step.slice(1)}`;
}

/**
 * Writes working-day deadlines as absolute instants, since Zeebe timers know no calendar.
 * Without headers: every planned deadline of the request from `serviceId`, `requestKind` and
 * `registeredOn`. With headers `step`, `workingDays` and `from` (the name of the variable that
 * holds the previous step's end): only `deadline<Step>`, counted from that end (C4). Without
 * `workingDays` the term is the chained step's under the service's rules (`chainedStepWorkingDays`);
 * a step with no term of its own for the request kind keeps its planned deadline.
 */
async function run(job: WorkerJob, v: Input, deps: ComputeDeadlinesDeps): Promise<Record<string, unknown>> {
  const legalClock = deps.currentLegalClock
    ? await deps.currentLegalClock()
    : (deps.legalClock ?? defaultLegalClock);
  const clock = deps.clock ?? systemClock;
  let variables: Record<string, unknown>;
  try {
    const { step, workingDays, from } = job.customHeaders;
    if (step === undefined && workingDays === undefined && from === undefined) {
      const serviceId = requireString(v, 'serviceId');
      const requestKind = requireString(v, 'requestKind');
      const registeredOn = requireString(v, 'registeredOn');
      blaming('registeredOn', () => parseDay(registeredOn, 'registeredOn'));
      const config = deps.stepTerms?.[serviceId as ServiceId];
      const deadlines = blaming(
        (error) =>
          error instanceof UnknownServiceError
            ? 'serviceId'
            : error instanceof UnknownRequestKindError
              ? 'requestKind'
              : 'registeredOn',
        () => legalClock.stepDeadlines(serviceId, requestKind, registeredOn, config),
      );
      variables = { ...deadlines, deadlinesComputedAt: clock.now().toISOString() };
    } else {
      const name = stepVariableName(step);
      if (typeof from !== 'string' || from === '')
        throw new InputProblem('custom header from must name a variable');
      let n: number | undefined;
      if (workingDays === undefined) {
        // C4 chained step: its term comes from the rules of the service and request kind.
        const serviceId = requireString(v, 'serviceId');
        const requestKind = requireString(v, 'requestKind');
        n = blaming(
          (error) => (error instanceof UnknownServiceError ? 'serviceId' : 'requestKind'),
          () =>
            chainedStepWorkingDays(
              serviceId,
              requestKind,
              String(step),
              deps.stepTerms?.[serviceId as ServiceId],
            ),
        );
      } else {
        n = Number(workingDays);
        if (typeof workingDays !== 'string' && typeof workingDays !== 'number') {
          throw new InputProblem('custom header workingDays is missing');
        }
        if (!Number.isSafeInteger(n) || n < 1) {
          throw new InputProblem(
            `custom header workingDays must be a positive integer, got ${JSON.stringify(workingDays)}`,
          );
        }
      }
      if (n === undefined) {
        // The step has no term of its own for this request: the planned deadline stands.
        variables = {};
      } else {
        const stepEnd = endInstant(requireString(v, from));
        const days = n;
        variables = { [name]: blaming(from, () => legalClock.stepDeadline(stepEnd, days)) };
      }
    }
  } catch (error) {
    if (!(error instanceof InputProblem)) throw error;
    // The values come from the process: retrying cannot mend them, so an incident names the variable.
    throw new JobInputError(`compute-deadlines: ${error.message}`);
  }
  return variables;
}

export default defineWorker({
  type: 'compute-deadlines',
  input,
  config: (deps): ComputeDeadlinesDeps => ({
    currentLegalClock: deps.currentLegalClock,
    clock: deps.clock,
    stepTerms: deps.stepTerms,
  }),
  run,
});
