/**
 * Legal amendments of a service's Rules, as an operator records them (Order 138 §8).
 *
 * When the Rules of the fire-automation permit change, the authorised body in civil protection
 * informs the "digital government" operator and the Unified Contact Centre (1414) within 3 working
 * days. The term runs from the amendment's effective date, and the trigger is the amendment itself
 * (the act, its date, its effective date, what changed), never a software deployment. Order 923
 * (services B, C, D) has no such paragraph, so an amendment of those Rules starts no notice.
 *
 * Pure: validation and identity only; the caller stores the amendment and starts the notice.
 */
import { isServiceId, type ServiceId } from '../services';
import { both, t, type Lang, type MessageKey, type MessageParams } from '../../i18n';

/** The only service whose Rules require the notice (Order 138 §8). */
export const NOTICE_SERVICE: ServiceId = 'fire-automation-permit';

export interface LegalAmendmentInput {
  /** The service whose Rules the act amends. */
  serviceId: ServiceId;
  /** The amending act's title, as published (e.g. the Minister's order). */
  actTitle: string;
  /** The act's number (e.g. "138"). */
  actNumber: string;
  /** The act's date, YYYY-MM-DD. */
  actDate: string;
  /** The day the amendment takes effect, YYYY-MM-DD (Asia/Almaty). */
  effectiveDate: string;
  /** What changed, for the operator and the 1414 centre. */
  changes: string;
  /** Who records it. */
  author: string;
}

export interface LegalAmendment extends LegalAmendmentInput {
  /**
   * Identity: the same act of the same date amending the same Rules with the same effective date is
   * one amendment, whatever its description says; an act with parts of different effective dates is
   * one amendment per date.
   */
  id: string;
}

export interface FieldProblem {
  path: string;
  kk: string;
  ru: string;
}

/** Bad input: every problem names its field, in Kazakh and Russian. */
export class LegalAmendmentError extends Error {
  override readonly name = 'LegalAmendmentError';
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.ru}`).join('; '));
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A problem's text in both languages, naming a field (`{field}`, or capitalised `{Field}`) in each. */
function inBoth(key: MessageKey, field: MessageKey, params: MessageParams = {}): { kk: string; ru: string } {
  const inLang = (lang: Lang) => {
    const name = t(lang, field);
    return t(lang, key, { ...params, field: name, Field: cap(name) });
  };
  return { kk: inLang('kk'), ru: inLang('ru') };
}

function trimmed(raw: Record<string, unknown>, key: string): string | undefined {
  const value = raw[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** An act's number as written in Kazakh legal acts: letters, digits, hyphens, slashes, spaces. */
const ACT_NUMBER = /^[0-9A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі/\- ]+$/;

/**
 * Identity of an amendment (see {@link LegalAmendment.id}): its effective date, the act's date and
 * number. Only the fire-permit Rules are recorded, so the service need not be part of it.
 */
export function amendmentId(a: Pick<LegalAmendmentInput, 'actNumber' | 'actDate' | 'effectiveDate'>) {
  const number = a.actNumber.replace(/\s+/g, '').replace(/\//g, '-').toUpperCase();
  return `RC-${a.effectiveDate}-${a.actDate}-${number}`;
}

/**
 * Validates an untrusted amendment (a file, a request body). Every problem is reported at once;
 * an amendment of Rules other than the fire-automation permit's is refused with the reason.
 */
export function parseLegalAmendment(raw: unknown): LegalAmendment {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new LegalAmendmentError([
      {
        path: '',
        ...both('amendment.error.notObject', { format: 'JSON' }),
      },
    ]);
  }
  const r = raw as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  const need = (path: string, field: MessageKey, max: number): string => {
    const value = trimmed(r, path);
    if (value === undefined) problems.push({ path, ...inBoth('amendment.error.missing', field) });
    else if (value.length > max)
      problems.push({ path, ...inBoth('amendment.error.tooLong', field, { max }) });
    return value ?? '';
  };
  const date = (path: string, field: MessageKey): string => {
    const value = trimmed(r, path);
    if (value === undefined) problems.push({ path, ...inBoth('amendment.error.dateMissing', field) });
    else if (!isRealDate(value))
      problems.push({ path, ...inBoth('amendment.error.dateInvalid', field, { value }) });
    return value ?? '';
  };

  const service = trimmed(r, 'serviceId');
  if (service === undefined || !isServiceId(service)) {
    problems.push({
      path: 'serviceId',
      ...both('amendment.error.serviceUnknown'),
    });
  } else if (service !== NOTICE_SERVICE) {
    problems.push({
      path: 'serviceId',
      ...inBoth('amendment.error.noNotice', `amendment.service.${service}`),
    });
  }
  const actTitle = need('actTitle', 'amendment.field.actTitle', 500);
  const actNumber = need('actNumber', 'amendment.field.actNumber', 40);
  if (actNumber && !ACT_NUMBER.test(actNumber))
    problems.push({
      path: 'actNumber',
      ...both('amendment.error.actNumberCharacters', { actNumber }),
    });
  const actDate = date('actDate', 'amendment.field.actDate');
  const effectiveDate = date('effectiveDate', 'amendment.field.effectiveDate');
  const changes = need('changes', 'amendment.field.changes', 8000);
  const author = need('author', 'amendment.field.author', 200);
  if (isRealDate(actDate) && isRealDate(effectiveDate) && effectiveDate < actDate) {
    problems.push({
      path: 'effectiveDate',
      ...both('amendment.error.effectiveBeforeAct', { effectiveDate, actDate }),
    });
  }
  if (problems.length) throw new LegalAmendmentError(problems);
  const input: LegalAmendmentInput = {
    serviceId: service as ServiceId,
    actTitle,
    actNumber,
    actDate,
    effectiveDate,
    changes,
    author,
  };
  return { ...input, id: amendmentId(input) };
}

/** The two amendments describe the same change (the author and the recording time aside). */
export function sameAmendment(a: LegalAmendment, b: LegalAmendment): boolean {
  return a.id === b.id && a.actTitle === b.actTitle && a.changes === b.changes;
}
