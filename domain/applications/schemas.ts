import { z } from 'zod';
import { parseBin, parseIin, type IdentifierProblem } from '../identifiers';

/**
 * What the portal sends for each public service. The portal's JSON is the applicant's e-request
 * (rule C1); facts held by state systems (C8) are deliberately absent: workers look them up.
 */

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

function bilingual(kk: string, ru: string): { params: Bilingual } {
  return { params: { kk, ru } };
}

const text = (max: number) => z.string().trim().min(1).max(max);

const applicationNumber = z
  .string()
  .refine(
    (v) => APPLICATION_NUMBER_PATTERN.test(v),
    bilingual(
      'Өтініш нөмірі SEC-2026-000042 үлгісінде болуы керек',
      'Номер заявления должен быть вида SEC-2026-000042',
    ),
  );

type IdentifierKind = 'iin' | 'bin' | 'iin-or-bin';

const ID_LABEL: Record<IdentifierKind, Bilingual> = {
  iin: { kk: 'ЖСН', ru: 'ИИН' },
  bin: { kk: 'БСН', ru: 'БИН' },
  'iin-or-bin': { kk: 'ЖСН/БСН', ru: 'ИИН/БИН' },
};

/** Which check a 12-digit number failed, in both languages. */
function problemText(kind: 'iin' | 'bin', problem: IdentifierProblem): Bilingual {
  switch (problem) {
    case 'checksum':
      return { kk: 'бақылау саны (12-цифр) сәйкес келмейді', ru: 'не сходится контрольная (12-я) цифра' };
    case 'century':
      return {
        kk: '7-цифр (туған ғасыры мен жынысы) 1-ден 6-ға дейін болуы керек',
        ru: '7-я цифра (век рождения и пол) должна быть от 1 до 6',
      };
    case 'date':
      return kind === 'iin'
        ? {
            kk: 'алғашқы 6 цифр (туған күні, ЖЖААКК) нақты күн емес',
            ru: 'первые 6 цифр (дата рождения, ГГММДД) не являются существующей датой',
          }
        : {
            kk: '3–4-цифрлар (тіркелген айы) 01-ден 12-ге дейін болуы керек',
            ru: '3–4-я цифры (месяц регистрации) должны быть от 01 до 12',
          };
    case 'entity-type':
      return {
        kk: '5-цифр (заңды тұлғаның түрі) 4, 5 немесе 6 болуы керек',
        ru: '5-я цифра (тип юридического лица) должна быть 4, 5 или 6',
      };
    case 'division':
      return {
        kk: '6-цифр (бөлімше белгісі) 0-ден 3-ке дейін болуы керек',
        ru: '6-я цифра (признак подразделения) должна быть от 0 до 3',
      };
    default:
      return { kk: 'пішімі дұрыс емес', ru: 'неверный формат' };
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
  const say = (t: Bilingual): Bilingual => ({ kk: `${label.kk}: ${t.kk}`, ru: `${label.ru}: ${t.ru}` });
  if (value.length !== 12)
    return say({
      kk: `12 цифр болуы керек, енгізілгені ${value.length} таңба`,
      ru: `должно быть 12 цифр, введено символов: ${value.length}`,
    });
  if (!/^\d{12}$/.test(value))
    return say({ kk: 'тек цифрлардан тұруы керек', ru: 'допускаются только цифры' });
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
    kk: `ЖСН де, БСН де емес: ЖСН ретінде ${i.kk}; БСН ретінде ${b.kk}`,
    ru: `не является ни ИИН, ни БИН: как ИИН — ${i.ru}; как БИН — ${b.ru}`,
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
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), bilingual('Күн дұрыс емес', 'Неверная дата'));

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
    .refine(
      (v) => !/[\\/]/.test(v) && v !== '.' && v !== '..',
      bilingual('Файл атауы дұрыс емес', 'Недопустимое имя файла'),
    ),
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
    const need = (path: string, kk: string, ru: string) =>
      ctx.addIssue({ code: 'custom', path: [path], params: { kk, ru } });
    if (value.requestKind === 'issue' && value.licenceDocuments === 'annex' && !value.licenceNumber) {
      need(
        'licenceNumber',
        'Лицензияға қосымша ғана сұралса, лицензия нөмірі міндетті',
        'Если запрашивается только приложение к лицензии, нужен номер лицензии',
      );
    }
    if (value.requestKind !== 'issue' && !value.licenceNumber) {
      need(
        'licenceNumber',
        'Қайта ресімдеу мен телнұсқа үшін лицензия нөмірі міндетті',
        'Для переоформления и дубликата нужен номер лицензии',
      );
    }
    if (value.requestKind === 'reissue' && !value.reissueReason) {
      need('reissueReason', 'Қайта ресімдеу себебін көрсетіңіз', 'Укажите причину переоформления');
    }
    if (value.requestKind === 'duplicate' && !value.duplicateReason) {
      need(
        'duplicateReason',
        'Телнұсқа себебін көрсетіңіз (жоғалған немесе бүлінген)',
        'Укажите причину дубликата (утеря или порча)',
      );
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
        params: {
          kk: 'Сенімхаттың жарамдылық мерзімінің соңы басынан ерте',
          ru: 'Окончание срока действия доверенности раньше его начала',
        },
      });
    if (p.validFrom < p.issuedOn)
      ctx.addIssue({
        code: 'custom',
        path: ['powerOfAttorney', 'validFrom'],
        params: {
          kk: 'Сенімхат берілген күнінен бұрын жарамды бола алмайды',
          ru: 'Доверенность не может действовать раньше даты её выдачи',
        },
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
        kk: `Сенімхаттың мерзімі өткен: ${displayDate(p.validUntil)} дейін жарамды болған, өтініш ${displayDate(receivedOn)} түсті`,
        ru: `Срок доверенности истёк: она действовала до ${displayDate(p.validUntil)}, заявление поступило ${displayDate(receivedOn)}`,
      },
    ];
  if (p.validFrom > receivedOn)
    return [
      {
        path: `${path}.validFrom`,
        kk: `Сенімхат әлі күшіне енбеген: ${displayDate(p.validFrom)} бастап жарамды, өтініш ${displayDate(receivedOn)} түсті`,
        ru: `Доверенность ещё не действует: она действует с ${displayDate(p.validFrom)}, заявление поступило ${displayDate(receivedOn)}`,
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
      if ((issue as { input?: unknown }).input === undefined) {
        return { kk: 'Міндетті өріс толтырылмаған', ru: 'Обязательное поле не заполнено' };
      }
      return {
        kk: `Мәннің түрі дұрыс емес (күтілгені: ${issue.expected})`,
        ru: `Неверный тип значения (ожидается: ${issue.expected})`,
      };
    case 'too_small':
      if (issue.origin === 'array')
        return { kk: `Кемінде ${issue.minimum} жазба қажет`, ru: `Нужно не менее ${issue.minimum} записей` };
      if (issue.origin === 'string')
        return { kk: 'Өріс бос болмауы керек', ru: 'Поле не должно быть пустым' };
      return { kk: `Мән ${issue.minimum} кем болмауы керек`, ru: `Значение не меньше ${issue.minimum}` };
    case 'too_big':
      if (issue.origin === 'array')
        return { kk: `Ең көбі ${issue.maximum} жазба`, ru: `Не более ${issue.maximum} записей` };
      if (issue.origin === 'string')
        return { kk: `Ең көбі ${issue.maximum} таңба`, ru: `Не более ${issue.maximum} символов` };
      return { kk: `Мән ${issue.maximum} артық болмауы керек`, ru: `Значение не больше ${issue.maximum}` };
    case 'invalid_format':
      return formatMessage(issue);
    case 'invalid_value':
      return {
        kk: `Рұқсат етілген мәндер: ${issue.values.map(String).join(', ')}`,
        ru: `Допустимые значения: ${issue.values.map(String).join(', ')}`,
      };
    case 'invalid_union':
      if ((issue as { note?: string }).note === 'No matching discriminator') {
        return {
          kk: `Белгісіз қызмет. Рұқсат етілгені: ${SERVICE_IDS.join(', ')}`,
          ru: `Неизвестная услуга. Допустимые: ${SERVICE_IDS.join(', ')}`,
        };
      }
      return {
        kk: 'Мән рұқсат етілген нұсқалардың ешқайсысына сәйкес емес',
        ru: 'Значение не соответствует ни одному из допустимых вариантов',
      };
    case 'unrecognized_keys':
      return {
        kk: `Белгісіз өрістер: ${issue.keys.join(', ')}`,
        ru: `Неизвестные поля: ${issue.keys.join(', ')}`,
      };
    default:
      return { kk: 'Мән дұрыс емес', ru: 'Недопустимое значение' };
  }
}

function formatMessage(issue: z.core.$ZodIssueInvalidStringFormat): Bilingual {
  const pattern = issue.format === 'regex' ? (issue as { pattern?: string }).pattern : undefined;
  if (pattern === isoDate.source)
    return { kk: 'Күн ЖЖЖЖ-АА-КК пішімінде болуы керек', ru: 'Дата в формате ГГГГ-ММ-ДД' };
  if (issue.format === 'email')
    return { kk: 'Электрондық пошта дұрыс емес', ru: 'Неверный адрес электронной почты' };
  return { kk: 'Пішімі дұрыс емес', ru: 'Неверный формат' };
}
