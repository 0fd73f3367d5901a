import { InvalidInputError, UnknownRequestKindError, UnknownServiceError } from './errors';
import type { LegalClock } from './legal-clock';
import { isServiceId, SERVICE_IDS, type ServiceId } from '../services';

export { isServiceId, SERVICE_IDS, type ServiceId };

export const REQUEST_KINDS: Record<ServiceId, readonly string[]> = {
  // Services A, C and D have one kind of request; intake names it 'issue' like the licence's first kind.
  'fire-automation-permit': ['issue', 'application', 'complaint'],
  'security-licence': ['issue', 'reissue', 'duplicate', 'complaint'],
  'training-centre-designation': ['issue', 'application', 'complaint'],
  'national-company-security-approval': ['issue', 'application', 'complaint'],
};

/** C11: a complaint is reviewed within 5 working days of its registration. */
export const COMPLAINT_REVIEW_WORKING_DAYS = 5;
/** C12: the operator and the 1414 contact centre are told of a rule change within 3 working days. */
export const RULE_CHANGE_NOTICE_WORKING_DAYS = 3;

/** Terms the acts leave to us ([config] in procedures.md); defaults are the spec's. */
export interface StepTermConfig {
  /** Service A completeness check; the other services' 2 WD are set by their acts. Default 2. */
  completenessWorkingDays?: number;
  /** C6: the preliminary-decision notice goes out no later than this many WD before the term ends. Default 3. */
  hearingNoticeWorkingDaysBeforeEnd?: number;
  /** C6: the hearing is held no later than this many WD after the notice. Default 2. */
  hearingWithinWorkingDays?: number;
}

export type DeadlineName =
  | 'deadlineCompleteness'
  | 'deadlineDocumentRequest'
  | 'deadlineStudy'
  | 'deadlineHearingNotice'
  | 'deadlineHearing'
  | 'deadlineDraft'
  | 'deadlineAgreement'
  | 'deadlineLetter'
  | 'deadlineConsent'
  | 'deadlineComplaintReview'
  | 'deadlineResult'
  | 'deadlineTotal';

/**
 * Planned deadlines (ISO instants at 18:30 +05:00), flat so they map one-to-one onto process
 * variables. A step whose start depends on an outside party (experts, the antimonopoly body) is
 * planned as if that party answered at once; recompute it from the real answer with `stepDeadline`.
 */
export type StepDeadlines = Partial<Record<DeadlineName, string>> & { deadlineTotal: string };

function configured(value: number | undefined, fallback: number, key: string): number {
  const n = value ?? fallback;
  if (!Number.isSafeInteger(n) || n < 1)
    throw new InvalidInputError(`${key} must be a positive integer, got ${n}`);
  return n;
}

