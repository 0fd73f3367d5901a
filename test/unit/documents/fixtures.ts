import type { DocumentFacts, DocumentKind } from '../../../domain/documents';
import { groundByCode } from '../../../domain/rules/refusal-grounds';

/** Process variables as intake and the clerks' tasks leave them, one set per document kind. */
const applicant = {
  bin: '210440012345',
  name: 'ТОО «Қорғау-Сервис»',
  headIin: '850101300123',
  headFullName: 'Әбілқасымов Нұрлан Серікұлы',
};

const base = {
  applicationNumber: 'KZ-2026-000123',
  requestKind: 'issue',
  subType: 1,
  applicant,
  registeredOn: '2026-04-02T04:00:00Z',
  documentDate: '2026-04-14T06:30:00Z',
};

const approved = { approved: true, signedBy: 'Серікбаев Ә. Қ.', signedAt: '2026-04-14T06:00:00Z' };
const refused = { approved: false, signedBy: 'Серікбаев Ә. Қ.', signedAt: '2026-04-14T06:00:00Z' };

/** Catalogue grounds as factsFromVariables leaves them (domain/rules/refusal-grounds.ts). */
export const grounds = ['B03_FEE_NOT_PAID', 'B12_NO_CONSENT_PERSONAL_DATA'].map((code) => {
  const g = groundByCode(code);
  return { code: g.code, ruleRef: g.ruleRef, textKk: g.textKk, textRu: g.textRu };
});

export const hearing = {
  at: '2026-04-17T05:00:00Z',
  place: 'Астана қ., Тәуелсіздік даңғылы, 1, 305-кабинет',
  method: 'in-person',
};

const objects = [
  { name: 'Ақтау теңіз порты, №2 терминал', location: 'Маңғыстау облысы, Ақтау қ.' },
  { name: 'Өскемен қосалқы станциясы', location: 'Шығыс Қазақстан облысы, Өскемен қ.' },
];

export const FACTS: Record<DocumentKind, DocumentFacts> = {
  permit: {
    ...base,
    serviceId: 'fire-automation-permit',
    decision: approved,
    permitNumber: 'KZ26VFA00001234',
  },
  licence: { ...base, serviceId: 'security-licence', decision: approved, licenceNumber: '26004567' },
  'licence-annex': {
    ...base,
    serviceId: 'security-licence',
    subType: 2,
    decision: approved,
    licenceNumber: '26004567',
  },
  'refusal-further-consideration': {
    ...base,
    serviceId: 'training-centre-designation',
    decision: { signedBy: 'Серікбаев Ә. Қ.', signedAt: '2026-04-14T06:00:00Z' },
    missingDocuments: [{ kk: 'атыс тирін жалдау шарты', ru: 'договор аренды стрелкового тира' }],
    expiredDocuments: ['тексеру актісі / акт обследования'],
  },
  refusal: { ...base, serviceId: 'security-licence', refusalGrounds: grounds, hearing, decision: refused },
  'preliminary-decision': { ...base, serviceId: 'security-licence', refusalGrounds: grounds, hearing },
  'hearing-record': {
    ...base,
    serviceId: 'security-licence',
    refusalGrounds: grounds,
    hearing: {
      ...hearing,
      applicantPosition: 'Лицензиялық алым 15.04.2026 төленді / Лицензионный сбор оплачен 15.04.2026',
    },
  },
  'antimonopoly-letter': {
    ...base,
    serviceId: 'national-company-security-approval',
    objects,
    antimonopolyConsent: { number: '12-04/881', date: '2026-03-20' },
  },
  'consent-letter': {
    ...base,
    serviceId: 'national-company-security-approval',
    objects,
    decision: approved,
    antimonopolyAnswer: { number: '12-04/1020', date: '2026-04-10' },
  },
  'ministers-order-draft': { ...base, serviceId: 'training-centre-designation' },
  'ministers-order': { ...base, serviceId: 'training-centre-designation', decision: approved },
  'complaint-answer': {
    ...base,
    serviceId: 'fire-automation-permit',
    complaint: { text: 'Өтінішті қарау мерзімі бұзылды.', receivedAt: '2026-04-20T09:15:00Z' },
    complaintAnswer: {
      text: {
        kk: 'Мерзім сақталды, өтініш 10 жұмыс күні ішінде қаралды.',
        ru: 'Срок соблюдён, заявление рассмотрено в течение 10 рабочих дней.',
      },
      upheld: false,
    },
  },
  'missing-documents-request': {
    ...base,
    serviceId: 'security-licence',
    missingDocuments: [
      {
        kk: 'басшының жоғары заң білімі туралы диплом',
        ru: 'диплом о высшем юридическом образовании руководителя',
      },
    ],
    responseDueAt: '2026-04-03T13:30:00Z',
  },
};

/**
 * The facts each kind cannot do without, by dotted path as the error names them. `decision` and
 * the permit number are optional: results are formed before the head signs them.
 */
export const REQUIRED: Record<DocumentKind, string[]> = {
  permit: ['applicationNumber', 'applicant.name', 'applicant.bin', 'documentDate'],
  licence: ['subType', 'requestKind', 'applicant.bin'],
  'licence-annex': ['subType', 'requestKind'],
  'refusal-further-consideration': ['serviceId', 'applicationNumber'],
  refusal: ['serviceId', 'refusalGrounds'],
  'preliminary-decision': ['refusalGrounds', 'hearing.at', 'hearing.place', 'hearing.method'],
  'hearing-record': ['refusalGrounds', 'hearing.at', 'hearing.place', 'hearing.method'],
  'antimonopoly-letter': ['objects', 'applicant.bin'],
  'consent-letter': ['objects', 'applicant.name'],
  'ministers-order-draft': ['applicant.name', 'applicant.bin', 'documentDate'],
  'ministers-order': ['applicant.name', 'applicant.bin', 'documentDate'],
  'complaint-answer': [
    'complaint.text',
    'complaint.receivedAt',
    'complaintAnswer.text',
    'complaintAnswer.upheld',
  ],
  'missing-documents-request': ['missingDocuments', 'serviceId'],
};

/** A deep copy of `facts` with one dotted path removed. */
export function without(facts: DocumentFacts, path: string): DocumentFacts {
  const copy = structuredClone(facts) as Record<string, unknown>;
  const keys = path.split('.');
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  delete node[keys[keys.length - 1]];
  return copy;
}
