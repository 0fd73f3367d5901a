import type { MessageKey } from '../../i18n';
import { maskIin } from '../identifiers';
import { groundByCode } from '../rules/refusal-grounds';
import type { DocumentContext } from './context';
import { formatDate, formatDateTime } from './format';
import type { DocumentSection } from './types';

/**
 * The established facts of a refusal (Order 138 Annex 2 row 7; Order 923 List row 5, §10–§11): what
 * the checks recorded in the process variables — which check failed, for whom and with what data —
 * worded in the document's language. Nothing is invented: a check that recorded nothing adds nothing.
 */

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const recs = (v: unknown): Rec[] => (Array.isArray(v) ? v.filter(isRec) : []);
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
/** The catalogue key a recorded value stands for, if it is one of `keys`. */
const keyOf = (keys: Readonly<Record<string, MessageKey>>, v: unknown): MessageKey | undefined =>
  typeof v === 'string' && Object.prototype.hasOwnProperty.call(keys, v) ? keys[v] : undefined;

/** A person as a document prints them: the name, then the IIN masked (`8501******23`). */
function personLabel(ctx: DocumentContext, role: MessageKey, iin: string, name?: string): string {
  const id = `${ctx.t('document.person.iin')} ${maskIin(iin)}`;
  return `${ctx.t(role)} ${name ? `${name} (${id})` : id}`;
}

/** Names the state systems returned, by IIN: persons, the applicant's head, the declared specialists. */
function namesByIin(ctx: DocumentContext): Map<string, string> {
  const names = new Map<string, string>();
  const add = (iin: unknown, name: unknown) => {
    if (str(iin) && str(name) && !names.has(String(iin))) names.set(String(iin), String(name).trim());
  };
  const all = ctx.f;
  for (const p of recs(all.raw('persons'))) add(p.iin, p.fullName);
  for (const s of recs(all.raw('specialists'))) add(s.iin, s.fullName);
  for (const s of recs(all.raw('founders'))) add(s.iin, s.fullName);
  add(all.raw('applicant.headIin'), all.raw('applicant.headFullName'));
  return names;
}

const LEVEL: Readonly<Record<string, MessageKey>> = {
  higher: 'document.facts.education.higher',
  'technical-vocational': 'document.facts.education.technical-vocational',
};

/** "2 года" / "5 лет": a count of years in the nominative. */
function years(ctx: DocumentContext, n: number): string {
  // The Russian forms after a number: 1, 21 год; 2–4, 22–24 года; 5–20, 25–30 лет.
  const last = n % 10;
  const teen = n % 100 >= 11 && n % 100 <= 14;
  const form = last === 1 && !teen ? 'one' : last >= 2 && last <= 4 && !teen ? 'few' : 'many';
  return ctx.t(`document.years.${form}`, { n });
}

/** "не менее 3 лет" / "кемінде 3 жыл": a minimum of years. */
function atLeastYears(ctx: DocumentContext, n: number): string {
  // Russian genitive after "не менее": 1, 21 года; otherwise лет.
  return ctx.t(
    n % 10 === 1 && n % 100 !== 11 ? 'document.years.at-least.one' : 'document.years.at-least.many',
    {
      n,
    },
  );
}

