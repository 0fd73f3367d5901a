import computeDeadlines from '../../../workers/compute-deadlines';
import { fakeJob } from '../../support/jobs';
import { fixedClock } from '../../../domain/clock';
import {
  buildCalendar,
  createLegalClock,
  defaultLegalClock,
  shippedCalendar,
} from '../../../domain/legal-clock';

/** The shared fake job, read as what it completed with or how it failed. */
function deadlinesJob(variables: Record<string, unknown>, customHeaders: Record<string, unknown> = {}) {
  const job = fakeJob('compute-deadlines', variables, customHeaders);
  const outcome = {
    get completed() {
      const o = job.settled();
      return o?.kind === 'complete' ? o.variables : undefined;
    },
    get failed() {
      const o = job.settled();
      return o?.kind === 'fail' ? o : undefined;
    },
  };
  return { job, outcome };
}

const deps = { clock: fixedClock('2026-04-01T05:00:00Z') };

describe('compute-deadlines worker', () => {
  test('given a registered security licence issue, when run without headers, then every deadline and the computation time are written', async () => {
    const { job, outcome } = deadlinesJob({
      serviceId: 'security-licence',
      requestKind: 'issue',
      registeredOn: '2026-04-01',
    });
    await computeDeadlines.handler(job, deps);
    expect(outcome.failed).toBeUndefined();
    expect(outcome.completed).toEqual({
      ...defaultLegalClock.stepDeadlines('security-licence', 'issue', '2026-04-01'),
      deadlinesComputedAt: '2026-04-01T05:00:00.000Z',
    });
    expect(outcome.completed).toMatchObject({ deadlineTotal: '2026-04-15T18:30:00+05:00' });
  });

  test('given per-service term configuration, when run, then the configured completeness term is used', async () => {
    const { job, outcome } = deadlinesJob({
      serviceId: 'fire-automation-permit',
      requestKind: 'application',
      registeredOn: '2026-04-01',
    });
    await computeDeadlines.handler(job, {
      ...deps,
      stepTerms: { 'fire-automation-permit': { completenessWorkingDays: 3 } },
    });
    expect(outcome.completed).toMatchObject({ deadlineCompleteness: '2026-04-06T18:30:00+05:00' });
  });

  test('given step headers, when run, then only that step deadline is written, counted from the named variable', async () => {
    const { job, outcome } = deadlinesJob(
      { expertiseCompletedAt: '2026-04-09T16:00:00Z' }, // 21:00 in Almaty, still 9 April
      { step: 'agreement', workingDays: '4', from: 'expertiseCompletedAt' },
    );
    await computeDeadlines.handler(job, deps);
    expect(outcome.completed).toEqual({ deadlineAgreement: '2026-04-15T18:30:00+05:00' });
  });

  test('given a legal clock with a revision, when run, then the injected clock is used', async () => {
    const revised = createLegalClock(
      buildCalendar(shippedCalendar, [
        {
          id: 'r',
          effectiveAt: '2026-01-01T00:00:00Z',
          author: 'a',
          legalBasis: 'b',
          changes: [{ date: '2026-04-10', kind: 'transferred-day-off' }],
        },
      ]),
    );
    const { job, outcome } = deadlinesJob(
      { end: '2026-04-09' },
      { step: 'study', workingDays: 1, from: 'end' },
    );
    await computeDeadlines.handler(job, { legalClock: revised });
    expect(outcome.completed).toEqual({ deadlineStudy: '2026-04-13T18:30:00+05:00' });
  });

  // Spec C4: a step's term runs from the actual end of the step before it; its length comes from the
  // service's rules (Order 923 licence rules §9: the result 1 WD after the checks; §8 of the
  // training-centre rules: the study 3 WD after the completeness check).
  test.each([
    [
      'security-licence',
      'issue',
      'result',
      '2026-04-09T19:10:00Z',
      { deadlineResult: '2026-04-13T18:30:00+05:00' },
    ],
    [
      'security-licence',
      'issue',
      'study',
      '2026-04-01T10:00:00+05:00',
      { deadlineStudy: '2026-04-08T18:30:00+05:00' },
    ],
    [
      'security-licence',
      'issue',
      'study',
      '2026-04-03T10:00:00+05:00',
      { deadlineStudy: '2026-04-10T18:30:00+05:00' },
    ],
    ['security-licence', 'reissue', 'study', '2026-04-01T10:00:00+05:00', {}],
    [
      'training-centre-designation',
      'issue',
      'study',
      '2026-04-01T10:00:00+05:00[Asia/Almaty]',
      { deadlineStudy: '2026-04-06T18:30:00+05:00' },
    ],
  ])(
    'given %s %s and the %s step with no workingDays header, when the step before ended at %s, then %j',
    async (serviceId, requestKind, step, end, expected) => {
      const { job, outcome } = deadlinesJob({ serviceId, requestKind, end }, { step, from: 'end' });
      await computeDeadlines.handler(job, deps);
      expect(outcome.completed).toEqual(expected);
    },
  );

  test.each([
    [{ requestKind: 'issue', registeredOn: '2026-04-01' }, {}, 'serviceId'],
    [{ serviceId: 'security-licence', registeredOn: '2026-04-01' }, {}, 'requestKind'],
    [{ serviceId: 'security-licence', requestKind: 'issue' }, {}, 'registeredOn'],
    [{ serviceId: 'security-licence', requestKind: 'issue', registeredOn: '2026-04-31' }, {}, 'registeredOn'],
    [{ serviceId: 'security-licence', requestKind: 'issue', registeredOn: 20260401 }, {}, 'registeredOn'],
    [{ serviceId: 'fishing-permit', requestKind: 'issue', registeredOn: '2026-04-01' }, {}, 'serviceId'],
    [
      { serviceId: 'security-licence', requestKind: 'renewal', registeredOn: '2026-04-01' },
      {},
      'requestKind',
    ],
    [{ serviceId: 'security-licence', requestKind: 'issue', registeredOn: '2029-04-02' }, {}, 'registeredOn'],
    [{ end: '2026-04-09' }, { step: 'study', workingDays: '0', from: 'end' }, 'workingDays'],
    [{ end: '2026-04-09' }, { step: 'study', from: 'end' }, 'serviceId'],
    [{ end: '2026-04-09' }, { step: 'Study!', workingDays: '3', from: 'end' }, 'step'],
    [{ end: '2026-04-09' }, { step: 'study', workingDays: '3' }, 'from'],
    [{}, { step: 'study', workingDays: '3', from: 'end' }, 'end'],
    [{ end: '2026-04-09T10:00:00' }, { step: 'study', workingDays: '3', from: 'end' }, 'end'],
  ])(
    'given variables %j and headers %j, when run, then the job fails without retries naming %s',
    async (variables, headers, name) => {
      const { job, outcome } = deadlinesJob(variables, headers);
      await computeDeadlines.handler(job, deps);
      expect(outcome.completed).toBeUndefined();
      expect(outcome.failed?.retries).toBe(0);
      expect(outcome.failed?.errorMessage).toContain(name);
    },
  );
});
