import { z } from 'zod';
import { parseBin, parseIin, type IdentifierProblem } from '../identifiers';

/**
 * What the portal sends for each public service. The portal's JSON is the applicant's e-request
 * (rule C1); facts held by state systems (C8) are deliberately absent: workers look them up.
 */

import { both, t, type MessageKey, type MessageParams } from '../../i18n';
import { SERVICE_IDS, type ServiceId } from '../services';

export { SERVICE_IDS, type ServiceId };

/** Portal numbers look like `SEC-2026-000042`: service prefix, year, sequence. */
export const APPLICATION_NUMBER_PATTERN = /^[A-Z]{2,5}-\d{4}-\d{4,8}$/;

/** A message text in both languages of the service; carried by custom issues. */
interface Bilingual {
  kk: string;
  ru: string;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** A custom issue's message: the catalogue's text in both languages. */
function bilingual(key: MessageKey, params?: MessageParams): { params: Bilingual } {
  return { params: both(key, params) };
}

const text = (max: number) => z.string().trim().min(1).max(max);

const applicationNumber = z
  .string()
  .refine((v) => APPLICATION_NUMBER_PATTERN.test(v), bilingual('error.applicationNumber'));

type IdentifierKind = 'iin' | 'bin' | 'iin-or-bin';

const ID_LABEL: Record<IdentifierKind, Bilingual> = {
  iin: both('error.id.iin'),
  bin: both('error.id.bin'),
  'iin-or-bin': both('error.id.iin-or-bin'),
};

/** Which check a 12-digit number failed, in both languages. */
function problemText(kind: 'iin' | 'bin', problem: IdentifierProblem): Bilingual {
  switch (problem) {
    case 'checksum':
      return both('error.id.checksum');
    case 'century':
      return both('error.id.century');
    case 'date':
      return kind === 'iin' ? both('error.id.birthDate') : both('error.id.registrationMonth');
    case 'entity-type':
      return both('error.id.entityType');
    case 'division':
      return both('error.id.division');
    default:
      return both('error.id.format');
  }
}

/**
 * Checks an IIN, a BIN, or either (service A: an individual entrepreneur applies with an IIN,
 * a legal entity with a BIN, Order 138 §3 part one, Annex 1 "ЖСН/БСН"). Returns what is wrong —
 * length, digits, the date or century part, the entity-type or division digit, the check digit —
 * or undefined when the number is valid.
 */
export function identifierProblem(value: string, kind: IdentifierKind): Bilingual | undefined {
  const label = ID_LABEL[kind];
  const say = (problem: Bilingual): Bilingual => ({
    kk: t('kk', 'error.id.problem', { label: label.kk, problem: problem.kk }),
    ru: t('ru', 'error.id.problem', { label: label.ru, problem: problem.ru }),
  });
  if (value.length !== 12) return say(both('error.id.length', { length: value.length }));
  if (!/^\d{12}$/.test(value)) return say(both('error.id.digits'));
  const asIin = parseIin(value);
  const asBin = parseBin(value);
  if (kind === 'iin') return asIin.ok ? undefined : say(problemText('iin', asIin.problem));
  if (kind === 'bin') return asBin.ok ? undefined : say(problemText('bin', asBin.problem));
  if (asIin.ok || asBin.ok) return undefined;
  // Only the check digit is wrong for one reading: that is the mistake to report.
  if (asIin.problem === 'checksum') return say(problemText('iin', 'checksum'));
  if (asBin.problem === 'checksum') return say(problemText('bin', 'checksum'));
  const i = problemText('iin', asIin.problem);
  const b = problemText('bin', asBin.problem);
  return say({
    kk: t('kk', 'error.id.neither', { asIin: i.kk, asBin: b.kk }),
    ru: t('ru', 'error.id.neither', { asIin: i.ru, asBin: b.ru }),
  });
}

const identifier = (kind: IdentifierKind) =>
  z.string().superRefine((v, ctx) => {
    const problem = identifierProblem(v, kind);
    if (problem) ctx.addIssue({ code: 'custom', params: problem });
  });

const bin = identifier('bin');
const iin = identifier('iin');

const dateString = z
  .string()
  .regex(isoDate)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), bilingual('error.date'));

const applicantFields = {
  bin,
  name: text(300),
  headFullName: text(200),
  /** The head's IIN: the gateway lookups of the head (education, records) are keyed by it (C8). */
  headIin: iin,
  location: text(500),
  /** State registration certificate (service A's appendix 1). */
  registrationCertificate: z.object({ number: text(50), date: dateString }).optional(),
  phone: z.string().trim().max(40).optional(),
  email: z.email().optional(),
};

export const applicantSchema = z.object(applicantFields);