/** Service A (Annex 2 row 10 items 2, 5): the specialists and instruments the check found wanting. */
function specialistFacts(
  ctx: DocumentContext,
  raw: (p: string) => unknown,
  names: Map<string, string>,
): string[] {
  const check = raw('specialistsCheck');
  if (!isRec(check) || check.passed !== false) return [];
  const lines: string[] = [];
  const findings = recs(check.findings);
  const role = 'document.facts.role.specialist';
  if (findings.length > 0) {
    for (const s of findings.filter((x) => x.qualified === false)) {
      const iin = String(s.iin ?? '');
      const parts: string[] = [];
      const group = num(s.electricalClearanceGroup);
      const minGroup = num(s.minimumClearanceGroup);
      if (group !== undefined && minGroup !== undefined && group < minGroup)
        parts.push(ctx.t('document.facts.specialist.clearance-group', { group, minGroup }));
      const education = recs(s.education);
      parts.push(
        education.length === 0
          ? ctx.t('document.facts.specialist.no-education')
          : `${ctx.t('document.facts.specialist.education')}: ${education
              .map((e) => {
                const level = keyOf(LEVEL, e.level);
                const levelText = level ? ctx.t(level) : '';
                const specialty = str(e.specialty);
                return specialty ? `${levelText}, «${specialty}»` : levelText;
              })
              .join(
                '; ',
              )}${s.listedSpecialty === false ? ctx.t('document.facts.specialist.specialty-not-listed') : ''}`,
      );
      const exp = num(s.experienceYears);
      const req = num(s.requiredExperienceYears);
      if (exp !== undefined && req !== undefined && exp < req)
        parts.push(
          ctx.t('document.facts.specialist.experience', {
            experience: years(ctx, exp),
            required: atLeastYears(ctx, req),
          }),
        );
      lines.push(`${personLabel(ctx, role, iin, str(s.fullName) ?? names.get(iin))}: ${parts.join('; ')}`);
    }
  } else {
    for (const v of recs(check.specialists).filter((x) => x.qualified === false)) {
      const iin = String(v.iin ?? '');
      const reasons = recs(v.reasons)
        .map((r) => str(r[ctx.lang]))
        .filter((r): r is string => !!r);
      lines.push(`${personLabel(ctx, role, iin, names.get(iin))}: ${reasons.join('; ')}`);
    }
  }
  const qualified = num(check.qualifiedCount);
  const minimum = num(check.minimumSpecialists);
  if (qualified !== undefined && minimum !== undefined && qualified < minimum)
    lines.push(ctx.t('document.facts.specialists.qualified-count', { qualified, minimum }));
  const instruments = num(check.verifiedInstrumentCount);
  const minInstruments = num(check.minimumVerifiedInstruments);
  if (instruments !== undefined && minInstruments !== undefined && instruments < minInstruments)
    lines.push(ctx.t('document.facts.specialists.instruments', { instruments, minInstruments }));
  return lines;
}

const FEE_PURPOSE: Readonly<Record<string, MessageKey>> = {
  issue: 'document.facts.fee.purpose.issue',
  reissue: 'document.facts.fee.purpose.reissue',
  duplicate: 'document.facts.fee.purpose.duplicate',
};

/** Service B (List row 6, ground 3): what the payment gateway showed. */
function feeFacts(ctx: DocumentContext, raw: (p: string) => unknown): string[] {
  const fee = raw('feeCheck');
  if (!isRec(fee) || fee.paid !== false) return [];
  const expected = num(fee.expectedAmount);
  const paid = num(fee.amountPaid) ?? 0;
  const mci = num(fee.mci);
  const purposeKey = keyOf(FEE_PURPOSE, raw('requestKind'));
  const purpose = purposeKey ? ctx.t(purposeKey) : undefined;
  const forWhat = purpose ? ctx.t('document.facts.fee.for', { purpose }) : '';
  const due =
    expected !== undefined
      ? ctx.t('document.facts.fee.due', {
          expected,
          mci: mci ? ctx.t('document.facts.fee.mci', { mci }) : '',
        })
      : '';
  const paidOn = str(fee.paidOn);
  if (paid === 0 || !paidOn)
    return [ctx.t('document.facts.fee.not-found', { forWhat, bin: ctx.applicant.bin, due })];
  return [
    ctx.t('document.facts.fee.underpaid', {
      forWhat,
      paidOn: formatDate(new Date(`${paidOn.slice(0, 10)}T12:00:00Z`)),
      paid,
      due,
    }),
  ];
}

/** The specific part of a check's finding, without the catalogue wording it repeats. */
function detailOf(ctx: DocumentContext, g: Rec): string | undefined {
  const text = str(ctx.lang === 'kk' ? g.textKk : g.textRu);
  if (!text) return undefined;
  try {
    const base = groundByCode(String(g.code));
    const prefix = `${ctx.lang === 'kk' ? base.textKk : base.textRu}: `;
    return text.startsWith(prefix) ? text.slice(prefix.length) : undefined;
  } catch {
    return undefined;
  }
}

/** Service B (List row 8 item 1): what the sub-type 1 requirements check found missing. */
function securityFacts(ctx: DocumentContext, raw: (p: string) => unknown): string[] {
  const check = raw('securityRequirementsCheck');
  if (!isRec(check) || check.passed !== false) return [];
  return recs(check.grounds)
    .map((g) => detailOf(ctx, g))
    .filter((d): d is string => !!d)
    .map((d) => `${ctx.t('document.facts.applicant')}: ${d}`);
}

