import {
  buildDocument,
  DOCUMENT_KINDS,
  factsFromVariables,
  type DocumentContent,
  type DocumentKind,
} from '../../../domain/documents';
import { REFUSAL_GROUNDS } from '../../../domain/rules/refusal-grounds';
import { NOTICE_TEMPLATES } from '../../../workers/notify';
import { INTERNAL_CODES, latinLeft } from '../../support/language';
import { FACTS } from './fixtures';

// Kazakh and Russian only, no internal codes (Order 138 Annex 2 row 7; Order 923 List row 5):
// the allowed Latin items are listed in test/support/language.ts.
function allText(c: DocumentContent): string {
  return [
    c.title,
    c.number,
    c.date,
    c.place ?? '',
    c.issuer,
    c.addressee,
    ...c.sections.flatMap((s) => [s.heading ?? '', ...s.paragraphs, ...(s.table?.rows.flat() ?? [])]),
    ...c.legalBasis,
    c.signature.role,
    c.signature.name ?? '',
    c.signature.signedAt ?? '',
  ].join('\n');
}

/** Variables as the processes leave them (flat, as forms and workers write them), one set per kind. */
const fromProcess: Partial<Record<DocumentKind, Record<string, unknown>>> = {
  refusal: {
    applicationNumber: 'FAP-2026-000812',
    serviceId: 'fire-automation-permit',
    registeredOn: '2026-08-03',
    documentDate: '2026-08-13T05:00:00Z',
    applicant: { bin: '150940188329', name: 'ТОО «Өрт Автоматика»' },
    refusalGrounds: REFUSAL_GROUNDS.filter((g) => g.serviceId === 'fire-automation-permit').map(
      (g) => g.code,
    ),
    specialists: [
      { iin: '910203400318', fullName: 'Омарова Айгерім Болатқызы', electricalClearanceGroup: 2 },
    ],
    specialistsCheck: {
      passed: false,
      grounds: [],
      qualifiedCount: 0,
      minimumSpecialists: 2,
      verifiedInstrumentCount: 0,
      minimumVerifiedInstruments: 1,
      specialists: [{ iin: '910203400318', qualified: false, reasons: [] }],
      findings: [
        {
          iin: '910203400318',
          fullName: 'Омарова Айгерім Болатқызы',
          qualified: false,
          electricalClearanceGroup: 2,
          minimumClearanceGroup: 3,
          education: [{ level: 'technical-vocational', specialty: 'Электроснабжение (по отраслям)' }],
          listedSpecialty: true,
          experienceYears: 4,
          requiredExperienceYears: 5,
        },
      ],
    },
    legalEntity: { courtBan: true },
    studyNotes: 'Мамандардың біліктілігі расталмады.',
    hearingAt: '2026-08-12T10:00:00+05:00',
    hearingPlace: 'https://vc.emer.gov.kz/room/305',
    hearingMethod: 'video',
    applicantPosition: 'Келіспейміз.',
    applicantPositionSummary: 'Өтініш беруші келіспейтінін білдірді.',
    hearingOutcome: 'refusal-confirmed',
    hearingReasons: 'Жаңа құжаттар ұсынылмады.',
    decision: 'approve',
    signerName: 'Жұмабеков Ерлан Серікұлы',
    signedAt: '2026-08-13T11:00Z',
  },
  'refusal-further-consideration': {
    applicationNumber: 'TRC-2026-000310',
    serviceId: 'training-centre-designation',
    documentDate: '2026-03-04T05:00:00Z',
    applicant: { bin: '150940188329', name: '«Қалқан Оқу Орталығы» ЖШС' },
    docApplication: true,
    docShootingRange: false,
    docCurricula: false,
  },
};

const SECURITY_B = {
  ...FACTS.refusal,
  refusalGrounds: REFUSAL_GROUNDS.filter((g) => g.serviceId === 'security-licence').map((g) => g.code),
  feeCheck: { paid: false, amountPaid: 0, expectedAmount: 43250, mci: 4325, paidOn: null },
  criminalRecords: [{ iin: '850101300123', hasConviction: true, extremismOrTerrorismData: true }],
  mentalHealth: [{ iin: '850101300123', registered: true }],
};

const cases: Array<[string, DocumentKind, Record<string, unknown>]> = [
  ...DOCUMENT_KINDS.map((k): [string, DocumentKind, Record<string, unknown>] => [
    `${k} (fixture)`,
    k,
    FACTS[k],
  ]),
  ...Object.entries(fromProcess).map(([k, v]): [string, DocumentKind, Record<string, unknown>] => [
    `${k} (process variables)`,
    k as DocumentKind,
    v!,
  ]),
  ['refusal of service B with every ground and finding', 'refusal', SECURITY_B],
  [
    'refusal of service D on the antimonopoly answer',
    'refusal',
    {
      ...FACTS['consent-letter'],
      decision: undefined,
      refusalGrounds: ['D_ANTIMONOPOLY_CONSENT_NOT_CONFIRMED', 'D_NO_CONSENT_PERSONAL_DATA'],
      antimonopolyAnswer: { consent: false, comment: 'Келісім берілмеген.' },
    },
  ],
  ['a draft permit before the signature', 'permit', { ...FACTS.permit, decision: undefined }],
];

describe('documents and notices a person reads are in Kazakh and Russian only', () => {
  describe.each(cases)('%s', (_name, kind, variables) => {
    it.each(['kk', 'ru'] as const)('in %s has no English, spec reference or internal code', (lang) => {
      const text = allText(buildDocument(kind, factsFromVariables(variables), lang));
      expect(latinLeft(text)).toEqual([]);
      for (const code of INTERNAL_CODES) expect(text).not.toMatch(code);
    });
  });

  const noticeVariables = {
    applicationNumber: 'FAP-2026-000812',
    serviceId: 'fire-automation-permit' as const,
    hearingAt: '2026-08-12T10:00:00+05:00',
    hearingPlace: 'Астана қ., Мәңгілік Ел даңғылы, 8',
    serviceDeadline: '2026-08-20T18:30:00+05:00',
  };

  it.each(Object.keys(NOTICE_TEMPLATES))(
    'the "%s" notice has no English, spec reference or internal code',
    (name) => {
      const template = NOTICE_TEMPLATES[name];
      const text = `${template.title}\n${template.body(noticeVariables)}`;
      expect(latinLeft(text)).toEqual([]);
      for (const code of INTERNAL_CODES) expect(text).not.toMatch(code);
      expect(text).toMatch(/[әғқңөұүһі]/);
      expect(text).toMatch(/[а-яё]/);
    },
  );

  it('the check itself catches English words, ISO timestamps and catalogue notes', () => {
    expect(latinLeft('Тыңдау: 2026-08-12T10:00:00+05:00')).toEqual(['T10']);
    expect(latinLeft('основание: MES Order 372, Annex 2 row 11 ground 2')).toEqual([
      'MES',
      'Order',
      'Annex',
      'row',
      'ground',
    ]);
    expect(latinLeft('№ KZ-2026-000123-REF-01, egov.kz, https://egov.kz/x')).toEqual([]);
    expect('основание A02_PERMIT_REQUIREMENTS').toMatch(INTERNAL_CODES[0]);
  });
});