/**
 * Service A's applicant: a legal entity (BIN) or an individual entrepreneur (IIN), Order 138 §3
 * part one and Annex 1 "ЖСН/БСН". The field keeps its name: it is the applicant's identification
 * number everywhere (personal cabinet, E-licensing, lookups).
 */
export const permitApplicantSchema = z.object({ ...applicantFields, bin: identifier('iin-or-bin') });

export const attachmentSchema = z.object({
  kind: z.string().regex(/^[a-z][a-z0-9-]{1,60}$/),
  // A bare file name: the server stores uploads under its own directory, never a client path.
  fileName: z
    .string()
    .min(1)
    .max(255)
    .refine((v) => !/[\\/]/.test(v) && v !== '.' && v !== '..', bilingual('error.fileName')),
});

const common = {
  applicationNumber,
  applicant: applicantSchema,
  /** False is accepted: the missing consent is itself a refusal ground (C14), decided later. */
  consentToRestrictedData: z.boolean(),
  attachments: z.array(attachmentSchema).max(50).default([]),
};

export const fireAutomationPermitSchema = z.object({
  serviceId: z.literal('fire-automation-permit'),
  requestKind: z.literal('application').default('application'),
  channel: z.literal('portal').default('portal'),
  ...common,
  applicant: permitApplicantSchema,
  specialists: z
    .array(
      z.object({
        iin,
        fullName: text(200),
        /** Electrical-safety clearance group I–V; the compliance check requires III or higher. */
        electricalClearanceGroup: z.number().int().min(1).max(5),
      }),
    )
    .min(1)
    .max(100),
  measuringInstruments: z
    .array(z.object({ name: text(200), serialNumber: text(100), verifiedUntil: dateString }))
    .min(1)
    .max(200),
});

export const securityLicenceSchema = z
  .object({
    serviceId: z.literal('security-licence'),
    channel: z.literal('portal').default('portal'),
    requestKind: z.enum(['issue', 'reissue', 'duplicate']),
    /** 1: including objects vulnerable to terrorism; 2: all other security services. */
    subType: z.union([z.literal(1), z.literal(2)]),
    licenceNumber: z.string().trim().min(1).max(50).optional(),
    reissueReason: z.string().trim().min(1).max(1000).optional(),
    duplicateReason: z.enum(['lost', 'damaged']).optional(),
    /**
     * Order 923 licence rules §2, §10, §11; Annexes 4–5: what is requested — the licence with its
     * annex (sub-type and places of activity), the licence alone, or the annex alone.
     */
    licenceDocuments: z.enum(['licence-and-annex', 'licence', 'annex']).default('licence-and-annex'),
    /** Places of activity printed in the annex (Annex 5); the applicant's address when none is given. */
    placesOfActivity: z.array(z.string().trim().min(1).max(500)).min(1).max(50).optional(),
    ...common,
  })
  .superRefine((value, ctx) => {
    const need = (path: string, key: MessageKey) =>
      ctx.addIssue({ code: 'custom', path: [path], params: both(key) });
    if (value.requestKind === 'issue' && value.licenceDocuments === 'annex' && !value.licenceNumber) {
      need('licenceNumber', 'error.licenceNumber.annexOnly');
    }
    if (value.requestKind !== 'issue' && !value.licenceNumber) {
      need('licenceNumber', 'error.licenceNumber.reissueOrDuplicate');
    }
    if (value.requestKind === 'reissue' && !value.reissueReason) {
      need('reissueReason', 'error.reissueReason');
    }
    if (value.requestKind === 'duplicate' && !value.duplicateReason) {
      need('duplicateReason', 'error.duplicateReason');
    }
  });

export const trainingCentreDesignationSchema = z.object({
  serviceId: z.literal('training-centre-designation'),
  requestKind: z.literal('application').default('application'),
  channel: z.literal('portal').default('portal'),
  ...common,
  /** A leased shooting range needs its documents attached; an owned one is looked up (C8). */
  shootingRangeLeased: z.boolean().default(false),
});

/**
 * Service D: a representative acting for the national company under a power of attorney (Order
 * 923, national-company List row 8 lead-in): who, the document, and the dates it is valid.
 */
export const representativeSchema = z
  .object({
    fullName: text(200),
    iin,
    powerOfAttorney: z.object({
      number: text(50),
      issuedOn: dateString,
      validFrom: dateString,
      validUntil: dateString,
    }),
  })
  .superRefine((r, ctx) => {
    const p = r.powerOfAttorney;
    if (p.validUntil < p.validFrom)
      ctx.addIssue({
        code: 'custom',
        path: ['powerOfAttorney', 'validUntil'],
        params: both('error.powerOfAttorney.endsBeforeStart'),
      });
    if (p.validFrom < p.issuedOn)
      ctx.addIssue({
        code: 'custom',
        path: ['powerOfAttorney', 'validFrom'],
        params: both('error.powerOfAttorney.beforeIssue'),
      });
  });