export function computeStepDeadlines(
  clock: Pick<LegalClock, 'termEnd' | 'addWorkingDays' | 'closeOfBusiness'>,
  serviceId: string,
  requestKind: string,
  registeredOn: string,
  config: StepTermConfig = {},
): StepDeadlines {
  if (!isServiceId(serviceId)) throw new UnknownServiceError(`unknown service ${JSON.stringify(serviceId)}`);
  if (!REQUEST_KINDS[serviceId].includes(requestKind)) {
    throw new UnknownRequestKindError(
      `service ${serviceId} has no request kind ${JSON.stringify(requestKind)} (known: ${REQUEST_KINDS[serviceId].join(', ')})`,
    );
  }
  const noticeBeforeEnd = configured(
    config.hearingNoticeWorkingDaysBeforeEnd,
    3,
    'hearingNoticeWorkingDaysBeforeEnd',
  );
  const hearingWithin = configured(config.hearingWithinWorkingDays, 2, 'hearingWithinWorkingDays');
  const after = (n: number) => clock.termEnd(registeredOn, n);
  const day = (instant: string) => instant.slice(0, 10);
  /** C6 windows, counted back from the day the whole term ends. */
  const hearing = (total: string) => {
    const noticeDay = clock.addWorkingDays(day(total), -noticeBeforeEnd);
    return {
      deadlineHearingNotice: clock.closeOfBusiness(noticeDay),
      deadlineHearing: clock.termEnd(noticeDay, hearingWithin),
    };
  };

  if (requestKind === 'complaint') {
    const end = after(COMPLAINT_REVIEW_WORKING_DAYS);
    return { deadlineComplaintReview: end, deadlineResult: end, deadlineTotal: end };
  }
  switch (serviceId) {
    case 'fire-automation-permit': {
      const total = after(10);
      const completeness = after(configured(config.completenessWorkingDays, 2, 'completenessWorkingDays'));
      const windows = hearing(total);
      return {
        deadlineCompleteness: completeness,
        // Annex 2 row 11 grounds are heard before a refusal: the study ends when the notice is due.
        deadlineStudy: windows.deadlineHearingNotice,
        ...windows,
        deadlineResult: total,
        deadlineTotal: total,
      };
    }
    case 'security-licence': {
      if (requestKind === 'reissue') {
        // §10: review and completeness in 2 WD, result 1 WD later; a refusal comes from the review.
        // List row 8 last indent: the head's diploma or employment record missing from the
        // registries is asked of the applicant within 1 WD, as for an issue.
        const total = after(3);
        return {
          deadlineCompleteness: after(2),
          deadlineDocumentRequest: after(1),
          deadlineResult: total,
          deadlineTotal: total,
        };
      }
      if (requestKind === 'duplicate') {
        const total = after(2);
        return { deadlineCompleteness: after(1), deadlineResult: total, deadlineTotal: total };
      }
      // §7-§9: completeness 2 WD; §8: grounds found by the study are heard before a refusal, so
      // the study ends when the hearing notice is due and the hearing fits in the 10 WD; §9: the
      // result 1 WD after the checks.
      const total = after(10);
      const windows = hearing(total);
      return {
        deadlineCompleteness: after(2),
        deadlineDocumentRequest: after(1),
        deadlineStudy: windows.deadlineHearingNotice,
        ...windows,
        deadlineResult: total,
        deadlineTotal: total,
      };
    }
    case 'training-centre-designation': {
      const completeness = after(2);
      const study = clock.termEnd(day(completeness), 3);
      const draft = clock.termEnd(day(study), 3);
      const total = after(12);
      return {
        deadlineCompleteness: completeness,
        deadlineStudy: study,
        ...hearing(total),
        deadlineDraft: draft,
        deadlineAgreement: clock.termEnd(day(draft), 4),
        deadlineResult: total,
        deadlineTotal: total,
      };
    }
    case 'national-company-security-approval': {
      const completeness = after(2);
      const study = clock.termEnd(day(completeness), 3);
      const letter = clock.termEnd(day(study), 6);
      const total = after(15);
      return {
        deadlineCompleteness: completeness,
        deadlineStudy: study,
        ...hearing(total),
        deadlineLetter: letter,
        deadlineConsent: clock.termEnd(day(letter), 4),
        deadlineResult: total,
        deadlineTotal: total,
      };
    }
  }
}

/** Steps whose term runs from the actual end of the step before them (C4). */
export type ChainedStep = 'study' | 'result' | 'draft' | 'letter';

/**
 * C4: a step's term runs from the actual end of the step before it, not from registration.
 * The number of working days of `step` for a request, or `undefined` when the acts give the step
 * no term of its own (it shares the term of the step before, e.g. the re-issue's review, §10).
 *   - study after the completeness check: service A and B issue, what remains of the 10 WD once the
 *     completeness term and the hearing windows (C6) are set aside — the study is due when the
 *     hearing notice is (Order 923 licence rules §8; Order 138 Annex 2 row 11); services C and D,
 *     3 WD (their rules §8);
 *   - result after the checks: service B, 1 WD (licence rules §9; §10, §11);
 *   - draft order after the study: service C, 3 WD (§9); letter to the antimonopoly body after the
 *     study: service D, 6 WD (§9).
 */
export function chainedStepWorkingDays(
  serviceId: string,
  requestKind: string,
  step: string,
  config: StepTermConfig = {},
): number | undefined {
  if (!isServiceId(serviceId)) throw new UnknownServiceError(`unknown service ${JSON.stringify(serviceId)}`);
  if (!REQUEST_KINDS[serviceId].includes(requestKind)) {
    throw new UnknownRequestKindError(
      `service ${serviceId} has no request kind ${JSON.stringify(requestKind)} (known: ${REQUEST_KINDS[serviceId].join(', ')})`,
    );
  }
  if (requestKind === 'complaint') return undefined;
  const noticeBeforeEnd = configured(
    config.hearingNoticeWorkingDaysBeforeEnd,
    3,
    'hearingNoticeWorkingDaysBeforeEnd',
  );
  const studyBeforeHearing = (completeness: number) => {
    const n = 10 - completeness - noticeBeforeEnd;
    if (n < 1) throw new InvalidInputError(`the terms leave the study no working day (${n})`);
    return n;
  };
  switch (`${serviceId}:${step}`) {
    case 'fire-automation-permit:study':
      return studyBeforeHearing(configured(config.completenessWorkingDays, 2, 'completenessWorkingDays'));
    case 'security-licence:study':
      return requestKind === 'issue' ? studyBeforeHearing(2) : undefined;
    case 'security-licence:result':
      return 1;
    case 'training-centre-designation:study':
    case 'national-company-security-approval:study':
      return 3;
    case 'training-centre-designation:draft':
      return 3;
    case 'national-company-security-approval:letter':
      return 6;
    default:
      return undefined;
  }
}
