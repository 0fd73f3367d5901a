import { t, type MessageKey, type MessageParams } from '../../i18n';
import { FactReader } from './facts';
import { formatDate, formatDateTime } from './format';
import { documentNumber } from './number';
import { SERVICE_IDS, SERVICES, type ServiceId } from './services';
import type { DocumentContent, DocumentFacts, DocumentKind, DocumentSignature, Lang } from './types';

export const REQUEST_KINDS = ['issue', 'reissue', 'duplicate'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** Kinds that belong to exactly one service; the others name theirs in `serviceId`. */
const SERVICE_OF_KIND: Partial<Record<DocumentKind, ServiceId>> = {
  permit: 'fire-automation-permit',
  licence: 'security-licence',
  'licence-annex': 'security-licence',
  'ministers-order-draft': 'training-centre-designation',
  'ministers-order': 'training-centre-designation',
  'antimonopoly-letter': 'national-company-security-approval',
  'consent-letter': 'national-company-security-approval',
};

/** Everything a builder needs besides its own facts, read and checked once. */
export interface DocumentContext {
  kind: DocumentKind;
  lang: Lang;
  f: FactReader;
  service: ServiceId;
  applicationNumber: string;
  applicant: { name: string; bin: string; headFullName?: string; address?: string };
  /** "№ KZ-2026-000123 (тіркелген күні 02.04.2026)" style reference to the application. */
  applicationRef: string;
  serviceName: string;
  issuer: string;
  /** The provider's city: `providerLocation` when given (service B's territorial body), else the service's. */
  place?: string;
  date: Date;
  number: string;
  /** The catalogue's text of `key` in the document's language, its `{param}` placeholders filled. */
  t(key: MessageKey, params?: MessageParams): string;
}

export function createContext(kind: DocumentKind, facts: DocumentFacts, lang: Lang): DocumentContext {
  const f = new FactReader(kind, facts);
  const implied = SERVICE_OF_KIND[kind];
  const service = f.has('serviceId') || !implied ? f.oneOf('serviceId', SERVICE_IDS) : implied;
  if (implied && service !== implied) f.fail('serviceId', 'invalid', `"${kind}" is a document of ${implied}`);

  const applicationNumber = f.text('applicationNumber');
  const applicant = {
    name: f.text('applicant.name'),
    bin: f.text('applicant.bin'),
    headFullName: f.optionalText('applicant.headFullName'),
    address: f.optionalText('applicant.address'),
  };
  const date = f.instant('documentDate');
  const seq = f.has('documentSeq') ? Number(f.text('documentSeq')) : 1;
  if (!Number.isInteger(seq) || seq < 1) f.fail('documentSeq', 'invalid', 'expected a positive integer');

  const text = (key: MessageKey, params?: MessageParams) => t(lang, key, params);
  const registeredOn = f.optionalInstant('registeredOn');
  const applicationRef = registeredOn
    ? text('document.application.registered', {
        number: applicationNumber,
        registeredOn: formatDate(registeredOn),
      })
    : `№ ${applicationNumber}`;
  const profile = SERVICES[service];
  const issuer = f.has('providerName') ? f.bilingual('providerName', lang) : profile.issuer[lang];
  const place = f.has('providerLocation')
    ? f.bilingual('providerLocation', lang)
    : (profile.location?.[lang] ?? registrationCity(f, lang));

  return {
    kind,
    lang,
    f,
    service,
    applicationNumber,
    applicant,
    applicationRef,
    serviceName: profile.serviceName[lang],
    issuer,
    place,
    date,
    number: documentNumber(kind, applicationNumber, seq),
    t: text,
  };
}

/**
 * Service B's provider is the territorial police body of the place where the legal entity is
 * registered (licence rules, List row 9 ground 6), so its city is the registry's `legalEntity.region`
 * when that is a city ("г. Алматы"); a region the document cannot word in both languages is left out.
 */
function registrationCity(f: FactReader, lang: Lang): string | undefined {
  const region = f.raw('legalEntity.region');
  const city = typeof region === 'string' ? /^г\.\s*(\S.*)$/.exec(region.trim())?.[1] : undefined;
  if (!city) return undefined;
  return t(lang, 'document.city', { city });
}

/** The applicant as an addressee line: name and identification number. */
export function applicantLine(ctx: DocumentContext): string {
  // Service A also serves individual entrepreneurs, who hold an IIN rather than a BIN.
  const idLabel = ctx.t(
    ctx.service === 'fire-automation-permit' ? 'document.particulars.iin-bin' : 'document.particulars.bin',
  );
  return `${ctx.applicant.name}, ${idLabel} ${ctx.applicant.bin}`;
}

/** Kinds the head signs in `deliver-result` (C7): results and refusals. Their date is the signing date. */
const HEAD_SIGNED_KINDS: ReadonlySet<DocumentKind> = new Set<DocumentKind>([
  'permit',
  'licence',
  'licence-annex',
  'consent-letter',
  'ministers-order',
  'refusal',
  'refusal-further-consideration',
]);

/** Refusals and complaint answers: signed by `refusalHead` where the result's signatory differs. */
const REFUSAL_KINDS: ReadonlySet<DocumentKind> = new Set<DocumentKind>([
  'refusal',
  'refusal-further-consideration',
  'complaint-answer',
]);

/** The post of who signs a document of this kind (roles: service C's refusals are the MIA department head's). */
export function signatoryRole(ctx: DocumentContext): string {
  const profile = SERVICES[ctx.service];
  const role = REFUSAL_KINDS.has(ctx.kind) && profile.refusalHead ? profile.refusalHead : profile.head;
  return role[ctx.lang];
}

/** When the head signed (`decision.signedAt`, recorded by `deliver-result` on the signature). */
export function signedAt(ctx: DocumentContext): Date | undefined {
  return ctx.f.optionalInstant('decision.signedAt');
}

/**
 * The head of the provider (C7). Results are formed before the head signs them, so the name and
 * time appear only when `decision` already carries them, i.e. when the document is formed again
 * after the signature.
 */
export function headSignature(ctx: DocumentContext): DocumentSignature {
  const at = signedAt(ctx);
  return {
    role: signatoryRole(ctx),
    name: ctx.f.optionalText('decision.signedBy'),
    signedAt: at ? formatDateTime(at, ctx.lang) : undefined,
  };
}

/** An authorised officer of the provider: notices, requests and letters sent during processing. */
export function officerSignature(ctx: DocumentContext): DocumentSignature {
  return {
    role: ctx.t('document.signature.officer'),
    name: ctx.f.optionalText('officerName'),
  };
}

/**
 * When `decision.approved` is known it must match the document: a permit for a refused case is a
 * modelling error. It may be absent, since the head decides by signing the formed document.
 */
export function requireDecision(ctx: DocumentContext, approved: boolean): void {
  if (ctx.f.has('decision.approved') && ctx.f.boolean('decision.approved') !== approved) {
    ctx.f.fail(
      'decision.approved',
      'invalid',
      approved ? 'the decision is a refusal' : 'the decision is an approval',
    );
  }
}

/**
 * Date of issue: the signing date. A draft formed for the head's signature does not yet have one,
 * and says so rather than printing the drafting date.
 */
export function issuedOn(ctx: DocumentContext): string {
  const at = signedAt(ctx);
  return at ? formatDate(at) : ctx.t('document.date.on-signing');
}

export type ContentBody = Omit<DocumentContent, 'kind' | 'lang' | 'number' | 'date' | 'issuer'> &
  Partial<Pick<DocumentContent, 'number' | 'issuer'>>;

export function finish(ctx: DocumentContext, body: ContentBody): DocumentContent {
  return {
    kind: ctx.kind,
    lang: ctx.lang,
    title: body.title,
    number: body.number ?? ctx.number,
    date: HEAD_SIGNED_KINDS.has(ctx.kind) ? issuedOn(ctx) : formatDate(ctx.date),
    ...(ctx.place ? { place: ctx.place } : {}),
    issuer: body.issuer ?? ctx.issuer,
    addressee: body.addressee,
    sections: body.sections,
    legalBasis: body.legalBasis,
    signature: body.signature,
  };
}