export type Representative = z.infer<typeof representativeSchema>;

const displayDate = (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;

/**
 * The power of attorney must be in force on the day the application is received: one that has
 * expired or is not yet valid gives no authority to apply. Errors name the field in kk and ru.
 */
export function powerOfAttorneyProblems(application: Application, receivedOn: string): ValidationError[] {
  if (application.serviceId !== 'national-company-security-approval' || !application.representative)
    return [];
  const p = application.representative.powerOfAttorney;
  const path = 'representative.powerOfAttorney';
  if (p.validUntil < receivedOn)
    return [
      {
        path: `${path}.validUntil`,
        ...both('error.powerOfAttorney.expired', {
          validUntil: displayDate(p.validUntil),
          receivedOn: displayDate(receivedOn),
        }),
      },
    ];
  if (p.validFrom > receivedOn)
    return [
      {
        path: `${path}.validFrom`,
        ...both('error.powerOfAttorney.notYetValid', {
          validFrom: displayDate(p.validFrom),
          receivedOn: displayDate(receivedOn),
        }),
      },
    ];
  return [];
}

export const nationalCompanySecurityApprovalSchema = z.object({
  serviceId: z.literal('national-company-security-approval'),
  requestKind: z.literal('application').default('application'),
  /** Service D is the one service also accepted at the provider's office (C1). */
  channel: z.enum(['portal', 'office']).default('portal'),
  ...common,
  // The list of objects and the antimonopoly body's prior consent are documents of the package
  // (Annex 1 row 8): a package without them is registered and refused further consideration by
  // the clerk (Order 923 §6–§7; spec C5), never rejected at intake.
  objects: z
    .array(z.object({ name: text(300), location: text(500) }))
    .max(500)
    .default([]),
  antimonopolyConsentRef: text(100).optional(),
  /** Absent when the company's head applies with the company's own EDS. */
  representative: representativeSchema.optional(),
});

export const applicationSchema = z.discriminatedUnion('serviceId', [
  fireAutomationPermitSchema,
  securityLicenceSchema,
  trainingCentreDesignationSchema,
  nationalCompanySecurityApprovalSchema,
]);

export type Application = z.infer<typeof applicationSchema>;
export type FireAutomationPermitApplication = z.infer<typeof fireAutomationPermitSchema>;
export type SecurityLicenceApplication = z.infer<typeof securityLicenceSchema>;

export interface ValidationError {
  /** Dotted path of the field in the submitted JSON, e.g. `applicant.bin`, `specialists.0.iin`. */
  path: string;
  kk: string;
  ru: string;
}

export type ValidationResult = { ok: true; value: Application } | { ok: false; errors: ValidationError[] };

/** Validates the portal's JSON; every error names its field path in Kazakh and Russian. */
export function validateApplication(input: unknown): ValidationResult {
  const parsed = applicationSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, errors: parsed.error.issues.map(toValidationError) };
}

type Issue = z.core.$ZodIssue;

function toValidationError(issue: Issue): ValidationError {
  const path = issue.path.map(String).join('.');
  const message = messageFor(issue);
  return { path: path || '(root)', ...message };
}

function messageFor(issue: Issue): Bilingual {
  const params = (issue as { params?: Partial<Bilingual> }).params;
  if (params?.kk && params.ru) return { kk: params.kk, ru: params.ru };
  switch (issue.code) {
    case 'invalid_type':
      if ((issue as { input?: unknown }).input === undefined) return both('error.required');
      return both('error.type', { expected: issue.expected });
    case 'too_small':
      if (issue.origin === 'array') return both('error.tooFewRows', { minimum: String(issue.minimum) });
      if (issue.origin === 'string') return both('error.empty');
      return both('error.tooSmall', { minimum: String(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'array') return both('error.tooManyRows', { maximum: String(issue.maximum) });
      if (issue.origin === 'string') return both('error.tooLong', { maximum: String(issue.maximum) });
      return both('error.tooBig', { maximum: String(issue.maximum) });
    case 'invalid_format':
      return formatMessage(issue);
    case 'invalid_value':
      return both('error.allowedValues', { values: issue.values.map(String).join(', ') });
    case 'invalid_union':
      if ((issue as { note?: string }).note === 'No matching discriminator') {
        return both('error.unknownService', { services: SERVICE_IDS.join(', ') });
      }
      return both('error.noVariant');
    case 'unrecognized_keys':
      return both('error.unknownFields', { keys: issue.keys.join(', ') });
    default:
      return both('error.invalid');
  }
}

function formatMessage(issue: z.core.$ZodIssueInvalidStringFormat): Bilingual {
  const pattern = issue.format === 'regex' ? (issue as { pattern?: string }).pattern : undefined;
  if (pattern === isoDate.source) return both('error.dateFormat');
  if (issue.format === 'email') return both('error.email');
  return both('error.format');
}