/** Founders and heads (List row 8): what the law-enforcement and health records hold. */
function personRecordFacts(
  ctx: DocumentContext,
  raw: (p: string) => unknown,
  names: Map<string, string>,
): string[] {
  const lines: string[] = [];
  const headIin = str(raw('applicant.headIin'));
  const roleOf = (iin: string) =>
    iin === headIin ? 'document.facts.role.head' : 'document.facts.role.founder';
  for (const r of recs(raw('criminalRecords'))) {
    const iin = String(r.iin ?? '');
    const found: string[] = [];
    if (r.hasConviction === true) found.push(ctx.t('document.facts.person.conviction'));
    if (r.nonExoneratingRelease === true) found.push(ctx.t('document.facts.person.non-exonerating-release'));
    if (r.pendingCriminalCase === true) found.push(ctx.t('document.facts.person.criminal-case'));
    if (r.extremismOrTerrorismData === true) found.push(ctx.t('document.facts.person.extremism'));
    if (found.length > 0)
      lines.push(
        `${personLabel(ctx, roleOf(iin), iin, names.get(iin))}: ${found.join('; ')} (${ctx.t('document.facts.person.legal-statistics-source')})`,
      );
  }
  for (const m of recs(raw('mentalHealth'))) {
    if (m.registered !== true) continue;
    const iin = String(m.iin ?? '');
    lines.push(
      `${personLabel(ctx, roleOf(iin), iin, names.get(iin))}: ${ctx.t('document.facts.person.mental-health')}`,
    );
  }
  return lines;
}

/** Service D (§9–§10): the antimonopoly body's answer. */
function antimonopolyFacts(ctx: DocumentContext, raw: (p: string) => unknown): string[] {
  const answer = raw('antimonopolyAnswer');
  if (!isRec(answer) || answer.consent !== false) return [];
  const comment = str(answer.comment);
  return [ctx.t('document.facts.antimonopoly.not-confirmed', { comment: comment ? `: ${comment}` : '' })];
}

/** Lines of established fact, in the order the checks run; the clerk's study conclusion last. */
export function establishedFacts(ctx: DocumentContext): string[] {
  const raw = (p: string) => ctx.f.raw(p);
  const names = namesByIin(ctx);
  const lines = [
    ...specialistFacts(ctx, raw, names),
    ...securityFacts(ctx, raw),
    ...feeFacts(ctx, raw),
    ...personRecordFacts(ctx, raw, names),
    ...antimonopolyFacts(ctx, raw),
  ];
  const legalEntity = raw('legalEntity');
  if (isRec(legalEntity) && legalEntity.courtBan === true) lines.push(ctx.t('document.facts.court-ban'));
  const notes = str(raw('studyNotes'));
  if (notes) lines.push(`${ctx.t('document.facts.study-notes')}: ${notes}`);
  return lines;
}

/** Capital first letter, one closing full stop. */
function sentence(text: string): string {
  const t = text.trim();
  return `${t.charAt(0).toLocaleUpperCase('ru')}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}`;
}

export function factsSection(ctx: DocumentContext): DocumentSection[] {
  const lines = establishedFacts(ctx);
  if (lines.length === 0) return [];
  return [
    {
      heading: ctx.t('document.facts.heading'),
      paragraphs: lines.map((l, i) => `${i + 1}) ${sentence(l)}`),
    },
  ];
}

const OUTCOME: Readonly<Record<string, MessageKey>> = {
  'refusal-confirmed': 'document.hearing.outcome.refusal-confirmed',
  'position-accepted': 'document.hearing.outcome.position-accepted',
};

/**
 * That the hearing took place (APPC art. 73; Order 923 §8): when, whether the applicant stated a
 * position (the portal message `applicantPosition`), the record's summary and its result.
 */
export function hearingHeldSection(ctx: DocumentContext): DocumentSection[] {
  const at = ctx.f.optionalInstant('hearing.at');
  if (!at) return [];
  const reader = ctx.f;
  const position = reader.raw('applicantPosition');
  const stated = str(position) ?? (isRec(position) ? str(position.text) : undefined);
  const summary = ctx.f.has('hearing.applicantPosition')
    ? ctx.f.bilingual('hearing.applicantPosition', ctx.lang)
    : undefined;
  const paragraphs = [
    ctx.t('document.hearing.held', { at: formatDateTime(at, ctx.lang) }),
    stated
      ? sentence(ctx.t('document.hearing.position-stated', { stated }))
      : ctx.t('document.hearing.no-position'),
  ];
  if (summary) paragraphs.push(`${ctx.t('document.hearing.per-record')}: ${summary}`);
  const outcome = keyOf(OUTCOME, reader.raw('hearingOutcome'));
  const reasons = ctx.f.has('hearing.conclusion')
    ? ctx.f.bilingual('hearing.conclusion', ctx.lang)
    : undefined;
  if (outcome || reasons)
    paragraphs.push(
      `${outcome ? ctx.t(outcome).replace(/^./, (c) => c.toUpperCase()) : ctx.t('document.hearing.result')}${reasons ? `: ${reasons}` : ''}.`.replace(
        /\.\.$/,
        '.',
      ),
    );
  return [{ heading: ctx.t('document.hearing.heading'), paragraphs }];
}
